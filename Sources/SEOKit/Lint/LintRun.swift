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
    public var hasFailingFindings: Bool {
        // Per report: `findings` would copy every finding of the run into one array.
        reports.contains { report in report.findings.contains { $0.severity >= failOn } }
    }

    /// The exit status a CI system reads: 2 for input errors, 1 for failing findings, else 0.
    public var exitStatus: Int32 {
        if !inputErrors.isEmpty || reports.contains(where: { !$0.notes.isEmpty }) { return 2 }
        return hasFailingFindings ? 1 : 0
    }
}

/// Turns a lint run into text in one output format.
public protocol LintFormatter: Sendable {
    /// The name used in `--format` (`text`, `json`, `sarif`, `github`).
    static var name: String { get }
    func render(_ run: LintRun) -> String
    /// Appends the output to a byte buffer: how the CLI writes it, without a `String` of
    /// megabytes in between. By default, the bytes of `render`.
    func write(_ run: LintRun, into output: inout ByteBuffer)
}

extension LintFormatter {
    public func write(_ run: LintRun, into output: inout ByteBuffer) {
        output.append(render(run))
    }
}
