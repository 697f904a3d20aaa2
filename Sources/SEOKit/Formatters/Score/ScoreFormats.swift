/// Output formats of `seokit score`.
public enum ScoreFormat: String, Sendable, CaseIterable {
    /// Worst first, with a summary (needs every record, so it prints at the end).
    case table
    case csv
    /// One JSON object per line, written as records arrive.
    case jsonl
    /// One JSON document with every record and the summary.
    case json
}

/// Renders score records. CSV and JSON Lines stream; the table and JSON print at the end.
public enum ScoreRendering {
    /// The CSV header row.
    public static let csvColumns = [
        "path", "status", "seoScore", "readabilityScore", "grade", "words", "sentences", "paragraphs",
        "fleschReadingEase", "fleschKincaidGrade", "gunningFog", "smog", "colemanLiau", "automatedReadabilityIndex",
        "daleChall", "readingTimeSeconds", "errors", "warnings", "infos", "topProblems", "draft", "message",
    ]

    public static func csvHeader() -> String { csvColumns.joined(separator: ",") + "\n" }

    public static func csvRow(_ record: ScoreRecord) -> String {
        let fields = Dictionary(record.jsonFields, uniquingKeysWith: { first, _ in first })
        let cells = csvColumns.map { column -> String in
            switch fields[column] {
            case .string(let text)?: return csvCell(text)
            case .int(let value)?: return String(value)
            case .double?: return fields[column]!.serialized()
            case .bool(let value)?: return value ? "true" : "false"
            case .array(let items)?: return csvCell(items.compactMap { if case .string(let text) = $0 { return text }; return nil }.joined(separator: " "))
            default: return ""
            }
        }
        return cells.joined(separator: ",") + "\n"
    }

    /// RFC 4180 quoting; cells that a spreadsheet would run as a formula are prefixed with `'`.
    static func csvCell(_ text: String) -> String {
        var value = text
        if let first = value.first, "=+-@\t\r".contains(first) { value = "'" + value }
        guard value.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return value }
        return "\"" + value.split(separator: "\"", omittingEmptySubsequences: false).joined(separator: "\"\"") + "\""
    }

    public static func jsonLine(_ record: ScoreRecord) -> String {
        JSONValue.object(record.jsonFields).serialized() + "\n"
    }

    public static func json(_ records: [ScoreRecord], summary: ScoreSummary) -> String {
        JSONValue.object([
            ("schemaVersion", .int(ScoreRecord.schemaVersion)),
            ("tool", .object([("name", .string("seokit")), ("version", .string(SEOKitVersion.string))])),
            ("documents", .array(records.map { .object($0.jsonFields) })),
            ("summary", .object(summary.jsonFields)),
        ]).pretty() + "\n"
    }

    /// One row per article, worst first, then the summary.
    public static func table(_ records: [ScoreRecord], summary: ScoreSummary, width: Int? = nil) -> String {
        let sorted = records.enumerated().sorted { lhs, rhs in
            lhs.element.combinedScore != rhs.element.combinedScore
                ? lhs.element.combinedScore < rhs.element.combinedScore : lhs.offset < rhs.offset
        }.map(\.element)
        var table = TextTable(
            headers: ["SEO", "read.", "grade", "words", "E/W/I", "top problems", "file"],
            alignments: [.right, .right, .right, .right, .right, .left, .left])
        for record in sorted {
            if record.status == .error, record.statistics == nil {
                table.append(["–", "–", "–", "–", "–", "error: " + (record.message ?? "").terminalSafe, record.path.terminalSafe])
                continue
            }
            let grade = record.grade.map { String(format1: $0) } ?? "–"
            table.append([
                record.seoScore.map(String.init) ?? "–", record.readabilityScore.map(String.init) ?? "–", grade,
                record.statistics.map { String($0.counts.words) } ?? "–", "\(record.errors)/\(record.warnings)/\(record.infos)",
                record.topProblems.joined(separator: ", "), record.path.terminalSafe,
            ])
        }
        var output = table.render(maxWidth: width)
        output += "\n" + summaryText(summary)
        return output
    }

    public static func summaryText(_ summary: ScoreSummary) -> String {
        func stat(_ value: Double?) -> String { value.map { String(format1: $0) } ?? "–" }
        var lines: [String] = []
        lines.append("\(summary.files) file\(summary.files == 1 ? "" : "s") scored, \(summary.failed) with errors, \(summary.findings) findings")
        lines.append("SEO score:          mean \(stat(ScoreSummary.mean(summary.seoScores))), median \(stat(ScoreSummary.median(summary.seoScores)))  \(bands(summary.seoScores))")
        lines.append("readability score:  mean \(stat(ScoreSummary.mean(summary.readabilityScores))), median \(stat(ScoreSummary.median(summary.readabilityScores)))  \(bands(summary.readabilityScores))")
        let failing = summary.mostFailingRules(limit: 5)
        if !failing.isEmpty {
            lines.append("rules failing most: " + failing.map { "\($0.rule) (\($0.documents))" }.joined(separator: ", "))
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func bands(_ values: [Int]) -> String {
        let labels = ["0–19", "20–39", "40–59", "60–79", "80–100"]
        return zip(labels, ScoreSummary.distribution(values)).map { "\($0): \($1)" }.joined(separator: "  ")
    }
}

extension String {
    /// A number with one decimal.
    init(format1 value: Double) {
        let rounded = (value * 10).rounded() / 10
        self = rounded == rounded.rounded() ? "\(Int(rounded)).0" : "\(rounded)"
    }
}
