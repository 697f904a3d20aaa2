import ArgumentParser
import SEOKit

/// `seokit rules`: the rule catalogue.
struct Rules: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rules",
        abstract: "List the rules: id, category, default severity and summary.",
        discussion: "'seokit explain RULE' shows one rule in full. --format json adds options with their defaults, scores and weights.")

    @Option(name: .long, help: "Output format: text or json.")
    var format: RulesFormat = .text

    enum RulesFormat: String, ExpressibleByArgument, CaseIterable { case text, json }

    /// Version of the JSON below; changes only on an incompatible change.
    static let jsonSchemaVersion = 1

    func run() throws {
        let rules = RuleCatalog.all.map { $0.description }
        switch format {
        case .text:
            StandardStreams.writeOutput(Rules.table(rules))
        case .json:
            let json = JSONValue.object([
                ("schemaVersion", .int(Rules.jsonSchemaVersion)),
                ("tool", .object([("name", .string("seokit")), ("version", .string(SEOKitVersion.string))])),
                ("rules", .array(rules.map(Rules.json))),
            ])
            StandardStreams.writeOutput(json.pretty() + "\n")
        }
    }

    static func table(_ rules: [RuleDescription]) -> String {
        var table = TextTable(headers: ["id", "category", "severity", "summary"])
        for rule in rules {
            let severity = rule.defaultSeverity.rawValue + (rule.enabledByDefault ? "" : " (off)")
            table.append([rule.id, rule.category.rawValue, severity, rule.summary])
        }
        let off = rules.filter { !$0.enabledByDefault }.count
        var footer = "\(rules.count) rule\(rules.count == 1 ? "" : "s")"
        if off > 0 { footer += "; \(off) off by default (switch them on in .seokit.yml)" }
        return table.render() + "\n" + footer + "\n"
    }

    /// One rule as JSON: `id`, `name`, `category`, `defaultSeverity`, `enabledByDefault`,
    /// `summary`, `rationale`, `score` (seo, readability or null), `weight`, and `options`
    /// (`name`, `type`: number/flag/text/list, `default`, `summary`).
    static func json(_ rule: RuleDescription) -> JSONValue {
        .object([
            ("id", .string(rule.id)),
            ("name", .string(rule.name)),
            ("category", .string(rule.category.rawValue)),
            ("defaultSeverity", .string(rule.defaultSeverity.rawValue)),
            ("enabledByDefault", .bool(rule.enabledByDefault)),
            ("summary", .string(rule.summary)),
            ("rationale", .string(rule.rationale)),
            ("score", rule.score.map { .string($0.rawValue) } ?? .null),
            ("weight", .number(rule.weight)),
            ("options", .array(rule.options.map { option in
                .object([
                    ("name", .string(option.name)),
                    ("type", .string(typeName(option.defaultValue))),
                    ("default", json(option.defaultValue)),
                    ("summary", .string(option.summary)),
                ])
            })),
        ])
    }

    static func typeName(_ value: OptionValue) -> String {
        switch value {
        case .number: return "number"
        case .flag: return "flag"
        case .text: return "text"
        case .list: return "list"
        }
    }

    static func json(_ value: OptionValue) -> JSONValue {
        switch value {
        case .number(let number): return .number(number, places: 6)
        case .flag(let flag): return .bool(flag)
        case .text(let text): return .string(text)
        case .list(let items): return .array(items.map(JSONValue.string))
        }
    }
}
