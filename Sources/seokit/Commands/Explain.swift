import ArgumentParser
import SEOKit

/// `seokit explain RULE`: one rule in full, from its description.
struct Explain: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "explain",
        abstract: "Explain a rule: what it checks, why, its options and defaults, its score, and examples.",
        discussion: "Give a rule id (see 'seokit rules'); a category name lists the rules in it.")

    @Argument(help: "A rule id such as headings.single-h1, or a category.")
    var rule: String

    func run() throws {
        let name = rule.trimmed().lowercased()
        if let found = RuleCatalog.rule(id: name) {
            StandardStreams.writeOutput(Explain.render(found.description))
            return
        }
        let descriptions = RuleCatalog.all.map { $0.description }
        if let category = RuleCategory(rawValue: name) {
            let rules = descriptions.filter { $0.category == category }
            if rules.isEmpty {
                StandardStreams.writeOutput("The \(category.rawValue) category has no rules yet.\n")
            } else {
                StandardStreams.writeOutput("\(category.rawValue) is a category; 'seokit explain RULE' explains one of its rules:\n\n" + Rules.table(rules))
            }
            return
        }
        let candidates = RuleCatalog.ids + RuleCategory.allCases.map(\.rawValue)
        let suggestions = NameSuggestions.closest(to: name, among: candidates, limit: 3)
        var message = "seokit: unknown rule '\(rule)'"
        if !suggestions.isEmpty { message += " (did you mean \(suggestions.joined(separator: ", "))?)" }
        message += "; 'seokit rules' lists the rules"
        throw CommandFailure(code: ExitStatus.usageOrInputError, message: message)
    }

    static func render(_ rule: RuleDescription) -> String {
        var output = "\(rule.id): \(rule.name)\n\n"
        output += rule.summary + "\n\n"
        var facts = [
            "category: \(rule.category.rawValue)",
            "default severity: \(rule.defaultSeverity.rawValue)",
            rule.enabledByDefault ? "on by default" : "off by default (switch it on in .seokit.yml)",
        ]
        if let score = rule.score {
            facts.append("score: \(score == .seo ? "SEO" : "readability"), weight \(Explain.number(rule.weight))")
        } else {
            facts.append("score: none (findings only)")
        }
        for fact in facts { output += "  \(fact)\n" }
        output += "\nWhy\n\n" + wrap(rule.rationale, indent: "  ") + "\n"
        output += "\nOptions\n\n"
        if rule.options.isEmpty {
            output += "  none\n"
        } else {
            for option in rule.options {
                output += "  \(option.name) = \(option.defaultValue) (\(Rules.typeName(option.defaultValue)))\n"
                output += wrap(option.summary, indent: "      ") + "\n"
            }
        }
        output += "\nIn .seokit.yml\n\n  rules:\n    \(rule.id):\n"
        if !rule.enabledByDefault { output += "      enabled: true\n" }
        output += "      severity: \(rule.defaultSeverity.rawValue)\n"
        for option in rule.options {
            output += "      \(option.name): \(StarterConfiguration.yaml(option.defaultValue))\n"
        }
        for expectation in [RuleExample.Expectation.pass, .fail] {
            let examples = rule.examples.filter { $0.expectation == expectation }
            guard !examples.isEmpty else { continue }
            output += expectation == .pass ? "\nPasses\n" : "\nFails (\(RuleExample.marker) marks where the finding is reported)\n"
            for example in examples {
                var header: [String] = []
                if example.format != .markdown { header.append(example.format.rawValue) }
                if !example.options.isEmpty {
                    header.append("with " + example.options.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }.joined(separator: ", "))
                }
                if !example.keyphrases.isEmpty { header.append("keyphrase: " + example.keyphrases.joined(separator: ", ")) }
                output += "\n"
                if !header.isEmpty { output += "  (" + header.joined(separator: "; ") + ")\n" }
                var lines = example.input.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                while lines.last?.isEmpty == true { lines.removeLast() }
                for line in lines { output += line.isEmpty ? "\n" : "    \(line)\n" }
            }
        }
        return output
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e12 ? String(Int(value)) : String(value)
    }

    /// Words wrapped at 80 columns with an indent.
    static func wrap(_ text: String, indent: String, width: Int = 80) -> String {
        var lines: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = indent
            for word in paragraph.split(separator: " ") {
                if line.count > indent.count, line.count + 1 + word.count > width {
                    lines.append(line)
                    line = indent
                }
                line += (line.count > indent.count ? " " : "") + word
            }
            lines.append(line)
        }
        return lines.map { $0.trimmingTrailingSpaces() }.joined(separator: "\n")
    }
}

extension String {
    fileprivate func trimmingTrailingSpaces() -> String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
