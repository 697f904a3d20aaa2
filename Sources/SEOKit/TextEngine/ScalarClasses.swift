import Synchronization

/// What the tokenizer needs to know about a non-ASCII scalar, from a table filled on demand.
///
/// Unicode property lookups are slow enough to dominate tokenizing text in other scripts. The
/// table holds one byte per code point of the Basic Multilingual Plane, filled 256 code points
/// at a time the first time any of them is seen; filling is lock-free (the first thread to
/// claim a page fills it; others meanwhile ask the properties directly), so all threads share
/// it and nobody waits. Code points above the BMP (emoji, rare scripts) are looked up directly.
struct ScalarClasses: Sendable {
    struct Bits: OptionSet, Sendable {
        let rawValue: UInt8
        static let alphabetic = Bits(rawValue: 1 << 0)
        static let uppercase = Bits(rawValue: 1 << 1)
        static let lowercase = Bits(rawValue: 1 << 2)
        /// Continues a word: letters, marks and decimal digits (emoji modifiers excluded).
        static let wordScalar = Bits(rawValue: 1 << 3)
        static let decimal = Bits(rawValue: 1 << 4)
    }

    /// Punctuation kinds, in the top three bits.
    enum Punctuation: UInt8 {
        case none = 0, open, close, initial, final, other
    }

    @inline(__always)
    static func bits(_ scalar: Unicode.Scalar) -> (Bits, Punctuation) {
        let value = scalar.value
        guard value < 0x10000 else { return decode(compute(scalar)) }
        let page = Int(value >> 8)
        if states[page].load(ordering: .acquiring) == 2 { return decode(table[Int(value)]) }
        if states[page].compareExchange(expected: 0, desired: 1, ordering: .acquiring).exchanged {
            let base = UInt32(page) << 8
            for offset in 0..<UInt32(256) {
                table[Int(base + offset)] = Unicode.Scalar(base + offset).map(compute) ?? 0
            }
            states[page].store(2, ordering: .releasing)
            return decode(table[Int(value)])
        }
        return decode(compute(scalar))
    }

    @inline(__always)
    private static func decode(_ byte: UInt8) -> (Bits, Punctuation) {
        (Bits(rawValue: byte & 0x1F), Punctuation(rawValue: byte >> 5) ?? .none)
    }

    private static func compute(_ scalar: Unicode.Scalar) -> UInt8 {
        let properties = scalar.properties
        var bits: Bits = []
        if properties.isAlphabetic { bits.insert(.alphabetic) }
        if properties.isUppercase { bits.insert(.uppercase) }
        if properties.isLowercase { bits.insert(.lowercase) }
        let category = properties.generalCategory
        if category == .decimalNumber { bits.insert(.decimal) }
        if isWordScalarByProperties(scalar) { bits.insert(.wordScalar) }
        let punctuation: Punctuation
        switch category {
        case .openPunctuation: punctuation = .open
        case .closePunctuation: punctuation = .close
        case .initialPunctuation: punctuation = .initial
        case .finalPunctuation: punctuation = .final
        case .otherPunctuation, .dashPunctuation, .connectorPunctuation: punctuation = .other
        default: punctuation = .none
        }
        return bits.rawValue | punctuation.rawValue << 5
    }

    /// One byte per BMP code point, allocated once and never freed.
    nonisolated(unsafe) private static let table: UnsafeMutablePointer<UInt8> = {
        let table = UnsafeMutablePointer<UInt8>.allocate(capacity: 0x10000)
        table.initialize(repeating: 0, count: 0x10000)
        return table
    }()

    /// Per page: 0 empty, 1 being filled, 2 ready.
    nonisolated(unsafe) private static let states: UnsafeMutablePointer<Atomic<UInt8>> = {
        let states = UnsafeMutablePointer<Atomic<UInt8>>.allocate(capacity: 256)
        for index in 0..<256 { (states + index).initialize(to: Atomic(0)) }
        return states
    }()
}

/// Letters, marks and decimal digits continue a word; emoji modifiers, though marks by
/// category, never do.
func isWordScalarByProperties(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0xFE00...0xFE0F, 0x20E3, 0x200D, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F: return false
    default: break
    }
    let properties = scalar.properties
    if properties.isAlphabetic { return true }
    switch properties.generalCategory {
    case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber: return true
    default: return false
    }
}
