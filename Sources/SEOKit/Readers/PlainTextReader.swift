/// Reads plain text: paragraphs are separated by blank lines; a single line break inside a
/// paragraph is a hard wrap, not a boundary.
public enum PlainTextReader {
    public static func read(_ decoded: DecodedInput, path: String) -> Document {
        let source = SourceText(bytes: decoded.bytes)
        var builder = DocumentBuilder(source: source)
        let bytes = source.bytes
        var lineIndex = 0
        let lineCount = source.lineCount
        while lineIndex < lineCount {
            let start = source.lineStarts[lineIndex]
            let end = lineIndex + 1 < lineCount ? source.lineStarts[lineIndex + 1] : bytes.count
            var contentEnd = end
            while contentEnd > start, bytes[contentEnd - 1] == 0x0A || bytes[contentEnd - 1] == 0x0D { contentEnd -= 1 }
            let isBlank = bytes[start..<contentEnd].allSatisfy { $0 == 0x20 || $0 == 0x09 || $0 == 0x0C }
            if isBlank {
                builder.endBlock(sourceEnd: nil)
            } else {
                if !builder.isInBlock {
                    builder.beginBlock(.paragraph, sourceOffset: start)
                } else {
                    builder.appendSpace(at: start)
                }
                builder.appendVerbatim(bytes[start..<contentEnd], sourceOffset: start)
            }
            lineIndex += 1
        }
        let (text, blocks) = builder.finish()
        var metadata = Metadata()
        metadata.slug = Slug.fromPath(path)
        return Document(
            path: path, format: .text, metadata: metadata, blocks: blocks, text: text, links: [], images: [],
            comments: [], source: source, notes: decoded.notes)
    }
}
