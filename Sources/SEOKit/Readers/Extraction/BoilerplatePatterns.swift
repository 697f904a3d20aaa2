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
    /// Boilerplate and content patterns, compiled for matching.
    struct Rules: Sendable {
        var tokens: Set<String> = []
        var sequences: [[String]] = []
        var prefixes: [String] = []
        var substrings: [String] = []
        /// Prefixes of the first token only (`^widget*`).
        var leadingPrefixes: [String] = []

        var isEmpty: Bool {
            tokens.isEmpty && sequences.isEmpty && prefixes.isEmpty && substrings.isEmpty && leadingPrefixes.isEmpty
        }

        mutating func add(_ pattern: String) {
            var lower = pattern.lowercased()
            if lower.hasPrefix("^") {
                lower.removeFirst()
                if lower.hasSuffix("*") { lower.removeLast() }
                let parts = BoilerplatePatterns.tokens(of: lower)
                if parts.count == 1 { leadingPrefixes.append(parts[0]) }
                return
            }
            if lower.count > 2, lower.hasPrefix("*"), lower.hasSuffix("*") {
                substrings.append(String(lower.dropFirst().dropLast()))
            } else if lower.count > 1, lower.hasSuffix("*"), !lower.hasPrefix("*") {
                prefixes.append(String(lower.dropLast()))
            } else {
                let parts = BoilerplatePatterns.tokens(of: lower)
                if parts.count == 1 { tokens.insert(parts[0]) } else if parts.count > 1 { sequences.append(parts) }
            }
        }

        func matches(tokens valueTokens: [String], lowercased: String) -> Bool {
            for token in valueTokens where tokens.contains(token) { return true }
            if let first = valueTokens.first {
                for prefix in leadingPrefixes where first.hasPrefix(prefix) { return true }
            }
            for prefix in prefixes {
                for token in valueTokens where token.hasPrefix(prefix) { return true }
            }
            for sequence in sequences where valueTokens.count >= sequence.count {
                var start = 0
                while start + sequence.count <= valueTokens.count {
                    var same = true
                    for offset in 0..<sequence.count where valueTokens[start + offset] != sequence[offset] {
                        same = false
                        break
                    }
                    if same { return true }
                    start += 1
                }
            }
            for substring in substrings where lowercased.contains(substring) { return true }
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
            case "=":
                let phrase = BoilerplatePatterns.normalizedPhrase(pattern)
                if !phrase.isEmpty {
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

    /// How a class or id value reads. Content wins over captions, which win over boilerplate;
    /// a value that matches both content and boilerplate patterns says nothing.
    public func classify(_ value: String) -> Verdict {
        guard !value.isEmpty else { return .none }
        let tokens = BoilerplatePatterns.tokens(of: value)
        guard !tokens.isEmpty else { return .none }
        let lowercased = value.lowercased()
        let positive = content.matches(tokens: tokens, lowercased: lowercased)
        let negative = boilerplate.matches(tokens: tokens, lowercased: lowercased)
        if positive { return negative ? .none : .content }
        if captions.matches(tokens: tokens, lowercased: lowercased) { return .caption }
        return negative ? .boilerplate : .none
    }

    /// Whether a whole block of text is a boilerplate phrase ("Advertisement", "Share this").
    public func isBoilerplatePhrase(_ text: String) -> Bool {
        guard !phrases.isEmpty, text.utf8.count <= longestPhrase * 2 + 8 else { return false }
        let phrase = BoilerplatePatterns.normalizedPhrase(text)
        return !phrase.isEmpty && phrases.contains(phrase)
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

    /// Cuts a class or id value into lowercase ASCII-alphanumeric tokens (see the type's doc).
    static func tokens<S: StringProtocol>(of value: S) -> [String] {
        var tokens: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        func flush() {
            if !current.isEmpty { tokens.append(String(decoding: current, as: UTF8.self)) }
            current.removeAll(keepingCapacity: true)
        }
        for byte in value.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
                previousWasLower = byte >= UInt8(ascii: "a")
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                if previousWasLower { flush() }
                current.append(byte | 0x20)
                previousWasLower = false
            case 0x80...:
                // Non-ASCII letters stay inside a token.
                current.append(byte)
                previousWasLower = false
            default:
                flush()
                previousWasLower = false
            }
        }
        flush()
        return tokens
    }
}
