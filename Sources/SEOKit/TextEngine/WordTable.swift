#if canImport(Glibc)
import Glibc
#endif

/// A read-only hash table from lowercase words (as UTF-8 bytes) to a 32-bit payload.
///
/// Built once from the embedded lexicons. A lookup hashes the bytes and probes a flat array
/// through raw pointers: no `String` is created and nothing is retained, which keeps the
/// per-word lookup cheap on the tokenizer's hot path.
public struct WordTable: @unchecked Sendable {
    private struct Slot {
        var hash: UInt32 = 0
        var keyStart: UInt32 = 0
        var keyLength: UInt32 = 0
        var payload: UInt32 = 0
    }

    /// Owns the memory; immutable once the table is built and shared.
    private final class Storage {
        var slots: UnsafeMutablePointer<Slot>
        var capacity: Int
        var keys: [UInt8] = []
        var keyPointer: UnsafeMutablePointer<UInt8>?

        init(capacity: Int) {
            self.capacity = capacity
            slots = .allocate(capacity: capacity)
            slots.initialize(repeating: Slot(), count: capacity)
        }

        deinit {
            slots.deallocate()
            keyPointer?.deallocate()
        }

        /// Copies the keys to stable memory once building is over.
        func seal() {
            keyPointer?.deallocate()
            let pointer = UnsafeMutablePointer<UInt8>.allocate(capacity: max(keys.count, 1))
            keys.withUnsafeBufferPointer { buffer in
                if let base = buffer.baseAddress { pointer.initialize(from: base, count: buffer.count) }
            }
            keyPointer = pointer
        }
    }

    private var storage: Storage
    private var mask: Int
    public private(set) var count: Int = 0

    /// A table sized for about `capacity` words.
    public init(capacity: Int) {
        // Linear probing stays fast up to about 70% full; a smaller table is fewer pages to touch
        // at start-up.
        var size = 16
        while size * 7 < capacity * 10 { size <<= 1 }
        storage = Storage(capacity: size)
        mask = size - 1
        storage.seal()
    }

    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        // FNV-1a: short keys, good spread, trivially inlined. Slot 0 of the hash marks "empty".
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash | 1
    }

    /// The payload for a word, or `nil`. The word must already be lowercase.
    @inline(__always)
    public func lookup(_ word: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard word.count > 0, word.count < 64, let keys = storage.keyPointer else { return nil }
        let hash = WordTable.hash(word)
        let slots = storage.slots
        var index = Int(hash) & mask
        while true {
            let slot = slots[index]
            if slot.hash == 0 { return nil }
            if slot.hash == hash, Int(slot.keyLength) == word.count,
               memcmp(keys + Int(slot.keyStart), word.baseAddress!, word.count) == 0 {
                return slot.payload
            }
            index = (index + 1) & mask
        }
    }

    /// The payload for a word given as a string (lowercased here).
    public func lookup(_ word: String) -> UInt32? {
        var lower = Array(word.lowercased().utf8)
        return lower.withUnsafeMutableBufferPointer { lookup(UnsafeBufferPointer($0)) }
    }

    /// Inserts a word or combines its payload with an existing one.
    public mutating func insert(_ word: [UInt8], payload: UInt32, combine: (UInt32, UInt32) -> UInt32 = { $0 | $1 }) {
        word.withUnsafeBufferPointer { insertUnsealed($0, payload: payload, combine: combine) }
        seal()
    }

    /// Inserts many words at once (seals the key memory once, not per word).
    public mutating func insert(contentsOf words: [([UInt8], UInt32)], combine: (UInt32, UInt32) -> UInt32 = { $0 | $1 }) {
        for (word, payload) in words { word.withUnsafeBufferPointer { insertUnsealed($0, payload: payload, combine: combine) } }
        seal()
    }

    /// Makes words inserted with `insertUnsealed` visible to lookups.
    mutating func seal() { storage.seal() }

    /// Inserts without making the key memory ready for lookups: call `seal()` when done.
    mutating func insertUnsealed(_ word: UnsafeBufferPointer<UInt8>, payload: UInt32, combine: (UInt32, UInt32) -> UInt32) {
        guard !word.isEmpty, word.count < 64 else { return }
        if !isKnownUniquelyReferenced(&storage) { copyStorage(capacity: storage.capacity) }
        if (count + 1) * 10 > storage.capacity * 7 { copyStorage(capacity: storage.capacity * 2) }
        let hash = WordTable.hash(word)
        let slots = storage.slots
        var index = Int(hash) & mask
        // The keys read through one pointer: this runs tens of thousands of times at every start.
        let found = storage.keys.withUnsafeBufferPointer { keys -> Bool in
            while slots[index].hash != 0 {
                let slot = slots[index]
                if slot.hash == hash, Int(slot.keyLength) == word.count,
                   memcmp(keys.baseAddress! + Int(slot.keyStart), word.baseAddress!, word.count) == 0 {
                    return true
                }
                index = (index + 1) & mask
            }
            return false
        }
        if found {
            slots[index].payload = combine(slots[index].payload, payload)
            return
        }
        slots[index] = Slot(hash: hash, keyStart: UInt32(storage.keys.count), keyLength: UInt32(word.count), payload: payload)
        storage.keys.append(contentsOf: word)
        count += 1
    }

    private mutating func copyStorage(capacity: Int) {
        let bigger = Storage(capacity: capacity)
        bigger.keys = storage.keys
        let newMask = capacity - 1
        for position in 0..<storage.capacity {
            let slot = storage.slots[position]
            guard slot.hash != 0 else { continue }
            var index = Int(slot.hash) & newMask
            while bigger.slots[index].hash != 0 { index = (index + 1) & newMask }
            bigger.slots[index] = slot
        }
        bigger.seal()
        storage = bigger
        mask = newMask
    }
}
