/// Collects blocks, links, images and comments while a reader walks its parser's output.
///
/// Shared by the Markdown and HTML readers so both produce documents the same way: text goes
/// into one `ProseText` with anchors back to the source, and a block's range comes from the
/// offsets the parser gave.
struct DocumentBuilder {
    let source: SourceText
    private(set) var text = ProseText()
    private(set) var blocks: [Block] = []
    var links: [Link] = []
    var images: [Image] = []
    var comments: [SourceComment] = []

    /// Locations are mostly asked for in source order; the cursor makes that cheap.
    private var cursor = SourceText.Cursor()

    /// The block being filled, if any.
    private var open: (kind: Block.Kind, level: Int, textStart: Int, sourceStart: Int)?

    init(source: SourceText) {
        self.source = source
        text.reserveCapacity(source.bytes.count)
    }

    var isInBlock: Bool { open != nil }
    var openKind: Block.Kind? { open?.kind }
    var textCount: Int { text.count }

    /// Starts a block; an open block is closed first.
    mutating func beginBlock(_ kind: Block.Kind, level: Int = 0, sourceOffset: Int) {
        if open != nil { endBlock(sourceEnd: nil) }
        if !text.bytes.isEmpty { text.appendSeparator(0x0A, at: sourceOffset) }
        open = (kind, level, text.count, sourceOffset)
    }

    /// Closes the open block. Empty blocks are kept only for headings (an empty heading is a
    /// finding in itself). `sourceEnd` is the exclusive end offset, when the parser knows it.
    mutating func endBlock(sourceEnd: Int?) {
        guard let current = open else { return }
        open = nil
        text.trimTrailingWhitespace(downTo: current.textStart)
        let range = current.textStart..<text.count
        if range.isEmpty && current.kind != .heading {
            text.trimTrailingWhitespace(downTo: max(0, current.textStart - 1))
            return
        }
        let end: Int
        if let sourceEnd {
            end = max(sourceEnd, current.sourceStart)
        } else if range.isEmpty {
            end = current.sourceStart
        } else {
            end = text.sourceOffset(forTextOffset: range.upperBound - 1) + 1
        }
        blocks.append(Block(kind: current.kind, level: current.level, textRange: range, range: self.range(current.sourceStart, end)))
    }

    /// Appends bytes copied verbatim from the source.
    mutating func appendVerbatim<Bytes: Collection>(_ bytes: Bytes, sourceOffset: Int) where Bytes.Element == UInt8 {
        text.append(bytes, from: sourceOffset)
    }

    /// Appends text whose relation to the source is only known at its start.
    mutating func appendText<Bytes: Collection>(_ bytes: Bytes, replacing span: Range<Int>) where Bytes.Element == UInt8 {
        text.appendReplacement(bytes, forSource: span)
    }

    /// Appends a space unless the text already ends in whitespace (soft breaks, `<br>`).
    mutating func appendSpace(at sourceOffset: Int) {
        guard let last = text.bytes.last, open != nil, text.count > open!.textStart else { return }
        if last != 0x20 && last != 0x0A { text.appendSeparator(0x20, at: sourceOffset) }
    }

    /// The text appended since `start`, as a string.
    func textSince(_ start: Int) -> String { text.string(in: start..<text.count) }

    mutating func range(_ start: Int, _ end: Int) -> SourceRange {
        let startLocation = source.location(at: start, cursor: &cursor)
        var endCursor = cursor
        let endLocation = source.location(at: max(start, end), cursor: &endCursor)
        return SourceRange(start: startLocation, end: endLocation)
    }

    mutating func finish() -> (ProseText, [Block]) {
        endBlock(sourceEnd: nil)
        return (text, blocks)
    }
}
