import Testing
@testable import SEOKit

/// Every example in every rule's description runs here: passing examples must produce no
/// finding of the rule, failing ones at least one, exactly at the `↓` markers when present.
struct RuleExampleTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let ruleID: String
        let index: Int
        let example: RuleExample
        var testDescription: String { "\(ruleID) example \(index + 1) (\(example.expectation.rawValue))" }
    }

    static let cases: [Case] = RuleCatalog.all.flatMap { rule in
        rule.description.examples.enumerated().map { Case(ruleID: rule.description.id, index: $0.offset, example: $0.element) }
    }

    @Test(arguments: cases)
    func example(_ testCase: Case) throws {
        let rule = try #require(RuleCatalog.rule(id: testCase.ruleID))
        let (input, markers) = MarkedInput.strip(testCase.example.input)
        let document = try DocumentReader().read(string: input, path: "example", format: testCase.example.format)
        let resolved = ResolvedRule(
            rule: rule, enabled: true, severity: rule.description.defaultSeverity,
            options: RuleOptions(description: rule.description, overrides: testCase.example.options))
        let report = LintEngine().lint(document, rules: [resolved], keyphrases: testCase.example.keyphrases)
        let found = report.findings.map { "\($0.range.start.line):\($0.range.start.column)" }
        switch testCase.example.expectation {
        case .pass:
            #expect(report.findings.isEmpty, "expected no finding, got \(report.findings.map { "\($0.range.start): \($0.message)" })")
        case .fail:
            #expect(!report.findings.isEmpty, "expected a finding, got none")
            if !markers.isEmpty {
                #expect(Set(found) == Set(markers), "findings at \(found), markers at \(markers)")
            }
        }
    }

    @Test func everyRuleHasPassingAndFailingExamples() {
        for rule in RuleCatalog.all {
            let expectations = Set(rule.description.examples.map(\.expectation))
            #expect(expectations == [.pass, .fail], "\(rule.description.id) needs both passing and failing examples")
        }
    }

    @Test func ruleIDsAreUniqueDottedKebabCase() {
        let ids = RuleCatalog.ids
        #expect(Set(ids).count == ids.count)
        for id in ids {
            let parts = id.split(separator: ".")
            #expect(parts.count == 2, "\(id) is not category.name")
            #expect(id.allSatisfy { $0.isLowercase || $0 == "-" || $0 == "." || $0.isNumber }, "\(id) is not kebab-case")
            if let rule = RuleCatalog.rule(id: id) {
                #expect(String(parts[0]) == rule.description.category.rawValue, "\(id) is not in its category")
            }
        }
    }
}

/// Strips `↓` markers from an example, returning where they were as "line:column".
enum MarkedInput {
    static func strip(_ input: String) -> (String, [String]) {
        var output = ""
        var markers: [String] = []
        var line = 1
        var column = 1
        for scalar in input.unicodeScalars {
            if scalar == "↓" {
                markers.append("\(line):\(column)")
                continue
            }
            output.unicodeScalars.append(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (output, markers)
    }
}
