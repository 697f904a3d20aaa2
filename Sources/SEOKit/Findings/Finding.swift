/// How much a finding matters. Ordered: `info` < `warning` < `error`.
public enum Severity: String, Sendable, Hashable, Codable, CaseIterable, Comparable {
    case info
    case warning
    case error

    private var rank: Int {
        switch self {
        case .info: return 0
        case .warning: return 1
        case .error: return 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// One problem a rule found, with where it is in the original file and what to do about it.
public struct Finding: Sendable, Hashable {
    /// The rule's stable id, such as `keyphrase.density`.
    public var ruleID: String
    public var severity: Severity
    /// What is wrong, in one sentence.
    public var message: String
    /// What the writer can do about it.
    public var suggestion: String?
    /// Where, in the original file (front matter counted).
    public var range: SourceRange
    /// The file, as the user named it.
    public var path: String

    public init(ruleID: String, severity: Severity, message: String, suggestion: String?, range: SourceRange, path: String) {
        self.ruleID = ruleID
        self.severity = severity
        self.message = message
        self.suggestion = suggestion
        self.range = range
        self.path = path
    }
}

/// What a rule reports, before the engine attaches the rule id, severity and path.
public struct RuleFinding: Sendable, Hashable {
    public var message: String
    public var suggestion: String?
    public var range: SourceRange
    /// A severity other than the rule's own, for rules with two levels (a paragraph over 150
    /// words is a warning, over 200 an error). Configuration can still override it.
    public var severity: Severity?

    public init(message: String, suggestion: String? = nil, range: SourceRange, severity: Severity? = nil) {
        self.message = message
        self.suggestion = suggestion
        self.range = range
        self.severity = severity
    }
}
