/// A plain-text table with aligned columns, for terminal output.
public struct TextTable: Sendable {
    public enum Alignment: Sendable { case left, right }

    public var headers: [String]
    public var alignments: [Alignment]
    public private(set) var rows: [[String]] = []

    public init(headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    public mutating func append(_ row: [String]) { rows.append(row) }

    /// The table as lines; `maxWidth` truncates the first left-aligned column if needed.
    public func render(maxWidth: Int? = nil) -> String {
        var widths = headers.map(\.count)
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count { widths[index] = max(widths[index], cell.count) }
        }
        if let maxWidth {
            let total = widths.reduce(0, +) + 2 * (widths.count - 1)
            if total > maxWidth, let first = alignments.firstIndex(of: .left) {
                widths[first] = max(12, widths[first] - (total - maxWidth))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (index, width) in widths.enumerated() {
                var cell = index < cells.count ? cells[index] : ""
                if cell.count > width { cell = "…" + cell.suffix(width - 1) }
                let padding = String(repeating: " ", count: width - cell.count)
                parts.append(alignments[index] == .right ? padding + cell : cell + padding)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text
        }
        var output = line(headers) + "\n"
        output += line(widths.map { String(repeating: "─", count: $0) }) + "\n"
        for row in rows { output += line(row) + "\n" }
        return output
    }
}
