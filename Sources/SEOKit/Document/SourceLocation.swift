/// A point in the original input.
///
/// `line` and `column` are 1-based; the column counts Unicode scalar values (code points) from
/// the start of the line, which is what editors, GitHub and SARIF (`unicodeCodePoints`) expect.
/// `offset` is the 0-based UTF-8 byte offset into the decoded text; for UTF-8 input (the usual
/// case) that is the byte offset in the file itself. Front matter is counted.
public struct SourceLocation: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// 1-based line number.
    public var line: Int
    /// 1-based column, in Unicode code points.
    public var column: Int
    /// 0-based UTF-8 byte offset.
    public var offset: Int

    public init(line: Int, column: Int, offset: Int) {
        self.line = line
        self.column = column
        self.offset = offset
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool { lhs.offset < rhs.offset }

    public var description: String { "\(line):\(column)" }
}

/// A span of the original input; `end` is exclusive.
public struct SourceRange: Sendable, Hashable, Codable, CustomStringConvertible {
    public var start: SourceLocation
    public var end: SourceLocation

    public init(start: SourceLocation, end: SourceLocation) {
        self.start = start
        self.end = end
    }

    public var description: String { "\(start)-\(end)" }
}
