#if canImport(Glibc)
import Glibc
#endif

/// A read-only hash table from lowercase words (as UTF-8 bytes) to a 32-bit payload.
///
/// Built once from the embedded lexicons. A lookup hashes the bytes and probes a flat array:
/// no `String` is created, which keeps a per-word lookup off the allocator on the hot path.
public struct WordTable: Sendable {
    private var slots: [Slot]
    private var keys: [UInt8]
    private let mask: Int
    public private(set) var count: Int = 0

    private struct Slot: Sendable {
        var hash: UInt32 = 0
        var keyStart: UInt32 = 0
        var keyLength: UInt16 = 0
        var occupied: Bool = false
        var payload: UInt32 = 0
    }

    /// A table sized for about `capacity` words.
    public init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [Slot](repeating: Slot(), count: size)
        keys = []
        mask = size - 1
    }

    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        // FNV-1a: short keys, good spread, trivially inlined.
        var hash: UInt32 = 2_166_136_261
        for byte in word { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return hash
    }

    /// The payload for a word, or `nil`. The word must already be lowercase.
    @inline(__always)
    public func lookup(_ word: UnsafeBufferPointer<UInt8>) -> UInt32? {
        guard word.count > 0, word.count < 64 else { return nil }
        let hash = WordTable.hash(word)
        return slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                var index = Int(hash) & mask
                while true {
                    let slot = slots[index]
                    if !slot.occupied { return nil }
                    if slot.hash == hash, Int(slot.keyLength) == word.count,
                       memcmp(keys.baseAddress! + Int(slot.keyStart), word.baseAddress!, word.count) == 0 {
                        return slot.payload
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }

    /// The payload for a word given as a string (lowercased here).
    public func lookup(_ word: String) -> UInt32? {
        var lower = Array(word.lowercased().utf8)
        return lower.withUnsafeMutableBufferPointer { lookup(UnsafeBufferPointer($0)) }
    }

    /// Inserts a word or combines its payload with an existing one.
    public mutating func insert(_ word: [UInt8], payload: UInt32, combine: (UInt32, UInt32) -> UInt32 = { $0 | $1 }) {
        guard !word.isEmpty, word.count < 64 else { return }
        if count * 2 >= slots.count { grow() }
        let hash = word.withUnsafeBufferPointer { WordTable.hash($0) }
        var index = Int(hash) & mask
        while slots[index].occupied {
            let slot = slots[index]
            if slot.hash == hash, Int(slot.keyLength) == word.count,
               keys[Int(slot.keyStart)..<(Int(slot.keyStart) + word.count)].elementsEqual(word) {
                slots[index].payload = combine(slot.payload, payload)
                return
            }
            index = (index + 1) & mask
        }
        slots[index] = Slot(hash: hash, keyStart: UInt32(keys.count), keyLength: UInt16(word.count), occupied: true, payload: payload)
        keys.append(contentsOf: word)
        count += 1
    }

    private mutating func grow() {
        var bigger = WordTable(capacity: slots.count)
        bigger.keys = keys
        for slot in slots where slot.occupied {
            var index = Int(slot.hash) & bigger.mask
            while bigger.slots[index].occupied { index = (index + 1) & bigger.mask }
            bigger.slots[index] = slot
        }
        bigger.count = count
        self = bigger
    }
}
