import Testing
import SEOKitTestSupport
@testable import SEOKit

/// The headline rules on the sample drafts.
struct HeadlineDraftTests {
    static func lint(_ relative: String, _ rules: [any Rule.Type] = RuleCatalog.headlineRules) throws -> LintReport {
        let document = try DocumentReader().read(path: Repository.path(relative))
        return LintEngine(catalog: rules).lint(document)
    }

    @Test func titleKeyphrasePositionIsLeftToTheKeyphraseRules() throws {
        // "A Slow Morning Among Zürich’s Cafés ☕", keyphrase "Zürich cafés" at word 5 of 6: the
        // headline is the front matter title, which keyphrase.in-title rates.
        let report = try Self.lint("Corpora/drafts/edge-unicode.md", [HeadlineKeyphrasePositionRule.self])
        #expect(report.findings.isEmpty)
        let analysis = HeadlineAnalysis("A Slow Morning Among Zürich’s Cafés ☕", keyphrase: "Zürich cafés")
        #expect(analysis.keyphrasePosition?.wordIndex == 4)
        #expect(analysis.keyphrasePosition?.isExact == false)
    }

    @Test func keyphraseLateInTheH1() throws {
        let html = """
            <html><head><title>Sourdough Starter Guide</title></head>
            <body><h1>A Beginner's Guide to Feeding and Keeping a Sourdough Starter</h1><p>Text.</p></body></html>
            """
        let document = try DocumentReader().read(string: html, path: "page.html", format: .html)
        let report = LintEngine(catalog: [HeadlineKeyphrasePositionRule.self]).lint(document, keyphrases: ["sourdough starter"])
        #expect(report.findings.map(\.range.start.line) == [2])
        #expect(report.findings.first?.message.contains("word 9 of 10") == true)
        // Early enough: no finding.
        let early = try DocumentReader().read(string: "<h1>Sourdough Starter: Feeding and Keeping It</h1>", path: "page.html", format: .html)
        #expect(LintEngine(catalog: [HeadlineKeyphrasePositionRule.self]).lint(early, keyphrases: ["sourdough starter"]).findings.isEmpty)
    }

    @Test func htmlHeadlineIsTheH1() throws {
        // The <title> is long; the H1 "Welcome to Pawsitive Pets!" is the headline.
        let report = try Self.lint("Corpora/drafts/poor-dog-training-page.html", [HeadlineLengthRule.self])
        #expect(report.findings.map(\.range.start.line) == [10])
        #expect(report.findings.first?.message.contains("4 words") == true)
    }

    @Test func headlineRulesDoNotScore() {
        #expect(RuleCatalog.headlineRules.count == 4)
        for rule in RuleCatalog.headlineRules {
            #expect(rule.description.score == nil, "\(rule.description.id)")
        }
    }
}
