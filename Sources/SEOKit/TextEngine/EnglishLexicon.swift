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

    init() {
        var entries: [([UInt8], UInt32)] = []
        entries.reserveCapacity(40_000)
        func lines(_ text: StaticString) -> [Substring] {
            let string = text.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
            return string.split(separator: "\n", omittingEmptySubsequences: true)
        }
        func add(_ word: some StringProtocol, _ flags: Flag) {
            entries.append((Array(word.lowercased().utf8), flags.rawValue))
        }
        var syllableCounts: [([UInt8], UInt32)] = []
        for line in lines(EmbeddedLexicons.syllableExceptions) {
            let fields = line.split(separator: "\t")
            guard fields.count >= 2, let count = UInt32(fields[1].trimmed()), count > 0, count < 32 else { continue }
            syllableCounts.append((Array(fields[0].lowercased().utf8), count))
        }
        for word in lines(EmbeddedLexicons.daleChallFamiliar) {
            // The list's instructions count regular inflections as familiar; adding them here
            // keeps the check to one lookup per word.
            let base = word.trimmed().lowercased()
            let stripped = base.hasSuffix(".") ? String(base.dropLast()) : base
            for form in DaleChall.regularForms(of: stripped) { add(form, .daleChallFamiliar) }
        }
        for word in lines(EmbeddedLexicons.functionWords) { add(word.trimmed(), .functionWord) }
        for word in lines(EmbeddedLexicons.sentenceStarters) { add(word.trimmed(), .sentenceStarter) }
        for word in lines(EmbeddedLexicons.irregularParticiples) { add(word.trimmed(), .irregularParticiple) }
        for word in lines(EmbeddedLexicons.adverbExceptions) { add(word.trimmed(), .notAdverb) }
        for line in lines(EmbeddedLexicons.abbreviations) {
            let fields = line.split(separator: "\t")
            guard let word = fields.first?.trimmed(), !word.isEmpty else { continue }
            var flags: Flag = .abbreviation
            switch fields.count > 1 ? fields[1].trimmed() : "general" {
            case "prefix": flags.insert(.prefixAbbreviation)
            case "suffix": flags.insert(.suffixAbbreviation)
            case "time": flags.insert(.timeAbbreviation)
            default: break
            }
            add(word.hasSuffix(".") ? String(word.dropLast()) : word, flags)
        }
        var phrases: [[String]] = []
        for line in lines(EmbeddedLexicons.transitionWords) {
            let parts = line.lowercased().split(separator: " ").map(String.init)
            if parts.count == 1 { add(parts[0], .transition) } else if !parts.isEmpty { phrases.append(parts) }
        }
        var table = WordTable(capacity: entries.count + syllableCounts.count)
        table.insert(contentsOf: syllableCounts) { old, new in (old & ~0x1F) | new }
        table.insert(contentsOf: entries)
        self.table = table
        self.transitionPhrases = phrases
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
