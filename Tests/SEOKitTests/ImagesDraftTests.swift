import Testing
import SEOKitTestSupport
@testable import SEOKit

/// The images rule on the sample drafts and pages.
struct ImagesDraftTests {
    static func lint(_ relative: String) throws -> LintReport {
        let document = try DocumentReader().read(path: Repository.path(relative))
        return LintEngine(catalog: [ImageAltRule.self]).lint(document)
    }

    @Test func poorLinksAndImages() throws {
        let report = try Self.lint("Corpora/drafts/poor-links-and-images.md")
        // Four `![](...)` and one `<img>` without alt.
        #expect(report.findings.map(\.range.start.line) == [12, 20, 28, 44, 52])
        #expect(report.assessments.first?.rating == .bad)
    }

    @Test func decorativeImagesInPages() throws {
        // Missing alt attributes are reported, explicitly empty ones are not.
        let report = try Self.lint("Corpora/drafts/poor-dog-training-page.html")
        #expect(report.findings.map(\.range.start.line) == [16, 40])
    }

    @Test func optionsChangeWhatCounts() throws {
        let document = try DocumentReader().read(path: Repository.path("Corpora/drafts/poor-links-and-images.md"))
        var configuration = LintConfiguration()
        configuration.rules = [(RuleSelector("images.alt"), RuleSetting(options: ["markdown-empty-alt-is-missing": .flag(false)]))]
        let report = LintEngine(configuration: configuration, catalog: [ImageAltRule.self]).lint(document)
        #expect(report.findings.map(\.range.start.line) == [52])
        #expect(report.assessments.first?.rating == .ok)
    }

    @Test(arguments: Repository.files(in: "Corpora/drafts", extensions: ["md", "mdx", "html"]).filter { $0.split(separator: "/").last!.hasPrefix("good-") })
    func goodDraftsPass(_ path: String) throws {
        let report = LintEngine(catalog: [ImageAltRule.self]).lint(try DocumentReader().read(path: path))
        #expect(report.findings.isEmpty)
    }
}
