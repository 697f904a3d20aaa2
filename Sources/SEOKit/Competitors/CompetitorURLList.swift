/// One competitor URL to fetch, with its rank in the search results.
public struct CompetitorURL: Sendable, Hashable {
    /// The URL as written (http or https).
    public var url: String
    /// The rank given in the list, or the URL's position in the list (1, 2, 3...) when none is.
    public var rank: Int
    /// Whether the rank was written in the list.
    public var hasExplicitRank: Bool
    /// Line number in the list file (1-based), 0 when not read from a file.
    public var line: Int

    public init(url: String, rank: Int, hasExplicitRank: Bool = true, line: Int = 0) {
        self.url = url
        self.rank = rank
        self.hasExplicitRank = hasExplicitRank
        self.line = line
    }
}

/// Reads the `--urls FILE` list: one URL a line, optionally with its rank.
///
/// ```text
/// # competitors for "sourdough starter"
/// 1 https://example.com/starter
/// https://example.org/guide<TAB>2
/// https://example.net/feeding      # no rank: its position in the list
/// ```
///
/// - A rank is a whole number before the URL (`3 https://...`) or after it, separated by a tab
///   or spaces (`https://...<TAB>3`).
/// - `#` starts a comment at the start of a line or after whitespace (a `#` inside a URL is
///   its fragment). Blank lines are skipped.
/// - Only `http` and `https` URLs are accepted; anything else, and a URL listed twice, is
///   reported as a problem (`FILE:LINE: ...`) and skipped.
public enum CompetitorURLList {
    /// The URLs of a list, in order, and one line per problem.
    public static func parse(_ text: String, path: String = "urls") -> (urls: [CompetitorURL], problems: [String]) {
        var urls: [CompetitorURL] = []
        var problems: [String] = []
        var seen: Set<String> = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift: split on it as well as on "\n" and "\r".
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }) {
            lineNumber += 1
            var line = Substring(rawLine)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if lineNumber == 1, line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            line = stripComment(line)
            let fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" })
            if fields.isEmpty { continue }
            var rank: Int?
            var urlField: Substring?
            switch fields.count {
            case 1:
                urlField = fields[0]
            case 2:
                if let number = Int(fields[0]), number > 0 {
                    rank = number
                    urlField = fields[1]
                } else if let number = Int(fields[1]), number > 0 {
                    rank = number
                    urlField = fields[0]
                }
            default:
                break
            }
            guard let urlField else {
                problems.append("\(path):\(lineNumber): expected a URL, optionally with a rank (\"3 https://...\"): \(displayable(line))")
                continue
            }
            let url = String(urlField)
            guard let parsed = ParsedURL(url), parsed.isWeb else {
                problems.append("\(path):\(lineNumber): not an http or https URL: \(displayable(urlField))")
                continue
            }
            guard seen.insert(parsed.normalized).inserted else {
                problems.append("\(path):\(lineNumber): \(url) is listed twice; the first is used")
                continue
            }
            urls.append(CompetitorURL(url: url, rank: rank ?? urls.count + 1, hasExplicitRank: rank != nil, line: lineNumber))
        }
        return (urls, problems)
    }

    static func stripComment(_ line: Substring) -> Substring {
        var previousIsSpace = true
        for index in line.indices {
            let character = line[index]
            if character == "#", previousIsSpace { return line[..<index] }
            previousIsSpace = character == " " || character == "\t"
        }
        return line
    }

    /// A line shortened and stripped of control characters, for a message.
    static func displayable(_ text: Substring) -> String {
        let cleaned = String(String.UnicodeScalarView(text.unicodeScalars.map { $0.properties.generalCategory == .control ? " " : $0 }))
        return cleaned.count > 120 ? String(cleaned.prefix(117)) + "..." : cleaned
    }
}

/// The parts of a URL that the fetcher and the snapshot names need. Not a full URL parser:
/// `scheme://[userinfo@]host[:port][/path][?query][#fragment]`.
public struct ParsedURL: Sendable, Hashable {
    /// Lowercased scheme (`https`).
    public var scheme: String
    /// Lowercased host, without brackets for IPv6 literals and without the port.
    public var host: String
    public var port: Int?
    /// The path, `/` when empty.
    public var path: String
    public var query: String?

    public init?(_ text: String) {
        let trimmed = text.trimmed()
        guard let colon = trimmed.firstIndex(of: ":") else { return nil }
        let scheme = trimmed[..<colon].lowercased()
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") }) else { return nil }
        self.scheme = scheme
        var rest = trimmed[trimmed.index(after: colon)...]
        guard rest.hasPrefix("//") else { return nil }
        rest = rest.dropFirst(2)
        if let hash = rest.firstIndex(of: "#") { rest = rest[..<hash] }
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" }) ?? rest.endIndex
        var authority = rest[..<authorityEnd]
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host = authority
        var port: Int?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.hasPrefix(":") { port = Int(after.dropFirst()) }
        } else if let portColon = authority.lastIndex(of: ":") {
            host = authority[..<portColon]
            let digits = authority[authority.index(after: portColon)...]
            if !digits.isEmpty {
                guard let value = Int(digits), value > 0, value < 65536 else { return nil }
                port = value
            }
        }
        guard !host.isEmpty, !host.contains(where: { $0 == " " || $0 == "\t" || $0 == "<" || $0 == ">" || $0 == "\"" }) else { return nil }
        self.host = host.lowercased()
        self.port = port
        let pathAndQuery = rest[authorityEnd...]
        if let question = pathAndQuery.firstIndex(of: "?") {
            path = String(pathAndQuery[..<question])
            query = String(pathAndQuery[pathAndQuery.index(after: question)...])
        } else {
            path = String(pathAndQuery)
            query = nil
        }
        if path.isEmpty { path = "/" }
    }

    /// Whether the scheme is `http` or `https`.
    public var isWeb: Bool { scheme == "http" || scheme == "https" }

    /// Scheme, host, port, path and query, for comparing URLs (fragment and user info dropped).
    public var normalized: String {
        var text = scheme + "://" + (host.contains(":") ? "[\(host)]" : host)
        if let port { text += ":\(port)" }
        text += path
        if let query { text += "?" + query }
        return text
    }
}
