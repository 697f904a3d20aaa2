/// The kind of input a document was read from.
public enum InputFormat: String, Sendable, Codable, CaseIterable {
    case markdown
    case html
    case text

    /// The format implied by a file name's extension, or `nil` for extensions SEOKit does not read.
    public init?(pathExtension: String) {
        switch pathExtension.lowercased() {
        case "md", "markdown", "mdx", "mdown", "mkd": self = .markdown
        case "html", "htm", "xhtml": self = .html
        case "txt", "text": self = .text
        default: return nil
        }
    }
}

/// One input, read into the shape every analysis works on.
///
/// Markdown, HTML and plain text all become the same value: metadata, an ordered list of
/// blocks whose text lives in one prose buffer, the links and images, and the comments that
/// may carry `seokit-disable` directives. Every piece keeps its position in the original input.
public struct Document: Sendable {
    /// The path as the user gave it (or `-` for standard input).
    public var path: String
    public var format: InputFormat
    public var metadata: Metadata
    /// Leaf blocks in reading order.
    public var blocks: [Block]
    /// The text of all blocks, one buffer, blocks separated by a blank line.
    public var text: ProseText
    public var links: [Link]
    public var images: [Image]
    /// Comments in the source (HTML comments, also inside Markdown), for inline directives.
    public var comments: [SourceComment]
    /// The decoded original input.
    public var source: SourceText
    /// Problems the reader repaired and went on (for example invalid UTF-8).
    public var notes: [ReadNote]

    public init(
        path: String, format: InputFormat, metadata: Metadata, blocks: [Block], text: ProseText,
        links: [Link], images: [Image], comments: [SourceComment], source: SourceText, notes: [ReadNote]
    ) {
        self.path = path
        self.format = format
        self.metadata = metadata
        self.blocks = blocks
        self.text = text
        self.links = links
        self.images = images
        self.comments = comments
        self.source = source
        self.notes = notes
    }

    /// The prose text of a block.
    public func text(of block: Block) -> String { text.string(in: block.textRange) }

    /// The blocks that are prose (everything but code).
    public var proseBlocks: [Block] { blocks.filter(\.isProse) }

    /// Paragraph, list-item and quote blocks: the paragraphs of the readability counts.
    public var paragraphCount: Int {
        var count = 0
        for block in blocks where block.isParagraph { count += 1 }
        return count
    }

    /// Headings in order.
    public var headings: [Block] { blocks.filter { $0.kind == .heading } }

    /// The source range of a span of the prose buffer.
    public func sourceRange(ofText range: Range<Int>) -> SourceRange {
        let start = text.sourceOffset(forTextOffset: range.lowerBound)
        let end = range.isEmpty ? start : text.sourceOffset(forTextOffset: range.upperBound - 1) + 1
        return source.range(start, max(start, end))
    }
}

/// A leaf block of a document: a heading, a paragraph, a list item, a quote paragraph, a table
/// cell or a code block.
public struct Block: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case heading
        case paragraph
        case listItem
        case quote
        case tableCell
        case code
    }

    public var kind: Kind
    /// 1–6 for headings, 0 otherwise.
    public var level: Int
    /// Byte range of the block's text in `Document.text`.
    public var textRange: Range<Int>
    /// Where the block is in the original input.
    public var range: SourceRange

    public init(kind: Kind, level: Int = 0, textRange: Range<Int>, range: SourceRange) {
        self.kind = kind
        self.level = level
        self.textRange = textRange
        self.range = range
    }

    /// Code is kept in the document but is not prose: no analysis counts it.
    public var isProse: Bool { kind != .code }

    /// Whether the block counts as a paragraph for paragraph statistics (body text, not headings,
    /// table cells or code).
    public var isParagraph: Bool { kind == .paragraph || kind == .listItem || kind == .quote }
}

/// A hyperlink.
public struct Link: Sendable, Hashable {
    public var url: String
    /// The anchor text as the reader sees it.
    public var text: String
    /// `rel` values (`nofollow`, `sponsored`, ...), lowercased.
    public var rel: [String]
    public var range: SourceRange

    public init(url: String, text: String, rel: [String] = [], range: SourceRange) {
        self.url = url
        self.text = text
        self.rel = rel
        self.range = range
    }
}

/// An image.
public struct Image: Sendable, Hashable {
    public var source: String
    /// `nil` when the image has no alt attribute at all; empty when it is explicitly empty.
    public var alt: String?
    public var title: String?
    public var range: SourceRange

    public init(source: String, alt: String?, title: String? = nil, range: SourceRange) {
        self.source = source
        self.alt = alt
        self.title = title
        self.range = range
    }
}

/// A comment in the source, such as `<!-- seokit-disable keyphrase.density -->`.
public struct SourceComment: Sendable, Hashable {
    /// The comment's text without `<!--` and `-->`.
    public var text: String
    public var range: SourceRange

    public init(text: String, range: SourceRange) {
        self.text = text
        self.range = range
    }
}

/// A problem a reader met and repaired; reported to the user, but the document is usable.
public struct ReadNote: Sendable, Hashable, Codable, CustomStringConvertible {
    public var message: String
    public var location: SourceLocation?

    public init(message: String, location: SourceLocation? = nil) {
        self.message = message
        self.location = location
    }

    public var description: String {
        if let location { return "\(location.line):\(location.column): \(message)" }
        return message
    }
}
