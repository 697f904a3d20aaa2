/// Reads plain text: paragraphs are separated by blank lines; a single line break inside a
/// paragraph is a hard wrap, not a boundary.
///
/// The prose buffer is the decoded input itself: a block is a range of it, line breaks and
/// all (the tokenizer reads them as spaces), so nothing is copied and every offset maps to
/// itself.
public enum PlainTextReader {
    public static func read(_ decoded: DecodedInput, path: String) -> Document {
        let source = SourceText(bytes: decoded.bytes)
        let bytes = source.bytes
        var blocks: [Block] = []
        // Paragraphs are separated by blank lines, so there are at most half as many as lines;
        // reserving that (pages are touched only when used) saves copying a growing array.
        blocks.reserveCapacity(source.lineStarts.count / 2 + 1)
        var cursor = SourceText.Cursor()
        var paragraphStart: Int?
        var paragraphEnd = 0
        func close() {
            guard let start = paragraphStart else { return }
            let startLocation = source.location(at: start, cursor: &cursor)
            let endLocation = source.location(at: paragraphEnd, cursor: &cursor)
            blocks.append(Block(kind: .paragraph, textRange: start..<paragraphEnd, range: SourceRange(start: startLocation, end: endLocation)))
            paragraphStart = nil
        }
        bytes.withUnsafeBufferPointer { buffer in
            let lineStarts = source.lineStarts
            for line in 0..<lineStarts.count {
                let start = lineStarts[line]
                var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : buffer.count
                while end > start, buffer[end - 1] == 0x0A || buffer[end - 1] == 0x0D { end -= 1 }
                var first = start
                while first < end, buffer[first] == 0x20 || buffer[first] == 0x09 || buffer[first] == 0x0C { first += 1 }
                if first == end {
                    close()
                    continue
                }
                var last = end
                while last > first, buffer[last - 1] == 0x20 || buffer[last - 1] == 0x09 || buffer[last - 1] == 0x0C { last -= 1 }
                if paragraphStart == nil { paragraphStart = first }
                paragraphEnd = last
            }
        }
        close()
        var metadata = Metadata()
        metadata.slug = Slug.fromPath(path)
        return Document(
            path: path, format: .text, metadata: metadata, blocks: blocks, text: ProseText(identicalTo: bytes), links: [], images: [],
            comments: [], source: source, notes: decoded.notes)
    }
}
