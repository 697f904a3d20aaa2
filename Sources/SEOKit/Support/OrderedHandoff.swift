import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands values from worker threads to one consumer in index order: workers `put` each value
/// at its index as they finish, the consumer `take`s index 0, 1, 2... and waits for the next
/// one when it is not ready yet.
///
/// Workers may run at most `window` indices ahead of the consumer (`waitForRoom`), so a slow
/// consumer (an output on a slow disk) holds back the work rather than letting finished
/// values pile up in memory. A pthread mutex and condition variable, which ThreadSanitizer
/// understands.
final class OrderedHandoff<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    private var slots: [Value?]
    /// The index the consumer takes next.
    private var next = 0
    private let window: Int

    init(count: Int, window: Int) {
        slots = Array(repeating: nil, count: count)
        self.window = max(1, window)
        mutex = .allocate(capacity: 1)
        condition = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Waits until `index` is less than `window` ahead of the consumer. Never waits for the
    /// index the consumer waits for, so workers and consumer cannot block each other.
    func waitForRoom(_ index: Int) {
        pthread_mutex_lock(mutex)
        while index >= next + window { pthread_cond_wait(condition, mutex) }
        pthread_mutex_unlock(mutex)
    }

    /// Stores the value of `index` (once per index).
    func put(_ value: Value, at index: Int) {
        pthread_mutex_lock(mutex)
        slots[index] = value
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
    }

    /// The value of the next index, waiting until it is there. Call once per index, in order.
    func take() -> Value {
        pthread_mutex_lock(mutex)
        while slots[next] == nil { pthread_cond_wait(condition, mutex) }
        let value = slots[next].take()!
        next += 1
        pthread_cond_broadcast(condition)
        pthread_mutex_unlock(mutex)
        return value
    }
}

extension OrderedHandoff where Value: Sendable {
    /// Computes `work(index, state)` for every index below `count` on `workers` threads and
    /// hands each value to `deliver` in index order, on the calling thread, as soon as it and
    /// every value before it are ready. Each worker makes its own `state` (a word cache, an
    /// engine) and keeps it across the indices it takes. With one worker everything runs on
    /// the calling thread.
    static func run<State>(
        count: Int, workers requested: Int, state makeState: @escaping @Sendable () -> State,
        work: @escaping @Sendable (Int, State) -> Value, deliver: (Int, Value) -> Void
    ) {
        let workers = min(requested, max(count, 1))
        guard workers > 1 else {
            let state = makeState()
            for index in 0..<count { deliver(index, work(index, state)) }
            return
        }
        // Workers run at most a few values ahead of the consumer.
        let handoff = OrderedHandoff(count: count, window: workers * 8)
        let next = Atomic<Int>(0)
        let group = DispatchGroup()
        for _ in 0..<workers {
            DispatchQueue.global().async(group: group) {
                let state = makeState()
                while true {
                    let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < count else { break }
                    handoff.waitForRoom(index)
                    handoff.put(work(index, state), at: index)
                }
            }
        }
        for index in 0..<count { deliver(index, handoff.take()) }
        group.wait()
    }
}
