/// The commented `.seokit.yml` that `seokit init` writes, generated from the rule catalogue so
/// it names every category and shows every rule option with its real default.
///
/// Everything but `fail-on` is commented out, so the starter behaves exactly like no
/// configuration until a line is uncommented.
public enum StarterConfiguration {
    /// The starter text. `examplesActive` writes the examples uncommented (the tests check that
    /// every example is a valid setting).
    public static func text(catalog: [any Rule.Type] = RuleCatalog.all, examplesActive: Bool = false) -> String {
        var writer = Writer(active: examplesActive)
        writer.note("SEOKit configuration. `seokit lint` uses the nearest .seokit.yml at or above each file,")
        writer.note("up to the repository root; the nearest file is the whole configuration (files do not merge).")
        writer.note("Globs are relative to this file's folder. `seokit rules` lists the rules and")
        writer.note("`seokit explain RULE` explains one. Uncomment a line to use it.")
        writer.blank()
        writer.note("Exit with status 1 when a finding reaches this severity: info, warning or error.")
        writer.note("`--fail-on` on the command line wins.")
        writer.setting("fail-on: error")
        writer.blank()
        writer.note("Files to lint inside the folders given to `seokit lint` (default: every Markdown, HTML")
        writer.note("and text file), and files to skip. They also filter files named on the command line.")
        writer.example("include:")
        writer.example("  - \"content/**\"")
        writer.example("exclude:")
        writer.example("  - \"content/drafts/**\"")
        writer.blank()
        writer.setting("rules:")
        writer.note("A category, `category.*`, a rule id or `all`: off, on, or a severity (info, warning,", indent: 2)
        writer.note("error), which also switches the rules on. Later settings win over earlier ones.", indent: 2)
        writer.note("A rule can also take a map: enabled, severity and its options (defaults shown).", indent: 2)
        let descriptions = catalog.map { $0.description }
        for category in RuleCategory.allCases {
            let rules = descriptions.filter { $0.category == category }
            writer.blank()
            let count = rules.count == 1 ? "1 rule" : "\(rules.count) rules"
            writer.example("\(category.rawValue): on", comment: count, indent: 2)
            for rule in rules where !rule.options.isEmpty {
                writer.example("\(rule.id):", comment: rule.summary, indent: 2)
                if !rule.enabledByDefault {
                    writer.example("  enabled: true", comment: "off by default", indent: 2)
                }
                writer.example("  severity: \(rule.defaultSeverity.rawValue)", indent: 2)
                for option in rule.options {
                    writer.example("  \(option.name): \(yaml(option.defaultValue))", comment: option.summary, indent: 2)
                }
            }
        }
        writer.blank()
        writer.note("Settings for some files only (globs relative to this file's folder); later entries win.")
        writer.example("overrides:")
        writer.example("  - files: [\"content/news/**\"]")
        writer.example("    rules:")
        writer.example("      readability: warning")
        writer.blank()
        writer.note("The front matter keys that feed each field, first present wins (defaults shown).")
        writer.note("A list here replaces the default keys of that field.")
        writer.example("front-matter:")
        let mapping = FieldMapping()
        let fields: [(String, [String])] = [
            ("title", mapping.title), ("description", mapping.description), ("slug", mapping.slug),
            ("keyphrase", mapping.keyphrase), ("synonyms", mapping.synonyms), ("language", mapping.language),
            ("draft", mapping.draft),
        ]
        for (field, keys) in fields {
            writer.example("  \(field): \(yaml(.list(keys)))")
        }
        return writer.lines.joined(separator: "\n") + "\n"
    }

    private struct Writer {
        var lines: [String] = []
        let active: Bool
        static let commentColumn = 40

        mutating func note(_ text: String, indent: Int = 0) {
            lines.append(String(repeating: " ", count: indent) + "# " + text)
        }

        mutating func setting(_ code: String) { lines.append(code) }

        mutating func example(_ code: String, comment: String? = nil, indent: Int = 0) {
            var line = String(repeating: " ", count: indent) + (active ? "" : "# ") + code
            if let comment {
                let padding = max(2, Writer.commentColumn - line.count)
                line += String(repeating: " ", count: padding) + "# " + comment
            }
            lines.append(line)
        }

        mutating func blank() { lines.append("") }
    }

    /// An option value as YAML.
    public static func yaml(_ value: OptionValue) -> String {
        switch value {
        case .number, .flag: return value.description
        case .text(let text): return scalar(text)
        case .list(let items): return "[" + items.map(scalar).joined(separator: ", ") + "]"
        }
    }

    /// A string as a YAML scalar, quoted when plain style would change its meaning.
    public static func scalar(_ text: String) -> String {
        let special: Set<Character> = [":", "#", "[", "]", "{", "}", ",", "&", "*", "!", "|", ">", "'", "\"", "%", "@", "`", "\\", "?", "-"]
        let reserved: Set<String> = ["", "~", "null", "true", "false", "yes", "no", "on", "off", "y", "n"]
        let needsQuotes = text.contains(where: { special.contains($0) || $0.isNewline })
            || reserved.contains(text.lowercased()) || Double(text) != nil
            || text.first?.isWhitespace == true || text.last?.isWhitespace == true
        guard needsQuotes else { return text }
        var escaped = "\""
        for character in text {
            switch character {
            case "\"": escaped += "\\\""
            case "\\": escaped += "\\\\"
            case "\n": escaped += "\\n"
            default: escaped.append(character)
            }
        }
        return escaped + "\""
    }
}
