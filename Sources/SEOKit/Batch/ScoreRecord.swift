/// One article's line in a batch: its scores, counts and top problems, or why it failed.
public struct ScoreRecord: Sendable {
    public enum Status: String, Sendable, Codable {
        case ok
        case error
    }

    public var path: String
    public var status: Status
    /// For failures: the cause, one line. For repaired inputs: what was repaired.
    public var message: String?
    public var format: InputFormat?
    public var statistics: DocumentStatistics?
    public var seoScore: Int?
    public var readabilityScore: Int?
    public var errors = 0
    public var warnings = 0
    public var infos = 0
    /// Rules with findings, worst first (severity, then count).
    public var topProblems: [String] = []
    /// Every finding, for history; dropped once a record only needs summarising.
    public var findings: [Finding] = []
    /// Every rule with at least one finding, sorted: what "rules failing most" counts.
    public var failingRules: [String] = []
    public var isDraft = false

    /// A record for an input that could not be read.
    public init(failure: InputError) {
        path = failure.path
        status = .error
        message = failure.reason
    }

    /// A record from a lint report.
    public init(report: LintReport) {
        path = report.path
        format = report.format
        statistics = report.statistics
        seoScore = report.seoScore.value
        readabilityScore = report.readabilityScore.value
        isDraft = report.isDraft
        findings = report.findings
        for finding in report.findings {
            switch finding.severity {
            case .error: errors += 1
            case .warning: warnings += 1
            case .info: infos += 1
            }
        }
        topProblems = ScoreRecord.worstRules(report.findings, limit: 3)
        failingRules = Set(report.findings.map(\.ruleID)).sorted()
        if report.notes.isEmpty {
            status = .ok
        } else {
            // Repaired input (invalid UTF-8, NUL bytes): scored, but reported as a problem.
            status = .error
            message = report.notes.map(\.description).joined(separator: "; ")
        }
    }

    /// Flesch–Kincaid grade, the "grade" column.
    public var grade: Double? { statistics?.readability.fleschKincaidGrade.value }

    /// Both scores averaged: what "worst first" sorts by (a failed file sorts first).
    public var combinedScore: Double {
        switch (seoScore, readabilityScore) {
        case let (seo?, readability?): return Double(seo + readability) / 2
        case let (seo?, nil): return Double(seo)
        case let (nil, readability?): return Double(readability)
        case (nil, nil): return -1
        }
    }

    static func worstRules(_ findings: [Finding], limit: Int) -> [String] {
        var byRule: [String: (severity: Severity, count: Int)] = [:]
        for finding in findings {
            let current = byRule[finding.ruleID] ?? (.info, 0)
            byRule[finding.ruleID] = (max(current.severity, finding.severity), current.count + 1)
        }
        return byRule.sorted { lhs, rhs in
            if lhs.value.severity != rhs.value.severity { return lhs.value.severity > rhs.value.severity }
            if lhs.value.count != rhs.value.count { return lhs.value.count > rhs.value.count }
            return lhs.key < rhs.key
        }.prefix(limit).map(\.key)
    }

    /// Version of the record's JSON shape (JSON Lines, JSON, and the CSV columns).
    public static let schemaVersion = 1

    /// The record as ordered JSON fields: the `stats` fields, then scores and finding counts.
    public var jsonFields: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = []
        if let statistics {
            fields = statistics.jsonFields
        } else {
            fields = [("path", .string(path)), ("format", format.map { .string($0.rawValue) } ?? .null)]
        }
        let insertAt = min(2, fields.count)
        fields.insert(contentsOf: [
            ("status", .string(status.rawValue)),
            ("message", .optional(message)),
            ("seoScore", seoScore.map(JSONValue.int) ?? .null),
            ("readabilityScore", readabilityScore.map(JSONValue.int) ?? .null),
            ("grade", .number(grade)),
            ("errors", .int(errors)),
            ("warnings", .int(warnings)),
            ("infos", .int(infos)),
            ("topProblems", .array(topProblems.map(JSONValue.string))),
            ("failingRules", .array(failingRules.map(JSONValue.string))),
            ("draft", .bool(isDraft)),
        ], at: insertAt)
        return fields
    }
}
