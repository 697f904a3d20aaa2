import Foundation
import SEOKitTestSupport
import Testing
@testable import SEOKit

/// `.seokit.yml` parsing: the schema, every kind of error with its line, and settings reaching
/// the rules.
struct ConfigurationTests {
    static let h1ID = "headings.single-h1"

    func parse(_ text: String, catalog: [any Rule.Type] = RuleCatalog.all) throws -> LintConfiguration {
        try ConfigurationLoader.parse(text, path: ".seokit.yml", catalog: catalog)
    }

    /// The error a configuration produces (fails the test when it parses).
    func failure(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ConfigurationError? {
        do {
            _ = try ConfigurationLoader.parse(text, path: ".seokit.yml")
            Issue.record("expected a configuration error", sourceLocation: sourceLocation)
            return nil
        } catch {
            return error
        }
    }

    // MARK: Valid files

    @Test func fullConfigurationParses() throws {
        let configuration = try parse("""
            # comment
            fail-on: warning
            include: "content/**"
            exclude:
              - "content/drafts/**"
              - "*.txt"
            rules:
              all: on
              readability: off
              keyphrase.*: info
              headings.single-h1:
                severity: error
                title-is-h1: false
              headings: warn
            overrides:
              - files: ["news/**", "*.html"]
                rules:
                  headings.single-h1: off
            front-matter:
              title: seo_title
              keyphrase: [focus, keyword]
              draft: [unpublished]
            """)
        #expect(configuration.failOn == .warning)
        #expect(configuration.include.map(\.pattern) == ["content/**"])
        #expect(configuration.exclude.map(\.pattern) == ["content/drafts/**", "*.txt"])
        #expect(configuration.rules.map(\.selector.text) == ["all", "readability", "keyphrase.*", Self.h1ID, "headings"])
        #expect(configuration.rules[0].setting == RuleSetting(enabled: true))
        #expect(configuration.rules[1].setting == RuleSetting(enabled: false))
        #expect(configuration.rules[2].setting == RuleSetting(enabled: true, severity: .info))
        #expect(configuration.rules[3].setting == RuleSetting(severity: .error, options: ["title-is-h1": .flag(false)]))
        #expect(configuration.rules[4].setting == RuleSetting(enabled: true, severity: .warning))
        #expect(configuration.overrides.count == 1)
        #expect(configuration.overrides[0].files.map(\.pattern) == ["news/**", "*.html"])
        #expect(configuration.overrides[0].rules.map(\.selector.text) == [Self.h1ID])
        #expect(configuration.overrides[0].rules[0].setting.enabled == false)
        #expect(configuration.fieldMapping.title == ["seo_title"])
        #expect(configuration.fieldMapping.keyphrase == ["focus", "keyword"])
        #expect(configuration.fieldMapping.draft == ["unpublished"])
        #expect(configuration.fieldMapping.description == FieldMapping().description)
        #expect(configuration.path == ".seokit.yml")
    }

    @Test(arguments: ["", "# only a comment\n", "rules:\noverrides:\nfront-matter:\ninclude:\n"])
    func emptyConfigurationsAreValid(_ text: String) throws {
        let configuration = try parse(text)
        #expect(configuration.rules.isEmpty)
        #expect(configuration.overrides.isEmpty)
        #expect(configuration.include.isEmpty)
        #expect(configuration.failOn == nil)
    }

    @Test func optionValuesAreTypedByTheirDefaults() throws {
        let catalog: [any Rule.Type] = [OptionsProbeRule.self]
        let configuration = try parse("""
            rules:
              style.probe:
                limit: 12.5
                strict: yes
                label: 42
                words: [a, b]
            """, catalog: catalog)
        let options = configuration.rules[0].setting.options
        #expect(options["limit"] == .number(12.5))
        #expect(options["strict"] == .flag(true))
        #expect(options["label"] == .text("42"))
        #expect(options["words"] == .list(["a", "b"]))
        let single = try parse("rules:\n  style.probe:\n    words: alone\n", catalog: catalog)
        #expect(single.rules[0].setting.options["words"] == .list(["alone"]))
    }

    @Test func loadReadsAFileAndKeepsItsPath() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write(".seokit.yml", "fail-on: info\n")
        let configuration = try ConfigurationLoader.load(path: path)
        #expect(configuration.failOn == .info)
        #expect(configuration.path == path)
        #expect(ConfigurationLoader.baseFolder(of: configuration) == directory.path)
    }

    @Test func aMissingFileIsAnError() {
        #expect(throws: ConfigurationError.self) { try ConfigurationLoader.load(path: "/nonexistent/.seokit.yml") }
    }

    // MARK: Errors name the line and the key

    struct BadCase: Sendable, CustomTestStringConvertible {
        var name: String
        var text: String
        var line: Int?
        var contains: [String]
        var testDescription: String { name }
    }

    static let badCases: [BadCase] = [
        BadCase(name: "unknown top-level key", text: "fail-on: error\nrulez:\n  all: off\n", line: 2,
                contains: ["unknown key 'rulez'", "did you mean rules?"]),
        BadCase(name: "unknown rule id", text: "rules:\n  all: on\n  headings.single-h2: off\n", line: 3,
                contains: ["unknown rule 'headings.single-h2'", "did you mean headings.single-h1?"]),
        BadCase(name: "unknown category", text: "rules:\n  headngs: off\n", line: 2,
                contains: ["unknown rule or category 'headngs'", "did you mean headings?"]),
        BadCase(name: "unknown category prefix", text: "rules:\n  nonsense.*: off\n", line: 2,
                contains: ["unknown category 'nonsense'"]),
        BadCase(name: "bad severity", text: "rules:\n  headings: critical\n", line: 2,
                contains: ["rules.headings:", "got 'critical'"]),
        BadCase(name: "bad severity in a map", text: "rules:\n  headings.single-h1:\n    severity: fatal\n", line: 3,
                contains: ["rules.headings.single-h1.severity", "got 'fatal'"]),
        BadCase(name: "bad fail-on", text: "\n\nfail-on: sometimes\n", line: 3,
                contains: ["fail-on", "expected info, warning or error", "'sometimes'"]),
        BadCase(name: "wrong option type", text: "rules:\n  headings.single-h1:\n    title-is-h1: maybe\n", line: 3,
                contains: ["rules.headings.single-h1.title-is-h1", "expected true or false", "'maybe'"]),
        BadCase(name: "unknown option", text: "rules:\n  headings.single-h1:\n    severity: error\n    title-is-h2: false\n", line: 4,
                contains: ["unknown option 'title-is-h2' for rule headings.single-h1", "did you mean title-is-h1?"]),
        BadCase(name: "options on a category", text: "rules:\n  headings:\n    title-is-h1: false\n", line: 3,
                contains: ["unknown key 'title-is-h1' for 'headings'"]),
        BadCase(name: "enabled not a flag", text: "rules:\n  headings:\n    enabled: 3\n", line: 3,
                contains: ["rules.headings.enabled", "expected true or false"]),
        BadCase(name: "rule with no value", text: "rules:\n  headings.single-h1:\n", line: 2,
                contains: ["rules.headings.single-h1", "got nothing"]),
        BadCase(name: "rules not a map", text: "rules: [a, b]\n", line: 1, contains: ["rules:", "expected a map"]),
        BadCase(name: "YAML syntax error", text: "rules:\n  all: on\n  headings: [off\nfail-on: error\n", line: 4,
                contains: ["invalid YAML"]),
        BadCase(name: "bad indentation", text: "rules:\n  all: on\n    headings: off\n", line: 3, contains: ["invalid YAML"]),
        BadCase(name: "duplicate key", text: "rules:\n  all: on\nrules:\n  all: off\n", line: nil, contains: ["duplicate key 'rules'"]),
        BadCase(name: "override without files", text: "overrides:\n  - rules:\n      headings: off\n", line: 2,
                contains: ["overrides[1]", "needs files"]),
        BadCase(name: "unknown key in an override", text: "overrides:\n  - files: a\n    rule:\n      headings: off\n", line: 3,
                contains: ["unknown key 'rule' in overrides[1]", "did you mean rules?"]),
        BadCase(name: "unknown rule in an override", text: "overrides:\n  - files: a\n    rules:\n      headings.singel-h1: off\n", line: 4,
                contains: ["unknown rule 'headings.singel-h1'", "did you mean headings.single-h1?"]),
        BadCase(name: "unknown front matter field", text: "front-matter:\n  titel: [name]\n", line: 2,
                contains: ["unknown front matter field 'titel'", "did you mean title?"]),
        BadCase(name: "include not text", text: "include:\n  - {a: b}\n", line: 2, contains: ["include", "expected text"]),
        BadCase(name: "root not a map", text: "- rules\n", line: 1, contains: ["must be a mapping"]),
    ]

    @Test(arguments: badCases)
    func invalidConfigurationsNameTheLineAndKey(_ bad: BadCase) throws {
        let error = try #require(failure(bad.text))
        if let line = bad.line { #expect(error.line == line, "\(error)") }
        for part in bad.contains { #expect(error.description.contains(part), "\(error)") }
        // One line, starting with the file and line: the format editors and CI logs recognise.
        #expect(!error.description.contains("\n"))
        let prefix = error.line.map { ".seokit.yml:\($0): " } ?? ".seokit.yml: "
        #expect(error.description.hasPrefix(prefix), "\(error)")
    }

    @Test func duplicateKeysReportALine() throws {
        let error = try #require(failure("rules:\n  all: on\n  all: off\n"))
        #expect(error.description.contains("duplicate key 'all'"))
        #expect(error.line != nil)
    }

    @Test func emptyCategoriesAreKnown() throws {
        // A category without rules yet (or a rule-less catalogue) is still a valid name.
        let configuration = try parse("rules:\n  images: off\n  links.*: warning\n", catalog: [])
        #expect(configuration.rules.count == 2)
    }

    // MARK: Settings reach the rules

    func findings(_ configurationText: String, _ markdown: String, path: String = "post.md") throws -> [Finding] {
        let configuration = try parse(configurationText)
        let document = try DocumentReader(options: ReadOptions(fieldMapping: configuration.fieldMapping))
            .read(string: markdown, path: path, format: .markdown)
        let report = LintEngine(configuration: configuration).lint(document, relativePath: path)
        return report.findings.filter { $0.ruleID == Self.h1ID }
    }

    static let titleAndH1 = "---\ntitle: Baking bread\n---\n\n# Baking bread\n\nSome text.\n"

    @Test func optionOverridesReachTheRule() throws {
        #expect(try findings("", Self.titleAndH1).count == 1)
        #expect(try findings("rules:\n  headings.single-h1:\n    title-is-h1: false\n", Self.titleAndH1).isEmpty)
        // A later setting wins.
        let twice = "rules:\n  headings.single-h1:\n    title-is-h1: false\n  headings.single-h1:\n    title-is-h1: true\n"
        #expect(throws: ConfigurationError.self) { try self.parse(twice) }  // duplicate keys are refused
        let inOverride = """
            rules:
              headings.single-h1:
                title-is-h1: false
            overrides:
              - files: "news/**"
                rules:
                  headings.single-h1:
                    title-is-h1: true
            """
        #expect(try findings(inOverride, Self.titleAndH1, path: "blog/post.md").isEmpty)
        #expect(try findings(inOverride, Self.titleAndH1, path: "news/post.md").count == 1)
    }

    @Test func frontMatterMappingReachesTheReader() throws {
        let post = "---\nheadline: Baking bread\n---\n\n# Baking bread\n\nSome text.\n"
        // `headline` is not a title key by default: the H1 is the only one.
        #expect(try findings("", post).isEmpty)
        #expect(try findings("front-matter:\n  title: [headline]\n", post).count == 1)
    }

    @Test func categoriesSwitchOnAndOff() throws {
        let twoH1s = "# One\n\nText.\n\n# Two\n\nMore.\n"
        #expect(try findings("", twoH1s).count == 1)
        #expect(try findings("rules:\n  headings: off\n", twoH1s).isEmpty)
        #expect(try findings("rules:\n  headings.*: off\n", twoH1s).isEmpty)
        #expect(try findings("rules:\n  all: off\n", twoH1s).isEmpty)
        #expect(try findings("rules:\n  all: off\n  headings.single-h1: on\n", twoH1s).count == 1)
        #expect(try findings("rules:\n  headings: off\n  headings.single-h1:\n    enabled: true\n", twoH1s).count == 1)
        // Order matters: the category after the rule wins.
        #expect(try findings("rules:\n  headings.single-h1: on\n  headings: off\n", twoH1s).isEmpty)
    }

    @Test func severityOverrides() throws {
        let twoH1s = "# One\n\nText.\n\n# Two\n\nMore.\n"
        #expect(try findings("", twoH1s).map(\.severity) == [.warning])
        #expect(try findings("rules:\n  headings.single-h1: error\n", twoH1s).map(\.severity) == [.error])
        #expect(try findings("rules:\n  headings: info\n", twoH1s).map(\.severity) == [.info])
        #expect(try findings("rules:\n  headings.single-h1:\n    severity: error\n", twoH1s).map(\.severity) == [.error])
        // A severity switches a rule back on.
        #expect(try findings("rules:\n  all: off\n  headings: error\n", twoH1s).map(\.severity) == [.error])
    }

    @Test func overridesApplyByGlob() throws {
        let twoH1s = "# One\n\nText.\n\n# Two\n\nMore.\n"
        let text = """
            overrides:
              - files: ["news/**"]
                rules:
                  headings: off
              - files: "*.markdown"
                rules:
                  headings.single-h1: error
            """
        #expect(try findings(text, twoH1s, path: "news/2024/post.md").isEmpty)
        #expect(try findings(text, twoH1s, path: "blog/post.md").map(\.severity) == [.warning])
        #expect(try findings(text, twoH1s, path: "blog/post.markdown").map(\.severity) == [.error])
        // Both match: the later override wins (a severity switches the rule back on).
        #expect(try findings(text, twoH1s, path: "news/post.markdown").map(\.severity) == [.error])
        let offLast = text + "\n  - files: \"news/**\"\n    rules:\n      headings.single-h1: off\n"
        #expect(try findings(offLast, twoH1s, path: "news/post.markdown").isEmpty)
    }

    // MARK: The starter file

    @Test func starterConfigurationIsValidAsWrittenAndUncommented() throws {
        let written = try parse(StarterConfiguration.text())
        #expect(written.rules.isEmpty)
        #expect(written.failOn == .error)
        let active = try parse(StarterConfiguration.text(examplesActive: true))
        #expect(!active.rules.isEmpty)
        #expect(active.overrides.count == 1)
        #expect(!active.include.isEmpty)
        #expect(active.fieldMapping == FieldMapping())
        // Every option appears with its real default.
        for rule in RuleCatalog.all {
            for option in rule.description.options {
                let selector = RuleSelector(rule.description.id)
                let setting = try #require(active.rules.first { $0.selector == selector }?.setting, "\(rule.description.id)")
                #expect(setting.options[option.name] == option.defaultValue, "\(rule.description.id).\(option.name)")
            }
        }
    }

    @Test func starterConfigurationNamesEveryCategory() {
        let text = StarterConfiguration.text()
        for category in RuleCategory.allCases {
            #expect(text.contains("# \(category.rawValue): on"), "\(category.rawValue)")
        }
        #expect(text.contains("# headings.single-h1:"))
        #expect(text.contains("#   title-is-h1: true"))
        #expect(text.contains("# overrides:"))
        #expect(text.contains("# front-matter:"))
        // Generated from the catalogue: a catalogue with a different option shows it.
        #expect(StarterConfiguration.text(catalog: [OptionsProbeRule.self]).contains("#   limit: 3"))
    }

    @Test func suggestionsFindTypos() {
        #expect(NameSuggestions.closest(to: "keyphrase.densty", among: ["keyphrase.density", "keyphrase.in-title"]) == ["keyphrase.density"])
        #expect(NameSuggestions.closest(to: "xyz", among: ["keyphrase.density"]).isEmpty)
        #expect(NameSuggestions.editDistance("ab", "ba") == 1)
        #expect(NameSuggestions.editDistance("kitten", "sitting") == 3)
    }
}

/// A rule with one option of each type, for option parsing tests.
struct OptionsProbeRule: Rule {
    static let description = RuleDescription(
        id: "style.probe", name: "Probe", category: .style, defaultSeverity: .info, summary: "Probe.", rationale: "Tests.",
        options: [
            RuleOption("limit", .number(3), "A number."),
            RuleOption("strict", .flag(false), "A flag."),
            RuleOption("label", .text("x"), "Text."),
            RuleOption("words", .list(["one"]), "A list."),
        ],
        examples: [])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult { .clean }
}
