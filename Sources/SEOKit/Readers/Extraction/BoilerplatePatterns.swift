/// Class and id patterns that mark boilerplate or main content, and phrases that are
/// boilerplate on their own, read from `Corpora/lexicons/boilerplate-patterns.txt`.
///
/// A class or id value is cut into lowercase tokens at spaces, punctuation and lower-to-upper
/// case changes (`sideBar`, `side-bar` and `side_bar` all give `side` `bar`). Patterns match
/// one token exactly (`nav`), a run of consecutive tokens (`author-bio`), a token prefix
/// (`nav*`), a prefix of the first token only (`^widget*`) or a substring of the whole
/// lowercased value (`*sidebar*`). The file documents the
/// syntax for its readers.
public struct BoilerplatePatterns: Sendable {
    /// A class or id value cut into lowercase tokens, as bytes.
    struct TokenizedValue {
        /// The value, ASCII-lowercased.
        var lowercased: [UInt8] = []
        /// The tokens, one after the other, and where each one is.
        var tokenBytes: [UInt8] = []
        var tokens: [Range<Int>] = []

        init<S: StringProtocol>(_ value: S) {
            lowercased.reserveCapacity(value.utf8.count)
            tokenBytes.reserveCapacity(value.utf8.count)
            var tokenStart = 0
            var previousWasLower = false
            func flush() {
                if tokenBytes.count > tokenStart { tokens.append(tokenStart..<tokenBytes.count) }
                tokenStart = tokenBytes.count
            }
            for byte in value.utf8 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    tokenBytes.append(byte)
                    lowercased.append(byte)
                    previousWasLower = byte >= UInt8(ascii: "a")
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if previousWasLower { flush() }
                    tokenBytes.append(byte | 0x20)
                    lowercased.append(byte | 0x20)
                    previousWasLower = false
                case 0x80...:
                    // Non-ASCII letters stay inside a token.
                    tokenBytes.append(byte)
                    lowercased.append(byte)
                    previousWasLower = false
                default:
                    flush()
                    lowercased.append(byte)
                    previousWasLower = false
                }
            }
            flush()
        }

        func token(_ index: Int) -> ArraySlice<UInt8> { tokenBytes[tokens[index]] }
    }

    /// Boilerplate and content patterns, compiled for matching on bytes.
    struct Rules: Sendable {
        /// Whole tokens, by hash.
        var tokens: [UInt64: [[UInt8]]] = [:]
        var sequences: [[[UInt8]]] = []
        var prefixes: [[UInt8]] = [] {
            didSet { prefixesByFirstByte = Rules.bucket(prefixes) }
        }
        var substrings: [[UInt8]] = [] {
            didSet { substringsByFirstByte = Rules.bucket(substrings) }
        }
        /// The same, by first byte, so a token is only compared with the patterns it can match.
        private var prefixesByFirstByte: [[[UInt8]]] = Array(repeating: [], count: 256)
        private var substringsByFirstByte: [[[UInt8]]] = Array(repeating: [], count: 256)

        private static func bucket(_ patterns: [[UInt8]]) -> [[[UInt8]]] {
            var buckets: [[[UInt8]]] = Array(repeating: [], count: 256)
            for pattern in patterns where !pattern.isEmpty { buckets[Int(pattern[0])].append(pattern) }
            return buckets
        }
        /// Prefixes of the first token only (`^widget*`).
        var leadingPrefixes: [[UInt8]] = []

        var isEmpty: Bool {
            tokens.isEmpty && sequences.isEmpty && prefixes.isEmpty && substrings.isEmpty && leadingPrefixes.isEmpty
        }

        mutating func add(_ pattern: String) {
            var lower = pattern.lowercased()
            func parts(_ text: String) -> [[UInt8]] {
                let value = TokenizedValue(text)
                return value.tokens.map { Array(value.tokenBytes[$0]) }
            }
            if lower.hasPrefix("^") {
                lower.removeFirst()
                if lower.hasSuffix("*") { lower.removeLast() }
                let tokens = parts(lower)
                if tokens.count == 1 { leadingPrefixes.append(tokens[0]) }
                return
            }
            if lower.count > 2, lower.hasPrefix("*"), lower.hasSuffix("*") {
                substrings.append(Array(lower.dropFirst().dropLast().utf8))
            } else if lower.count > 1, lower.hasSuffix("*"), !lower.hasPrefix("*") {
                let tokens = parts(String(lower.dropLast()))
                if tokens.count == 1 { prefixes.append(tokens[0]) }
            } else {
                let tokens = parts(lower)
                if tokens.count == 1 {
                    self.tokens[Rules.hash(tokens[0][...]), default: []].append(tokens[0])
                } else if tokens.count > 1 {
                    sequences.append(tokens)
                }
            }
        }

        func matches(_ value: TokenizedValue) -> Bool {
            let tokenCount = value.tokens.count
            for index in 0..<tokenCount {
                let token = value.token(index)
                if let candidates = tokens[Rules.hash(token)] {
                    for candidate in candidates where candidate.elementsEqual(token) { return true }
                }
            }
            if tokenCount > 0 {
                let first = value.token(0)
                for prefix in leadingPrefixes where first.starts(with: prefix) { return true }
            }
            for index in 0..<tokenCount {
                let token = value.token(index)
                for prefix in prefixesByFirstByte[Int(token.first!)] where token.starts(with: prefix) { return true }
            }
            for sequence in sequences where tokenCount >= sequence.count {
                var start = 0
                while start + sequence.count <= tokenCount {
                    var same = true
                    for offset in 0..<sequence.count where !value.token(start + offset).elementsEqual(sequence[offset]) {
                        same = false
                        break
                    }
                    if same { return true }
                    start += 1
                }
            }
            if !substrings.isEmpty {
                let haystack = value.lowercased
                for start in 0..<haystack.count {
                    for needle in substringsByFirstByte[Int(haystack[start])] where start + needle.count <= haystack.count {
                        var same = true
                        var offset = 1
                        while offset < needle.count {
                            if haystack[start + offset] != needle[offset] { same = false; break }
                            offset += 1
                        }
                        if same { return true }
                    }
                }
            }
            return false
        }

        /// FNV-1a over a token's bytes.
        static func hash(_ bytes: ArraySlice<UInt8>) -> UInt64 {
            var hash: UInt64 = 0xcbf29ce484222325
            for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            return hash
        }

        static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
            guard let first = needle.first, haystack.count >= needle.count else { return needle.isEmpty }
            let last = haystack.count - needle.count
            var start = 0
            while start <= last {
                if haystack[start] == first {
                    var same = true
                    var offset = 1
                    while offset < needle.count {
                        if haystack[start + offset] != needle[offset] { same = false; break }
                        offset += 1
                    }
                    if same { return true }
                }
                start += 1
            }
            return false
        }
    }

    var boilerplate = Rules()
    var content = Rules()
    var captions = Rules()
    /// Normalised phrases (lowercase letters and digits, single spaces).
    var phrases: Set<String> = []
    /// Length in bytes of the longest phrase, to skip the lookup for longer blocks.
    var longestPhrase = 0
    /// Normalised phrases a short block may start with (`= copyright*`).
    var phrasePrefixes: [String] = []
    /// Words of datelines (months, weekdays, time zones...), lowercase.
    var dateWords: Set<String> = []

    /// The patterns shipped with SEOKit.
    public static let standard = BoilerplatePatterns(lexicon: EmbeddedLexicons.boilerplatePatterns.withUTF8Buffer {
        String(decoding: $0, as: UTF8.self)
    })

    /// Parses patterns in the lexicon's format (`- pattern`, `+ pattern`, `= phrase`).
    public init(lexicon: String) {
        for rawLine in lexicon.split(whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.trimmed()
            guard line.count > 2, !line.hasPrefix("#") else { continue }
            let sign = line.first!
            let pattern = String(line.dropFirst()).trimmed()
            guard !pattern.isEmpty else { continue }
            switch sign {
            case "-": boilerplate.add(pattern)
            case "+": content.add(pattern)
            case "~": captions.add(pattern)
            case "@": dateWords.insert(pattern.lowercased())
            case "=":
                let phrase = BoilerplatePatterns.normalizedPhrase(pattern)
                if pattern.hasSuffix("*") {
                    if !phrase.isEmpty { phrasePrefixes.append(phrase) }
                } else if !phrase.isEmpty {
                    phrases.insert(phrase)
                    longestPhrase = max(longestPhrase, phrase.utf8.count)
                }
            default: continue
            }
        }
    }

    /// What a class or id value says about its element.
    public enum Verdict: Int8, Sendable {
        case none = 0
        /// Navigation, ads, sharing, comments, related links...
        case boilerplate = 1
        /// The main content.
        case content = 2
        /// A caption or credit: its text is left out, images inside it are kept.
        case caption = 3
    }

    /// How a class or id value reads. Captions win (`image-embed-caption`); a value that
    /// matches both content and boilerplate patterns says nothing.
    public func classify(_ value: String) -> Verdict {
        guard !value.isEmpty else { return .none }
        let tokenized = TokenizedValue(value)
        guard !tokenized.tokens.isEmpty else { return .none }
        if captions.matches(tokenized) { return .caption }
        let positive = content.matches(tokenized)
        let negative = boilerplate.matches(tokenized)
        if positive { return negative ? .none : .content }
        return negative ? .boilerplate : .none
    }

    /// Whether a whole block of text is a boilerplate phrase ("Advertisement", "Share this").
    public func isBoilerplatePhrase(_ text: String) -> Bool {
        let length = text.utf8.count
        guard length <= max(longestPhrase * 2 + 8, BoilerplatePatterns.prefixedPhraseLimit) else { return false }
        // "© 2024 Example Ltd", "Copyright 2019 ...": a copyright line.
        if text.trimmed().hasPrefix("©") { return true }
        let phrase = BoilerplatePatterns.normalizedPhrase(text)
        guard !phrase.isEmpty else { return false }
        if phrases.contains(phrase) { return true }
        for prefix in phrasePrefixes where phrase.hasPrefix(prefix) {
            if phrase.utf8.count == prefix.utf8.count || phrase.utf8[phrase.utf8.index(phrase.utf8.startIndex, offsetBy: prefix.utf8.count)] == 0x20 {
                return true
            }
        }
        return false
    }

    /// Longest block (in bytes) that a phrase prefix (`= copyright*`) can make boilerplate.
    static let prefixedPhraseLimit = 120

    /// Whether a short text is only a date or time, with the words around one ("Published
    /// Nov 20, 2019 01:38 pm", "Wednesday November 20, 2019", "Updated 2 hours ago").
    public func isDateline(_ text: String) -> Bool {
        guard !dateWords.isEmpty, text.utf8.count <= 80 else { return false }
        var words = 0
        var numbers = 0
        var dateWordsSeen = 0
        for word in BoilerplatePatterns.normalizedPhrase(text).split(separator: " ") {
            words += 1
            if word.allSatisfy({ $0.isASCII && $0.isNumber }) {
                numbers += 1
            } else if let first = word.first, first.isNumber, word.count <= 4 {
                // 20th, 1st, 11am
                numbers += 1
            } else if dateWords.contains(String(word)) {
                dateWordsSeen += 1
            } else {
                return false
            }
        }
        return numbers > 0 && words >= 2
    }

    /// Lowercase letters and digits, words separated by one space.
    static func normalizedPhrase<S: StringProtocol>(_ text: S) -> String {
        var output = ""
        var pendingSpace = false
        for character in text.lowercased() {
            if character.isLetter || character.isNumber {
                if pendingSpace, !output.isEmpty { output.append(" ") }
                pendingSpace = false
                output.append(character)
            } else {
                pendingSpace = true
            }
        }
        return output
    }

    /// Cuts a class or id value into lowercase tokens (see the type's doc).
    static func tokens<S: StringProtocol>(of value: S) -> [String] {
        let tokenized = TokenizedValue(value)
        return tokenized.tokens.map { String(decoding: tokenized.tokenBytes[$0], as: UTF8.self) }
    }
}
