/// What makes a slug hard to read, and a readable alternative.
///
/// A readable slug is lowercase words separated by single hyphens (`/` may separate path
/// segments). Each problem below is reported once:
///
/// - uppercase letters (URLs are case-sensitive: `/Bread` and `/bread` are two pages);
/// - underscores, spaces or `+` instead of hyphens;
/// - percent-encoding (`%20`, `%C3%A9`);
/// - other punctuation (`!`, `,`, `.`, `'`, `&`...);
/// - doubled, leading or trailing hyphens;
/// - a run of more digits than `maxDigits` (an id, not a word; a year is fine);
/// - a file extension (`.html`, `.php`...);
/// - stop words (function words such as `the`, `of`, `and`): more than `maxStopWords`, or
///   more than `maxStopWordShare` of the words (with at least two).
///
/// Letters with diacritics and other scripts are letters: they are allowed (IRIs), though
/// they are percent-encoded when the URL is copied.
struct SlugAnalysis: Sendable, Hashable {
    enum Problem: Sendable, Hashable, CustomStringConvertible {
        case uppercase
        case underscores
        case spaces
        case percentEncoding
        case punctuation(String)
        case extraHyphens
        case longNumber(String)
        case fileExtension(String)
        case stopWords(count: Int, of: Int)

        var description: String {
            switch self {
            case .uppercase: return "uppercase letters"
            case .underscores: return "underscores instead of hyphens"
            case .spaces: return "spaces instead of hyphens"
            case .percentEncoding: return "percent-encoded characters"
            case .punctuation(let characters): return "punctuation (\(characters))"
            case .extraHyphens: return "doubled, leading or trailing hyphens"
            case .longNumber(let digits): return "a long number (\(digits)) that reads as an id"
            case .fileExtension(let ext): return "a file extension (.\(ext))"
            case .stopWords(let count, let total): return "\(count) stop words out of \(total) words"
            }
        }
    }

    static let fileExtensions: Set<String> = [
        "html", "htm", "xhtml", "shtml", "php", "php3", "asp", "aspx", "jsp", "jspx", "cfm", "cgi", "pl", "do", "action",
        "md", "markdown", "mdx", "txt",
    ]

    let slug: String
    let problems: [Problem]
    /// The slug with every problem repaired (lowercase, hyphens, no extension or id, stop
    /// words dropped when there are too many).
    let suggestion: String

    init(_ slug: String, maxDigits: Int = 4, maxStopWords: Int = 3, maxStopWordShare: Double = 0.5, lexicon: EnglishLexicon = .shared) {
        self.slug = slug
        var problems: [Problem] = []
        var body = slug
        // A file extension: a final dot followed by a known extension.
        var fileExtension: String?
        if let dot = body.lastIndex(of: "."), !body[body.index(after: dot)...].containsBytes("/") {
            let ext = body[body.index(after: dot)...].lowercased()
            if Self.fileExtensions.contains(ext) {
                fileExtension = ext
                body = String(body[..<dot])
            }
        }
        let decoded = Self.percentDecoded(body)
        if decoded != body { problems.append(.percentEncoding) }
        if decoded.contains(where: { $0.isUppercase }) { problems.append(.uppercase) }
        if decoded.containsBytes("_") { problems.append(.underscores) }
        if decoded.contains(where: { $0 == " " || $0 == "+" || $0.isWhitespace }) { problems.append(.spaces) }
        var punctuation: [Character] = []
        for character in decoded where !(character.isLetter || character.isNumber || character == "-" || character == "/"
                                         || character == "_" || character == " " || character == "+" || character.isWhitespace) {
            if !punctuation.contains(character) { punctuation.append(character) }
        }
        if !punctuation.isEmpty { problems.append(.punctuation(punctuation.map { String($0) }.joined(separator: " "))) }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0.containsBytes("--") || $0.hasPrefix("-") || $0.hasSuffix("-") }) { problems.append(.extraHyphens) }
        // Digit runs.
        var longNumber: String?
        var run = ""
        for character in decoded + " " {
            if character.isASCII && character.isNumber {
                run.append(character)
            } else {
                if run.count > maxDigits, longNumber == nil { longNumber = run }
                run = ""
            }
        }
        if let longNumber { problems.append(.longNumber(longNumber)) }
        if let fileExtension { problems.append(.fileExtension(fileExtension)) }
        // Words, for stop words and the suggestion.
        let words = Self.words(decoded.lowercased())
        let stopWords = words.filter { lexicon.entry($0).has(.functionWord) }
        let stuffed = stopWords.count > maxStopWords
            || (stopWords.count >= 2 && Double(stopWords.count) > maxStopWordShare * Double(words.count))
        if stuffed { problems.append(.stopWords(count: stopWords.count, of: words.count)) }
        self.problems = problems

        // The suggestion: segment by segment, the words joined by hyphens.
        var suggestedSegments: [String] = []
        for segment in decoded.lowercased().split(separator: "/") {
            var kept = Self.words(String(segment)).filter { word in
                !(word.allSatisfy { $0.isASCII && $0.isNumber } && word.count > maxDigits)
            }
            if stuffed {
                let content = kept.filter { !lexicon.entry($0).has(.functionWord) }
                if !content.isEmpty { kept = content }
            }
            if !kept.isEmpty { suggestedSegments.append(kept.joined(separator: "-")) }
        }
        suggestion = suggestedSegments.joined(separator: "/")
    }

    var isReadable: Bool { problems.isEmpty }

    /// Runs of letters and digits (an apostrophe inside a word is dropped: `don't` → `dont`).
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        for character in text {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if character == "'" || character == "’" {
                continue
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// `%XX` sequences decoded as UTF-8; invalid sequences are kept as written.
    static func percentDecoded(_ text: String) -> String {
        guard text.containsBytes("%") else { return text }
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var index = 0
        func hex(_ byte: UInt8) -> UInt8? {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
            default: return nil
            }
        }
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "%"), index + 2 < bytes.count, let high = hex(bytes[index + 1]), let low = hex(bytes[index + 2]) {
                output.append(high << 4 | low)
                index += 3
            } else {
                output.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
