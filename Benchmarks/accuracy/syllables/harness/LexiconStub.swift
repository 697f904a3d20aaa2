// The syllable part of SEOKit's EnglishLexicon, for the stand-alone harness: the same
// WordTable, filled from Corpora/lexicons/syllable-exceptions.txt read at run time (path in
// SEOKIT_SYLLABLE_EXCEPTIONS), so the harness needs none of the other lexicons' code.
#if canImport(Glibc)
import Glibc
#endif

public struct EnglishLexicon: Sendable {
    public struct Entry: Sendable, Hashable {
        public let rawValue: UInt32
        @inline(__always) public init(rawValue: UInt32) { self.rawValue = rawValue }
        @inline(__always) public var syllableOverride: Int { Int(rawValue & 0x1F) }
    }

    public static let shared = EnglishLexicon()
    let table: WordTable

    init() {
        var table = WordTable(capacity: 40_000)
        if let path = getenv("SEOKIT_SYLLABLE_EXCEPTIONS"), let file = fopen(path, "r") {
            var line: UnsafeMutablePointer<CChar>? = nil
            var capacity = 0
            while getline(&line, &capacity, file) > 0 {
                var bytes: [UInt8] = []
                var k = 0
                while let c = line?[k], c != 0, c != 10, c != 13 { bytes.append(UInt8(bitPattern: c)); k += 1 }
                if bytes.first == 0x23 { continue }  // #
                guard let tab = bytes.firstIndex(of: 0x09) else { continue }
                var count: UInt32 = 0
                for digit in bytes[(tab + 1)...] where digit &- 0x30 < 10 { count = count * 10 + UInt32(digit - 0x30) }
                guard count > 0, count < 32 else { continue }
                let word = bytes[..<tab].map { $0 &- 0x41 < 26 ? $0 | 0x20 : $0 }
                table.insert(word, payload: count) { old, new in (old & ~0x1F) | new }
            }
            fclose(file)
        }
        self.table = table
    }

    @inline(__always)
    public func entry(_ lowercaseWord: UnsafeBufferPointer<UInt8>) -> Entry {
        Entry(rawValue: table.lookup(lowercaseWord) ?? 0)
    }

    public var wordCount: Int { table.count }
}
