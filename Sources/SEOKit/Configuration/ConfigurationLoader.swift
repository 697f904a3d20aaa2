import Yams

/// Reads `.seokit.yml` files into `LintConfiguration`s and finds the one that applies to a file.
///
/// ## The file
///
/// ```yaml
/// fail-on: warning                  # info, warning or error (default error)
/// include: ["content/**"]           # globs, relative to this file's folder
/// exclude: ["content/drafts/**"]
/// rules:
///   readability: off                # a category: off, on, or a severity for all its rules
///   keyphrase.*: warning            # same, written as a prefix
///   style.passive-voice: info       # a rule: a severity also switches it on
///   headings.single-h1:             # or a map: enabled, severity and the rule's options
///     severity: error
///     title-is-h1: false
/// overrides:                        # later entries win over earlier ones and over `rules`
///   - files: ["docs/**/*.md"]
///     rules:
///       headings: off
/// front-matter:                     # which front matter keys feed each field
///   keyphrase: [focus_keyword]      # replaces the default keys of that field
/// ```
///
/// Settings apply in the order written; a later setting for the same rule wins. Option values
/// are checked against the type of the option's default (number, true/false, text, list).
/// Anything unknown or mistyped is an error naming the file, the line and the key: a
/// configuration is never half applied.
///
/// ## Which file applies
///
/// For each linted file, the folders from the file's own up to the repository root (the
/// first folder containing `.git`; the filesystem root outside a repository) are searched and
/// the nearest `.seokit.yml` wins. Files do not merge: the nearest file is the whole
/// configuration for the files below it (as markdownlint's and Vale's nearest-file rule). An
/// explicit `--config FILE` applies to every file and stops the search.
public final class ConfigurationLoader {
    /// The file name searched for.
    public static let fileName = ".seokit.yml"

    /// The top-level keys, in the order `seokit init` writes them.
    public static let topLevelKeys = ["fail-on", "include", "exclude", "rules", "overrides", "front-matter"]

    /// The front matter fields a configuration can map.
    public static let frontMatterFields = ["title", "description", "slug", "keyphrase", "synonyms", "language", "draft"]

    private let catalog: [any Rule.Type]
    /// Folder → the configuration file that applies there (or none).
    private var discovered: [String: String?] = [:]
    /// Configuration file → its contents.
    private var loaded: [String: LintConfiguration] = [:]

    public init(catalog: [any Rule.Type] = RuleCatalog.all) {
        self.catalog = catalog
    }

    // MARK: Loading

    /// Reads and checks one configuration file.
    public static func load(path: String, catalog: [any Rule.Type] = RuleCatalog.all) throws(ConfigurationError) -> LintConfiguration {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path: path, sizeLimit: 1 << 20)
        } catch {
            throw ConfigurationError(path: Paths.display(path), line: nil, message: "cannot read the configuration file: \(error.reason)")
        }
        var configuration = try parse(String(decoding: bytes, as: UTF8.self), path: Paths.display(path), catalog: catalog)
        configuration.path = path
        return configuration
    }

    /// Checks configuration text; `path` names it in errors and becomes the configuration's path.
    public static func parse(_ text: String, path: String, catalog: [any Rule.Type] = RuleCatalog.all) throws(ConfigurationError) -> LintConfiguration {
        var parser = ConfigurationParser(path: path, catalog: catalog)
        return try parser.parse(text)
    }

    /// The configuration in a file, read once per loader.
    public func configuration(at path: String) throws(ConfigurationError) -> LintConfiguration {
        let key = Paths.absolute(path)
        if let cached = loaded[key] { return cached }
        let configuration = try ConfigurationLoader.load(path: path, catalog: catalog)
        loaded[key] = configuration
        return configuration
    }

    // MARK: Discovery

    /// The nearest `.seokit.yml` at or above a file's folder, stopping at the repository root.
    /// Standard input (`-`) searches from the current directory. Lookups are cached per folder.
    public func discover(for file: String) -> String? {
        let folder = file == "-" ? Paths.currentDirectory : Paths.parent(Paths.absolute(file))
        return discover(inFolder: folder)
    }

    /// The nearest `.seokit.yml` at or above a folder, stopping at the repository root.
    public func discover(inFolder folder: String) -> String? {
        var visited: [String] = []
        var current = Paths.absolute(folder)
        var found: String?
        while true {
            if let cached = discovered[current] {
                found = cached
                break
            }
            visited.append(current)
            let candidate = (current == "/" ? "" : current) + "/" + ConfigurationLoader.fileName
            if Paths.isFile(candidate) {
                found = candidate
                break
            }
            if current == "/" || Paths.exists(current + "/.git") { break }
            current = Paths.parent(current)
        }
        for folder in visited { discovered[folder] = .some(found) }
        return found
    }

    /// The folder a configuration's globs are relative to.
    public static func baseFolder(of configuration: LintConfiguration) -> String? {
        configuration.path.map { Paths.parent(Paths.absolute($0)) }
    }
}

/// Walks the composed YAML tree, keeping line numbers for errors.
private struct ConfigurationParser {
    let path: String
    let catalog: [any Rule.Type]
    let descriptions: [String: RuleDescription]
    let ruleIDs: [String]

    init(path: String, catalog: [any Rule.Type]) {
        self.path = path
        self.catalog = catalog
        var descriptions: [String: RuleDescription] = [:]
        for rule in catalog { descriptions[rule.description.id] = rule.description }
        self.descriptions = descriptions
        ruleIDs = catalog.map { $0.description.id }
    }

    func error(_ node: Node?, key: String?, _ message: String) -> ConfigurationError {
        ConfigurationError(path: path, line: node?.mark?.line, key: key, message: key.map { "\($0): \(message)" } ?? message)
    }

    mutating func parse(_ text: String) throws(ConfigurationError) -> LintConfiguration {
        let root: Node?
        do {
            // The encoding named: Yams' default reads the whole process environment on every
            // parse (it looks for YAMS_DEFAULT_ENCODING), a tenth of the reading of a draft.
            root = try Yams.compose(yaml: text, .default, .default, .utf8)
        } catch let yamlError as YamlError {
            throw syntaxError(yamlError)
        } catch {
            throw ConfigurationError(path: path, line: nil, message: "invalid YAML: \(error)")
        }
        var configuration = LintConfiguration(path: path)
        guard let root, !isNull(root) else { return configuration }
        guard let mapping = root.mapping else {
            throw error(root, key: nil, "the configuration must be a mapping of keys (\(ConfigurationLoader.topLevelKeys.joined(separator: ", ")))")
        }
        for (keyNode, value) in mapping {
            let key = try keyName(keyNode, parent: nil)
            switch key {
            case "rules":
                configuration.rules = try ruleSettings(value, keyPath: "rules")
            case "overrides":
                configuration.overrides = try overrides(value)
            case "include":
                configuration.include = try globs(value, key: "include")
            case "exclude":
                configuration.exclude = try globs(value, key: "exclude")
            case "front-matter":
                configuration.fieldMapping = try fieldMapping(value)
            case "fail-on":
                guard let severity = severity(value, key: "fail-on") else {
                    throw error(value, key: "fail-on", "expected info, warning or error, got \(show(value))")
                }
                configuration.failOn = severity
            default:
                throw error(keyNode, key: nil, "unknown key '\(key)'\(NameSuggestions.hint(for: key, among: ConfigurationLoader.topLevelKeys)); keys are \(ConfigurationLoader.topLevelKeys.joined(separator: ", "))")
            }
        }
        return configuration
    }

    // MARK: Sections

    func ruleSettings(_ node: Node, keyPath: String) throws(ConfigurationError) -> [(selector: RuleSelector, setting: RuleSetting)] {
        if isNull(node) { return [] }
        guard let mapping = node.mapping else {
            throw error(node, key: keyPath, "expected a map of rule ids or categories to settings")
        }
        var settings: [(selector: RuleSelector, setting: RuleSetting)] = []
        for (keyNode, value) in mapping {
            let name = try keyName(keyNode, parent: keyPath)
            let selector = RuleSelector(name)
            try checkSelector(selector, node: keyNode)
            settings.append((selector, try ruleSetting(value, selector: selector, keyPath: "\(keyPath).\(name)")))
        }
        return settings
    }

    func checkSelector(_ selector: RuleSelector, node: Node) throws(ConfigurationError) {
        let text = selector.text
        let categories = RuleCategory.allCases.map(\.rawValue)
        if text == "all" || text == "*" || categories.contains(text) || descriptions[text] != nil { return }
        if text.hasSuffix(".*") {
            let prefix = String(text.dropLast(2))
            if categories.contains(prefix) || selector.isKnown(ruleIDs: ruleIDs) { return }
            throw error(node, key: nil, "unknown category '\(prefix)'\(NameSuggestions.hint(for: prefix, among: categories)); categories are \(categories.joined(separator: ", "))")
        }
        let kind = text.contains(".") ? "rule" : "rule or category"
        throw error(node, key: nil, "unknown \(kind) '\(text)'\(NameSuggestions.hint(for: text, among: ruleIDs + categories)); `seokit rules` lists them")
    }

    func ruleSetting(_ node: Node, selector: RuleSelector, keyPath: String) throws(ConfigurationError) -> RuleSetting {
        let expected = "expected off, on, a severity (info, warning, error) or a map with enabled, severity and options"
        if let scalar = node.scalar {
            let word = scalar.string.lowercased()
            if let flag = Self.flagWords[word] { return RuleSetting(enabled: flag) }
            if let severity = Self.severityWords[word] { return RuleSetting(enabled: true, severity: severity) }
            throw error(node, key: keyPath, "\(expected), got \(show(node))")
        }
        guard let mapping = node.mapping else { throw error(node, key: keyPath, expected) }
        var setting = RuleSetting()
        let description = descriptions[selector.text]
        let optionNames = description?.options.map(\.name) ?? []
        for (keyNode, value) in mapping {
            let name = try keyName(keyNode, parent: keyPath)
            let path = "\(keyPath).\(name)"
            switch name {
            case "enabled":
                guard let flag = flag(value) else { throw error(value, key: path, "expected true or false, got \(show(value))") }
                setting.enabled = flag
            case "severity":
                guard let severity = severity(value, key: path) else {
                    throw error(value, key: path, "expected info, warning or error, got \(show(value))")
                }
                setting.severity = severity
            default:
                guard let description else {
                    throw error(keyNode, key: nil, "unknown key '\(name)' for '\(selector.text)': several rules take only enabled and severity; set options on one rule")
                }
                guard let option = description.options.first(where: { $0.name == name }) else {
                    let known = ["enabled", "severity"] + optionNames
                    let list = optionNames.isEmpty ? "it has no options" : "its options are \(optionNames.joined(separator: ", "))"
                    throw error(keyNode, key: nil, "unknown option '\(name)' for rule \(description.id)\(NameSuggestions.hint(for: name, among: known)); \(list)")
                }
                setting.options[name] = try optionValue(value, like: option.defaultValue, key: path)
            }
        }
        return setting
    }

    func optionValue(_ node: Node, like defaultValue: OptionValue, key: String) throws(ConfigurationError) -> OptionValue {
        switch defaultValue {
        case .number:
            if let scalar = node.scalar, scalar.style == .plain, let number = Double(scalar.string.filter { $0 != "_" }), number.isFinite {
                return .number(number)
            }
            throw error(node, key: key, "expected a number, got \(show(node))")
        case .flag:
            if let flag = flag(node) { return .flag(flag) }
            throw error(node, key: key, "expected true or false, got \(show(node))")
        case .text:
            if let scalar = node.scalar { return .text(scalar.string) }
            throw error(node, key: key, "expected text, got \(show(node))")
        case .list:
            return .list(try strings(node, key: key))
        }
    }

    func overrides(_ node: Node) throws(ConfigurationError) -> [LintConfiguration.Override] {
        if isNull(node) { return [] }
        guard let sequence = node.sequence else {
            throw error(node, key: "overrides", "expected a list of entries with files and rules")
        }
        var result: [LintConfiguration.Override] = []
        for (index, entry) in sequence.enumerated() {
            let keyPath = "overrides[\(index + 1)]"
            guard let mapping = entry.mapping else { throw error(entry, key: keyPath, "expected a map with files and rules") }
            var files: [Glob]?
            var rules: [(selector: RuleSelector, setting: RuleSetting)] = []
            for (keyNode, value) in mapping {
                let name = try keyName(keyNode, parent: keyPath)
                switch name {
                case "files":
                    let patterns = try globs(value, key: "\(keyPath).files")
                    if patterns.isEmpty { throw error(value, key: "\(keyPath).files", "give at least one glob") }
                    files = patterns
                case "rules":
                    rules = try ruleSettings(value, keyPath: "\(keyPath).rules")
                default:
                    throw error(keyNode, key: nil, "unknown key '\(name)' in \(keyPath)\(NameSuggestions.hint(for: name, among: ["files", "rules"])); an override has files and rules")
                }
            }
            guard let files else { throw error(entry, key: keyPath, "an override needs files (a glob or a list of globs)") }
            result.append(LintConfiguration.Override(files: files, rules: rules))
        }
        return result
    }

    func fieldMapping(_ node: Node) throws(ConfigurationError) -> FieldMapping {
        var mapping = FieldMapping()
        if isNull(node) { return mapping }
        guard let entries = node.mapping else {
            throw error(node, key: "front-matter", "expected a map of fields (\(ConfigurationLoader.frontMatterFields.joined(separator: ", "))) to front matter keys")
        }
        for (keyNode, value) in entries {
            let field = try keyName(keyNode, parent: "front-matter")
            let keys = try strings(value, key: "front-matter.\(field)")
            if keys.isEmpty { throw error(value, key: "front-matter.\(field)", "give at least one front matter key") }
            switch field {
            case "title": mapping.title = keys
            case "description": mapping.description = keys
            case "slug": mapping.slug = keys
            case "keyphrase": mapping.keyphrase = keys
            case "synonyms": mapping.synonyms = keys
            case "language": mapping.language = keys
            case "draft": mapping.draft = keys
            default:
                let fields = ConfigurationLoader.frontMatterFields
                throw error(keyNode, key: nil, "unknown front matter field '\(field)'\(NameSuggestions.hint(for: field, among: fields)); fields are \(fields.joined(separator: ", "))")
            }
        }
        return mapping
    }

    // MARK: Values

    static let flagWords: [String: Bool] = ["on": true, "true": true, "yes": true, "off": false, "false": false, "no": false]
    static let severityWords: [String: Severity] = ["info": .info, "warning": .warning, "warn": .warning, "error": .error]

    func keyName(_ node: Node, parent: String?) throws(ConfigurationError) -> String {
        guard let scalar = node.scalar else { throw error(node, key: parent, "keys must be plain text") }
        return scalar.string
    }

    func flag(_ node: Node) -> Bool? {
        guard let scalar = node.scalar else { return nil }
        return Self.flagWords[scalar.string.lowercased()]
    }

    func severity(_ node: Node, key: String) -> Severity? {
        guard let scalar = node.scalar else { return nil }
        return Self.severityWords[scalar.string.lowercased()]
    }

    /// A string or a list of strings.
    /// Globs from text or a list of text; a glob whose `{a,b}` groups multiply past
    /// `Glob.maximumAlternatives` is refused.
    func globs(_ node: Node, key: String) throws(ConfigurationError) -> [Glob] {
        let globs = try strings(node, key: key).map(Glob.init)
        if let complex = globs.first(where: \.isTooComplex) {
            throw error(node, key: key, "the glob '\(complex.pattern.prefix(60))' has more than \(Glob.maximumAlternatives) {a,b} alternatives")
        }
        return globs
    }

    func strings(_ node: Node, key: String) throws(ConfigurationError) -> [String] {
        if isNull(node) { return [] }
        if let scalar = node.scalar { return [scalar.string] }
        guard let sequence = node.sequence else { throw error(node, key: key, "expected text or a list of text") }
        var values: [String] = []
        for item in sequence {
            guard let scalar = item.scalar else { throw error(item, key: key, "expected text, got \(show(item))") }
            values.append(scalar.string)
        }
        return values
    }

    func isNull(_ node: Node) -> Bool {
        guard let scalar = node.scalar, scalar.style == .plain else { return false }
        return scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null"
    }

    /// A value as quoted in an error message.
    func show(_ node: Node) -> String {
        switch node {
        case .scalar(let scalar): return isNull(node) ? "nothing" : "'\(scalar.string)'"
        case .mapping: return "a map"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    func syntaxError(_ yamlError: YamlError) -> ConfigurationError {
        switch yamlError {
        case .scanner(let context, let problem, let mark, _), .parser(let context, let problem, let mark, _),
            .composer(let context, let problem, let mark, _):
            let detail = context.map { "\(problem) (\($0.text))" } ?? problem
            return ConfigurationError(path: path, line: mark.line, message: "invalid YAML: \(detail)")
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return ConfigurationError(path: path, line: context.mark.line, message: "duplicate key \(keys)")
        default:
            let first = "\(yamlError)".split(separator: "\n").first.map(String.init) ?? "invalid YAML"
            return ConfigurationError(path: path, line: nil, message: "invalid YAML: \(first)")
        }
    }
}
