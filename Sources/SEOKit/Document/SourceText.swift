#if canImport(Glibc)
import Glibc
#endif
import Synchronization

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
    /// Code-point counts every `checkpointStride` bytes of very long lines, made when a column
    /// on such a line is first asked for (a minified page, a 50 MB single line).
    private let checkpoints = Locked<[Int: [Int]]>([:])
    private static let checkpointStride = 4096
    private static let longLine = 65_536

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        self.lineStarts = SourceText.lineStarts(of: bytes)
    }

    /// Code points in `bytes[start..<end]`: eight bytes at a time, counting the bytes that are
    /// not UTF-8 continuation bytes (10xxxxxx).
    private static func codePoints(_ buffer: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> Int {
        guard let base = buffer.baseAddress else { return 0 }
        var index = start
        var count = 0
        while index + 8 <= end {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            let continuation = word & ~(word << 1) & 0x8080_8080_8080_8080
            count += 8 - continuation.nonzeroBitCount
            index += 8
        }
        while index < end {
            if buffer[index] & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        return count
    }

    /// 1-based column of `offset` on 0-based `line`.
    private func column(of offset: Int, line: Int) -> Int {
        let start = lineStarts[line]
        return bytes.withUnsafeBufferPointer { buffer in
            if offset - start < SourceText.longLine {
                return 1 + SourceText.codePoints(buffer, from: start, to: offset)
            }
            let marks = lineCheckpoints(line, buffer: buffer)
            let slot = min((offset - start) / SourceText.checkpointStride, marks.count - 1)
            let from = start + slot * SourceText.checkpointStride
            return 1 + marks[slot] + SourceText.codePoints(buffer, from: from, to: offset)
        }
    }

    private func lineCheckpoints(_ line: Int, buffer: UnsafeBufferPointer<UInt8>) -> [Int] {
        if let known = checkpoints.withLock({ $0[line] }) { return known }
        let start = lineStarts[line]
        let end = line + 1 < lineStarts.count ? lineStarts[line + 1] : buffer.count
        var marks: [Int] = [0]
        var position = start
        while position + SourceText.checkpointStride <= end {
            marks.append(marks[marks.count - 1] + SourceText.codePoints(buffer, from: position, to: position + SourceText.checkpointStride))
            position += SourceText.checkpointStride
        }
        checkpoints.withLock { $0[line] = marks }
        return marks
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
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            // Most files have no CR at all: then memchr finds the line feeds at memory speed.
            if memchr(base, 0x0D, count) == nil {
                var position = 0
                while position < count, let found = memchr(base + position, 0x0A, count - position) {
                    let index = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    starts.append(index + 1)
                    position = index + 1
                }
                return
            }
            var index = 0
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
        return SourceLocation(line: line + 1, column: column(of: clamped, line: line), offset: clamped)
    }

    /// Remembers where the last location was, so locations requested in source order cost
    /// a few steps each instead of a search from the start of the line.
    public struct Cursor: Sendable {
        var line = 0
        var offset = 0
        var column = 1
        public init() {}
        init(line: Int, offset: Int, column: Int) {
            self.line = line
            self.offset = offset
            self.column = column
        }
    }

    /// The location of a byte offset, advancing `cursor` (falls back to a search when asked
    /// for an offset before the cursor).
    public func location(at offset: Int, cursor: inout Cursor) -> SourceLocation {
        let clamped = max(0, min(offset, bytes.count))
        guard clamped >= cursor.offset else {
            let location = location(at: clamped)
            cursor = Cursor(line: location.line - 1, offset: clamped, column: location.column)
            return location
        }
        var line = cursor.line
        while line + 1 < lineStarts.count, lineStarts[line + 1] <= clamped { line += 1 }
        let column: Int
        if line == cursor.line, clamped - cursor.offset < SourceText.checkpointStride {
            // Same line, a short step on: count from the cursor.
            column = cursor.column + bytes.withUnsafeBufferPointer { SourceText.codePoints($0, from: cursor.offset, to: clamped) }
        } else {
            column = self.column(of: clamped, line: line)
        }
        cursor = Cursor(line: line, offset: clamped, column: column)
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
