import Testing
import SEOKitTestSupport
@testable import SEOKit

/// The links rules on the sample drafts of `Corpora/drafts`.
struct LinksDraftTests {
    static let rules: [any Rule.Type] = [InternalLinksRule.self, OutboundLinksRule.self, GenericAnchorRule.self, EmptyLinkRule.self]

    static func lint(_ relative: String) throws -> LintReport {
        let document = try DocumentReader().read(path: Repository.path(relative))
        return LintEngine(catalog: rules).lint(document)
    }

    static func positions(_ report: LintReport, _ ruleID: String) -> [String] {
        report.findings.filter { $0.ruleID == ruleID }.map { "\($0.range.start.line):\($0.range.start.column)" }
    }

    @Test func poorLinksAndImages() throws {
        let report = try Self.lint("Corpora/drafts/poor-links-and-images.md")
        // click here, Read more, here, here, link, Click here, read more.
        #expect(Self.positions(report, "links.generic-anchor") == ["18:26", "26:165", "34:60", "34:115", "42:160", "50:12", "50:56"])
        // `[](https://example.com)` on line 36.
        #expect(Self.positions(report, "links.empty") == ["36:1"])
        // Relative links are internal; example.com and example.org are outbound.
        #expect(Self.positions(report, "links.internal") == [])
        #expect(Self.positions(report, "links.outbound") == [])
    }

    @Test func noLinksAtAll() throws {
        let report = try Self.lint("Corpora/drafts/poor-missing-keyphrase.md")
        #expect(report.findings.map(\.ruleID) == ["links.internal", "links.outbound"])
        let ratings = Dictionary(uniqueKeysWithValues: report.assessments.map { ($0.ruleID, $0.rating) })
        #expect(ratings["links.internal"] == .bad)
        #expect(ratings["links.outbound"] == .ok)
        #expect(ratings["links.generic-anchor"] == .notApplicable)
    }

    @Test func htmlPage() throws {
        let report = try Self.lint("Corpora/drafts/poor-dog-training-page.html")
        #expect(Self.positions(report, "links.generic-anchor").count == 4)
        #expect(Self.positions(report, "links.empty") == ["47:4", "48:4"])
    }

    @Test(arguments: Repository.files(in: "Corpora/drafts", extensions: ["md", "mdx", "html"]).filter { $0.split(separator: "/").last!.hasPrefix("good-") })
    func goodDraftsPass(_ path: String) throws {
        let document = try DocumentReader().read(path: path)
        let report = LintEngine(catalog: Self.rules).lint(document)
        #expect(report.findings.isEmpty, "\(report.findings.map { "\($0.range.start.line): \($0.message)" })")
        #expect(report.assessments.allSatisfy { $0.rating == .good }, "\(report.assessments.map { "\($0.ruleID) \($0.rating)" })")
    }
}
