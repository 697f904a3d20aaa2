/// Everything one `seokit lint` run produced: what formatters render.
public struct LintRun: Sendable {
    /// One report per linted document, in input order.
    public var reports: [LintReport]
    /// Inputs that could not be read (they do not stop the run).
    public var inputErrors: [InputError]
    /// The lowest severity that fails the run.
    public var failOn: Severity
    /// Findings dropped because a baseline already had them.
    public var baselineMatches: Int
    /// The folder paths are shown relative to (the repository root when known).
    public var rootPath: String?

    public init(reports: [LintReport], inputErrors: [InputError] = [], failOn: Severity = .error, baselineMatches: Int = 0, rootPath: String? = nil) {
        self.reports = reports
        self.inputErrors = inputErrors
        self.failOn = failOn
        self.baselineMatches = baselineMatches
        self.rootPath = rootPath
    }

    /// All findings, in report order.
    public var findings: [Finding] { reports.flatMap(\.findings) }

    /// The number of findings in all reports.
    public var findingCount: Int { reports.reduce(0) { $0 + $1.findings.count } }

    /// Whether any finding reaches `failOn`.
    public var hasFailingFindings: Bool { totals.hasFailingFindings }

    /// The exit status a CI system reads: 2 for input errors, 1 for failing findings, else 0.
    public var exitStatus: Int32 { totals.exitStatus }

    /// What outputs know before the first report; the rule ids are those of the findings, in
    /// order of appearance.
    public var start: LintRunStart {
        var seen = Set<String>()
        var ruleIDs: [String] = []
        for report in reports {
            for finding in report.findings where seen.insert(finding.ruleID).inserted { ruleIDs.append(finding.ruleID) }
        }
        return LintRunStart(failOn: failOn, rootPath: rootPath, ruleIDs: ruleIDs)
    }

    /// The run's totals.
    public var totals: LintRunTotals {
        var totals = LintRunTotals(failOn: failOn)
        for report in reports { totals.add(report) }
        totals.inputErrors = inputErrors
        totals.baselineMatches = baselineMatches
        return totals
    }
}

/// What a lint run's outputs know before its first report arrives.
public struct LintRunStart: Sendable {
    /// The lowest severity that fails the run.
    public var failOn: Severity
    /// The folder paths are shown relative to (the repository root when known).
    public var rootPath: String?
    /// The ids of the rules whose findings the run may report (a session's catalogue), so an
    /// output that lists rules before the findings (SARIF) can list every one of them.
    public var ruleIDs: [String]

    public init(failOn: Severity = .error, rootPath: String? = nil, ruleIDs: [String] = []) {
        self.failOn = failOn
        self.rootPath = rootPath
        self.ruleIDs = ruleIDs
    }
}

/// The counts of a lint run, complete once every report and input error is in: what summaries
/// and the exit status are made of. Reports are added one at a time, so a run that streams its
/// reports keeps only these numbers.
public struct LintRunTotals: Sendable {
    public var failOn: Severity
    /// Reports added (linted files).
    public private(set) var files = 0
    public private(set) var filesWithFindings = 0
    public private(set) var findings = 0
    public private(set) var errors = 0
    public private(set) var warnings = 0
    public private(set) var infos = 0
    /// Findings inline directives or front matter suppressed.
    public private(set) var suppressed = 0
    /// Whether a finding reaches `failOn`.
    public private(set) var hasFailingFindings = false
    /// Whether a reader repaired an input (such a run exits with 2).
    public private(set) var hasReaderNotes = false
    /// Findings dropped because a baseline already had them.
    public var baselineMatches = 0
    /// Inputs that could not be read.
    public var inputErrors: [InputError] = []

    public init(failOn: Severity = .error) {
        self.failOn = failOn
    }

    /// Counts one report.
    public mutating func add(_ report: LintReport) {
        files += 1
        if !report.findings.isEmpty { filesWithFindings += 1 }
        findings += report.findings.count
        for finding in report.findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
            if finding.severity >= failOn { hasFailingFindings = true }
        }
        suppressed += report.suppressedCount
        if !report.notes.isEmpty { hasReaderNotes = true }
    }

    /// Findings of one severity.
    public func count(_ severity: Severity) -> Int {
        switch severity {
        case .error: return errors
        case .warning: return warnings
        case .info: return infos
        }
    }

    /// The exit status a CI system reads: 2 for input errors or repaired input, 1 for failing
    /// findings, else 0.
    public var exitStatus: Int32 {
        if !inputErrors.isEmpty || hasReaderNotes { return 2 }
        return hasFailingFindings ? 1 : 0
    }
}

/// A lint output format (`text`, `json`, `sarif`, `github`).
///
/// Output is written as a stream: a writer made for the run receives the reports one at a
/// time, in input order, and the totals at the end, so `seokit lint` never holds every report
/// of a large site in memory. `render` and `write(_:into:)` feed a whole `LintRun` through the
/// same writer.
public protocol LintFormatter: Sendable {
    /// The name used in `--format` (`text`, `json`, `sarif`, `github`).
    static var name: String { get }
    /// A writer for one run's output.
    func makeWriter(_ start: LintRunStart) -> any LintOutputWriter
}

/// Writes one run's output in pieces: `begin`, then `write` for each report in input order,
/// then `finish`. Each call appends to the buffer it is given; the caller may empty the buffer
/// between calls (to a file or standard output).
public protocol LintOutputWriter {
    mutating func begin(into output: inout ByteBuffer)
    mutating func write(_ report: LintReport, into output: inout ByteBuffer)
    mutating func finish(_ totals: LintRunTotals, into output: inout ByteBuffer)
}

extension LintFormatter {
    /// Appends the whole output of a run.
    public func write(_ run: LintRun, into output: inout ByteBuffer) {
        var writer = makeWriter(run.start)
        writer.begin(into: &output)
        for report in run.reports { writer.write(report, into: &output) }
        writer.finish(run.totals, into: &output)
    }

    /// The whole output of a run as text.
    public func render(_ run: LintRun) -> String {
        var output = ByteBuffer(capacity: 1 << 16)
        write(run, into: &output)
        return output.string
    }
}
