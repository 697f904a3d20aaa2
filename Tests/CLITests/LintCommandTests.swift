import Foundation
import SEOKitTestSupport
import Testing

/// `seokit lint`, `init`, `rules` and `explain` end to end, on temporary repositories.
struct LintCommandTests {
    /// Runs the binary in a folder with a controlled environment: the test's own, without the
    /// variables that change lint's behaviour, plus `environment`.
    static func seokit(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws -> LintProcessResult {
        let scratch = try TemporaryDirectory(prefix: "seokit-lint-run")
        let outputPath = try scratch.write("stdout", bytes: [])
        let errorPath = try scratch.write("stderr", bytes: [])
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try Seokit.binaryPath())
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var variables = ProcessInfo.processInfo.environment
        for name in ["GITHUB_ACTIONS", "NO_COLOR"] { variables.removeValue(forKey: name) }
        variables.merge(environment) { $1 }
        process.environment = variables
        let output = FileHandle(forWritingAtPath: outputPath)!
        let error = FileHandle(forWritingAtPath: errorPath)!
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = output
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        try? output.close()
        try? error.close()
        return LintProcessResult(
            status: process.terminationReason == .uncaughtSignal ? -1 : process.terminationStatus,
            stdout: String(decoding: try Data(contentsOf: URL(fileURLWithPath: outputPath)), as: UTF8.self),
            stderr: String(decoding: try Data(contentsOf: URL(fileURLWithPath: errorPath)), as: UTF8.self))
    }

    /// A repository with only the single-H1 rule on, so findings are exactly known:
    /// content/clean.md (none), content/two-h1.md (one warning on line 5).
    static func repository(configuration: String = "rules:\n  all: off\n  headings.single-h1: on\n") throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "seokit-lint")
        try directory.makeFolder(".git")
        if !configuration.isEmpty { try directory.write(".seokit.yml", configuration) }
        try directory.write("content/clean.md", "# Bread\n\nSome text.\n")
        try directory.write("content/two-h1.md", "# Bread\n\nSome text.\n\n# Flour\n\nMore text.\n")
        return directory
    }

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    // MARK: Exit status

    @Test func cleanFilesExitZero() throws {
        let repo = try Self.repository()
        let result = try Self.seokit(["lint", "content/clean.md"], in: repo.path)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("No findings in 1 file"), "\(result)")
    }

    @Test func failOnDecidesTheExitStatus() throws {
        let repo = try Self.repository()
        // A warning does not reach the default fail-on (error)…
        let byDefault = try Self.seokit(["lint", "content"], in: repo.path)
        #expect(byDefault.status == 0, "\(byDefault)")
        #expect(byDefault.stdout.contains("content/two-h1.md:5:1: warning:"), "\(byDefault)")
        // …but reaches --fail-on warning and info.
        for level in ["warning", "info"] {
            let failing = try Self.seokit(["lint", "content", "--fail-on", level], in: repo.path)
            #expect(failing.status == 1, "\(level): \(failing)")
        }
        #expect(try Self.seokit(["lint", "content", "--fail-on", "error"], in: repo.path).status == 0)
        #expect(try Self.seokit(["lint", "content", "--fail-on", "fatal"], in: repo.path).status == 2)
    }

    @Test func configurationFailOnAppliesWhenTheFlagIsAbsent() throws {
        let repo = try Self.repository(configuration: "fail-on: warning\nrules:\n  all: off\n  headings.single-h1: on\n")
        #expect(try Self.seokit(["lint", "content"], in: repo.path).status == 1)
        #expect(try Self.seokit(["lint", "content", "--fail-on", "error"], in: repo.path).status == 0)
    }

    @Test func severityFromConfigurationFailsTheRun() throws {
        let repo = try Self.repository(configuration: "rules:\n  all: off\n  headings.single-h1: error\n")
        let result = try Self.seokit(["lint", "content"], in: repo.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("content/two-h1.md:5:1: error:"), "\(result)")
    }

    @Test func unreadableInputsExitTwoAndTheOthersAreStillLinted() throws {
        let repo = try Self.repository()
        let result = try Self.seokit(["lint", "content/missing.md", "content/two-h1.md", "--fail-on", "warning"], in: repo.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.contains("content/missing.md"), "\(result)")
        #expect(result.stdout.contains("content/two-h1.md:5:1: warning:"), "\(result)")
    }

    @Test func anInvalidConfigurationExitsTwoWithFileLineAndKey() throws {
        let repo = try Self.repository(configuration: "rules:\n  all: off\n  headings.single-h1:\n    title-is-h1: sometimes\n")
        let result = try Self.seokit(["lint", "content"], in: repo.path)
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty, "nothing is linted: \(result)")
        #expect(result.stderrLines.count == 1, "\(result)")
        #expect(result.stderr.contains(".seokit.yml:4: rules.headings.single-h1.title-is-h1: expected true or false, got 'sometimes'"), "\(result)")

        let typo = try Self.repository(configuration: "rules:\n  keyphrase.densty: off\n")
        let typoResult = try Self.seokit(["lint", "content"], in: typo.path)
        #expect(typoResult.status == 2)
        #expect(typoResult.stderr.contains(".seokit.yml:2: unknown rule 'keyphrase.densty' (did you mean keyphrase.density?)"), "\(typoResult)")
    }

    @Test func explicitConfigWinsOverDiscovery() throws {
        let repo = try Self.repository()
        try repo.write("strict.yml", "fail-on: info\nrules:\n  all: off\n  headings: info\n")
        let result = try Self.seokit(["lint", "content", "--config", "strict.yml"], in: repo.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("content/two-h1.md:5:1: info:"), "\(result)")
        let missing = try Self.seokit(["lint", "content", "--config", "nope.yml"], in: repo.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.yml"), "\(missing)")
    }

    @Test func noPathsIsAUsageError() throws {
        let repo = try Self.repository()
        let result = try Self.seokit(["lint"], in: repo.path)
        #expect(result.status == 2, "\(result)")
    }

    // MARK: Outputs

    @Test func severalFormatsInOneRun() throws {
        let repo = try Self.repository()
        let result = try Self.seokit(
            ["lint", "content", "--format", "text,json:reports/lint.json", "--format", "sarif:lint.sarif", "--fail-on", "warning"],
            in: repo.path)
        #expect(result.status == 1, "\(result)")
        #expect(result.stdout.contains("content/two-h1.md:5:1: warning:"), "\(result)")
        let json = try Self.json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: repo.url("reports/lint.json"))), as: UTF8.self))
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.count == 2)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["findings"] as? Int == 1)
        #expect(summary["failOn"] as? String == "warning")
        let sarif = try Self.json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: repo.url("lint.sarif"))), as: UTF8.self))
        #expect(sarif["version"] as? String == "2.1.0")
        let runs = try #require(sarif["runs"] as? [[String: Any]])
        #expect((runs.first?["results"] as? [Any])?.count == 1)
        // No temporary files left next to the outputs.
        #expect(try FileManager.default.contentsOfDirectory(atPath: repo.url("reports")) == ["lint.json"])
    }

    @Test func jsonOnStandardOutput() throws {
        let repo = try Self.repository()
        let result = try Self.seokit(["lint", "content", "--format", "json"], in: repo.path)
        #expect(result.status == 0)
        let json = try Self.json(result.stdout)
        #expect((json["summary"] as? [String: Any])?["findings"] as? Int == 1)
    }

    @Test func badFormatSpecificationsAreUsageErrors() throws {
        let repo = try Self.repository()
        for spec in ["xml", "text,json", "json:"] {
            let result = try Self.seokit(["lint", "content", "--format", spec], in: repo.path)
            #expect(result.status == 2, "\(spec): \(result)")
            #expect(result.stdout.isEmpty, "\(spec)")
        }
    }

    @Test func githubActionsDefaultsToAnnotationsAndTextOnStandardError() throws {
        let repo = try Self.repository()
        let result = try Self.seokit(["lint", "content"], in: repo.path, environment: ["GITHUB_ACTIONS": "true"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines.count == 1, "\(result)")
        #expect(result.stdout.hasPrefix("::warning file=content/two-h1.md,line=5,"), "\(result)")
        #expect(result.stderr.contains("content/two-h1.md:5:1: warning:"), "\(result)")
        #expect(result.stderr.contains("1 finding"), "\(result)")
        // An explicit --format wins.
        let explicit = try Self.seokit(["lint", "content", "--format", "text"], in: repo.path, environment: ["GITHUB_ACTIONS": "true"])
        #expect(!explicit.stdout.contains("::warning"))
        #expect(explicit.stdout.contains("content/two-h1.md:5:1: warning:"))
        // Outside GitHub Actions: text.
        let local = try Self.seokit(["lint", "content"], in: repo.path, environment: ["GITHUB_ACTIONS": "false"])
        #expect(local.stdout.contains("content/two-h1.md:5:1: warning:"))
    }

    @Test func noColourWhenNotATerminal() throws {
        let repo = try Self.repository()
        let result = try Self.seokit(["lint", "content"], in: repo.path)
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func explainShowsTheScoreBreakdown() throws {
        let repo = try Self.repository()
        let result = try Self.seokit(["lint", "content/two-h1.md", "--explain"], in: repo.path)
        #expect(result.stdout.contains("headings.single-h1"), "\(result)")
        #expect(result.stdout.contains("2 H1 headings"), "\(result)")
        #expect(result.stdout.contains("exactly 1"), "\(result)")
        // With JSON on standard output, the breakdown goes to standard error.
        let json = try Self.seokit(["lint", "content/two-h1.md", "--explain", "--format", "json"], in: repo.path)
        #expect(json.stderr.contains("exactly 1"), "\(json)")
        _ = try Self.json(json.stdout)
    }

    @Test func draftsAreLintedUnlessSkipped() throws {
        let repo = try Self.repository()
        try repo.write("content/draft.md", "---\ndraft: true\n---\n\n# One\n\n# Two\n")
        let all = try Self.seokit(["lint", "content/draft.md", "--fail-on", "warning"], in: repo.path)
        #expect(all.status == 1, "\(all)")
        let skipped = try Self.seokit(["lint", "content/draft.md", "--fail-on", "warning", "--skip-drafts"], in: repo.path)
        #expect(skipped.status == 0, "\(skipped)")
    }

    @Test func keyphraseOption() throws {
        let repo = try Self.repository(configuration: "rules:\n  all: off\n  keyphrase.missing: on\n")
        let without = try Self.seokit(["lint", "content/clean.md", "--fail-on", "info"], in: repo.path)
        #expect(without.stdout.contains("keyphrase.missing"), "\(without)")
        let with = try Self.seokit(["lint", "content/clean.md", "--fail-on", "info", "--keyphrase", "bread"], in: repo.path)
        #expect(!with.stdout.contains("keyphrase.missing"), "\(with)")
    }

    // MARK: Baselines

    @Test func baselineRoundTripOnTheCommandLine() throws {
        let repo = try Self.repository()
        let write = try Self.seokit(["lint", "content", "--fail-on", "warning", "--write-baseline", "seokit-baseline.json"], in: repo.path)
        // Writing a baseline records the findings; the run still reports them.
        #expect(write.status == 1, "\(write)")
        let baseline = try Self.json(String(decoding: try Data(contentsOf: URL(fileURLWithPath: repo.url("seokit-baseline.json"))), as: UTF8.self))
        #expect(baseline["version"] as? Int == 1)
        #expect((baseline["findings"] as? [[String: Any]])?.first?["path"] as? String == "content/two-h1.md")

        try repo.write("content/two-h1.md", "# Bread\n\nA new first paragraph.\n\nSome text.\n\n# Flour\n\nMore text.\n")
        let applied = try Self.seokit(["lint", "content", "--fail-on", "warning", "--baseline", "seokit-baseline.json"], in: repo.path)
        #expect(applied.status == 0, "\(applied)")
        #expect(applied.stdout.contains("1 matched the baseline"), "\(applied)")

        try repo.write("content/clean.md", "# Bread\n\n# New\n")
        let newFinding = try Self.seokit(["lint", "content", "--fail-on", "warning", "--baseline", "seokit-baseline.json"], in: repo.path)
        #expect(newFinding.status == 1, "\(newFinding)")
        #expect(newFinding.stdout.contains("content/clean.md:3:1: warning:"), "\(newFinding)")
        #expect(!newFinding.stdout.contains("two-h1.md:7"), "\(newFinding)")

        let missing = try Self.seokit(["lint", "content", "--baseline", "nope.json"], in: repo.path)
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("nope.json"), "\(missing)")
    }

    // MARK: init

    @Test func initThenLint() throws {
        let repo = try Self.repository(configuration: "")
        let first = try Self.seokit(["init"], in: repo.path)
        #expect(first.status == 0, "\(first)")
        let written = try String(contentsOfFile: repo.url(".seokit.yml"), encoding: .utf8)
        #expect(written.contains("# headings.single-h1:"))
        #expect(written.contains("fail-on: error"))

        let again = try Self.seokit(["init"], in: repo.path)
        #expect(again.status == 2, "\(again)")
        #expect(again.stderr.contains("--force"), "\(again)")
        try repo.write(".seokit.yml", "# mine\n")
        #expect(try Self.seokit(["init"], in: repo.path).status == 2)
        #expect(try String(contentsOfFile: repo.url(".seokit.yml"), encoding: .utf8) == "# mine\n")
        let forced = try Self.seokit(["init", "--force"], in: repo.path)
        #expect(forced.status == 0, "\(forced)")
        #expect(try String(contentsOfFile: repo.url(".seokit.yml"), encoding: .utf8) == written)

        let lint = try Self.seokit(["lint", "content"], in: repo.path)
        #expect(lint.status != 2, "\(lint)")
        #expect(lint.stdout.contains("content/two-h1.md:5:1: warning:"), "\(lint)")
        #expect(!lint.stderr.contains(".seokit.yml"), "\(lint)")
    }

    // MARK: rules and explain

    @Test func rulesListsTheCatalogue() throws {
        let repo = try Self.repository()
        let text = try Self.seokit(["rules"], in: repo.path)
        #expect(text.status == 0)
        let line = try #require(text.stdoutLines.first { $0.hasPrefix("headings.single-h1 ") })
        #expect(line.contains("headings") && line.contains("warning") && line.contains("A page has exactly one H1 heading."))

        let json = try Self.seokit(["rules", "--format", "json"], in: repo.path)
        let root = try Self.json(json.stdout)
        #expect(root["schemaVersion"] as? Int == 1)
        let rules = try #require(root["rules"] as? [[String: Any]])
        let h1 = try #require(rules.first { $0["id"] as? String == "headings.single-h1" })
        #expect(h1["category"] as? String == "headings")
        #expect(h1["defaultSeverity"] as? String == "warning")
        #expect(h1["score"] as? String == "seo")
        let options = try #require(h1["options"] as? [[String: Any]])
        #expect(options.first?["name"] as? String == "title-is-h1")
        #expect(options.first?["default"] as? Bool == true)
        #expect(options.first?["type"] as? String == "flag")
    }

    @Test func explainPrintsOneRule() throws {
        let repo = try Self.repository()
        let result = try Self.seokit(["explain", "headings.single-h1"], in: repo.path)
        #expect(result.status == 0)
        for part in ["headings.single-h1: Single H1", "A page has exactly one H1 heading.", "WCAG 2.4.6", "title-is-h1 = true",
                     "score: SEO, weight 1", "Passes", "Fails", "↓# Two"] {
            #expect(result.stdout.contains(part), "\(part)")
        }
    }

    /// The output does not depend on the number of jobs. Bare URLs (GFM autolinks), tables and
    /// strikethrough on every page: cmark-gfm keeps their inline characters and the table
    /// extension's arena in globals, so two unguarded parses on two threads lost links at random.
    @Test func outputIsTheSameWhateverTheJobs() throws {
        let repo = try Self.repository(configuration: "rules:\n  all: on\n")
        for index in 0..<300 {
            _ = try repo.write("content/post-\(index).md", """
                ---
                title: Post \(index) about linking
                keyphrase: linking
                ---
                Read www.example.com/\(index) and https://example.org/a/\(index) or mail team\(index)@example.net today.

                | a | b |
                | --- | --- |
                | ~~old~~ www.example.com/t\(index) | https://example.com/\(index) |

                More text about linking, with www.example.com/x\(index) ~~struck~~ and www.example.net.
                """)
        }
        let single = try Self.seokit(["lint", "--jobs", "1", "--format", "json", "content"], in: repo.path)
        #expect(single.status == 0, "\(single.stderr)")
        // Per page: www.example.com/N, https://example.org/a/N, the two in the table, two more.
        #expect(single.stdout.contains("6 outbound links"), "links are counted: \(single.stdout.prefix(400))")
        for _ in 0..<3 {
            let parallel = try Self.seokit(["lint", "--jobs", "2", "--format", "json", "content"], in: repo.path)
            #expect(parallel.stdout == single.stdout)
        }
    }

    @Test func explainUnknownRuleSuggests() throws {
        let repo = try Self.repository()
        let result = try Self.seokit(["explain", "headings.singel-h1"], in: repo.path)
        #expect(result.status == 2)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("unknown rule 'headings.singel-h1' (did you mean headings.single-h1"), "\(result)")
        let category = try Self.seokit(["explain", "headings"], in: repo.path)
        #expect(category.status == 0)
        #expect(category.stdout.contains("headings.single-h1"))
    }
}

/// What one run of the binary produced.
struct LintProcessResult: CustomStringConvertible {
    var status: Int32
    var stdout: String
    var stderr: String

    var stdoutLines: [String] { Self.lines(stdout) }
    var stderrLines: [String] { Self.lines(stderr) }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    var description: String { "exit \(status)\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)" }
}
