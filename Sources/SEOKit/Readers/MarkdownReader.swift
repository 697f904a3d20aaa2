import CCmarkGFM
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Reads Markdown (CommonMark with GFM tables and autolinks; strikethrough stays text) with
/// YAML or TOML front matter.
///
/// Front matter is not Markdown: it is cut off before cmark-gfm sees the body, and its line
/// count is added back to every position cmark reports, so positions refer to the original file.
public enum MarkdownReader {
    /// Held while cmark-gfm parses (see `parse`).
    private static let parsing = Locked<Int>(0)  // a value with a size: a zero-size one shares its address with the mutex pointer and confuses TSan

    private static let registerExtensions: Void = {
        cmark_gfm_core_extensions_ensure_registered()
    }()

    public static func read(_ decoded: DecodedInput, path: String, options: ReadOptions = ReadOptions()) throws(InputError) -> Document {
        let source = SourceText(bytes: decoded.bytes)
        var metadata = Metadata()
        var bodyOffset = 0
        var lineShift = 0
        if let matter = try FrontMatter.parse(source, path: path) {
            options.fieldMapping.apply(matter, to: &metadata, source: source)
            bodyOffset = matter.bodyOffset
            lineShift = matter.lineCount
            metadata.frontMatterRange = source.range(0, bodyOffset)
        }
        if metadata.slug == nil { metadata.slug = Slug.fromPath(path) }

        var walker = Walker(builder: DocumentBuilder(source: source), lineShift: lineShift)
        let body = path.lowercased().hasSuffix(".mdx") ? blankingMDXStatements(source, from: bodyOffset) : source.bytes
        parse(body, from: bodyOffset) { node, event in walker.visit(node, event) }
        var builder = walker.builder
        let (text, blocks) = builder.finish()
        return Document(
            path: path, format: .markdown, metadata: metadata, blocks: blocks, text: text,
            links: builder.links, images: builder.images, comments: builder.comments, source: source, notes: decoded.notes)
    }

    /// MDX `import` and `export` lines are code, not Markdown: blank them (same length, so
    /// every position stays put) before cmark sees the body.
    static func blankingMDXStatements(_ source: SourceText, from bodyOffset: Int) -> [UInt8] {
        var bytes = source.bytes
        var line = source.lineIndex(containing: bodyOffset)
        // Open brackets of the statement being blanked: it goes on until they are all closed.
        var depth = 0
        var inStatement = false
        while line < source.lineCount {
            let start = source.lineStarts[line]
            let end = line + 1 < source.lineCount ? source.lineStarts[line + 1] : bytes.count
            let text = bytes[start..<end]
            if !inStatement, text.starts(with: "import ".utf8) || text.starts(with: "export ".utf8) {
                inStatement = true
                depth = 0
            }
            if inStatement {
                for index in start..<end {
                    switch bytes[index] {
                    case UInt8(ascii: "{"), UInt8(ascii: "("), UInt8(ascii: "["): depth += 1
                    case UInt8(ascii: "}"), UInt8(ascii: ")"), UInt8(ascii: "]"): depth -= 1
                    default: break
                    }
                    if bytes[index] != 0x0A && bytes[index] != 0x0D { bytes[index] = 0x20 }
                }
                if depth <= 0 { inStatement = false }
            }
            line += 1
        }
        return bytes
    }

    /// Parses with cmark-gfm and hands every node event to `visit`.
    private static func parse(_ bytes: [UInt8], from offset: Int, visit: (OpaquePointer, cmark_event_type) -> Void) {
        _ = registerExtensions
        let parser = cmark_parser_new(CMARK_OPT_SOURCEPOS)!
        defer { cmark_parser_free(parser) }
        // cmark-gfm's extensions share state between all parsers: each extension's inline
        // characters are switched on and off in one global table around every inline pass, and
        // the table extension pushes and pops one global arena while it reads a header row. Two
        // parsers on two threads then lose each other's links or corrupt the arena. So SEOKit
        // finds GFM autolinks itself (`GFMAutolinks`) and leaves strikethrough as text; the
        // table extension (whose inline character is `|`) is used under a lock, which every
        // body that has a `|` outside code also takes, so that no parse reads that character's
        // entry while another changes it. Other bodies never touch the shared state and are
        // parsed in parallel.
        let pipes = pipeUse(bytes, from: offset)
        let mayHaveTable = pipes.delimiterRow
        let needsLock = pipes.delimiterRow || pipes.inText
        func run() {
            if mayHaveTable, let table = cmark_find_syntax_extension("table") {
                cmark_parser_attach_syntax_extension(parser, table)
            }
            bytes.withUnsafeBufferPointer { buffer in
                guard offset < buffer.count else { return }
                buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                    cmark_parser_feed(parser, pointer + offset, buffer.count - offset)
                }
            }
        }
        var root: OpaquePointer?
        if needsLock {
            parsing.withLock { _ in
                run()
                root = cmark_parser_finish(parser)
            }
        } else {
            run()
            root = cmark_parser_finish(parser)
        }
        guard let root else { return }
        defer { cmark_node_free(root) }
        let iterator = cmark_iter_new(root)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            visit(cmark_iter_get_node(iterator), event)
        }
    }

    /// Where a body uses `|`: in a line that could be a GFM table's delimiter row (after
    /// spaces and block-quote markers, only `|`, `-`, `:` and spaces, with at least one `|` and
    /// one `-`), and anywhere outside fenced code and backtick spans. Approximate on the safe
    /// side: a wrong yes only costs the lock.
    static func pipeUse(_ bytes: [UInt8], from offset: Int) -> (delimiterRow: Bool, inText: Bool) {
        bytes.withUnsafeBufferPointer { bytes in
            guard offset < bytes.count, memchr(bytes.baseAddress! + offset, Int32(UInt8(ascii: "|")), bytes.count - offset) != nil else {
                return (false, false)
            }
            let base = bytes.baseAddress!
            var delimiterRow = false
            var inText = false
            var inFence = false
            var index = offset
            while index < bytes.count {
                var cursor = index
                while cursor < bytes.count, bytes[cursor] == 0x20 || bytes[cursor] == 0x09 || bytes[cursor] == UInt8(ascii: ">") { cursor += 1 }
                let contentStart = cursor
                let lineEnd = memchr(base + contentStart, 0x0A, bytes.count - contentStart)
                    .map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? bytes.count
                let opensFence = lineEnd - contentStart >= 3
                    && ((bytes[contentStart] == UInt8(ascii: "`") && bytes[contentStart + 1] == UInt8(ascii: "`") && bytes[contentStart + 2] == UInt8(ascii: "`"))
                        || (bytes[contentStart] == UInt8(ascii: "~") && bytes[contentStart + 1] == UInt8(ascii: "~") && bytes[contentStart + 2] == UInt8(ascii: "~")))
                if opensFence {
                    inFence.toggle()
                } else if !inFence, memchr(base + contentStart, Int32(UInt8(ascii: "|")), lineEnd - contentStart) != nil {
                    // Only lines with a `|` can be a delimiter row or put one in text.
                    var pipes = 0
                    var dashes = 0
                    var onlyDelimiters = true
                    var inCodeSpan = false
                    for byte in UnsafeBufferPointer(rebasing: bytes[contentStart..<lineEnd]) {
                        switch byte {
                        case UInt8(ascii: "|"):
                            pipes += 1
                            if !inCodeSpan { inText = true }
                        case UInt8(ascii: "-"): dashes += 1
                        case UInt8(ascii: ":"), 0x20, 0x09, 0x0D: break
                        case UInt8(ascii: "`"):
                            inCodeSpan.toggle()
                            onlyDelimiters = false
                        default: onlyDelimiters = false
                        }
                    }
                    if onlyDelimiters, pipes > 0, dashes > 0 { delimiterRow = true }
                    if delimiterRow, inText { break }
                }
                index = lineEnd + 1
            }
            return (delimiterRow, inText)
        }
    }

    /// Turns cmark's node events into blocks.
    private struct Walker {
        var builder: DocumentBuilder
        let lineShift: Int
        /// Innermost containers first: list items and block quotes decide a paragraph's kind.
        var containers: [Block.Kind] = []
        var linkStarts: [(textOffset: Int, node: OpaquePointer)] = []
        var imageDepth = 0
        var altText: [UInt8] = []
        /// Where the next text byte sits in the source when cmark gives a node no position.
        var expectedSourceOffset = 0

        init(builder: DocumentBuilder, lineShift: Int) {
            self.builder = builder
            self.lineShift = lineShift
        }

        var source: SourceText { builder.source }

        func startOffset(_ node: OpaquePointer) -> Int? {
            let line = Int(cmark_node_get_start_line(node))
            guard line > 0 else { return nil }
            return source.offset(line: line + lineShift, byteColumn: Int(cmark_node_get_start_column(node)))
        }

        /// Exclusive end offset (cmark's end column is inclusive).
        func endOffset(_ node: OpaquePointer) -> Int? {
            let line = Int(cmark_node_get_end_line(node))
            guard line > 0 else { return nil }
            let column = Int(cmark_node_get_end_column(node))
            if column == 0 {
                // cmark marks "the end of the previous line" this way (setext headings, some blocks).
                let previous = max(1, line + lineShift - 1)
                var end = source.offset(line: previous + 1, byteColumn: 1)
                let previousStart = source.offset(line: previous, byteColumn: 1)
                while end > previousStart, source.bytes[end - 1] == 0x0A || source.bytes[end - 1] == 0x0D { end -= 1 }
                return end
            }
            return source.offset(line: line + lineShift, byteColumn: column) + 1
        }

        func literal(_ node: OpaquePointer) -> [UInt8] { Array(literalBytes(node)) }

        /// A node's literal in cmark's own memory, valid while the tree lives: text nodes are
        /// read in place rather than copied.
        func literalBytes(_ node: OpaquePointer) -> UnsafeBufferPointer<UInt8> {
            guard let pointer = cmark_node_get_literal(node) else { return UnsafeBufferPointer(start: nil, count: 0) }
            return UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self), count: strlen(pointer))
        }

        func string(_ pointer: UnsafePointer<CChar>?) -> String {
            pointer.map { String(cString: $0) } ?? ""
        }

        mutating func visit(_ node: OpaquePointer, _ event: cmark_event_type) {
            let entering = event == CMARK_EVENT_ENTER
            switch cmark_node_get_type(node) {
            case CMARK_NODE_ITEM:
                if entering { containers.append(.listItem) } else { containers.removeLast() }
            case CMARK_NODE_BLOCK_QUOTE:
                if entering { containers.append(.quote) } else { containers.removeLast() }
            case CMARK_NODE_PARAGRAPH:
                leafBlock(node, entering: entering, kind: containers.last ?? .paragraph)
            case CMARK_NODE_HEADING:
                leafBlock(node, entering: entering, kind: .heading, level: Int(cmark_node_get_heading_level(node)))
            case CMARK_NODE_CODE_BLOCK:
                codeBlock(node)
            case CMARK_NODE_HTML_BLOCK:
                htmlBlock(node)
            case CMARK_NODE_TEXT:
                text(node)
            case CMARK_NODE_CODE:
                inlineCode(node)
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                if imageDepth > 0 { altText.append(0x20) } else { builder.appendSpace(at: expectedSourceOffset) }
            case CMARK_NODE_LINK:
                link(node, entering: entering)
            case CMARK_NODE_IMAGE:
                image(node, entering: entering)
            case CMARK_NODE_HTML_INLINE:
                htmlInline(node)
            case CMARK_NODE_DOCUMENT, CMARK_NODE_LIST, CMARK_NODE_THEMATIC_BREAK, CMARK_NODE_EMPH, CMARK_NODE_STRONG:
                break
            default:
                // Extension nodes (table, table_row, table_cell, strikethrough) have dynamic types.
                if let name = cmark_node_get_type_string(node), strcmp(name, "table_cell") == 0 {
                    leafBlock(node, entering: entering, kind: .tableCell)
                }
            }
        }

        mutating func leafBlock(_ node: OpaquePointer, entering: Bool, kind: Block.Kind, level: Int = 0) {
            if entering {
                let start = startOffset(node) ?? expectedSourceOffset
                builder.beginBlock(kind, level: level, sourceOffset: start)
                expectedSourceOffset = start
            } else {
                builder.endBlock(sourceEnd: endOffset(node))
            }
        }

        mutating func codeBlock(_ node: OpaquePointer) {
            let start = startOffset(node) ?? expectedSourceOffset
            builder.beginBlock(.code, sourceOffset: start)
            // Fenced code starts on the line after the fence; indented code on its own line.
            var fenceLength: Int32 = 0
            var fenceOffset: Int32 = 0
            var fenceCharacter: CChar = 0
            let fenced = cmark_node_get_fenced(node, &fenceLength, &fenceOffset, &fenceCharacter) != 0
            let startLine = source.lineIndex(containing: start) + (fenced ? 1 : 0)
            let contentStart = startLine < source.lineCount ? source.lineStarts[startLine] : start
            // An empty fenced block on the last line ("```\n" at the end of the file) ends before
            // the line after its fence: the content is then the empty range there.
            builder.appendText(literal(node), replacing: contentStart..<max(contentStart, endOffset(node) ?? contentStart))
            builder.endBlock(sourceEnd: endOffset(node))
        }

        mutating func text(_ node: OpaquePointer) {
            let bytes = literalBytes(node)
            if imageDepth > 0 { altText.append(contentsOf: bytes); return }
            guard builder.isInBlock else { return }
            let start = startOffset(node) ?? expectedSourceOffset
            let textStart = builder.textCount
            appendAligned(bytes, sourceStart: start)
            guard linkStarts.isEmpty else { return }
            for autolink in GFMAutolinks.find(in: bytes) {
                // The literal was appended byte for byte: its offsets map through the anchors.
                let linkStart = builder.text.sourceOffset(forTextOffset: textStart + autolink.range.lowerBound)
                let linkEnd = builder.text.sourceOffset(forTextOffset: textStart + autolink.range.upperBound - 1) + 1
                let text = String(decoding: bytes[autolink.range], as: UTF8.self)
                builder.links.append(Link(url: autolink.url, text: text, range: builder.range(linkStart, linkEnd)))
            }
        }

        /// Appends a text literal, anchoring it to the source. cmark merges adjacent text, so a
        /// literal may contain decoded entities or escapes; walk both side by side and anchor
        /// after each such spot so later bytes still map exactly.
        mutating func appendAligned(_ literal: UnsafeBufferPointer<UInt8>, sourceStart reported: Int) {
            let sourceBytes = source.bytes
            let sourceStart = realigned(literal, reported: reported)
            let end = sourceStart + literal.count
            if end <= sourceBytes.count, Self.equal(sourceBytes, at: sourceStart, literal) {
                builder.appendVerbatim(literal, sourceOffset: sourceStart)
                expectedSourceOffset = end
                return
            }
            var i = 0
            var j = sourceStart
            var runStart = 0
            var runSource = sourceStart
            func flush(_ builder: inout DocumentBuilder) {
                if i > runStart { builder.appendVerbatim(literal[runStart..<i], sourceOffset: runSource) }
            }
            while i < literal.count, j < sourceBytes.count {
                let entityEnd = sourceBytes[j] == UInt8(ascii: "&") ? Self.entityEnd(sourceBytes, from: j) : nil
                if entityEnd == nil, literal[i] == sourceBytes[j] { i += 1; j += 1; continue }
                if sourceBytes[j] == UInt8(ascii: "\\"), j + 1 < sourceBytes.count, sourceBytes[j + 1] == literal[i] {
                    flush(&builder)
                    j += 1
                    runStart = i
                    runSource = j
                    continue
                }
                if let after = entityEnd {
                    // The entity decoded to 1–8 bytes; they end where the two texts agree again.
                    var decodedLength = 0
                    for length in 1...8 where i + length <= literal.count {
                        if i + length == literal.count || (after < sourceBytes.count && literal[i + length] == sourceBytes[after]) {
                            decodedLength = length
                            break
                        }
                    }
                    if decodedLength > 0 {
                        flush(&builder)
                        builder.appendText(literal[i..<(i + decodedLength)], replacing: j..<after)
                        i += decodedLength
                        j = after
                        runStart = i
                        runSource = j
                        continue
                    }
                }
                break
            }
            // Whatever could not be aligned keeps the last anchor's correspondence.
            builder.appendVerbatim(literal[runStart...], sourceOffset: runSource)
            expectedSourceOffset = j
        }

        /// Whether `bytes` holds `other` at `offset` (which the caller keeps in bounds).
        static func equal(_ bytes: [UInt8], at offset: Int, _ other: UnsafeBufferPointer<UInt8>) -> Bool {
            guard let otherBase = other.baseAddress else { return true }
            return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + offset, otherBase, other.count) == 0 }
        }

        /// The end of an entity or character reference (`&amp;`, `&#233;`) starting at `start`.
        static func entityEnd(_ bytes: [UInt8], from start: Int) -> Int? {
            var index = start + 1
            while index < bytes.count, index - start < 40 {
                let byte = bytes[index]
                if byte == UInt8(ascii: ";") { return index > start + 1 ? index + 1 : nil }
                let isNameByte = byte >= 0x30 && byte <= 0x39 || byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A || byte == UInt8(ascii: "#")
                if !isNameByte { return nil }
                index += 1
            }
            return nil
        }

        /// cmark's inline columns are exact on a block's first line but can be off on its
        /// continuation lines (stripped indentation, lazy lines in lists and quotes) and inside
        /// padded code spans. Its lines are right, so when the literal is not where the column
        /// says, take its nearest occurrence on that line.
        func realigned(_ literal: UnsafeBufferPointer<UInt8>, reported: Int) -> Int {
            let bytes = source.bytes
            var probeLength = 0
            while probeLength < min(8, literal.count), literal[probeLength] != UInt8(ascii: "&"), literal[probeLength] != UInt8(ascii: "\\") {
                probeLength += 1
            }
            let probe = UnsafeBufferPointer(rebasing: literal[..<probeLength])
            guard !probe.isEmpty, reported < bytes.count else { return reported }
            if reported + probe.count <= bytes.count, Self.equal(bytes, at: reported, probe) { return reported }
            let line = source.lineIndex(containing: reported)
            let lineStart = source.lineStarts[line]
            let lineEnd = line + 1 < source.lineCount ? source.lineStarts[line + 1] : bytes.count
            var best: Int?
            var candidate = lineStart
            while candidate + probe.count <= lineEnd {
                if Self.equal(bytes, at: candidate, probe) {
                    if best == nil || abs(candidate - reported) < abs(best! - reported) { best = candidate }
                }
                candidate += 1
            }
            return best ?? reported
        }

        /// Inline code is not prose: commands and identifiers are not words a reader reads.
        /// It still moves the expected position on for nodes without their own.
        mutating func inlineCode(_ node: OpaquePointer) {
            let bytes = literal(node)
            if imageDepth > 0 { altText.append(contentsOf: bytes); return }
            let start = startOffset(node) ?? expectedSourceOffset
            expectedSourceOffset = endOffset(node) ?? start + bytes.count
        }

        mutating func link(_ node: OpaquePointer, entering: Bool) {
            guard imageDepth == 0 else { return }
            if entering {
                linkStarts.append((builder.textCount, node))
                if let start = startOffset(node) { expectedSourceOffset = start + 1 }
                return
            }
            guard let (textStart, _) = linkStarts.popLast() else { return }
            let start = startOffset(node) ?? builder.text.sourceOffset(forTextOffset: textStart)
            let end = endOffset(node) ?? max(start, expectedSourceOffset)
            let text = builder.textSince(textStart)
            builder.links.append(Link(url: string(cmark_node_get_url(node)), text: text.trimmed(), range: builder.range(start, end)))
            expectedSourceOffset = end
        }

        mutating func image(_ node: OpaquePointer, entering: Bool) {
            if entering {
                if imageDepth == 0 { altText.removeAll(keepingCapacity: true) }
                imageDepth += 1
                return
            }
            imageDepth -= 1
            guard imageDepth == 0 else { return }
            let start = startOffset(node) ?? expectedSourceOffset
            let end = endOffset(node) ?? start
            let title = string(cmark_node_get_title(node))
            builder.images.append(Image(
                source: string(cmark_node_get_url(node)), alt: String(decoding: altText, as: UTF8.self),
                title: title.isEmpty ? nil : title, range: builder.range(start, end)))
            expectedSourceOffset = end
        }

        mutating func htmlInline(_ node: OpaquePointer) {
            guard imageDepth == 0 else { return }
            let start = startOffset(node) ?? expectedSourceOffset
            let bytes = literal(node)
            HTMLFragment.scanInline(bytes, baseOffset: start, into: &builder)
            expectedSourceOffset = start + bytes.count
        }

        mutating func htmlBlock(_ node: OpaquePointer) {
            builder.endBlock(sourceEnd: nil)
            let start = startOffset(node) ?? expectedSourceOffset
            // The literal starts at the first line of the block, indentation included.
            let lineStart = source.lineStarts[source.lineIndex(containing: start)]
            HTMLFragment.readBlock(literal(node), baseOffset: containers.isEmpty ? lineStart : start, into: &builder)
        }
    }
}

/// A slug from a file path as static site generators derive it: the file name without its
/// extension and date prefix (`2024-05-01-my-post.md` → `my-post`); `index.md` takes its folder.
enum Slug {
    static func fromPath(_ path: String) -> String? {
        guard path != "-" else { return nil }
        var components = path.split(separator: "/")
        guard var name = components.popLast().map(String.init) else { return nil }
        if let dot = name.lastIndex(of: "."), dot != name.startIndex { name = String(name[..<dot]) }
        if ["index", "_index", "readme"].contains(name.lowercased()), let folder = components.last {
            name = String(folder)
        }
        // Strip a leading YYYY-MM-DD- date.
        let scalars = Array(name.unicodeScalars)
        if scalars.count > 11,
           scalars[0..<4].allSatisfy({ $0.properties.numericType != nil }), scalars[4] == "-",
           scalars[5..<7].allSatisfy({ $0.properties.numericType != nil }), scalars[7] == "-",
           scalars[8..<10].allSatisfy({ $0.properties.numericType != nil }), scalars[10] == "-" {
            name = String(String.UnicodeScalarView(scalars[11...]))
        }
        return name.isEmpty ? nil : name
    }
}
