/// What a headline (a page title or H1) is made of: its words and characters, its type, the
/// persuasive and emotional words in it, where the focus keyphrase sits and how wide it is in
/// a search result.
///
/// ```swift
/// let headline = HeadlineAnalysis("7 Proven Ways to Keep a Sourdough Starter Alive", keyphrase: "sourdough starter")
/// headline.wordCount            // 9
/// headline.kind                 // .listNumber
/// headline.powerWords           // ["proven"]
/// headline.keyphrasePosition?.wordIndex  // 6 (0-based, of 9 words): in the second half
/// ```
///
/// Every figure can be checked by hand:
///
/// - **Words** are runs of letters, digits and marks; an apostrophe or hyphen between two such
///   characters, and a period or comma between two digits, stays inside the word
///   (`don't`, `step-by-step`, `3.5`, `2,000`). Emoji and punctuation are not words.
/// - **Characters** are user-perceived characters (grapheme clusters) of the headline with its
///   whitespace collapsed: `é` and `👍🏽` count 1.
/// - **Type**, first match wins:
///   1. *list-number*: the first word is a number (digits, or a number word from `two` to
///      `hundred`, `dozen`), possibly after `the`, `top`, `these`, `our`, `my` (`10 Ways…`,
///      `The Top 5…`); a four-digit year (1800–2199) is not a list number;
///   2. *how-to*: `how to`, `how-to`, `step-by-step`, `step by step`, `tutorial` or `guide to`
///      anywhere, or a first word `how` when the headline is not a question (`How I Paid Off
///      My Loans`);
///   3. *question*: ends with `?` (closing quotes and brackets aside), starts with `what`,
///      `why`, `when`, `where`, `who`, `whom`, `whose`, `which`, or starts with `how` followed
///      by an auxiliary or `much`/`many`/`long`/`often`/`far`;
///   4. *other*.
/// - **Power words** and **emotional words** come from `Corpora/lexicons/power-words.txt` and
///   `emotional-words.txt`, matched on the lowercased word with accents folded and `’`
///   read as `'`; a hyphenated word not listed as a whole is looked up part by part, and a
///   possessive `'s` is dropped.
/// - **Keyphrase position**: the keyphrase's words as a contiguous run (exact match), else
///   all its content words (not function words) anywhere, compared by Porter2 stem (partial
///   match). The position is the index of the first matched word; "in the first half" means
///   `index < wordCount / 2`.
/// - **Pixel width**: ``SERPWidth`` at Google's desktop title size (Arial 20 px).
public struct HeadlineAnalysis: Sendable, Hashable {
    /// The kind of headline, as headline analysers sort them.
    public enum Kind: String, Sendable, Hashable, Codable, CaseIterable {
        case howTo = "how-to"
        case listNumber = "list-number"
        case question
        case other
    }

    public enum Sentiment: String, Sendable, Hashable, Codable {
        case positive
        case negative
    }

    /// An emotional word found in the headline.
    public struct EmotionalWord: Sendable, Hashable {
        /// The word as written in the headline.
        public var word: String
        public var sentiment: Sentiment
    }

    /// Where the keyphrase is in the headline.
    public struct KeyphrasePosition: Sendable, Hashable {
        /// 0-based index of the first headline word of the match.
        public var wordIndex: Int
        /// Whether the keyphrase appears word for word as one run; otherwise all its content
        /// words appear, in any order and form.
        public var isExact: Bool
        /// `wordIndex / wordCount`: 0 is the first word.
        public var fraction: Double
        /// Whether the match starts in the first half of the headline.
        public var isInFirstHalf: Bool
    }

    /// The headline, whitespace collapsed.
    public let text: String
    /// The words as written.
    public let words: [String]
    public var wordCount: Int { words.count }
    /// User-perceived characters (grapheme clusters).
    public let characters: Int
    public let kind: Kind
    /// Power words as written, in order.
    public let powerWords: [String]
    public let emotionalWords: [EmotionalWord]
    /// The keyphrase analysed, if any.
    public let keyphrase: String?
    /// `nil` when no keyphrase was given or it does not appear.
    public let keyphrasePosition: KeyphrasePosition?
    /// Estimated width in a desktop search result, in pixels (Arial 20 px).
    public let pixelWidth: Double

    public var positiveWords: [EmotionalWord] { emotionalWords.filter { $0.sentiment == .positive } }
    public var negativeWords: [EmotionalWord] { emotionalWords.filter { $0.sentiment == .negative } }

    public init(_ headline: String, keyphrase: String? = nil) {
        let text = headline.collapsingWhitespace()
        self.text = text
        let words = Self.words(in: text)
        self.words = words
        characters = text.utf8.allSatisfy { $0 < 0x80 } ? text.utf8.count : text.count
        let keys = words.map(Self.normalized)
        kind = Self.kind(of: text, keys: keys)
        let lexicon = HeadlineLexicon.shared
        var power: [String] = []
        var emotional: [EmotionalWord] = []
        for (word, key) in zip(words, keys) {
            if lexicon.lookup(key, in: lexicon.powerWords) != nil { power.append(word) }
            if let sentiment = lexicon.lookup(key, in: lexicon.emotionalWords) {
                emotional.append(EmotionalWord(word: word, sentiment: sentiment))
            }
        }
        powerWords = power
        emotionalWords = emotional
        let phrase = keyphrase?.collapsingWhitespace()
        self.keyphrase = phrase?.isEmpty == false ? phrase : nil
        keyphrasePosition = self.keyphrase.flatMap { Self.position(of: $0, in: keys) }
        pixelWidth = SERPWidth.shared.width(of: text)
    }

    // MARK: Words

    /// Splits a headline into words (see the type's documentation).
    static func words(in text: String) -> [String] {
        var copy = text
        if let words = copy.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? asciiWords(in: $0) : nil }) { return words }
        let characters = Array(text)
        func isWordCharacter(_ character: Character) -> Bool {
            guard let first = character.unicodeScalars.first else { return false }
            if SERPWidth.isEmoji(character) { return false }
            switch first.properties.generalCategory {
            case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
                 .decimalNumber, .letterNumber, .otherNumber, .nonspacingMark, .spacingMark:
                return true
            default:
                return false
            }
        }
        func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }
        var words: [String] = []
        var current = ""
        for (index, character) in characters.enumerated() {
            if isWordCharacter(character) {
                current.append(character)
                continue
            }
            let previous = index > 0 ? characters[index - 1] : nil
            let next = index + 1 < characters.count ? characters[index + 1] : nil
            if !current.isEmpty, let previous, let next, isWordCharacter(next) {
                let joinsLetters = "'’-‑".contains(character)
                let joinsDigits = (character == "." || character == ",") && isDigit(previous) && isDigit(next)
                if joinsLetters || joinsDigits {
                    current.append(character)
                    continue
                }
            }
            if !current.isEmpty { words.append(current) }
            current = ""
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `words(in:)` of ASCII text, on its bytes: a word is a run of letters and digits, with
    /// `'` or `-` between two of them and `.` or `,` between two digits kept inside.
    private static func asciiWords(in bytes: UnsafeBufferPointer<UInt8>) -> [String] {
        @inline(__always) func isWordByte(_ byte: UInt8) -> Bool {
            let lower = byte | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || isDigit(byte)
        }
        @inline(__always) func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
        var words: [String] = []
        var start = -1
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if isWordByte(byte) {
                if start < 0 { start = index }
            } else {
                var joins = false
                if start >= 0, index > 0, index + 1 < bytes.count, isWordByte(bytes[index + 1]) {
                    let joinsLetters = byte == UInt8(ascii: "'") || byte == UInt8(ascii: "-")
                    let joinsDigits = (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",")) && isDigit(bytes[index - 1]) && isDigit(bytes[index + 1])
                    joins = joinsLetters || joinsDigits
                }
                if !joins, start >= 0 {
                    words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self))
                    start = -1
                }
            }
            index += 1
        }
        if start >= 0 { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)) }
        return words
    }

    /// Lowercased, accents folded, `’` and `‑` read as `'` and `-`.
    static func normalized(_ word: String) -> String {
        var copy = word
        if let lowered = copy.withUTF8({ $0.allSatisfy { $0 < 0x80 } ? String(asciiLowercasing: $0) : nil }) { return lowered }
        var output = ""
        for scalar in word.lowercased().unicodeScalars {
            switch scalar.value {
            case 0x2019, 0x2018: output.append("'")
            case 0x2010, 0x2011: output.append("-")
            default:
                if let folded = foldedLatin(scalar.value) {
                    output.unicodeScalars.append(Unicode.Scalar(folded))
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    // MARK: Type

    private static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty",
        "hundred", "dozen",
    ]
    private static let listLeadIns: Set<String> = ["the", "top", "these", "our", "my"]
    private static let whWords: Set<String> = ["what", "why", "when", "where", "who", "whom", "whose", "which"]
    private static let howFollowers: Set<String> = [
        "is", "are", "was", "were", "do", "does", "did", "can", "could", "should", "would", "will", "much", "many",
        "long", "often", "far", "has", "have",
    ]

    static func kind(of text: String, keys: [String]) -> Kind {
        guard !keys.isEmpty else { return .other }
        // 1. A list number first, or after a short lead-in.
        var index = 0
        while index < keys.count - 1, index < 2, listLeadIns.contains(keys[index]) { index += 1 }
        if isListNumber(keys[index]) { return .listNumber }
        // 2. How-to cues.
        for (position, key) in keys.enumerated() {
            let next = position + 1 < keys.count ? keys[position + 1] : nil
            switch key {
            case "how-to", "step-by-step", "tutorial": return .howTo
            case "how" where next == "to", "guide" where next == "to": return .howTo
            case "step" where next == "by" && position + 2 < keys.count && keys[position + 2] == "step": return .howTo
            default: continue
            }
        }
        // 3. Questions.
        var trimmed = Substring(text)
        while let last = trimmed.last, "\"'”’»)]".contains(last) || last == " " { trimmed = trimmed.dropLast() }
        let endsWithQuestionMark = trimmed.last == "?" || trimmed.last == "？"
        if endsWithQuestionMark || whWords.contains(keys[0]) { return .question }
        if keys[0] == "how" {
            if keys.count > 1, howFollowers.contains(keys[1]) { return .question }
            return .howTo
        }
        return .other
    }

    private static func isListNumber(_ key: String) -> Bool {
        if numberWords.contains(key) { return true }
        let digits = key.filter { $0 != "," && $0 != "." }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return false }
        if digits.count == 4, let year = Int(digits), (1800...2199).contains(year), !key.containsBytes(",") { return false }
        return true
    }

    // MARK: Keyphrase

    static func position(of keyphrase: String, in keys: [String]) -> KeyphrasePosition? {
        let phrase = words(in: keyphrase).map(normalized)
        guard !phrase.isEmpty, !keys.isEmpty else { return nil }
        func make(_ index: Int, exact: Bool) -> KeyphrasePosition {
            let fraction = Double(index) / Double(keys.count)
            return KeyphrasePosition(wordIndex: index, isExact: exact, fraction: fraction, isInFirstHalf: Double(index) < Double(keys.count) / 2)
        }
        if phrase.count <= keys.count {
            for start in 0...(keys.count - phrase.count) where Array(keys[start..<start + phrase.count]) == phrase {
                return make(start, exact: true)
            }
        }
        // All content words, in any order and form.
        let lexicon = EnglishLexicon.shared
        let content = phrase.filter { !lexicon.entry($0).has(.functionWord) }
        let wanted = (content.isEmpty ? phrase : content).map(EnglishStemmer.stem)
        let stems = keys.map(EnglishStemmer.stem)
        var first = Int.max
        for stem in wanted {
            guard let index = stems.firstIndex(of: stem) else { return nil }
            first = min(first, index)
        }
        return make(first, exact: false)
    }
}

/// The power and emotional word lists, read once.
struct HeadlineLexicon: Sendable {
    static let shared = HeadlineLexicon()

    let powerWords: [String: Bool]
    let emotionalWords: [String: HeadlineAnalysis.Sentiment]

    init() {
        func lines(_ text: StaticString) -> [Substring] {
            text.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }.split(separator: "\n")
        }
        var power: [String: Bool] = [:]
        for line in lines(EmbeddedLexicons.powerWords) {
            let word = line.trimmed()
            if !word.isEmpty { power[HeadlineAnalysis.normalized(word)] = true }
        }
        var emotional: [String: HeadlineAnalysis.Sentiment] = [:]
        for line in lines(EmbeddedLexicons.emotionalWords) {
            let fields = line.split(separator: "\t")
            guard fields.count == 2, let sentiment = HeadlineAnalysis.Sentiment(rawValue: fields[1].trimmed()) else { continue }
            emotional[HeadlineAnalysis.normalized(fields[0].trimmed())] = sentiment
        }
        powerWords = power
        emotionalWords = emotional
    }

    /// The value for a normalised word: the whole word, without a possessive `'s`, or (for a
    /// hyphenated word not listed whole) its first listed part.
    func lookup<Value>(_ key: String, in table: [String: Value]) -> Value? {
        if let value = table[key] { return value }
        if key.hasSuffix("'s"), let value = table[String(key.dropLast(2))] { return value }
        if key.containsBytes("-") {
            for part in key.split(separator: "-") {
                if let value = table[String(part)] { return value }
            }
        }
        return nil
    }
}
