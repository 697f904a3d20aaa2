/// Groups of rules; a configuration can switch a whole category on or off.
public enum RuleCategory: String, Sendable, Hashable, Codable, CaseIterable {
    case keyphrase
    case meta
    case headings
    case content
    case links
    case images
    case readability
    case style
    case headline
}

/// A check. Each rule is a small type whose `description` documents it completely: the
/// `rules` listing, `explain`, the SARIF rule catalogue and the example tests all come from it.
///
/// To add a rule: write one type conforming to `Rule` in the folder of its category and list
/// it in `RuleCatalog.all`.
public protocol Rule: Sendable {
    static var description: RuleDescription { get }
    /// Findings and (for rules that feed a score) an assessment for one document.
    func check(_ context: LintContext, options: RuleOptions) -> RuleResult
    init()
}

/// What a rule returns for one document.
public struct RuleResult: Sendable {
    public var findings: [RuleFinding]
    public var assessment: Assessment?

    public init(findings: [RuleFinding] = [], assessment: Assessment? = nil) {
        self.findings = findings
        self.assessment = assessment
    }

    public static let clean = RuleResult()
}

/// Everything a rule says about itself.
public struct RuleDescription: Sendable {
    /// Stable, dotted kebab-case id: `category.name`.
    public var id: String
    public var name: String
    public var category: RuleCategory
    public var defaultSeverity: Severity
    /// One line: what the rule checks.
    public var summary: String
    /// Why it matters, and where the threshold comes from.
    public var rationale: String
    /// The score this rule's assessment feeds, if any, and its weight there.
    public var score: ScoreKind?
    public var weight: Double
    public var options: [RuleOption]
    /// Inputs that must pass and must fail; run as tests.
    public var examples: [RuleExample]
    /// Whether the rule runs without being switched on in configuration.
    public var enabledByDefault: Bool

    public init(
        id: String, name: String, category: RuleCategory, defaultSeverity: Severity, summary: String, rationale: String,
        score: ScoreKind? = nil, weight: Double = 1, options: [RuleOption] = [], examples: [RuleExample],
        enabledByDefault: Bool = true
    ) {
        self.enabledByDefault = enabledByDefault
        self.id = id
        self.name = name
        self.category = category
        self.defaultSeverity = defaultSeverity
        self.summary = summary
        self.rationale = rationale
        self.score = score
        self.weight = weight
        self.options = options
        self.examples = examples
    }
}

/// A threshold or setting a configuration can change.
public struct RuleOption: Sendable, Hashable {
    public var name: String
    public var defaultValue: OptionValue
    public var summary: String

    public init(_ name: String, _ defaultValue: OptionValue, _ summary: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.summary = summary
    }
}

/// A configured value.
public enum OptionValue: Sendable, Hashable, CustomStringConvertible {
    case number(Double)
    case text(String)
    case flag(Bool)
    case list([String])

    public var description: String {
        switch self {
        case .number(let value): return value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(value)
        case .text(let value): return value
        case .flag(let value): return value ? "true" : "false"
        case .list(let values): return "[" + values.joined(separator: ", ") + "]"
        }
    }
}

/// The options a rule runs with: its defaults, overridden by configuration.
public struct RuleOptions: Sendable, Hashable {
    public var values: [String: OptionValue]

    public init(_ values: [String: OptionValue] = [:]) { self.values = values }

    /// Defaults from a description with overrides applied.
    public init(description: RuleDescription, overrides: [String: OptionValue] = [:]) {
        var values: [String: OptionValue] = [:]
        for option in description.options { values[option.name] = option.defaultValue }
        for (name, value) in overrides { values[name] = value }
        self.values = values
    }

    public func number(_ name: String) -> Double {
        if case .number(let value)? = values[name] { return value }
        preconditionFailure("option \(name) is not a number")
    }

    public func flag(_ name: String) -> Bool {
        if case .flag(let value)? = values[name] { return value }
        preconditionFailure("option \(name) is not a flag")
    }

    public func list(_ name: String) -> [String] {
        switch values[name] {
        case .list(let values)?: return values
        case .text(let value)?: return [value]
        default: return []
        }
    }
}

/// An input a rule must pass or fail on, run as a test.
///
/// In failing examples, `↓` marks where a finding must start (the marker is removed before
/// the input is read); an example without markers only requires at least one finding.
public struct RuleExample: Sendable, Hashable {
    public enum Expectation: String, Sendable, Hashable { case pass, fail }

    public var expectation: Expectation
    public var input: String
    public var format: InputFormat
    /// Option overrides for this example.
    public var options: [String: OptionValue]
    /// Keyphrases given as if on the command line.
    public var keyphrases: [String]

    public static func pass(_ input: String, format: InputFormat = .markdown, options: [String: OptionValue] = [:], keyphrases: [String] = []) -> RuleExample {
        RuleExample(expectation: .pass, input: input, format: format, options: options, keyphrases: keyphrases)
    }

    public static func fail(_ input: String, format: InputFormat = .markdown, options: [String: OptionValue] = [:], keyphrases: [String] = []) -> RuleExample {
        RuleExample(expectation: .fail, input: input, format: format, options: options, keyphrases: keyphrases)
    }

    /// The marker for expected finding positions.
    public static let marker: Character = "↓"
}
