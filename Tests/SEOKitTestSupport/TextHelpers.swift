import SEOKit

/// Short ways to run the readers and the text engine on inline fixtures.
public enum Read {
    /// Reads a string as the given format (path `-` unless given).
    public static func document(_ text: String, _ format: InputFormat = .text, path: String = "-") throws(InputError) -> Document {
        try DocumentReader().read(string: text, path: path, format: format)
    }

    /// Reads bytes as the given format.
    public static func document(bytes: [UInt8], _ format: InputFormat, path: String = "-") throws(InputError) -> Document {
        try DocumentReader().read(bytes: bytes, path: path, format: format)
    }
}

/// A token as tests compare it: the name `inspect tokens` prints, and its text.
public struct TokenView: Hashable, Sendable, CustomStringConvertible {
    public var kind: String
    public var text: String
    public init(_ kind: String, _ text: String) {
        self.kind = kind
        self.text = text
    }
    public var description: String { "\(kind)(\(text))" }
}

/// A word token with its position in the source.
public struct LocatedToken: Sendable, CustomStringConvertible {
    public var kind: String
    public var text: String
    public var location: SourceLocation
    public var description: String { "\(kind)(\(text))@\(location.line):\(location.column)" }
}

public struct Analysed: Sendable {
    public let document: Document
    public let analysis: TextAnalysis

    public init(_ document: Document) {
        self.document = document
        self.analysis = TextAnalysis(document: document)
    }

    public init(_ text: String, _ format: InputFormat = .text) throws {
        self.init(try Read.document(text, format))
    }

    /// Every token as kind and text.
    public var tokens: [TokenView] {
        analysis.tokens.map { TokenView(TokenListing.name(of: $0), document.text.string(in: $0.range)) }
    }

    /// The words (word, number and CJK tokens) as text.
    public var words: [String] {
        analysis.tokens.filter(\.isWord).map { document.text.string(in: $0.range) }
    }

    /// Sentences as `inspect sentences` prints them.
    public var sentences: [String] {
        analysis.sentences.map { SentenceText.folded(document.text.string(in: $0.textRange)) }
    }

    /// Every token with the source location of its first byte.
    public var locatedTokens: [LocatedToken] {
        analysis.tokens.map { token in
            let offset = document.text.sourceOffset(forTextOffset: Int(token.start))
            return LocatedToken(
                kind: TokenListing.name(of: token), text: document.text.string(in: token.range),
                location: document.source.location(at: offset))
        }
    }

    /// The source location of the `occurrence`-th token (1-based) whose text is `text`.
    public func location(ofToken text: String, occurrence: Int = 1) -> SourceLocation? {
        let matches = locatedTokens.filter { $0.text == text }
        guard occurrence >= 1, occurrence <= matches.count else { return nil }
        return matches[occurrence - 1].location
    }

    /// Counts over the whole document.
    public var statistics: TextStatistics { TextStatistics(document: document, analysis: analysis) }
}
