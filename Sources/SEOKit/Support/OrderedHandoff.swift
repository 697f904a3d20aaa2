import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hands values computed on several threads to one consumer in index order: values are `put`
/// at their index as they finish, the consumer takes index 0, 1, 2... as they become ready.
///
/// Workers may run at most `window` indices ahead of the consumer (`waitForRoom`), so a slow
/// consumer (an output on a slow disk) holds back the work rather than letting finished values
/// pile up in memory. A pthread mutex and condition variable, which ThreadSanitizer
/// understands; threads are woken only when someone waits.
final class OrderedHandoff<Value>: @unchecked Sendable {
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let condition: UnsafeMutablePointer<pthread_cond_t>
    /// A ring of `window` slots: index `i` lives in slot `i % window`, which is free because
    /// no index runs `window` or more ahead of the consumer. Memory stays the same for ten
    /// files or a million.
    private var slots: [Value?]
    /// The index the consumer takes next.
    private var next = 0
    private let window: Int
    /// Threads blocked in `waitForRoom` or `take`.
    private var sleepers = 0

    init(count: Int, window: Int) {
        self.window = max(1, min(window, count))
        slots = Array(repeating: nil, count: self.window)
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

    private func sleep() {
        sleepers += 1
        pthread_cond_wait(condition, mutex)
        sleepers -= 1
    }

    private func wakeSleepers() {
        if sleepers > 0 { pthread_cond_broadcast(condition) }
    }

    /// Waits until `index` is less than `window` ahead of the consumer. Never waits for the
    /// index the consumer waits for, so workers and consumer cannot block each other.
    func waitForRoom(_ index: Int) {
        pthread_mutex_lock(mutex)
        while index >= next + window { sleep() }
        pthread_mutex_unlock(mutex)
    }

    /// Whether `index` is less than `window` ahead of the consumer.
    func hasRoom(for index: Int) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return index < next + window
    }

    /// Stores the value of `index` (once per index, after `waitForRoom(index)` or
    /// `hasRoom(for: index)` said yes).
    func put(_ value: Value, at index: Int) {
        pthread_mutex_lock(mutex)
        precondition(index < next + window, "put past the window")
        slots[index % window] = value
        if index == next { wakeSleepers() }
        pthread_mutex_unlock(mutex)
    }

    /// The value of the next index if it is ready; the consumer's call, in order.
    func takeIfReady() -> Value? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        guard slots[next % window] != nil else { return nil }
        return advance()
    }

    /// The value of the next index, waiting until it is there; the consumer's call, in order.
    func take() -> Value {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while slots[next % window] == nil { sleep() }
        return advance()
    }

    private func advance() -> Value {
        let value = slots[next % window].take()!
        next += 1
        wakeSleepers()
        return value
    }
}

extension OrderedHandoff where Value: Sendable {
    /// Computes `work(index, state)` for every index below `count` on `workers` threads and
    /// hands each value to `deliver` in index order, on the calling thread, as soon as it and
    /// every value before it are ready. Each worker makes its own `state` (a word cache, an
    /// engine) and keeps it across the indices it takes.
    ///
    /// The calling thread is one of the workers: between two values of its own it delivers
    /// whatever is ready, and it waits only at the end. So `workers` threads run, not one more
    /// that would wake for every value and take a core from the others.
    static func run<State>(
        count: Int, workers requested: Int, state makeState: @escaping @Sendable () -> State,
        work: @escaping @Sendable (Int, State) -> Value, deliver: (Int, Value) -> Void
    ) {
        let workers = min(requested, max(count, 1))
        let state = makeState()
        guard workers > 1 else {
            for index in 0..<count { deliver(index, work(index, state)) }
            return
        }
        // Workers run at most a few values ahead of the consumer.
        let handoff = OrderedHandoff(count: count, window: workers * 8)
        let claimed = Atomic<Int>(0)
        let group = DispatchGroup()
        for _ in 1..<workers {
            DispatchQueue.global().async(group: group) {
                let state = makeState()
                while true {
                    let index = claimed.wrappingAdd(1, ordering: .relaxed).oldValue
                    guard index < count else { break }
                    handoff.waitForRoom(index)
                    handoff.put(work(index, state), at: index)
                }
            }
        }
        var delivered = 0
        while delivered < count {
            while delivered < count, let value = handoff.takeIfReady() {
                deliver(delivered, value)
                delivered += 1
            }
            guard delivered < count else { break }
            let index = claimed.wrappingAdd(1, ordering: .relaxed).oldValue
            if index < count {
                // The calling thread keeps to the window too: it delivers (waiting for the
                // value in progress elsewhere) until its index is close enough.
                while !handoff.hasRoom(for: index) {
                    deliver(delivered, handoff.take())
                    delivered += 1
                }
                handoff.put(work(index, state), at: index)
            } else {
                // Everything is claimed: wait for the others' values.
                deliver(delivered, handoff.take())
                delivered += 1
            }
        }
        group.wait()
    }
}
