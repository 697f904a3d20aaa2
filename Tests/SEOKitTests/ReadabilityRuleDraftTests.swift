import Testing
import SEOKitTestSupport
@testable import SEOKit

/// The readability and style rules on the sample drafts of `Corpora/drafts`.
struct ReadabilityRuleDraftTests {
    struct Outcome {
        var findings: [Finding]
        var rating: Assessment.Rating?
    }

    static func lint(_ relativePath: String) throws -> [String: Outcome] {
        let document = try DocumentReader().read(path: Repository.path(relativePath))
        var outcomes: [String: Outcome] = [:]
        for rule in RuleCatalog.readabilityRules + RuleCatalog.styleRules {
            let resolved = ResolvedRule(
                rule: rule, enabled: true, severity: rule.description.defaultSeverity,
                options: RuleOptions(description: rule.description))
            let report = LintEngine().lint(document, rules: [resolved])
            outcomes[rule.description.id] = Outcome(findings: report.findings, rating: report.assessments.first?.rating)
        }
        return outcomes
    }

    @Test func wallOfText() throws {
        let outcomes = try Self.lint("Corpora/drafts/poor-wall-of-text.md")
        func outcome(_ id: String) throws -> Outcome { try #require(outcomes[id]) }

        // 16 of 21 sentences over 20 words: the 5 longest are marked.
        let long = try outcome("readability.sentence-length")
        #expect(long.rating == .bad)
        #expect(long.findings.count == 5)
        #expect(long.findings.allSatisfy { $0.message.contains("16 of 21 sentences (76.2%)") })

        // Heavy passive: 19 of 21 sentences, each marked.
        let passive = try outcome("readability.passive-voice")
        #expect(passive.rating == .bad)
        #expect(passive.findings.count == 19)
        #expect(passive.findings.contains { $0.message.hasPrefix("Passive voice: “were told”, “be dramatically improved”.") })

        // "Teams were told. Teams were promised. Teams were assured."
        let consecutive = try outcome("readability.consecutive-sentences")
        #expect(consecutive.rating == .bad)
        #expect(consecutive.findings.map(\.message) == ["3 sentences in a row start with “Teams”."])
        #expect(consecutive.findings.map(\.range.start.line) == [10])

        // Wordy phrases: "in order to" ×3, "due to the fact that" ×2, among others.
        let wordy = try outcome("style.wordy-phrases").findings.map(\.message)
        #expect(wordy.filter { $0.lowercased().hasPrefix("wordy phrase “in order to”") }.count == 3)
        #expect(wordy.filter { $0.lowercased().hasPrefix("wordy phrase “due to the fact that”") }.count == 2)
        #expect(wordy.count == 18)

        // Every -ly adverb of the body (73, counted by hand; "daily", "friendly" and "likely" are not adverbs).
        let adverbs = try outcome("style.adverbs").findings
        #expect(adverbs.count == 73)
        #expect(adverbs.allSatisfy { $0.severity == .info })
        #expect(!adverbs.contains { $0.message.hasPrefix("Adverb “daily”") || $0.message.hasPrefix("Adverb “friendly”") })

        // Three paragraphs over 200 words are errors.
        let paragraphs = try outcome("readability.paragraph-length")
        #expect(paragraphs.rating == .bad)
        #expect(paragraphs.findings.map(\.severity) == [.error, .error, .error])

        #expect(try outcome("readability.flesch-reading-ease").rating == .bad)
        let hard = try outcome("readability.hard-sentence")
        #expect(hard.rating == .bad)
        #expect(hard.findings.count == 16)
        #expect(hard.findings.allSatisfy { $0.severity == .warning })
    }

    /// The well-written drafts never rate bad on the checks of sentences, paragraphs, voice
    /// and openings (transition words depend on the word list, so they are left out here).
    @Test(arguments: Repository.files(in: "Corpora/drafts", extensions: ["md", "html", "txt"]).filter { $0.contains("/good-") })
    func goodDraftsRateWell(_ path: String) throws {
        let relative = String(path.dropFirst(Repository.root.count + 1))
        let outcomes = try Self.lint(relative)
        for id in [
            "readability.flesch-reading-ease", "readability.sentence-length", "readability.hard-sentence",
            "readability.paragraph-length", "readability.passive-voice", "readability.consecutive-sentences",
        ] {
            #expect(outcomes[id]?.rating == .good, "\(id) rates \(outcomes[id]?.rating?.rawValue ?? "nothing")")
        }
    }

    @Test func goodDraftsExist() {
        #expect(Repository.files(in: "Corpora/drafts", extensions: ["md", "html", "txt"]).filter { $0.contains("/good-") }.count >= 5)
    }
}
