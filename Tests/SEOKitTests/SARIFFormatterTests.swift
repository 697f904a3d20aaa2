import Foundation
import SEOKitTestSupport
import Testing
@testable import SEOKit

struct SARIFFormatterTests {
    /// The single run of a rendered log.
    func sarifRun(_ run: LintRun, workingDirectory: String = "/repo") throws -> [String: Any] {
        let log = try parseJSON(SARIFLintFormatter(workingDirectory: workingDirectory).render(run))
        #expect(log["version"] as? String == "2.1.0")
        #expect(log["$schema"] as? String == "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json")
        let runs = try #require(log["runs"] as? [[String: Any]])
        #expect(runs.count == 1)
        return try #require(runs.first)
    }

    func results(_ sarif: [String: Any]) throws -> [[String: Any]] { try #require(sarif["results"] as? [[String: Any]]) }

    func rules(_ sarif: [String: Any]) throws -> [[String: Any]] {
        let driver = try #require((sarif["tool"] as? [String: Any])?["driver"] as? [String: Any])
        return try #require(driver["rules"] as? [[String: Any]])
    }

    func artifactLocation(_ result: [String: Any]) throws -> [String: Any] {
        let locations = try #require(result["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        return try #require(physical["artifactLocation"] as? [String: Any])
    }

    func region(_ result: [String: Any]) throws -> [String: Int] {
        let locations = try #require(result["locations"] as? [[String: Any]])
        let physical = try #require(locations.first?["physicalLocation"] as? [String: Any])
        return try #require(physical["region"] as? [String: Int])
    }

    // MARK: Driver and rules

    @Test func driverListsTheWholeCatalogue() throws {
        let sarif = try sarifRun(LintRun(reports: []))
        let driver = try #require((sarif["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "seokit")
        #expect(driver["version"] as? String == SEOKitVersion.string)
        let rules = try rules(sarif)
        #expect(rules.map { $0["id"] as? String } == RuleCatalog.ids)
        for (rule, type) in zip(rules, RuleCatalog.all) {
            let description = type.description
            #expect((rule["shortDescription"] as? [String: String])?["text"] == description.summary)
            #expect((rule["fullDescription"] as? [String: String])?["text"] == description.rationale)
            let help = try #require(rule["help"] as? [String: String])
            #expect(help["text"]?.contains(description.rationale) == true)
            #expect(help["markdown"]?.contains(description.summary) == true)
            for option in description.options {
                #expect(help["markdown"]?.contains("`\(option.name)`") == true, "\(description.id) help lacks \(option.name)")
                #expect(help["text"]?.contains("\(option.name) (default: \(option.defaultValue))") == true)
            }
            let configuration = try #require(rule["defaultConfiguration"] as? [String: Any])
            #expect(configuration["level"] as? String == SARIFLintFormatter.level(description.defaultSeverity))
            #expect(configuration["enabled"] as? Bool == description.enabledByDefault)
            let parameters = try #require(configuration["parameters"] as? [String: Any])
            #expect(Set(parameters.keys) == Set(description.options.map(\.name)))
            let properties = try #require(rule["properties"] as? [String: Any])
            #expect(properties["category"] as? String == description.category.rawValue)
            let tags = try #require(properties["tags"] as? [String])
            #expect(tags.contains(description.category.rawValue))
            #expect(Set(tags).count == tags.count, "\(description.id) has duplicate tags \(tags)")
            if let score = description.score { #expect(tags.contains(score.rawValue)) }
            let name = try #require(rule["name"] as? String)
            #expect(!name.isEmpty && name.allSatisfy { $0.isLetter || $0.isNumber }, "\(name)")
        }
    }

    @Test func ruleHelpShowsOptionsAndScore() {
        let description = RuleDescription(
            id: "test.rule", name: "Test rule: one", category: .style, defaultSeverity: .info, summary: "Checks | pipes.",
            rationale: "Because.", score: .readability, weight: 2,
            options: [RuleOption("max-words", .number(20), "At most | this many."), RuleOption("words", .list(["a", "b"]), "Words.")],
            examples: [], enabledByDefault: false)
        #expect(SARIFLintFormatter.identifierName(description.name) == "TestRuleOne")
        let markdown = SARIFLintFormatter.helpMarkdown(description)
        #expect(markdown.contains("| `max-words` | `20` | At most \\| this many. |"))
        #expect(markdown.contains("| `words` | `[a, b]` | Words. |"))
        #expect(markdown.contains("Feeds the readability score with weight 2."))
        #expect(markdown.contains("off unless enabled"))
        let text = SARIFLintFormatter.helpText(description)
        #expect(text.contains("  max-words (default: 20): At most | this many.\n"))
        let rule = SARIFLintFormatter.rule(description).serialized()
        #expect(rule.contains(#""defaultConfiguration":{"enabled":false,"level":"note","parameters":{"max-words":20,"words":["a","b"]}}"#))
        #expect(rule.contains(#""tags":["seokit","style","readability"]"#))
        var readability = description
        readability.category = .readability
        #expect(SARIFLintFormatter.rule(readability).serialized().contains(#""tags":["seokit","readability"]"#))
    }

    // MARK: Results

    func mixedRun() throws -> LintRun {
        let text = "# Café\n\nSome text here.\n\n# Zweite Überschrift\n"
        let word = try FormatterFixtures.offset(of: "text", in: text)
        let heading = try FormatterFixtures.offset(of: "# Zweite", in: text)
        let catalogued = try #require(RuleCatalog.ids.first)
        let report = try FormatterFixtures.report(text, path: "content/post.md", findings: [
            ("style.unknown-test-rule", .info, "A word.", nil, word, word + 4),
            (catalogued, .error, "Bad heading.", "Fix it.", heading, heading + "# Zweite Überschrift\n".utf8.count),
            ("other.unknown-test-rule", .warning, "Whole paragraph.", nil, word, heading),
        ])
        return LintRun(reports: [report], rootPath: "/repo")
    }

    @Test func resultsPointAtTheirRulesWithLevelsAndRegions() throws {
        let sarif = try sarifRun(try mixedRun())
        let rules = try rules(sarif)
        let results = try results(sarif)
        #expect(results.count == 3)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
        }
        // Rules the catalogue lacks are appended after it, once each.
        #expect(rules.count == RuleCatalog.all.count + 2)
        #expect(rules.suffix(2).map { $0["id"] as? String } == ["style.unknown-test-rule", "other.unknown-test-rule"])
        #expect(results.map { $0["level"] as? String } == ["note", "error", "warning"])
        #expect(results.map { ($0["message"] as? [String: String])?["text"] } == ["A word.", "Bad heading. Fix it.", "Whole paragraph."])
        // 1-based, end exclusive; code point columns (é and Ü count one); a range ending at the
        // start of the next line ends on its own line.
        #expect(try region(results[0]) == ["startLine": 3, "startColumn": 6, "endLine": 3, "endColumn": 10])
        #expect(try region(results[1]) == ["startLine": 5, "startColumn": 1, "endLine": 5, "endColumn": 21])
        #expect(try region(results[2]) == ["startLine": 3, "startColumn": 6, "endLine": 4, "endColumn": 1])
        #expect(sarif["columnKind"] as? String == "unicodeCodePoints")
    }

    @Test func artifactsAndInvocation() throws {
        var run = try mixedRun()
        run.inputErrors = [InputError(path: "gone.md", cause: .notFound)]
        let sarif = try sarifRun(run)
        let artifacts = try #require(sarif["artifacts"] as? [[String: Any]])
        #expect(artifacts.count == 1)
        #expect(artifacts[0]["location"] as? [String: String] == ["uri": "content/post.md", "uriBaseId": "%SRCROOT%"])
        #expect(artifacts[0]["mimeType"] as? String == "text/markdown")
        for result in try results(sarif) {
            #expect(try artifactLocation(result)["index"] as? Int == 0)
        }
        let bases = try #require(sarif["originalUriBaseIds"] as? [String: [String: Any]])
        #expect(bases["%SRCROOT%"]?["uri"] as? String == "file:///repo/")
        let invocation = try #require((sarif["invocations"] as? [[String: Any]])?.first)
        #expect(invocation["executionSuccessful"] as? Bool == false)
        #expect(invocation["exitCode"] as? Int == 2)
        let notifications = try #require(invocation["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.count == 1)
        #expect(notifications[0]["level"] as? String == "error")
        #expect((notifications[0]["message"] as? [String: String])?["text"] == "gone.md: no such file or directory")

        let clean = try sarifRun(LintRun(reports: [], rootPath: nil))
        let cleanInvocation = try #require((clean["invocations"] as? [[String: Any]])?.first)
        #expect(cleanInvocation["executionSuccessful"] as? Bool == true)
        #expect(clean["originalUriBaseIds"] == nil)
    }

    // MARK: URIs

    @Test func urisArePercentEncoded() throws {
        #expect(URIEncoding.encodePath("content/my notes/café #1 100%.md") == "content/my%20notes/caf%C3%A9%20%231%20100%25.md")
        #expect(URIEncoding.encodePath("a:b?c[d]e.md") == "a%3Ab%3Fc%5Bd%5De.md")
        #expect(URIEncoding.encodePath("日本.md") == "%E6%97%A5%E6%9C%AC.md")
        #expect(URIEncoding.fileURI(absolutePath: "/my repo", directory: true) == "file:///my%20repo/")
        #expect(URIEncoding.fileURI(absolutePath: "/a/b.md") == "file:///a/b.md")

        func uri(_ path: String, root: String?, workingDirectory: String = "/my repo") throws -> [String: Any] {
            let report = try FormatterFixtures.report("Text.\n", path: path, findings: [("a.b", .warning, "m", nil, 0, 4)])
            let sarif = try sarifRun(LintRun(reports: [report], rootPath: root), workingDirectory: workingDirectory)
            if let root {
                let bases = try #require(sarif["originalUriBaseIds"] as? [String: [String: Any]])
                #expect(bases["%SRCROOT%"]?["uri"] as? String == URIEncoding.fileURI(absolutePath: root, directory: true))
            }
            return try artifactLocation(try #require(try results(sarif).first))
        }
        let inside = try uri("docs/Über uns.md", root: "/my repo")
        #expect(inside["uri"] as? String == "docs/%C3%9Cber%20uns.md")
        #expect(inside["uriBaseId"] as? String == "%SRCROOT%")
        let outside = try uri("/tmp/x y.md", root: "/my repo")
        #expect(outside["uri"] as? String == "file:///tmp/x%20y.md")
        #expect(outside["uriBaseId"] == nil)
        let noRoot = try uri("./a b/c.md", root: nil)
        #expect(noRoot["uri"] as? String == "a%20b/c.md")
        #expect(noRoot["uriBaseId"] as? String == "%SRCROOT%")
        let standardInput = try uri("-", root: "/my repo")
        #expect(standardInput["uri"] == nil)
        #expect((standardInput["description"] as? [String: String])?["text"] == "standard input")
    }

    // MARK: Fingerprints

    @Test func fingerprintsSurviveChangesToOtherLines() throws {
        func fingerprints(_ text: String, _ needles: [String]) throws -> [String] {
            let findings = try needles.map { needle in
                let offset = try FormatterFixtures.offset(of: needle, in: text)
                return (rule: "a.b", severity: Severity.warning, message: "m", suggestion: String?.none, start: offset, end: offset + needle.utf8.count)
            }
            let report = try FormatterFixtures.report(text, findings: findings)
            let results = try results(try sarifRun(LintRun(reports: [report])))
            return try results.map { result in
                let prints = try #require(result["partialFingerprints"] as? [String: String])
                return try #require(prints[LintFingerprint.sarifKey])
            }
        }
        let before = try fingerprints("# Title\n\nFirst para.\n\nTarget line here.\n", ["Target"])
        // Lines added above and another line edited; the finding's own line re-indented.
        let after = try fingerprints("# New title\n\nIntro.\n\nFirst para, edited.\n\n   Target   line here.\n", ["Target"])
        #expect(before == after)
        #expect(before.first?.count == 16)
        // The finding's line changed: a new fingerprint.
        let changed = try fingerprints("# Title\n\nFirst para.\n\nTarget line changed.\n", ["Target"])
        #expect(changed != before)
        // Same rule on two identical lines: told apart by the occurrence index.
        let twice = try fingerprints("Same line.\n\nSame line!\n", ["Same line.", "Same line!"])
        #expect(Set(twice).count == 2)
        let identical = LintFingerprint.fingerprints(of: try FormatterFixtures.report(
            "Dup.\nDup.\n", findings: [("a.b", .warning, "m", nil, 0, 3), ("a.b", .warning, "m", nil, 5, 8)]))
        #expect(identical[0] != identical[1])
        #expect(identical[0] == LintFingerprint.fingerprint(ruleID: "a.b", normalisedLine: "Dup.", occurrence: 0))
        // FNV-1a 64 reference values.
        #expect(LintFingerprint.fnv1a64("") == 0xcbf2_9ce4_8422_2325)
        #expect(LintFingerprint.fnv1a64("a") == 0xaf63_dc4c_8601_ec8c)
    }

    // MARK: Corpus

    @Test func corpusGoldenAndDeterminism() throws {
        let run = try FormatterFixtures.corpusRun()
        let formatter = SARIFLintFormatter(workingDirectory: FormatterFixtures.fakeRoot)
        let output = formatter.render(run)
        #expect(output == formatter.render(try FormatterFixtures.corpusRun()))
        let sarif = try sarifRun(run)
        let results = try results(sarif)
        #expect(results.count == run.findings.count)
        let rules = try rules(sarif)
        for result in results {
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules[index]["id"] as? String == result["ruleId"] as? String)
            let region = try region(result)
            #expect(region["startLine"]! >= 1 && region["startColumn"]! >= 1)
            #expect((region["endLine"]!, region["endColumn"]!) >= (region["startLine"]!, region["startColumn"]!))
        }
        try Golden.check(output, "corpus.sarif")
    }

    /// Every kind of content the SARIF output can hold: all levels, a rule outside the
    /// catalogue, spaces and non-ASCII in paths, a file outside the root, standard input,
    /// reader notes, input errors, and a multi-line region.
    static func edgeCaseRun(root: String) throws -> LintRun {
        let text = "# Café\n\nSome text here, 100% sure.\n\n# Zweite Überschrift\n"
        let word = try FormatterFixtures.offset(of: "text", in: text)
        let heading = try FormatterFixtures.offset(of: "# Zweite", in: text)
        let catalogued = try #require(RuleCatalog.ids.first)
        let findings: [(rule: String, severity: Severity, message: String, suggestion: String?, start: Int, end: Int)] = [
            ("style.not-in-catalogue", .info, "A word: \"text\".", nil, word, word + 4),
            (catalogued, .error, "Bad heading.", "Fix it, now.", heading, heading + "# Zweite Überschrift\n".utf8.count),
            (catalogued, .warning, "Spans lines.", nil, word, heading + 3),
        ]
        let note = ReadNote(message: "invalid UTF-8 replaced", location: SEOKit.SourceLocation(line: 1, column: 3, offset: 2))
        return LintRun(
            reports: [
                try FormatterFixtures.report(text, path: "content/my notes/café #1.md", findings: findings, suppressed: 1, notes: [note]),
                try FormatterFixtures.report(text, path: "/outside/the root/x.md", findings: findings),
                try FormatterFixtures.report(text, path: "-", format: .text, findings: findings),
                try FormatterFixtures.report("<p>Fine.</p>", path: "site/ok.html", format: .html, findings: []),
            ],
            inputErrors: [InputError(path: "gone.md", cause: .notFound), InputError(path: "-", cause: .binary("NUL bytes"))],
            failOn: .info, baselineMatches: 3, rootPath: root)
    }

    /// Writes SARIF files for `scripts/validate-sarif.py` into `$SEOKIT_SARIF_OUTPUT` (a
    /// folder) when set: `corpus.sarif` (corpus drafts, real root) and `edge-cases.sarif`.
    /// Always checks that what was written reads back unchanged.
    @Test func writesSARIFForTheValidator() throws {
        let directory = try TemporaryDirectory()
        let folder = ProcessInfo.processInfo.environment["SEOKIT_SARIF_OUTPUT"].flatMap { $0.isEmpty ? nil : $0 } ?? directory.path
        // A root with a space, files given relative to it.
        let edgeRoot = Repository.root + "/Tests/fake root"
        let files = [
            ("corpus.sarif", SARIFLintFormatter(workingDirectory: Repository.root).render(try FormatterFixtures.corpusRun(root: Repository.root))),
            ("edge-cases.sarif", SARIFLintFormatter(workingDirectory: edgeRoot).render(try SARIFFormatterTests.edgeCaseRun(root: edgeRoot))),
        ]
        for (name, output) in files {
            try AtomicFile.write(output, to: folder + "/" + name)
            let written = try #require(FileManager.default.contents(atPath: folder + "/" + name))
            #expect(String(decoding: written, as: UTF8.self) == output)
            #expect(try parseJSON(output)["version"] as? String == "2.1.0")
        }
        let edge = try sarifRun(try SARIFFormatterTests.edgeCaseRun(root: "/repo"))
        #expect(try results(edge).map { $0["level"] as? String } == Array(repeating: ["note", "error", "warning"], count: 3).flatMap { $0 })
        let notifications = try #require((edge["invocations"] as? [[String: Any]])?.first?["toolExecutionNotifications"] as? [[String: Any]])
        #expect(notifications.map { $0["level"] as? String } == ["error", "error", "warning"])
    }
}
