/// Everything SEOKit knows about English words, in one table with one lookup per word.
///
/// Built once, lazily, from the word lists in `Corpora/lexicons` (embedded at build time). The
/// payload of each word packs its syllable count (when the rules get it wrong) and the lists it
/// belongs to, so the tokenizer learns all of it with a single hash probe.
public struct EnglishLexicon: Sendable {
    /// What the table knows about a word.
    public struct Entry: Sendable, Hashable {
        public let rawValue: UInt32

        @inline(__always) public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// Syllable count from the pronunciation lexicon, when it differs from the rules; 0 otherwise.
        @inline(__always) public var syllableOverride: Int { Int(rawValue & 0x1F) }
        @inline(__always) public func has(_ flag: Flag) -> Bool { rawValue & flag.rawValue != 0 }
        /// 1 + the word's index in the style vocabulary (`StyleLexicon`), bits 16 and up; 0 for
        /// a word no style analysis knows. The style analyses read their facts through it, so
        /// the tokenizer's one lookup per word serves them too.
        @inline(__always) var styleIndex: Int { Int(rawValue >> 16) }
    }

    /// List memberships, bits 5 and up of an entry.
    public struct Flag: OptionSet, Sendable, Hashable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// On the Dale–Chall list of words familiar to fourth-graders.
        public static let daleChallFamiliar = Flag(rawValue: 1 << 5)
        /// A function word (article, pronoun, preposition, auxiliary...).
        public static let functionWord = Flag(rawValue: 1 << 6)
        /// An abbreviation written with a final period (`etc`, `e.g`).
        public static let abbreviation = Flag(rawValue: 1 << 7)
        /// An abbreviation placed before a name (`Mr`, `Dr`, `Mt`): never ends a sentence before one.
        public static let prefixAbbreviation = Flag(rawValue: 1 << 8)
        /// An abbreviation that often ends a sentence (`Inc`, `Co`, `etc`).
        public static let suffixAbbreviation = Flag(rawValue: 1 << 9)
        /// `a.m.` and `p.m.`.
        public static let timeAbbreviation = Flag(rawValue: 1 << 10)
        /// A word that commonly starts a sentence (`The`, `It`, `However`).
        public static let sentenceStarter = Flag(rawValue: 1 << 11)
        /// A one-word transition (`however`, `therefore`).
        public static let transition = Flag(rawValue: 1 << 12)
        /// An irregular past participle (`written`, `taken`).
        public static let irregularParticiple = Flag(rawValue: 1 << 13)
        /// A word ending in -ly that is not an adverb (`family`, `supply`).
        public static let notAdverb = Flag(rawValue: 1 << 14)
    }

    /// The shared instance, built on first use.
    public static let shared = EnglishLexicon()

    let table: WordTable
    /// Transitions of two or more words, as lowercase word sequences.
    public let transitionPhrases: [[String]]
    /// The style analyses' word facts and phrases, indexed from this table's entries.
    let style: StyleLexicon

    init() {
        // Built at every start of the tool, so it works on the embedded bytes in place: no
        // String and no array per line (the files are checked to be lowercase and trimmed by
        // Corpora/tools/check_lexicons.py).
        var table = WordTable(capacity: 42_000)
        func add(_ word: UnsafeBufferPointer<UInt8>, _ flags: Flag) {
            table.insertUnsealed(word, payload: flags.rawValue) { $0 | $1 }
        }
        EnglishLexicon.forEachLine(EmbeddedLexicons.syllableExceptions) { line in
            guard let tab = line.firstIndex(of: 0x09) else { return }
            var count: UInt32 = 0
            for byte in line[(tab + 1)...] where byte >= 0x30 && byte <= 0x39 { count = count * 10 + UInt32(byte - 0x30) }
            guard count > 0, count < 32 else { return }
            table.insertUnsealed(UnsafeBufferPointer(rebasing: line[..<tab]), payload: count) { old, new in (old & ~0x1F) | new }
        }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 72) { form in
            EnglishLexicon.forEachLine(EmbeddedLexicons.daleChallFamiliar) { line in
                // The list's instructions count regular inflections as familiar; adding them
                // here keeps the check to one lookup per word.
                let word = line.last == UInt8(ascii: ".") ? UnsafeBufferPointer(rebasing: line.dropLast()) : line
                DaleChall.forEachRegularForm(of: word, scratch: form) { add($0, .daleChallFamiliar) }
            }
        }
        func addAll(_ text: StaticString, _ flags: Flag) {
            EnglishLexicon.forEachLine(text) { add($0, flags) }
        }
        addAll(EmbeddedLexicons.functionWords, .functionWord)
        addAll(EmbeddedLexicons.sentenceStarters, .sentenceStarter)
        addAll(EmbeddedLexicons.irregularParticiples, .irregularParticiple)
        addAll(EmbeddedLexicons.adverbExceptions, .notAdverb)
        EnglishLexicon.forEachLine(EmbeddedLexicons.abbreviations) { line in
            let tab = line.firstIndex(of: 0x09) ?? line.endIndex
            var word = line[..<tab]
            if word.last == UInt8(ascii: ".") { word = word.dropLast() }
            guard !word.isEmpty else { return }
            var flags: Flag = .abbreviation
            switch tab < line.endIndex ? String(decoding: line[(tab + 1)...], as: UTF8.self) : "general" {
            case "prefix": flags.insert(.prefixAbbreviation)
            case "suffix": flags.insert(.suffixAbbreviation)
            case "time": flags.insert(.timeAbbreviation)
            default: break
            }
            add(UnsafeBufferPointer(rebasing: word), flags)
        }
        var phrases: [[String]] = []
        EnglishLexicon.forEachLine(EmbeddedLexicons.transitionWords) { line in
            if line.contains(0x20) {
                phrases.append(line.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) })
            } else {
                add(line, .transition)
            }
        }
        let style = StyleLexicon(transitionPhrases: phrases)
        precondition(style.words.count < 0xFFFF, "style vocabulary too large for 16-bit indices")
        for (index, word) in style.words.enumerated() {
            var word = word
            word.withUTF8 { table.insertUnsealed($0, payload: UInt32(index + 1) << 16) { $0 | $1 } }
        }
        table.seal()
        self.table = table
        self.transitionPhrases = phrases
        self.style = style
    }

    /// Calls `body` with each non-empty line of an embedded lexicon (a trailing `\r` removed),
    /// reading the embedded bytes in place.
    static func forEachLine(_ text: StaticString, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        text.withUTF8Buffer { bytes in
            var start = 0
            while start < bytes.count {
                var end = start
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                var lineEnd = end
                if lineEnd > start, bytes[lineEnd - 1] == 0x0D { lineEnd -= 1 }
                if lineEnd > start { body(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd])) }
                start = end + 1
            }
        }
    }

    /// The entry for a lowercase word, or an empty entry.
    @inline(__always)
    public func entry(_ lowercaseWord: UnsafeBufferPointer<UInt8>) -> Entry {
        Entry(rawValue: table.lookup(lowercaseWord) ?? 0)
    }

    /// The entry for any word (lowercased here; convenient, not for hot paths).
    public func entry(_ word: String) -> Entry {
        Entry(rawValue: table.lookup(word) ?? 0)
    }

    /// Number of distinct words the table holds.
    public var wordCount: Int { table.count }
}
