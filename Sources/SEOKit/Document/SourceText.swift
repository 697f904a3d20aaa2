/// The decoded text of an input file, with the line index that turns byte offsets into
/// line and column positions.
///
/// Readers produce positions as byte offsets; this type is the single place where they become
/// `SourceLocation`s, so every reader and every formatter agrees on what a column is.
public final class SourceText: Sendable {
    /// The decoded input as UTF-8 bytes.
    public let bytes: [UInt8]
    /// Byte offset of the first byte of each line; `lineStarts[0] == 0`.
    public let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lineStarts = SourceText.lineStarts(of: bytes)
    }

    public convenience init(_ string: String) {
        self.init(bytes: Array(string.utf8))
    }

    /// The whole text as a `String`.
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// Number of lines (a final line without a newline counts; an empty text has one line).
    public var lineCount: Int { lineStarts.count }

    /// Line endings are LF, CRLF or a lone CR, as CommonMark and HTML define them.
    static func lineStarts(of bytes: [UInt8]) -> [Int] {
        var starts = [0]
        starts.reserveCapacity(bytes.count / 40 + 1)
        bytes.withUnsafeBufferPointer { buffer in
            var index = 0
            let count = buffer.count
            while index < count {
                let byte = buffer[index]
                if byte == 0x0A {
                    starts.append(index + 1)
                } else if byte == 0x0D {
                    if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
                    starts.append(index + 1)
                }
                index += 1
            }
        }
        return starts
    }

    /// The 0-based line index that contains `offset`.
    public func lineIndex(containing offset: Int) -> Int {
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) >> 1
            if lineStarts[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// The location of a byte offset (clamped to the text).
    public func location(at offset: Int) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        let line = lineIndex(containing: clamped)
        let start = lineStarts[line]
        var column = 1
        bytes.withUnsafeBufferPointer { buffer in
            var index = start
            while index < clamped {
                // Count lead bytes only: each starts one code point.
                if buffer[index] & 0xC0 != 0x80 { column += 1 }
                index += 1
            }
        }
        return SourceLocation(line: line + 1, column: column, offset: clamped)
    }

    /// The range between two byte offsets.
    public func range(_ start: Int, _ end: Int) -> SourceRange {
        SourceRange(start: location(at: start), end: location(at: max(start, end)))
    }

    /// The byte offset of a 1-based line and 1-based *byte* column, as C parsers report them.
    public func offset(line: Int, byteColumn: Int) -> Int {
        guard line >= 1 else { return 0 }
        guard line <= lineStarts.count else { return bytes.count }
        return min(lineStarts[line - 1] + max(byteColumn, 1) - 1, bytes.count)
    }

    /// The text of a 1-based line without its line ending.
    public func lineText(_ line: Int) -> String {
        guard line >= 1, line <= lineStarts.count else { return "" }
        let start = lineStarts[line - 1]
        var end = line < lineStarts.count ? lineStarts[line] : bytes.count
        while end > start, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}
