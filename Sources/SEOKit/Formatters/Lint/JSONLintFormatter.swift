/// The machine-readable format of `seokit lint` (`--format json`).
///
/// One JSON object, indented by two spaces, keys always in the order below, no timestamps: the
/// same input gives the same bytes. `schemaVersion` changes only on an incompatible change
/// (a removed or renamed field, a changed type or meaning); new fields may appear in any
/// version, so readers should ignore fields they do not know.
///
/// ```
/// {
///   "schemaVersion": 1,
///   "tool": { "name": "seokit", "version": "0.1.0" },
///   "files": [                          // one per linted file, in input order
///     {
///       "path": "content/post.md",      // as given on the command line
///       "format": "markdown",           // markdown | html | text
///       "isDraft": false,
///       "scores": {
///         "seo": {
///           "value": 72,                // 0–100, or null when no assessment applies
///           "points": 5.5,              // earned, sum over assessments
///           "possible": 8,              // possible, sum over applicable assessments
///           "assessments": [
///             { "ruleId": "headings.single-h1", "measured": "1 H1 heading", "target": "exactly 1",
///               "rating": "good",       // good | ok | bad | n/a
///               "points": 1, "possible": 1 }
///           ]
///         },
///         "readability": { … same shape … }
///       },
///       "statistics": { "words": 498, "sentences": 31, … },  // `seokit stats` fields, without path, format, notes
///       "findings": [                   // after suppressions and the baseline, in source order
///         {
///           "ruleId": "headings.single-h1",
///           "severity": "warning",      // info | warning | error
///           "message": "A second H1: the page already has an earlier H1.",
///           "suggestion": "Make this heading an H2, or merge it with the first.",  // or null
///           "range": {                  // end exclusive
///             "start": { "line": 5, "column": 1, "offset": 42 },
///             "end": { "line": 6, "column": 1, "offset": 58 }
///           }
///         }
///       ],
///       "suppressed": 0,                // findings silenced by inline directives or front matter
///       "notes": [                      // input the reader repaired; they make the exit status 2
///         { "message": "invalid UTF-8 replaced", "line": 3, "column": 7 }  // line/column may be null
///       ]
///     }
///   ],
///   "summary": {
///     "files": 1,
///     "findings": 1, "errors": 0, "warnings": 1, "infos": 0,
///     "suppressed": 0,
///     "baselineMatches": 0,             // findings dropped because the baseline had them
///     "failOn": "error",                // lowest severity that fails the run
///     "exitStatus": 0,                  // 0 clean, 1 failing findings, 2 input errors or notes
///     "inputErrors": [ { "path": "missing.md", "message": "no such file or directory" } ]
///   }
/// }
/// ```
///
/// Lines and columns are 1-based; columns count Unicode code points; offsets are 0-based UTF-8
/// byte offsets in the decoded file (front matter counted).
public struct JSONLintFormatter: LintFormatter {
    public static let name = "json"
    /// Version of the shape above.
    public static let schemaVersion = 1

    public init() {}

    public func makeWriter(_ start: LintRunStart) -> any LintOutputWriter { Writer(formatter: self) }

    /// Streams the same bytes as `document(run).pretty()`; a test keeps the two equal.
    struct Writer: LintOutputWriter {
        let formatter: JSONLintFormatter
        var nesting = JSONNesting()

        mutating func begin(into output: inout ByteBuffer) {
            JSONStreamWriter.piece(&output, &nesting) { writer in
                writer.beginObject()
                writer.field("schemaVersion", JSONLintFormatter.schemaVersion)
                writer.key("tool")
                writer.beginObject()
                writer.field("name", "seokit")
                writer.field("version", SEOKitVersion.string)
                writer.endObject()
                writer.key("files")
                writer.beginArray()
            }
        }

        mutating func write(_ report: LintReport, into output: inout ByteBuffer) {
            let formatter = formatter
            JSONStreamWriter.piece(&output, &nesting) { writer in
                writer.item()
                formatter.write(report, to: &writer)
            }
        }

        mutating func finish(_ totals: LintRunTotals, into output: inout ByteBuffer) {
            let formatter = formatter
            JSONStreamWriter.piece(&output, &nesting) { writer in
                writer.endArray()
                writer.key("summary")
                writer.value(formatter.summary(totals))
                writer.endObject()
                writer.output.append(0x0A)
            }
        }
    }

    /// The output as a `JSONValue`, for library users who embed it.
    public func document(_ run: LintRun) -> JSONValue {
        .object([
            ("schemaVersion", .int(JSONLintFormatter.schemaVersion)),
            ("tool", .object([("name", .string("seokit")), ("version", .string(SEOKitVersion.string))])),
            ("files", .array(run.reports.map(file))),
            ("summary", summary(run.totals)),
        ])
    }

    func summary(_ totals: LintRunTotals) -> JSONValue {
        .object([
            ("files", .int(totals.files)),
            ("findings", .int(totals.findings)),
            ("errors", .int(totals.errors)),
            ("warnings", .int(totals.warnings)),
            ("infos", .int(totals.infos)),
            ("suppressed", .int(totals.suppressed)),
            ("baselineMatches", .int(totals.baselineMatches)),
            ("failOn", .string(totals.failOn.rawValue)),
            ("exitStatus", .int(Int(totals.exitStatus))),
            ("inputErrors", .array(totals.inputErrors.map { .object([("path", .string($0.path)), ("message", .string($0.reason))]) })),
        ])
    }

    /// `file(report)`, streamed.
    func write(_ report: LintReport, to writer: inout JSONStreamWriter) {
        writer.beginObject()
        writer.field("path", report.path)
        writer.field("format", report.format.rawValue)
        writer.key("isDraft")
        writer.bool(report.isDraft)
        writer.key("scores")
        writer.beginObject()
        writer.key("seo")
        write(report.seoScore, to: &writer)
        writer.key("readability")
        write(report.readabilityScore, to: &writer)
        writer.endObject()
        writer.key("statistics")
        writer.value(statistics(report))
        writer.key("findings")
        writer.beginArray()
        for finding in report.findings {
            writer.item()
            write(finding, to: &writer)
        }
        writer.endArray()
        writer.field("suppressed", report.suppressedCount)
        writer.key("notes")
        writer.value(notes(report))
        writer.endObject()
    }

    func write(_ score: Score, to writer: inout JSONStreamWriter) {
        writer.beginObject()
        writer.key("value")
        if let value = score.value { writer.int(value) } else { writer.null() }
        writer.key("points")
        writer.number(score.assessments.reduce(0) { $0 + $1.points })
        writer.key("possible")
        writer.number(score.assessments.reduce(0) { $0 + $1.possiblePoints })
        writer.key("assessments")
        writer.beginArray()
        for assessment in score.assessments {
            writer.item()
            writer.beginObject()
            writer.field("ruleId", assessment.ruleID)
            writer.field("measured", assessment.measured)
            writer.field("target", assessment.target)
            writer.field("rating", assessment.rating.rawValue)
            writer.key("points")
            writer.number(assessment.points)
            writer.key("possible")
            writer.number(assessment.possiblePoints)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    func write(_ finding: Finding, to writer: inout JSONStreamWriter) {
        func location(_ name: StaticString, _ location: SourceLocation) {
            writer.key(name)
            writer.beginObject()
            writer.field("line", location.line)
            writer.field("column", location.column)
            writer.field("offset", location.offset)
            writer.endObject()
        }
        writer.beginObject()
        writer.field("ruleId", finding.ruleID)
        writer.field("severity", finding.severity.rawValue)
        writer.field("message", finding.message)
        writer.key("suggestion")
        if let suggestion = finding.suggestion { writer.string(suggestion) } else { writer.null() }
        writer.key("range")
        writer.beginObject()
        location("start", finding.range.start)
        location("end", finding.range.end)
        writer.endObject()
        writer.endObject()
    }

    func statistics(_ report: LintReport) -> JSONValue {
        .object(report.statistics.jsonFields.filter { !["path", "format", "notes"].contains($0.0) })
    }

    func notes(_ report: LintReport) -> JSONValue {
        .array(report.notes.map { note in
            .object([
                ("message", .string(note.message)),
                ("line", note.location.map { .int($0.line) } ?? .null),
                ("column", note.location.map { .int($0.column) } ?? .null),
            ])
        })
    }

    func file(_ report: LintReport) -> JSONValue {
        .object([
            ("path", .string(report.path)),
            ("format", .string(report.format.rawValue)),
            ("isDraft", .bool(report.isDraft)),
            ("scores", .object([("seo", score(report.seoScore)), ("readability", score(report.readabilityScore))])),
            ("statistics", statistics(report)),
            ("findings", .array(report.findings.map(finding))),
            ("suppressed", .int(report.suppressedCount)),
            ("notes", notes(report)),
        ])
    }

    func score(_ score: Score) -> JSONValue {
        .object([
            ("value", score.value.map { .int($0) } ?? .null),
            ("points", .number(score.assessments.reduce(0) { $0 + $1.points })),
            ("possible", .number(score.assessments.reduce(0) { $0 + $1.possiblePoints })),
            ("assessments", .array(score.assessments.map { assessment in
                .object([
                    ("ruleId", .string(assessment.ruleID)),
                    ("measured", .string(assessment.measured)),
                    ("target", .string(assessment.target)),
                    ("rating", .string(assessment.rating.rawValue)),
                    ("points", .number(assessment.points)),
                    ("possible", .number(assessment.possiblePoints)),
                ])
            })),
        ])
    }

    func finding(_ finding: Finding) -> JSONValue {
        func location(_ location: SourceLocation) -> JSONValue {
            .object([("line", .int(location.line)), ("column", .int(location.column)), ("offset", .int(location.offset))])
        }
        return .object([
            ("ruleId", .string(finding.ruleID)),
            ("severity", .string(finding.severity.rawValue)),
            ("message", .string(finding.message)),
            ("suggestion", .optional(finding.suggestion)),
            ("range", .object([("start", location(finding.range.start)), ("end", location(finding.range.end))])),
        ])
    }
}
