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

    public func render(_ run: LintRun) -> String {
        document(run).pretty() + "\n"
    }

    /// The output as a `JSONValue`, for library users who embed it.
    public func document(_ run: LintRun) -> JSONValue {
        let findings = run.findings
        let counts = LintFormatting.counts(findings)
        let summary: JSONValue = .object([
            ("files", .int(run.reports.count)),
            ("findings", .int(findings.count)),
            ("errors", .int(counts[.error] ?? 0)),
            ("warnings", .int(counts[.warning] ?? 0)),
            ("infos", .int(counts[.info] ?? 0)),
            ("suppressed", .int(run.reports.reduce(0) { $0 + $1.suppressedCount })),
            ("baselineMatches", .int(run.baselineMatches)),
            ("failOn", .string(run.failOn.rawValue)),
            ("exitStatus", .int(Int(run.exitStatus))),
            ("inputErrors", .array(run.inputErrors.map { .object([("path", .string($0.path)), ("message", .string($0.reason))]) })),
        ])
        return .object([
            ("schemaVersion", .int(JSONLintFormatter.schemaVersion)),
            ("tool", .object([("name", .string("seokit")), ("version", .string(SEOKitVersion.string))])),
            ("files", .array(run.reports.map(file))),
            ("summary", summary),
        ])
    }

    func file(_ report: LintReport) -> JSONValue {
        .object([
            ("path", .string(report.path)),
            ("format", .string(report.format.rawValue)),
            ("isDraft", .bool(report.isDraft)),
            ("scores", .object([("seo", score(report.seoScore)), ("readability", score(report.readabilityScore))])),
            ("statistics", .object(report.statistics.jsonFields.filter { !["path", "format", "notes"].contains($0.0) })),
            ("findings", .array(report.findings.map(finding))),
            ("suppressed", .int(report.suppressedCount)),
            ("notes", .array(report.notes.map { note in
                .object([
                    ("message", .string(note.message)),
                    ("line", note.location.map { .int($0.line) } ?? .null),
                    ("column", note.location.map { .int($0.column) } ?? .null),
                ])
            })),
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
