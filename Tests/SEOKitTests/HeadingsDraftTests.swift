import Testing
import SEOKitTestSupport
@testable import SEOKit

/// The headings rules on the sample drafts of `Corpora/drafts` (see `Corpora/README.md`).
struct HeadingsDraftTests {
    static let rules: [any Rule.Type] = [SkippedHeadingLevelRule.self, EmptyHeadingRule.self, SubheadingDistributionRule.self]

    static func lint(_ relative: String) throws -> LintReport {
        let document = try DocumentReader().read(path: Repository.path(relative))
        return LintEngine(catalog: rules).lint(document)
    }

    static func lines(_ report: LintReport, _ ruleID: String) -> [Int] {
        report.findings.filter { $0.ruleID == ruleID }.map(\.range.start.line)
    }

    @Test func poorMissingKeyphrase() throws {
        let report = try Self.lint("Corpora/drafts/poor-missing-keyphrase.md")
        // `##` alone on line 21; `## Setting It Up` then `#### Monitor Height` on line 29
        // (line 33's H4 follows an H4: fine).
        #expect(Self.lines(report, "headings.empty") == [21])
        #expect(Self.lines(report, "headings.skipped-level") == [29])
        #expect(Self.lines(report, "headings.distribution") == [])
    }

    @Test func longSectionsWithoutSubheadings() throws {
        let wall = try Self.lint("Corpora/drafts/poor-wall-of-text.md")
        #expect(Self.lines(wall, "headings.distribution") == [10])
        #expect(wall.assessments.first { $0.ruleID == "headings.distribution" }?.rating == .bad)
        let dogs = try Self.lint("Corpora/drafts/poor-dog-training-page.html")
        #expect(Self.lines(dogs, "headings.empty") == [20])
        #expect(Self.lines(dogs, "headings.skipped-level") == [24])
    }

    @Test(arguments: Repository.files(in: "Corpora/drafts", extensions: ["md", "mdx", "html", "txt"]).filter { $0.split(separator: "/").last!.hasPrefix("good-") })
    func goodDraftsPass(_ path: String) throws {
        let document = try DocumentReader().read(path: path)
        let report = LintEngine(catalog: Self.rules).lint(document)
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.range.start.line): \($0.message)" })")
    }
}
