/// The page title as the metadata rules see it.
///
/// The `title` from front matter or the `<title>` element. A Markdown file without one is
/// titled by its first H1, as MkDocs, Docusaurus and GitHub do.
struct PageTitle {
    var text: String
    var range: SourceRange
    /// The title is a Markdown H1 standing in for a missing front matter title.
    var isFromH1: Bool

    static func of(_ context: LintContext) -> PageTitle? {
        let document = context.document
        if let title = document.metadata.title?.collapsingWhitespace(), !title.isEmpty {
            return PageTitle(text: title, range: context.range(of: .title), isFromH1: false)
        }
        if document.format == .markdown,
           let h1 = document.blocks.first(where: { $0.kind == .heading && $0.level == 1 }) {
            let text = document.text(of: h1).collapsingWhitespace()
            if !text.isEmpty { return PageTitle(text: text, range: h1.range, isFromH1: true) }
        }
        return nil
    }

    /// What the title is called in messages.
    var name: String { isFromH1 ? "title (the first H1)" : "title" }
}

/// Message helpers shared by the metadata, headings, content, links, images and headline rules.
enum MetaText {
    /// An assessment that does not count, with the reason as its measured value.
    static func notApplicable(_ reason: String, score: ScoreKind = .seo) -> Assessment {
        Assessment(score: score, rating: .notApplicable, measured: reason, target: "–")
    }

    /// Characters as a reader counts them: user-perceived characters, whitespace collapsed.
    static func characters(_ text: String) -> Int { text.collapsingWhitespace().count }

    /// A text in curly quotes for a message, shortened to `limit` characters.
    static func quoted(_ text: String, limit: Int = 70) -> String {
        let collapsed = text.collapsingWhitespace()
        if collapsed.count <= limit { return "“\(collapsed)”" }
        return "“\(collapsed.prefix(limit - 1))…”"
    }

    /// The source markup of a range (a link's or image's tag).
    static func markup(_ range: SourceRange, in document: Document) -> String {
        let bytes = document.source.bytes
        let start = max(0, min(range.start.offset, bytes.count))
        let end = max(start, min(range.end.offset, bytes.count))
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }

    /// The start tag at the beginning of a range (up to its `>` or the range's end), lowercased
    /// (ASCII), or `nil` when the markup there is not a tag.
    static func startTag(of range: SourceRange, in document: Document) -> String? {
        document.source.bytes.withUnsafeBufferPointer { bytes in
            let start = range.start.offset
            let end = min(range.end.offset, bytes.count)
            guard start >= 0, start < end, bytes[start] == UInt8(ascii: "<") else { return nil }
            var stop = start
            while stop < end, bytes[stop] != UInt8(ascii: ">") { stop += 1 }
            return String(asciiLowercasing: UnsafeBufferPointer(rebasing: bytes[start..<stop]))
        }
    }

    /// "1 character", "2 characters".
    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    /// A number without a trailing ".0".
    static func number(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
