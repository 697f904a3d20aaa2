import Testing
import SEOKitTestSupport
@testable import SEOKit

/// The metadata and content-length rules on the sample drafts.
struct MetaDraftTests {
    static let rules: [any Rule.Type] = RuleCatalog.metaRules + [ContentLengthRule.self]

    static func lint(_ relative: String) throws -> LintReport {
        let document = try DocumentReader().read(path: Repository.path(relative))
        return LintEngine(catalog: rules).lint(document)
    }

    static func found(_ report: LintReport) -> [String] {
        report.findings.map { "\($0.range.start.line) \($0.ruleID)" }
    }

    @Test func poorDrafts() throws {
        #expect(Self.found(try Self.lint("Corpora/drafts/poor-stuffed-keyphrase.md")) == ["2 meta.title-length", "2 meta.title-width"])
        #expect(Self.found(try Self.lint("Corpora/drafts/poor-missing-keyphrase.md")) == ["1 meta.description-missing"])
        #expect(Self.found(try Self.lint("Corpora/drafts/poor-links-and-images.md")) == ["3 meta.description-length"])
        #expect(Self.found(try Self.lint("Corpora/drafts/poor-wall-of-text.md")) == ["3 meta.description-length"])
        #expect(Self.found(try Self.lint("Corpora/drafts/poor-dog-training-page.html")) == [
            "1 meta.description-missing", "4 meta.title-length", "4 meta.title-width",
        ])
        // 322 words: over Yoast's 300; its title and description are short.
        let thin = try Self.lint("Corpora/drafts/poor-thin-content.md")
        #expect(Self.found(thin) == ["2 meta.title-length", "3 meta.description-length"])
        #expect(thin.assessments.first { $0.ruleID == "content.length" }?.measured == "322 words")
    }

    @Test func titleWidthIsMeasured() throws {
        let report = try Self.lint("Corpora/drafts/poor-stuffed-keyphrase.md")
        let width = try #require(report.assessments.first { $0.ruleID == "meta.title-width" })
        #expect(width.rating == .bad)
        let title = try #require(try DocumentReader().read(path: Repository.path("Corpora/drafts/poor-stuffed-keyphrase.md")).metadata.title)
        #expect(width.measured.hasPrefix("\(Int(SERPWidth.shared.width(of: title).rounded())) px"))
    }

    @Test func contentLengthBands() throws {
        func rating(words: Int) throws -> (Assessment.Rating?, [Severity]) {
            let text = "# Bread\n\n" + String(repeating: "word ", count: words - 1) + "\n"
            let report = LintEngine(catalog: [ContentLengthRule.self]).lint(try DocumentReader().read(string: text, format: .markdown))
            return (report.assessments.first?.rating, report.findings.map(\.severity))
        }
        // The heading's word counts: 299 + 1 = 300.
        #expect(try rating(words: 300) == (.good, []))
        #expect(try rating(words: 299) == (.ok, [.info]))
        #expect(try rating(words: 250) == (.ok, [.info]))
        #expect(try rating(words: 249) == (.bad, [.warning]))
    }

    @Test(arguments: Repository.files(in: "Corpora/drafts", extensions: ["md", "mdx", "html", "txt"]).filter { $0.split(separator: "/").last!.hasPrefix("good-") })
    func goodDraftsPass(_ path: String) throws {
        let report = LintEngine(catalog: Self.rules).lint(try DocumentReader().read(path: path))
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.range.start.line): \($0.message)" })")
    }
}
