/// How `seokit lint` runs: which rules, at which severity, with which thresholds, for which files.
///
/// Built from `.seokit.yml` (see `ConfigurationLoader`) or in code. Settings apply in order —
/// `rules` first, then each matching `overrides` entry — and a later setting wins.
public struct LintConfiguration: Sendable {
    /// Rule settings in the order they were written.
    public var rules: [(selector: RuleSelector, setting: RuleSetting)]
    /// Settings for files matching globs (relative to the configuration file's folder).
    public var overrides: [Override]
    /// Files to lint inside folders (empty: every Markdown, HTML and text file).
    public var include: [Glob]
    public var exclude: [Glob]
    public var fieldMapping: FieldMapping
    /// The lowest severity that fails the run (`--fail-on` wins over this).
    public var failOn: Severity?
    /// The file this configuration came from, if any.
    public var path: String?

    public struct Override: Sendable {
        public var files: [Glob]
        public var rules: [(selector: RuleSelector, setting: RuleSetting)]

        public init(files: [Glob], rules: [(selector: RuleSelector, setting: RuleSetting)]) {
            self.files = files
            self.rules = rules
        }
    }

    public init(
        rules: [(selector: RuleSelector, setting: RuleSetting)] = [], overrides: [Override] = [], include: [Glob] = [],
        exclude: [Glob] = [], fieldMapping: FieldMapping = FieldMapping(), failOn: Severity? = nil, path: String? = nil
    ) {
        self.rules = rules
        self.overrides = overrides
        self.include = include
        self.exclude = exclude
        self.fieldMapping = fieldMapping
        self.failOn = failOn
        self.path = path
    }

    /// The rules as they run for one file (`relativePath` relative to the configuration's folder).
    public func resolvedRules(for relativePath: String, catalog: [any Rule.Type] = RuleCatalog.all) -> [ResolvedRule] {
        var settings = rules
        for override in overrides where override.files.contains(where: { $0.matches(relativePath) }) {
            settings += override.rules
        }
        return catalog.map { rule in
            let description = rule.description
            var enabled = description.enabledByDefault
            var severity = description.defaultSeverity
            var options: [String: OptionValue] = [:]
            for (selector, setting) in settings where selector.matches(description.id) {
                if let value = setting.enabled { enabled = value }
                if let value = setting.severity { severity = value }
                // Options only make sense for the rule they name.
                if selector.text == description.id { options.merge(setting.options) { $1 } }
            }
            return ResolvedRule(rule: rule, enabled: enabled, severity: severity, options: RuleOptions(description: description, overrides: options))
        }
    }
}

/// One entry of a configuration's `rules`: any of on/off, severity and options.
public struct RuleSetting: Sendable, Hashable {
    public var enabled: Bool?
    public var severity: Severity?
    public var options: [String: OptionValue]

    public init(enabled: Bool? = nil, severity: Severity? = nil, options: [String: OptionValue] = [:]) {
        self.enabled = enabled
        self.severity = severity
        self.options = options
    }
}

/// A rule ready to run on one file.
public struct ResolvedRule: Sendable {
    public var rule: any Rule.Type
    public var enabled: Bool
    public var severity: Severity
    public var options: RuleOptions
}
