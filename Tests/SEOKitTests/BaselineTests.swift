import Foundation
import SEOKitTestSupport
import Testing
@testable import SEOKit

/// Baselines match findings by file, rule, line text and occurrence, not line numbers.
struct BaselineTests {
    static let h1 = RuleCatalog.rule(id: "headings.single-h1")!

    /// A run of the single-H1 rule over files in a folder (paths absolute).
    func run(_ files: [(String, String)], in directory: TemporaryDirectory) throws -> LintRun {
        let engine = LintEngine(catalog: [Self.h1])
        var reports: [LintReport] = []
        for (name, text) in files {
            let path = try directory.write(name, text)
            reports.append(engine.lint(try DocumentReader().read(path: path)))
        }
        return LintRun(reports: reports, failOn: .warning)
    }

    static let original = "# Bread\n\nText.\n\n# Flour\n\nMore.\n"

    @Test func insertingLinesAboveKeepsTheFindingMatched() throws {
        let directory = try TemporaryDirectory()
        let before = try run([("post.md", Self.original)], in: directory)
        #expect(before.findings.count == 1)
        let baseline = Baseline(recording: before, relativeTo: directory.path)

        let edited = "# Bread\n\nA new paragraph.\n\nAnother one,\nover two lines.\n\nText.\n\n  #   Flour  \n\nMore.\n"
        let after = try run([("post.md", edited)], in: directory)
        #expect(after.findings.count == 1)
        #expect(after.findings[0].range.start.line != before.findings[0].range.start.line)
        let filtered = baseline.filter(after, relativeTo: directory.path)
        #expect(filtered.findings.isEmpty)
        #expect(filtered.baselineMatches == 1)
        #expect(filtered.exitStatus == 0)
        #expect(after.exitStatus == 1)
    }

    @Test func changingTheFindingsLineReportsItAgain() throws {
        let directory = try TemporaryDirectory()
        let baseline = Baseline(recording: try run([("post.md", Self.original)], in: directory), relativeTo: directory.path)
        let changed = try run([("post.md", "# Bread\n\nText.\n\n# Flour and water\n\nMore.\n")], in: directory)
        let filtered = baseline.filter(changed, relativeTo: directory.path)
        #expect(filtered.findings.count == 1)
        #expect(filtered.baselineMatches == 0)
    }

    @Test func aNewFindingIsReported() throws {
        let directory = try TemporaryDirectory()
        let baseline = Baseline(recording: try run([("post.md", Self.original)], in: directory), relativeTo: directory.path)
        let more = try run([("post.md", Self.original + "\n# Water\n\nEnd.\n"), ("other.md", Self.original)], in: directory)
        let filtered = baseline.filter(more, relativeTo: directory.path)
        #expect(filtered.findings.map { "\(Paths.name($0.path)):\($0.range.start.line)" } == ["post.md:9", "other.md:5"])
        #expect(filtered.baselineMatches == 1)
    }

    @Test func identicalLinesCountAsOccurrences() throws {
        let directory = try TemporaryDirectory()
        let two = "# Bread\n\n# Same\n\n# Same\n"
        let recorded = try run([("post.md", two)], in: directory)
        let keys = Baseline.keys(for: recorded.reports[0], relativeTo: directory.path)
        #expect(keys.map(\.occurrence) == [0, 1])
        #expect(keys.allSatisfy { $0.lineText == "# Same" && $0.path == "post.md" })
        let baseline = Baseline(recording: recorded, relativeTo: directory.path)
        // A third identical heading is one more than the baseline knows.
        let three = try run([("post.md", two + "\n# Same\n")], in: directory)
        let filtered = baseline.filter(three, relativeTo: directory.path)
        #expect(filtered.findings.count == 1)
        #expect(filtered.baselineMatches == 2)
    }

    @Test func pathsAreRelativeToTheBaselineFolder() throws {
        let directory = try TemporaryDirectory()
        let recorded = try run([("content/post.md", Self.original)], in: directory)
        let baseline = Baseline(recording: recorded, relativeTo: directory.path)
        #expect(baseline.entries.map(\.path) == ["content/post.md"])
        // The same file under another name is not matched.
        let elsewhere = try run([("content/copy.md", Self.original)], in: directory)
        #expect(baseline.filter(elsewhere, relativeTo: directory.path).findings.count == 1)
    }

    @Test func fileIsVersionedSortedAndDeterministic() throws {
        let baseline = Baseline(entries: [
            Baseline.Entry(path: "b.md", ruleID: "headings.single-h1", lineText: "# B", occurrence: 0),
            Baseline.Entry(path: "a.md", ruleID: "meta.title", lineText: "---", occurrence: 1),
            Baseline.Entry(path: "a.md", ruleID: "meta.title", lineText: "---", occurrence: 0),
            Baseline.Entry(path: "a.md", ruleID: "headings.single-h1", lineText: "# \"Q\" \\ A", occurrence: 0),
        ])
        let text = baseline.serialized()
        #expect(text == """
            {
              "version": 1,
              "tool": "seokit",
              "findings": [
                {
                  "path": "a.md",
                  "rule": "headings.single-h1",
                  "lineText": "# \\"Q\\" \\\\ A",
                  "occurrence": 0
                },
                {
                  "path": "a.md",
                  "rule": "meta.title",
                  "lineText": "---",
                  "occurrence": 0
                },
                {
                  "path": "a.md",
                  "rule": "meta.title",
                  "lineText": "---",
                  "occurrence": 1
                },
                {
                  "path": "b.md",
                  "rule": "headings.single-h1",
                  "lineText": "# B",
                  "occurrence": 0
                }
              ]
            }

            """)
        #expect(try Baseline.parse(text, path: "b.json") == baseline)
        #expect(Baseline(entries: baseline.entries.reversed()).serialized() == text)
    }

    @Test func writeAndLoadRoundTrip() throws {
        let directory = try TemporaryDirectory()
        let recorded = try run([("post.md", Self.original)], in: directory)
        let baseline = Baseline(recording: recorded, relativeTo: directory.path)
        let path = directory.url("baseline.json")
        try baseline.write(to: path)
        #expect(try Baseline.load(path: path) == baseline)
        // No temporary file left behind.
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(names == ["baseline.json", "post.md"])
    }

    @Test(arguments: [
        ("not json", "invalid JSON"),
        ("{\"findings\": []}", "no version"),
        ("{\"version\": 99, \"findings\": []}", "version 99 is not supported"),
        ("{\"version\": 1, \"findings\": [{\"path\": \"a\"}]}", "expected findings with"),
    ])
    func badBaselinesAreErrors(_ text: String, _ expected: String) {
        do {
            _ = try Baseline.parse(text, path: "b.json")
            Issue.record("expected an error")
        } catch {
            #expect(error.description.hasPrefix("b.json: "))
            #expect(error.description.contains(expected), "\(error)")
        }
    }

    // MARK: Through the session

    @Test func sessionWritesAndAppliesBaselines() throws {
        let directory = try TemporaryDirectory()
        try directory.makeFolder(".git")
        let post = try directory.write("post.md", Self.original)
        let baselinePath = directory.url("seokit-baseline.json")
        let session = { (options: LintSession.Options) in LintSession(options: options, catalog: [Self.h1]) }

        // A missing baseline is an error, unless the same run writes it.
        #expect(throws: LintSessionError.self) {
            try session(LintSession.Options(failOn: .warning, baselinePath: baselinePath)).run([post])
        }
        // The first run reports against the (empty) old baseline and records the findings.
        let first = try session(LintSession.Options(failOn: .warning, baselinePath: baselinePath, writeBaselinePath: baselinePath)).run([post])
        #expect(first.findings.count == 1)
        #expect(first.baselineMatches == 0)
        #expect(try Baseline.load(path: baselinePath).entries.count == 1)
        // Run again the same way: the recorded finding is matched and the baseline unchanged.
        let before = try String(contentsOfFile: baselinePath, encoding: .utf8)
        let second = try session(LintSession.Options(failOn: .warning, baselinePath: baselinePath, writeBaselinePath: baselinePath)).run([post])
        #expect(second.findings.isEmpty)
        #expect(second.baselineMatches == 1)
        #expect(try String(contentsOfFile: baselinePath, encoding: .utf8) == before)

        // Written alone, the baseline records the findings and the run still reports them.
        let written = try session(LintSession.Options(failOn: .warning, writeBaselinePath: directory.url("other.json"))).run([post])
        #expect(written.findings.count == 1)
        #expect(written.exitStatus == 1)

        // Filtering with one baseline while writing another in a different folder: each has
        // the paths relative to its own folder.
        let elsewhere = try directory.makeFolder("sub") + "/new.json"
        let mixed = try session(LintSession.Options(failOn: .warning, baselinePath: baselinePath, writeBaselinePath: elsewhere)).run([post])
        #expect(mixed.findings.isEmpty)
        #expect(mixed.baselineMatches == 1)
        #expect(try Baseline.load(path: elsewhere).entries.map(\.path) == ["../post.md"])
        #expect(try Baseline.load(path: baselinePath).entries.map(\.path) == ["post.md"])

        try directory.write("post.md", "Intro line.\n\n" + Self.original)
        let later = try session(LintSession.Options(failOn: .warning, baselinePath: baselinePath)).run([post])
        #expect(later.findings.isEmpty)
        #expect(later.baselineMatches == 1)
        #expect(later.exitStatus == 0)
    }
}
