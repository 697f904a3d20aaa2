/// Renders extracted main content as plain text, JSON or Markdown (what `seokit extract`
/// prints).
public enum ExtractedContentFormatter {
    public enum Format: String, Sendable, CaseIterable {
        case text
        case json
        case markdown

        /// File extension for `--output-dir`.
        public var fileExtension: String {
            switch self {
            case .text: return "txt"
            case .json: return "json"
            case .markdown: return "md"
            }
        }
    }

    /// Renders a document. `includesTitle: false` leaves the title line out of the text and
    /// Markdown formats (the body only, as extraction benchmarks compare it).
    public static func render(_ document: Document, as format: Format, includesTitle: Bool = true) -> String {
        switch format {
        case .text: return text(document, includesTitle: includesTitle)
        case .json: return json(document)
        case .markdown: return markdown(document, includesTitle: includesTitle)
        }
    }

    /// The title of the content: its leading `<h1>` when it has one, else the page's Open
    /// Graph title or `<title>`.
    public static func title(of document: Document) -> String {
        if let first = document.blocks.first, first.kind == .heading, first.level == 1 {
            let text = document.text(of: first)
            if !text.isEmpty { return text }
        }
        if let title = document.metadata.openGraphTitle?.trimmed(), !title.isEmpty { return title }
        return document.metadata.title?.trimmed() ?? ""
    }

    /// The blocks after the title (a leading `<h1>` is the title itself).
    static func bodyBlocks(of document: Document) -> ArraySlice<Block> {
        if let first = document.blocks.first, first.kind == .heading, first.level == 1,
           !document.text(of: first).isEmpty {
            return document.blocks.dropFirst()
        }
        return document.blocks[...]
    }

    // MARK: Text

    /// The title on the first line, then one block per line (a leading `<h1>` is the title and
    /// is not repeated). Code blocks keep their lines.
    public static func text(_ document: Document, includesTitle: Bool = true) -> String {
        var output = ""
        output.reserveCapacity(document.text.count + 256)
        if includesTitle {
            output += title(of: document)
            output += "\n"
        }
        for block in bodyBlocks(of: document) {
            let text = document.text(of: block)
            guard isVisible(text) else { continue }
            if block.kind == .code {
                output += text
            } else {
                output += text.replacingNewlines()
            }
            output += "\n"
        }
        return output
    }

    /// Whether a text has something to show: not only spaces, no-break spaces or zero-width
    /// characters.
    static func isVisible(_ text: String) -> Bool {
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x20, 0x09, 0x0A, 0x0D, 0xA0, 0x200B...0x200D, 0x2060, 0xFEFF, 0x2000...0x200A, 0x3000:
                continue
            default:
                return true
            }
        }
        return false
    }

    // MARK: JSON

    /// One JSON object: path, title, word count, blocks (kind, level, text, line, column),
    /// links and images with their positions in the source.
    public static func json(_ document: Document) -> String {
        var output = "{"
        output += "\"path\":" + jsonString(document.path)
        output += ",\"title\":" + jsonString(title(of: document))
        if let pageTitle = document.metadata.title { output += ",\"pageTitle\":" + jsonString(pageTitle) }
        if let language = document.metadata.language { output += ",\"language\":" + jsonString(language) }
        output += ",\"wordCount\":\(wordCount(of: document))"
        output += ",\"blocks\":["
        for (position, block) in document.blocks.enumerated() {
            if position > 0 { output += "," }
            output += "{\"kind\":" + jsonString(block.kind.rawValue)
            if block.kind == .heading { output += ",\"level\":\(block.level)" }
            output += ",\"text\":" + jsonString(document.text(of: block))
            output += ",\"line\":\(block.range.start.line),\"column\":\(block.range.start.column)}"
        }
        output += "],\"links\":["
        for (position, link) in document.links.enumerated() {
            if position > 0 { output += "," }
            output += "{\"url\":" + jsonString(link.url) + ",\"text\":" + jsonString(link.text)
            if !link.rel.isEmpty { output += ",\"rel\":[" + link.rel.map(jsonString).joined(separator: ",") + "]" }
            output += ",\"line\":\(link.range.start.line),\"column\":\(link.range.start.column)}"
        }
        output += "],\"images\":["
        for (position, image) in document.images.enumerated() {
            if position > 0 { output += "," }
            output += "{\"src\":" + jsonString(image.source)
            if let alt = image.alt { output += ",\"alt\":" + jsonString(alt) }
            if let title = image.title { output += ",\"title\":" + jsonString(title) }
            output += ",\"line\":\(image.range.start.line),\"column\":\(image.range.start.column)}"
        }
        output += "]}\n"
        return output
    }

    static func jsonString(_ string: String) -> String {
        var output = ""
        JSONValue.escape(string, into: &output)
        return output
    }

    // MARK: Markdown

    /// Headings as `#`, list items as `-`, quotes as `>`, code fenced, images as `![alt](src)`
    /// where they stand, links inline.
    public static func markdown(_ document: Document, includesTitle: Bool = true) -> String {
        var output = ""
        let blocks = bodyBlocks(of: document)
        let title = title(of: document)
        if includesTitle, !title.isEmpty { output += "# " + escapeMarkdownText(title) + "\n" }
        var images = document.images.sorted { $0.range.start.offset < $1.range.start.offset }[...]
        let links = document.links.sorted { $0.range.start.offset < $1.range.start.offset }
        var linkCursor = 0
        var previous: Block.Kind?
        func emitImages(before offset: Int) {
            while let image = images.first, image.range.start.offset < offset {
                images.removeFirst()
                guard !image.source.isEmpty else { continue }
                output += "\n![" + escapeMarkdownText(image.alt ?? "") + "](" + escapeURL(image.source) + ")\n"
                previous = nil
            }
        }
        for block in blocks {
            emitImages(before: block.range.start.offset)
            var text = document.text(of: block)
            guard isVisible(text) else { continue }
            // Links that start inside this block, rendered inline.
            while linkCursor < links.count, links[linkCursor].range.start.offset < block.range.start.offset { linkCursor += 1 }
            var blockLinks: [Link] = []
            while linkCursor < links.count, links[linkCursor].range.start.offset < block.range.end.offset {
                blockLinks.append(links[linkCursor])
                linkCursor += 1
            }
            let separator = (previous == .listItem && block.kind == .listItem) || previous == nil && output.isEmpty ? "" : "\n"
            output += separator
            switch block.kind {
            case .heading:
                output += String(repeating: "#", count: max(1, min(block.level, 6))) + " " + escapeMarkdownText(text.replacingNewlines())
            case .paragraph, .tableCell:
                output += inline(text.replacingNewlines(), links: blockLinks, escapeStart: true)
            case .listItem:
                output += "- " + inline(text.replacingNewlines(), links: blockLinks, escapeStart: false)
            case .quote:
                output += "> " + inline(text.replacingNewlines(), links: blockLinks, escapeStart: false)
            case .code:
                if text.hasSuffix("\n") { text.removeLast() }
                let fence = text.contains("```") ? "~~~~" : "```"
                output += fence + "\n" + text + "\n" + fence
            }
            output += "\n"
            previous = block.kind
        }
        emitImages(before: Int.max)
        return output
    }

    /// Text with the given links' anchor text turned into `[text](url)`, in order.
    private static func inline(_ text: String, links: [Link], escapeStart: Bool) -> String {
        var output = ""
        var rest = text[...]
        for link in links {
            let anchor = link.text.trimmed()
            guard !anchor.isEmpty, !link.url.isEmpty, !link.url.hasPrefix("javascript:"),
                  let found = rest.range(of: anchor) else { continue }
            output += escapeMarkdownText(rest[..<found.lowerBound])
            output += "[" + escapeMarkdownText(anchor) + "](" + escapeURL(link.url) + ")"
            rest = rest[found.upperBound...]
        }
        output += escapeMarkdownText(rest)
        if escapeStart, let first = output.first, "#>-+*=|".contains(first) || (first.isNumber && startsWithOrderedMarker(output)) {
            output = "\\" + output
        }
        return output
    }

    /// Whether a line would start an ordered list: digits, `.` or `)`, then a space or the end.
    private static func startsWithOrderedMarker(_ text: String) -> Bool {
        var digits = 0
        var marker = false
        for character in text {
            if marker { return character == " " || character == "\t" }
            if character.isASCII && character.isNumber { digits += 1; continue }
            guard digits > 0, character == "." || character == ")" else { return false }
            marker = true
        }
        return marker
    }

    private static func escapeMarkdownText<S: StringProtocol>(_ text: S) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<":
                output.append("\\")
                output.append(character)
            default:
                output.append(character)
            }
        }
        return output
    }

    private static func escapeURL(_ url: String) -> String {
        var output = ""
        for character in url {
            switch character {
            case " ": output += "%20"
            case "(": output += "%28"
            case ")": output += "%29"
            default: output.append(character)
            }
        }
        return output
    }

    // MARK: Counting

    /// Words in the document's blocks: runs of letters and digits, apostrophes and hyphens
    /// inside a word included.
    public static func wordCount(of document: Document) -> Int {
        var count = 0
        for block in document.blocks where block.isProse {
            count += wordCount(document.text(of: block))
        }
        return count
    }

    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        var pendingJoiner = false
        for scalar in text.unicodeScalars {
            let properties = scalar.properties
            if properties.isAlphabetic || properties.numericType != nil {
                if !inWord { count += 1 }
                inWord = true
                pendingJoiner = false
            } else if inWord, !pendingJoiner, scalar == "'" || scalar == "\u{2019}" || scalar == "-" {
                pendingJoiner = true
            } else {
                inWord = false
                pendingJoiner = false
            }
        }
        return count
    }
}

fileprivate extension String {
    /// Line breaks folded to spaces, for one-line renderings of a block.
    func replacingNewlines() -> String {
        guard utf8.contains(0x0A) || utf8.contains(0x0D) else { return self }
        var output = ""
        output.reserveCapacity(utf8.count)
        for character in self {
            if character == "\n" || character == "\r" || character == "\r\n" { output.append(" ") } else { output.append(character) }
        }
        return output
    }
}
