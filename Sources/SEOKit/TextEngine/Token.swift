/// One token of prose: a word, a number, a URL, a punctuation mark...
///
/// Sixteen bytes, stored in one array per document: tokenizing allocates nothing per token.
/// Offsets are byte offsets into the document's prose buffer (`Document.text`).
public struct Token: Sendable, Hashable {
    public enum Kind: UInt8, Sendable {
        /// A word (letters, with apostrophes, hyphens or internal periods): counted as a word.
        case word
        /// A number such as `42`, `3.14` or `1,000`: counted as a word.
        case number
        /// A URL, e-mail address, @handle or #hashtag: one token, not a word.
        case link
        /// Sentence-ending punctuation: `.`, `!`, `?`, runs like `?!`, ellipses.
        case terminal
        /// Other punctuation: commas, quotes, brackets, dashes, bullets.
        case punctuation
        /// Emoji and other symbols: not words.
        case symbol
        /// One CJK ideograph or kana: counted as a word.
        case cjk
    }

    /// What kind of terminal a `.terminal` token is.
    public enum Terminal: UInt8, Sendable {
        case period = 1
        /// `!`, `?` and runs of them.
        case strong
        /// Three dots, spaced or not, or `…`: never ends a sentence on its own.
        case ellipsis
        /// Four dots: an ellipsis and a full stop.
        case ellipsisPeriod
        /// `。！？` and other script-specific full stops.
        case fullStop
    }

    /// What kind of mark a `.punctuation` token is.
    public enum Punctuation: UInt8, Sendable {
        case other = 1
        case openBracket
        case closeBracket
        case openQuote
        case closeQuote
        /// `"` and `'`, which open or close depending on where they stand.
        case ambiguousQuote
        case bullet
        case dash
    }

    /// Properties of `.word` tokens.
    public struct WordFlags: OptionSet, Sendable, Hashable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        public static let capitalized = WordFlags(rawValue: 1 << 0)
        public static let allCaps = WordFlags(rawValue: 1 << 1)
        public static let hasDigit = WordFlags(rawValue: 1 << 2)
        /// Internal periods: `U.S.A`, `e.g`, `Node.js`.
        public static let dotted = WordFlags(rawValue: 1 << 3)
        public static let hyphenated = WordFlags(rawValue: 1 << 4)
        public static let apostrophe = WordFlags(rawValue: 1 << 5)
        public static let nonASCII = WordFlags(rawValue: 1 << 6)
        /// Three or more syllables only through an -es, -ed or -ing ending ("created"):
        /// Gunning does not count these as complex words.
        public static let inflectedToThree = WordFlags(rawValue: 1 << 7)
    }

    public var start: Int32
    public var end: Int32
    /// Lexicon entry of the lowercased word (words only).
    public var entry: EnglishLexicon.Entry
    public var kind: Kind
    /// `WordFlags` for words, `Terminal` for terminals, `Punctuation` for punctuation.
    public var detail: UInt8
    /// Syllables (words and numbers).
    public var syllables: UInt8
    /// Letters in the word (for Coleman–Liau, LIX and character counts).
    public var letters: UInt8

    @inline(__always) public var range: Range<Int> { Int(start)..<Int(end) }
    @inline(__always) public var isWord: Bool { kind == .word || kind == .number || kind == .cjk }
    @inline(__always) public var wordFlags: WordFlags { kind == .word ? WordFlags(rawValue: detail) : [] }
    @inline(__always) public var terminal: Terminal? { kind == .terminal ? Terminal(rawValue: detail) : nil }
    @inline(__always) public var punctuation: Punctuation? { kind == .punctuation ? Punctuation(rawValue: detail) : nil }
}
