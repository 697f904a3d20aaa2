/// A focus keyphrase (or a synonym), read into the words a text is searched for.
///
/// - Words are the tokenizer's words, so the keyphrase splits exactly like the text does.
/// - Function words (`for`, `the`, `how`, `to`... from `Corpora/lexicons/function-words.txt`)
///   are left out of the *content words*: `best shoes for running` is searched as `best`,
///   `shoes`, `running`. A keyphrase made only of function words keeps all its words.
/// - A keyphrase in double quotes (`"new york pizza"`, straight or curly quotes) asks for the
///   exact phrase: all its words, function words included, consecutive and in order, compared
///   by their folded form (case, diacritics, apostrophes and hyphens normalised, no word forms).
///
/// ```swift
/// let phrase = Keyphrase("Best shoes for running")
/// phrase.contentWords.map(\.text)  // ["Best", "shoes", "running"]
/// Keyphrase("\"new york pizza\"").isExact  // true
/// ```
public struct Keyphrase: Sendable, Hashable, CustomStringConvertible {
    /// One word of a keyphrase with its comparison keys.
    public struct Word: Sendable, Hashable {
        /// As written in the keyphrase.
        public var text: String
        /// Whether the lexicon lists it as a function word.
        public var isFunctionWord: Bool
        let keys: KeyphraseNormalization.WordKeys

        /// Folded form (lowercase, no diacritics, straight apostrophes).
        public var folded: String { keys.parts.count == 1 ? keys.parts[0].folded : keys.parts.map(\.folded).joined(separator: "-") }
        /// The stem of each hyphen-separated part.
        public var stems: [String] { keys.parts.map(\.stem) }
        /// Whether the word is hyphenated (`e-mail`): it matches its parts as separate words too,
        /// and the joined word (`email`).
        public var isCompound: Bool { keys.parts.count > 1 }
    }

    /// The keyphrase as given (quotes included).
    public let text: String
    /// Whether the keyphrase was quoted: the exact phrase is required.
    public let isExact: Bool
    /// All words, in order.
    public let words: [Word]
    /// The words searched for in any order: the non-function words, or all words when the
    /// keyphrase has nothing else.
    public let contentWords: [Word]
    /// Whether every word is a function word (`how to`): such a keyphrase says nothing about a topic.
    public let isOnlyFunctionWords: Bool

    /// Reads a keyphrase.
    public init(_ text: String, lexicon: EnglishLexicon = .shared) {
        self.text = text
        var inner = text.trimmed()
        let openers: Set<Character> = ["\"", "\u{201C}", "\u{201E}", "\u{201D}"]
        let closers: Set<Character> = ["\"", "\u{201D}", "\u{201C}"]
        var exact = false
        if inner.count >= 2, let first = inner.first, let last = inner.last, openers.contains(first), closers.contains(last) {
            exact = true
            inner = String(inner.dropFirst().dropLast()).trimmed()
        }
        isExact = exact
        var words: [Word] = []
        let bytes = Array(inner.utf8)
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { buffer in
            Tokenizer(lexicon: lexicon).tokenize(buffer, range: 0..<buffer.count, into: &tokens)
        }
        for token in tokens where token.isWord {
            let word = String(decoding: bytes[token.range], as: UTF8.self)
            let keys = KeyphraseNormalization.WordKeys(word)
            let isFunction = token.kind == .word && token.entry.has(.functionWord) && keys.parts.count == 1
            words.append(Word(text: word, isFunctionWord: isFunction, keys: keys))
        }
        self.words = words
        let content = words.filter { !$0.isFunctionWord }
        isOnlyFunctionWords = !words.isEmpty && content.isEmpty
        contentWords = content.isEmpty ? words : content
    }

    /// Number of content words (function words not counted): what the length check measures.
    public var contentWordCount: Int { isOnlyFunctionWords ? 0 : contentWords.count }

    /// Whether the keyphrase has no word at all.
    public var isEmpty: Bool { words.isEmpty }

    /// The words a match needs: for an exact phrase all of them in order, otherwise the
    /// content words in any order.
    var searchedWords: [Word] { isExact ? words : contentWords }

    public var description: String { text }

    public static func == (lhs: Keyphrase, rhs: Keyphrase) -> Bool { lhs.text == rhs.text }
    public func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
