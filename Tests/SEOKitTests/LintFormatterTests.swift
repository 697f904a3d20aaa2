import Foundation
import SEOKitTestSupport
import Testing
@testable import SEOKit

// Shared helpers for the formatter tests, then the tests of the registry, the --format parser,
// AtomicFile and the text and JSON formats.

/// Builds lint runs for the formatter tests.
enum FormatterFixtures {
    /// The root the golden files are rendered against: fixed so they do not depend on where
    /// the repository is checked out.
    static let fakeRoot = "/repo"

    /// Corpus drafts linted with the default engine, as `seokit lint` would from the root.
    static let corpusFiles = [
        "Corpora/drafts/good-cast-iron-care.md",
        "Corpora/drafts/poor-thin-content.md",
        "Corpora/drafts/poor-dog-training-page.html",
        "Corpora/drafts/edge-unicode.md",
        "Corpora/drafts/edge-crlf.md",
    ]

    /// The corpus run: the drafts above, one input error, a baseline match count and
    /// `failOn: warning`, with paths relative to the root.
    static func corpusRun(root: String = fakeRoot) throws -> LintRun {
        let reader = DocumentReader()
        let engine = LintEngine()
        var reports: [LintReport] = []
        for relative in corpusFiles {
            let bytes = try Repository.bytes(relative)
            let format = try #require(reader.format(for: relative))
            let document = try reader.read(bytes: bytes, path: relative, format: format)
            reports.append(engine.lint(document, relativePath: relative))
        }
        return LintRun(
            reports: reports, inputErrors: [InputError(path: "Corpora/drafts/missing.md", cause: .notFound)],
            failOn: .warning, baselineMatches: 2, rootPath: root)
    }

    /// A report on `text` with hand-made findings; each finding is given by byte offsets.
    static func report(
        _ text: String, path: String = "content/post.md", format: InputFormat = .markdown,
        findings: [(rule: String, severity: Severity, message: String, suggestion: String?, start: Int, end: Int)],
        suppressed: Int = 0, notes: [ReadNote] = []
    ) throws -> LintReport {
        let document = try DocumentReader().read(string: text, path: path, format: format)
        let made = findings.map { item in
            Finding(
                ruleID: item.rule, severity: item.severity, message: item.message, suggestion: item.suggestion,
                range: document.source.range(item.start, item.end), path: path)
        }
        return LintReport(
            path: path, format: format, findings: made, suppressedCount: suppressed, assessments: [],
            seoScore: Score(kind: .seo, assessments: []), readabilityScore: Score(kind: .readability, assessments: []),
            statistics: DocumentStatistics(document: document), isDraft: false, notes: notes, source: document.source)
    }

    /// The byte offset of the first occurrence of `needle` in `text`.
    static func offset(of needle: String, in text: String) throws -> Int {
        let range = try #require(text.range(of: needle))
        return text.utf8.distance(from: text.startIndex, to: range.lowerBound)
    }
}

/// Golden files: `Tests/SEOKitTests/Fixtures/formatters/NAME`. Run the tests with
/// `SEOKIT_UPDATE_GOLDEN=1` to rewrite them from the current output (then review the diff).
enum Golden {
    static let folder = "Tests/SEOKitTests/Fixtures/formatters"
    static var updating: Bool { ProcessInfo.processInfo.environment["SEOKIT_UPDATE_GOLDEN"] == "1" }

    static func check(_ actual: String, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let path = Repository.path(folder + "/" + name)
        if updating {
            try FileManager.default.createDirectory(atPath: Repository.path(folder), withIntermediateDirectories: true)
            try AtomicFile.write(actual, to: path)
            return
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            Issue.record("missing golden file \(folder)/\(name): run the tests with SEOKIT_UPDATE_GOLDEN=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        guard actual != expected else { return }
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let line = Array(zip(actualLines, expectedLines)).firstIndex { $0 != $1 } ?? min(actualLines.count, expectedLines.count)
        let got = line < actualLines.count ? String(actualLines[line]) : "<end>"
        let wanted = line < expectedLines.count ? String(expectedLines[line]) : "<end>"
        Issue.record(
            """
            \(name) differs from the golden file at line \(line + 1):
              expected: \(wanted)
              actual:   \(got)
            (rules are still being added: if the change is intended, run with SEOKIT_UPDATE_GOLDEN=1 and review the diff)
            """, sourceLocation: sourceLocation)
    }
}

/// Parses rendered JSON with Foundation, so tests check the text itself is valid JSON.
func parseJSON(_ text: String) throws -> [String: Any] {
    let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
    return try #require(object as? [String: Any])
}

struct LintFormatterTests {
    // MARK: Registry and --format

    @Test func everyNameHasAFormatterWithThatName() throws {
        #expect(LintFormats.names == ["text", "json", "sarif", "github"])
        for name in LintFormats.names {
            let formatter = try #require(LintFormats.formatter(named: name))
            #expect(type(of: formatter).name == name)
        }
        #expect(LintFormats.formatter(named: "xml") == nil)
        let text = try #require(LintFormats.formatter(named: "text", colored: true, explainScores: true) as? TextLintFormatter)
        #expect(text.colored && text.explainScores)
    }

    @Test func parsesFormatsWithFiles() throws {
        let outputs = try LintFormats.parseOutputs("text,sarif:out.sarif,json:reports/report.json")
        #expect(outputs == [
            OutputSpec(format: "text"), OutputSpec(format: "sarif", path: "out.sarif"),
            OutputSpec(format: "json", path: "reports/report.json"),
        ])
        #expect(outputs.map(\.isStandardOutput) == [true, false, false])
        // Repeated options, case, spaces, `-` for standard output, colons inside the path.
        let more = try LintFormats.parseOutputs(["SARIF:a:b.sarif", " json:- ", "github:x.txt"])
        #expect(more == [OutputSpec(format: "sarif", path: "a:b.sarif"), OutputSpec(format: "json"), OutputSpec(format: "github", path: "x.txt")])
    }

    @Test func rejectsBadFormatSpecifications() {
        func error(_ spec: String) -> OutputSpecError? {
            do {
                _ = try LintFormats.parseOutputs(spec)
                return nil
            } catch {
                return error
            }
        }
        #expect(error("xml") == .unknownFormat("xml"))
        #expect(error("xml")?.description == "unknown format 'xml' (valid formats: text, json, sarif, github)")
        #expect(error("text,,json:a") == .emptyItem)
        #expect(error("sarif:") == .missingPath(format: "sarif"))
        #expect(error("text,json") == .severalOnStandardOutput(["text", "json"]))
        #expect(error("json:a.json,sarif:a.json") == .duplicatePath("a.json"))
        #expect(error("text,json:a.json") == nil)
    }

    // MARK: AtomicFile

    @Test func atomicWriteReplacesAndKeepsPermissions() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url("out.sarif")
        try AtomicFile.write("first\n", to: path)
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self) == "first\n")
        let created = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(created == 0o644)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        try AtomicFile.write(Array("second\n".utf8), to: path)
        #expect(String(decoding: try #require(FileManager.default.contents(atPath: path)), as: UTF8.self) == "second\n")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["out.sarif"])
    }

    @Test func atomicWriteFailsCleanly() throws {
        let directory = try TemporaryDirectory()
        // Missing folder.
        #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: directory.url("no/such/folder/out.json")) }
        // A folder at the target: the rename fails, the folder stays and no temporary file is left.
        try directory.makeFolder("taken")
        #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: directory.url("taken")) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken"])
        do {
            try AtomicFile.write("x", to: directory.url("taken"))
        } catch {
            #expect(error.description.hasPrefix("cannot replace \(directory.url("taken")): "))
        }
    }

    // MARK: Text

    static let twoFindings = """
        # Title

        Some text here.

        # Second
        """

    func smallRun() throws -> LintRun {
        let text = LintFormatterTests.twoFindings
        let second = try FormatterFixtures.offset(of: "# Second", in: text)
        let word = try FormatterFixtures.offset(of: "text", in: text)
        let report = try FormatterFixtures.report(text, findings: [
            ("style.word", .info, "A word.", nil, word, word + 4),
            ("headings.single-h1", .error, "A second H1.", "Make it an H2.", second, text.utf8.count),
        ], suppressed: 2, notes: [ReadNote(message: "invalid UTF-8 replaced", location: SEOKit.SourceLocation(line: 3, column: 6, offset: 14))])
        let clean = try FormatterFixtures.report("Nothing.\n", path: "content/clean.md", findings: [])
        return LintRun(reports: [report, clean], inputErrors: [InputError(path: "gone.md", cause: .notFound)], baselineMatches: 1)
    }

    @Test func textListsFindingsSuggestionsNotesScoresAndSummary() throws {
        let output = TextLintFormatter().render(try smallRun())
        #expect(output == """
            content/post.md:3:6: info: A word. [style.word]
            content/post.md:5:1: error: A second H1. [headings.single-h1]
                → Make it an H2.
            content/post.md:3:6: note: invalid UTF-8 replaced
            content/post.md: SEO n/a, readability n/a

            content/clean.md: SEO n/a, readability n/a

            gone.md: error: no such file or directory

            2 findings (1 error, 0 warnings, 1 info) in 1 of 2 files; 2 suppressed; 1 matched the baseline; 1 input error

            """)
        #expect(!output.contains("\u{1B}["))
    }

    @Test func textColoursOnlyWhenAsked() throws {
        let run = try smallRun()
        let colored = TextLintFormatter(colored: true).render(run)
        #expect(colored.contains("\u{1B}[1;31merror\u{1B}[0m"))
        #expect(colored.contains("\u{1B}[1;34minfo\u{1B}[0m"))
        // Without the escapes the coloured text is the plain text.
        let stripped = colored.replacingOccurrences(of: "\u{1B}\\[[0-9;]*m", with: "", options: .regularExpression)
        #expect(stripped == TextLintFormatter().render(run))
    }

    @Test func textSummaryWording() throws {
        #expect(TextLintFormatter.summary(LintRun(reports: [])) == "No findings in 0 files")
        let clean = try FormatterFixtures.report("Fine.\n", findings: [])
        #expect(TextLintFormatter.summary(LintRun(reports: [clean])) == "No findings in 1 file")
        let one = try FormatterFixtures.report("Fine.\n", findings: [("a.b", .warning, "m", nil, 0, 4)])
        #expect(TextLintFormatter.summary(LintRun(reports: [one, clean])) == "1 finding (0 errors, 1 warning, 0 infos) in 1 of 2 files")
        #expect(TextLintFormatter(showScores: false).render(LintRun(reports: [clean])) == "No findings in 1 file\n")
    }

    @Test func explanationListsAssessmentsWithPoints() throws {
        let document = try DocumentReader().read(string: "# Title\n\nText.\n", path: "post.md", format: .markdown)
        let assessments = [
            Assessment(ruleID: "headings.single-h1", score: .seo, rating: .good, measured: "1 H1 heading", target: "exactly 1"),
            Assessment(ruleID: "meta.description", score: .seo, rating: .ok, measured: "40 characters", target: "50–160", weight: 2),
            Assessment(ruleID: "keyphrase.density", score: .seo, rating: .notApplicable, measured: "no keyphrase", target: "0.5–3%"),
        ]
        var report = try FormatterFixtures.report("# Title\n\nText.\n", path: "post.md", findings: [])
        report.assessments = assessments
        report.seoScore = Score(kind: .seo, assessments: assessments)
        report.statistics = DocumentStatistics(document: document)
        let text = TextLintFormatter.explanation(LintRun(reports: [report]))
        #expect(text == """
            post.md
              SEO 67 (2 of 3 points)
                rule                measured       target     rating  points
                ──────────────────  ─────────────  ─────────  ──────  ──────
                headings.single-h1  1 H1 heading   exactly 1  good       1/1
                meta.description    40 characters  50–160     ok         1/2
                keyphrase.density   no keyphrase   0.5–3%     n/a          –
              Readability n/a (no check feeds it)

            """)
        // --explain appends it to the text report.
        let full = TextLintFormatter(explainScores: true).render(LintRun(reports: [report]))
        #expect(full.contains(text))
        #expect(full.hasSuffix("\nNo findings in 1 file\n"))
    }

    // MARK: JSON

    @Test func jsonHasTheDocumentedShape() throws {
        let run = try smallRun()
        let root = try parseJSON(JSONLintFormatter().render(run))
        #expect(root["schemaVersion"] as? Int == 1)
        #expect(root.keys.sorted() == ["files", "schemaVersion", "summary", "tool"])
        let tool = try #require(root["tool"] as? [String: Any])
        #expect(tool["name"] as? String == "seokit")
        #expect(tool["version"] as? String == SEOKitVersion.string)
        let files = try #require(root["files"] as? [[String: Any]])
        #expect(files.count == 2)
        let file = files[0]
        #expect(file["path"] as? String == "content/post.md")
        #expect(file["format"] as? String == "markdown")
        #expect(file["isDraft"] as? Bool == false)
        #expect(file["suppressed"] as? Int == 2)
        let statistics = try #require(file["statistics"] as? [String: Any])
        #expect(statistics["words"] as? Int != nil)
        #expect(statistics["path"] == nil && statistics["notes"] == nil)
        let seo = try #require((file["scores"] as? [String: Any])?["seo"] as? [String: Any])
        #expect(seo["value"] is NSNull)
        let findings = try #require(file["findings"] as? [[String: Any]])
        #expect(findings.map { $0["ruleId"] as? String } == ["style.word", "headings.single-h1"])
        #expect(findings.map { $0["severity"] as? String } == ["info", "error"])
        #expect(findings[0]["suggestion"] is NSNull)
        #expect(findings[1]["suggestion"] as? String == "Make it an H2.")
        let range = try #require(findings[1]["range"] as? [String: [String: Int]])
        #expect(range["start"] == ["line": 5, "column": 1, "offset": 26])
        #expect(range["end"] == ["line": 5, "column": 9, "offset": 34])
        let notes = try #require(file["notes"] as? [[String: Any]])
        #expect(notes.first?["line"] as? Int == 3)
        let summary = try #require(root["summary"] as? [String: Any])
        #expect(summary["files"] as? Int == 2)
        #expect(summary["findings"] as? Int == 2)
        #expect(summary["errors"] as? Int == 1)
        #expect(summary["warnings"] as? Int == 0)
        #expect(summary["infos"] as? Int == 1)
        #expect(summary["suppressed"] as? Int == 2)
        #expect(summary["baselineMatches"] as? Int == 1)
        #expect(summary["failOn"] as? String == "error")
        #expect(summary["exitStatus"] as? Int == 2)
        let errors = try #require(summary["inputErrors"] as? [[String: String]])
        #expect(errors == [["path": "gone.md", "message": "no such file or directory"]])
    }

    @Test func jsonScoresCarryTheirAssessments() throws {
        let assessments = [
            Assessment(ruleID: "a.b", score: .readability, rating: .ok, measured: "m", target: "t", weight: 3),
            Assessment(ruleID: "c.d", score: .seo, rating: .good, measured: "m2", target: "t2"),
        ]
        var report = try FormatterFixtures.report("Text.\n", findings: [])
        report.seoScore = Score(kind: .seo, assessments: assessments)
        report.readabilityScore = Score(kind: .readability, assessments: assessments)
        let root = try parseJSON(JSONLintFormatter().render(LintRun(reports: [report])))
        let scores = try #require(((root["files"] as? [[String: Any]])?.first?["scores"]) as? [String: [String: Any]])
        #expect(scores["seo"]?["value"] as? Int == 100)
        let readability = try #require(scores["readability"])
        #expect(readability["value"] as? Int == 50)
        #expect(readability["points"] as? Double == 1.5)
        #expect(readability["possible"] as? Int == 3)
        let items = try #require(readability["assessments"] as? [[String: Any]])
        #expect(items.count == 1)
        #expect(items[0]["ruleId"] as? String == "a.b")
        #expect(items[0]["rating"] as? String == "ok")
        #expect(items[0]["measured"] as? String == "m")
        #expect(items[0]["target"] as? String == "t")
        #expect(items[0]["points"] as? Double == 1.5)
        #expect(items[0]["possible"] as? Int == 3)
    }

    // MARK: Paths

    @Test func pathsAreRelativeToTheRoot() {
        let paths = LintPaths(root: "/repo", workingDirectory: "/repo/site")
        #expect(paths.display("content/a.md") == "site/content/a.md")
        #expect(paths.display("./content/../b.md") == "site/b.md")
        #expect(paths.display("/repo/x/y.md") == "x/y.md")
        #expect(paths.display("/elsewhere/y.md") == "/elsewhere/y.md")
        #expect(paths.display("../../outside.md") == "../../outside.md")
        #expect(paths.relativeToRoot("../../outside.md") == nil)
        #expect(paths.relativeToRoot("/repository/x.md") == nil)
        #expect(paths.display("-") == "-")
        let relativeRoot = LintPaths(root: "..", workingDirectory: "/repo/site")
        #expect(relativeRoot.root == "/repo")
        let noRoot = LintPaths(root: nil, workingDirectory: "/w")
        #expect(noRoot.display("./a//b.md") == "a/b.md")
        #expect(noRoot.relativeToRoot("a.md") == nil)
    }
}

/// Golden files of the text and JSON formats on corpus drafts (SARIF and GitHub goldens are in
/// their own suites). Regenerate with `SEOKIT_UPDATE_GOLDEN=1`.
struct CorpusFormatterTests {
    @Test func textGolden() throws {
        let run = try FormatterFixtures.corpusRun()
        let output = TextLintFormatter().render(run)
        for report in run.reports {
            for finding in report.findings {
                #expect(output.contains("\(finding.path):\(finding.range.start.line):\(finding.range.start.column): \(finding.severity.rawValue): \(finding.message) [\(finding.ruleID)]"))
            }
        }
        #expect(output.hasSuffix("\n" + TextLintFormatter.summary(run) + "\n"))
        try Golden.check(output, "corpus.text.txt")
    }

    @Test func explainGolden() throws {
        try Golden.check(TextLintFormatter.explanation(try FormatterFixtures.corpusRun()), "corpus.explain.txt")
    }

    @Test func jsonGolden() throws {
        let run = try FormatterFixtures.corpusRun()
        let output = JSONLintFormatter().render(run)
        #expect(output == JSONLintFormatter().render(try FormatterFixtures.corpusRun()))
        let files = try #require(try parseJSON(output)["files"] as? [[String: Any]])
        #expect(files.map { $0["path"] as? String } == FormatterFixtures.corpusFiles)
        try Golden.check(output, "corpus.json")
    }
}

/// `render` streams JSON and SARIF without building a `JSONValue`; these keep its bytes equal to
/// the tree's (`document(run).pretty()`, `log(run).pretty()`), which library users embed.
@Suite struct StreamedJSONTests {
    /// A run whose strings need every kind of escape, with notes, an input error, findings
    /// with and without suggestions and a report without findings.
    static func awkwardRun() throws -> LintRun {
        let text = "# Title\n\nA line\twith \"quotes\", a back\\slash and \u{2028} a separator.\n\nMore text here.\n"
        let start = try FormatterFixtures.offset(of: "A line", in: text)
        let more = try FormatterFixtures.offset(of: "More", in: text)
        let first = try FormatterFixtures.report(
            text, path: "content/we\u{1}ird \"name\".md",
            findings: [
                (rule: "style.one", severity: .warning, message: "Tab\there, bell \u{7}, del \u{7F}", suggestion: "Say \u{2029} less", start: start, end: start + 6),
                (rule: "style.two", severity: .info, message: "No suggestion", suggestion: nil, start: more, end: more + 4),
                (rule: "custom.unknown", severity: .error, message: "Empty suggestion", suggestion: "", start: more, end: text.utf8.count),
            ],
            suppressed: 3, notes: [ReadNote(message: "invalid UTF-8 replaced \"here\"", location: nil)])
        let second = try FormatterFixtures.report("Nothing to see.\n", path: "b.md", findings: [])
        return LintRun(
            reports: [first, second], inputErrors: [InputError(path: "gone\n.md", cause: .notFound)],
            failOn: .info, baselineMatches: 1, rootPath: FormatterFixtures.fakeRoot)
    }

    @Test func jsonMatchesTree() throws {
        for run in [try FormatterFixtures.corpusRun(), try StreamedJSONTests.awkwardRun(), LintRun(reports: [])] {
            let formatter = JSONLintFormatter()
            #expect(formatter.render(run) == formatter.document(run).pretty() + "\n")
        }
    }

    @Test func sarifMatchesTree() throws {
        for run in [try FormatterFixtures.corpusRun(), try StreamedJSONTests.awkwardRun(), LintRun(reports: [])] {
            for formatter in [SARIFLintFormatter(), SARIFLintFormatter(informationUri: "https://example.com", workingDirectory: "/work")] {
                #expect(formatter.render(run) == formatter.log(run).pretty() + "\n")
            }
        }
    }

    @Test func scalarsAndEscapes() {
        let value: JSONValue = .object([
            ("ints", .array([.int(0), .int(7), .int(-3), .int(1_234_567), .int(Int.min), .int(Int.max)])),
            ("doubles", .array([.double(2), .double(-0.5), .double(1e20), .number(0.004), .number(nil)])),
            ("text", .string("q\" b\\ n\n r\r t\t c\u{1F} d\u{7F} \u{2028}\u{2029} é\u{2027}")),
            ("empty", .object([])), ("none", .array([])),
        ])
        #expect(value.serialized() == #"{"ints":[0,7,-3,1234567,-9223372036854775808,9223372036854775807],"doubles":[2,-0.5,1e+20,0,null],"text":"q\" b\\ n\n r\r t\t c\u001f d\u007f \u2028\u2029 é\#u{2027}","empty":{},"none":[]}"#)
    }
}
