import Testing
import SEOKitTestSupport
@testable import SEOKit

/// Runs rules (by default the keyphrase rules) on a document.
private func report(_ document: Document, keyphrases: [String] = [], rules: [any Rule.Type] = RuleCatalog.keyphraseRules) -> LintReport {
    let resolved = rules.map { rule in
        ResolvedRule(rule: rule, enabled: true, severity: rule.description.defaultSeverity, options: RuleOptions(description: rule.description))
    }
    return LintEngine().lint(document, rules: resolved, keyphrases: keyphrases)
}

private func report(markdown: String, keyphrases: [String] = [], rules: [any Rule.Type] = RuleCatalog.keyphraseRules) throws -> LintReport {
    report(try DocumentReader().read(string: markdown, path: "example", format: .markdown), keyphrases: keyphrases, rules: rules)
}

private func assessment(_ report: LintReport, _ id: String) throws -> Assessment {
    try #require(report.assessments.first { $0.ruleID == id })
}

/// Ten-word sentences without any keyphrase word.
private func filler(_ count: Int) -> String { KeyphraseRuleSupport.filler(count) }

struct KeyphraseDensityTests {
    @Test func handCountedDensity() throws {
        // 4 + 90 + 6 = 100 words, 2 matches.
        let text = "Sourdough bread is easy. " + filler(9) + " I love sourdough bread and rye.\n"
        let result = try report(markdown: text, keyphrases: ["sourdough bread"], rules: [KeyphraseDensityRule.self])
        #expect(result.statistics.counts.words == 100)
        let density = try assessment(result, "keyphrase.density")
        #expect(density.measured == "2% (2 matches in 100 words)")
        #expect(density.target == "0.5–2%")
        #expect(density.rating == .good)
        #expect(result.findings.isEmpty)
    }

    @Test func repeatedWordsInOneSentenceCountAsSeveralMatches() throws {
        // 9 + 100 = 109 words; the first sentence holds 2 matches (cheap ×2, car ×2, insurance ×2).
        let text = "Cheap car insurance is car insurance that is cheap. " + filler(10) + "\n"
        let density = try assessment(try report(markdown: text, keyphrases: ["cheap car insurance"]), "keyphrase.density")
        #expect(density.measured == "1.8% (2 matches in 109 words)")
        #expect(density.rating == .ok)  // over 1.5% for a 3-word keyphrase
    }

    @Test func aboveTheBandIsOkAndAboveTheLimitIsAnError() throws {
        // 7 sentences with the keyphrase (3 words each) + 180 filler words = 201 words: 3.5%.
        let high = String(repeating: "Compost is good. ", count: 7) + filler(18) + "\n"
        let highReport = try report(markdown: high, keyphrases: ["compost"], rules: [KeyphraseDensityRule.self])
        let rated = try assessment(highReport, "keyphrase.density")
        #expect(rated.measured == "3.5% (7 matches in 201 words)")
        #expect(rated.rating == .ok)
        #expect(highReport.findings.map(\.severity) == [.warning])
        // 9 of 207: 4.3%.
        let stuffed = String(repeating: "Compost is good. ", count: 9) + filler(18) + "\n"
        let stuffedReport = try report(markdown: stuffed, keyphrases: ["compost"], rules: [KeyphraseDensityRule.self])
        #expect(try assessment(stuffedReport, "keyphrase.density").rating == .bad)
        #expect(stuffedReport.findings.map(\.severity) == [.error])
    }

    @Test func shortTextsAreNotRated() throws {
        let result = try report(markdown: filler(9) + "\n", keyphrases: ["sourdough bread"], rules: [KeyphraseDensityRule.self])
        #expect(try assessment(result, "keyphrase.density").rating == .notApplicable)
        #expect(result.findings.isEmpty)
    }

    @Test(arguments: [(1, 3.0), (2, 2.0), (3, 1.5), (4, 1.2), (5, 1.0), (8, 1.0)])
    func upperBoundShrinksWithKeyphraseLength(_ words: Int, _ expected: Double) {
        #expect(abs(KeyphraseDensityRule.upperBound(max: 3, min: 0.5, words: words) - expected) < 1e-9)
    }

    @Test func percentagesDoNotRoundAcrossAThreshold() {
        #expect(KeyphraseRuleSupport.percent(0.4878, against: [0.5, 2]) == "0.49")
        #expect(KeyphraseRuleSupport.percent(2.04, against: [0.5, 2]) == "2.04")
        #expect(KeyphraseRuleSupport.percent(1.2345, against: [0.5, 2]) == "1.2")
        #expect(KeyphraseRuleSupport.percent(3) == "3")
    }
}

struct KeyphraseRuleBehaviourTests {
    @Test func severalKeyphrasesAreRatedByTheWorst() throws {
        let text = "---\ntitle: Sourdough bread at home\n---\n\nText.\n"
        let result = try report(markdown: text, keyphrases: ["sourdough bread", "rye flour"], rules: [KeyphraseInTitleRule.self])
        let title = try assessment(result, "keyphrase.in-title")
        #expect(title.rating == .bad)
        #expect(title.measured == "“sourdough bread”: at the start of the title; “rye flour”: 0 of 2 keyphrase words in the title")
        #expect(result.findings.count == 1)
        #expect(result.findings.first?.message.contains("rye flour") == true)
    }

    @Test func withoutAKeyphraseOnlyTheMissingRuleReports() throws {
        let result = try report(markdown: "---\ntitle: Bread\ndescription: About bread.\n---\n\n# Bread\n\n## A\n\nText.\n\n## B\n\n![x](x.png)\n")
        #expect(result.findings.map(\.ruleID) == ["keyphrase.missing"])
        #expect(result.findings.first?.severity == .info)
        #expect(result.assessments.allSatisfy { $0.rating == .notApplicable })
        #expect(result.seoScore.value == nil)
    }

    @Test func distributionPointsAtTheStartOfTheLongestStretch() throws {
        let text = "Sourdough bread rises. " + filler(3) + "\n\nSourdough bread bakes.\n\n" + filler(12) + "\n\nAt last, sourdough bread.\n"
        let result = try report(markdown: text, keyphrases: ["sourdough bread"], rules: [KeyphraseDistributionRule.self])
        let distribution = try assessment(result, "keyphrase.distribution")
        // 3 + 30 + 3 + 120 + 4 = 160 words; the stretch is the 120 filler words: 75%.
        #expect(distribution.measured == "longest stretch without it: 75% of the text (120 of 160 words)")
        #expect(distribution.rating == .bad)
        #expect(result.findings.map { "\($0.range.start)" } == ["5:1"])
    }
}

/// The drafts of `Corpora/drafts` get the ratings their names promise.
struct KeyphraseDraftsTests {
    static let goodDrafts = Repository.files(in: "Corpora/drafts", extensions: ["md", "html"]).filter { $0.contains("/good-") }

    @Test func stuffedDraftIsKeywordStuffing() throws {
        let document = try DocumentReader().read(path: Repository.path("Corpora/drafts/poor-stuffed-keyphrase.md"))
        let result = report(document)
        let density = try assessment(result, "keyphrase.density")
        // 51 matches: 50 times the exact phrase, plus "Cheap car insurance is car insurance that
        // is cheap." holding a second match (cheap ×2, car ×2, insurance ×2).
        #expect(density.measured == "12.8% (51 matches in 397 words)")
        #expect(density.rating == .bad)
        let context = LintContext(document: document)
        #expect(context.keyphraseAnalysis.body.count(of: Keyphrase("\"cheap car insurance\"")) == 50)  // 12.6%
        let densityFinding = try #require(result.findings.first { $0.ruleID == "keyphrase.density" })
        #expect(densityFinding.severity == .error)
        #expect(densityFinding.range.start.line == 4)  // the keyphrase line of the front matter
        let stuffing = result.findings.filter { $0.ruleID == "keyphrase.stuffing" }
        // Runs of 4 and 5 sentences and sentences holding it 3 times: errors; twice: warnings.
        #expect(stuffing.filter { $0.severity == .error }.count == 8)
        #expect(stuffing.filter { $0.message.contains("twice") }.allSatisfy { $0.severity == .warning })
        #expect(try assessment(result, "keyphrase.in-description").rating == .bad)
        #expect(try assessment(result, "keyphrase.in-subheadings").rating == .bad)
    }

    @Test func missingKeyphraseDraft() throws {
        let result = report(try DocumentReader().read(path: Repository.path("Corpora/drafts/poor-missing-keyphrase.md")))
        let density = try assessment(result, "keyphrase.density")
        #expect(density.rating == .bad)
        #expect(density.measured.hasPrefix("0% (0 matches in "))
        #expect(try assessment(result, "keyphrase.in-title").rating == .bad)
    }

    @Test func thereAreGoodDrafts() {
        #expect(Self.goodDrafts.count >= 7)
    }

    @Test(arguments: goodDrafts)
    func goodDraftHasHealthyDensity(_ path: String) throws {
        let result = report(try DocumentReader().read(path: path))
        let density = try assessment(result, "keyphrase.density")
        #expect(density.rating == .good, "\(density.measured)")
        let percent = try #require(Double(density.measured.prefix { $0 != "%" }))
        #expect(percent >= 0.9 && percent <= 1.6, "\(density.measured)")
        #expect(try assessment(result, "keyphrase.distribution").rating == .good)
        #expect(try assessment(result, "keyphrase.in-introduction").rating == .good)
        #expect(try assessment(result, "keyphrase.in-h1").rating == .good)
        #expect(try assessment(result, "keyphrase.length").rating == .good)
        #expect(!result.findings.contains { $0.ruleID == "keyphrase.stuffing" || $0.severity == .error })
    }
}

struct KeyphraseStuffingTests {
    @Test func findingsPointAtTheSentencesAndGrowInSeverity() throws {
        let text = "Intro. Sourdough bread and sourdough bread.\n\nFlour. Sourdough bread, sourdough bread, sourdough bread.\n"
        let result = try report(markdown: text, keyphrases: ["sourdough bread"], rules: [KeyphraseStuffingRule.self])
        #expect(result.findings.map { "\($0.range.start) \($0.severity)" } == ["1:8 warning", "3:8 error"])
    }

    @Test func runsOfSentencesEndAtHeadings() throws {
        let run = "Sourdough bread is slow. Sourdough bread keeps. Sourdough bread rises. Sourdough bread is good.\n"
        let flagged = try report(markdown: run, keyphrases: ["sourdough bread"], rules: [KeyphraseStuffingRule.self])
        #expect(flagged.findings.map(\.message) == ["4 sentences in a row hold “sourdough bread”, more than 3."])
        let split = "Sourdough bread is slow. Sourdough bread keeps.\n\n## Why\n\nSourdough bread rises. Sourdough bread is good.\n"
        #expect(try report(markdown: split, keyphrases: ["sourdough bread"], rules: [KeyphraseStuffingRule.self]).findings.isEmpty)
    }
}
