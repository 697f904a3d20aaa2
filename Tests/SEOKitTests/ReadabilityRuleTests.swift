import Testing
@testable import SEOKit

/// Behaviour of the readability rules beyond their examples: levels, limits and positions.
struct ReadabilityRuleTests {
    struct Outcome {
        var findings: [Finding]
        var assessment: Assessment?
        var positions: [String] { findings.map { "\($0.range.start.line):\($0.range.start.column)" } }
        var severities: [Severity] { findings.map(\.severity) }
    }

    static func run(_ rule: any Rule.Type, _ input: String, format: InputFormat = .markdown, _ overrides: [String: OptionValue] = [:]) throws -> Outcome {
        let document = try DocumentReader().read(string: input, path: "test", format: format)
        let resolved = ResolvedRule(
            rule: rule, enabled: true, severity: rule.description.defaultSeverity,
            options: RuleOptions(description: rule.description, overrides: overrides))
        let report = LintEngine().lint(document, rules: [resolved])
        return Outcome(findings: report.findings, assessment: report.assessments.first)
    }

    /// One sentence of exactly `count` words.
    static func sentence(_ count: Int) -> String {
        (["Bread"] + Array(repeating: "bread", count: count - 1)).joined(separator: " ") + "."
    }

    // MARK: Consecutive sentences

    @Test func consecutiveRunsAreMarkedOnceAtTheirStart() throws {
        let outcome = try Self.run(ConsecutiveSentencesRule.self, "We met. Teams plan. Teams ship. Teams test. Teams rest. We left.\n")
        #expect(outcome.positions == ["1:9"])
        #expect(outcome.findings.first?.message == "4 sentences in a row start with “Teams”.")
        #expect(outcome.assessment?.rating == .bad)
    }

    @Test func twoInARowAreFine() throws {
        let outcome = try Self.run(ConsecutiveSentencesRule.self, "Teams plan. Teams ship. We test. Teams rest. Teams win.\n")
        #expect(outcome.findings.isEmpty)
        #expect(outcome.assessment?.rating == .good)
    }

    @Test func headingsEndARun() throws {
        let outcome = try Self.run(ConsecutiveSentencesRule.self, "Teams plan. Teams ship.\n\n## Next\n\nTeams test.\n")
        #expect(outcome.findings.isEmpty)
    }

    @Test func articlesAreReadWithTheNextWord() throws {
        #expect(try Self.run(ConsecutiveSentencesRule.self, "The cat sat. The dog ran. The bird sang.\n").findings.isEmpty)
        let same = try Self.run(ConsecutiveSentencesRule.self, "The cat sat. The cat ran. “The cat sang.”\n")
        #expect(same.positions == ["1:1"])
        #expect(same.findings.first?.message == "3 sentences in a row start with “The cat”.")
    }

    @Test func runLengthIsAnOption() throws {
        let outcome = try Self.run(ConsecutiveSentencesRule.self, "Teams plan. Teams ship. We test.\n", ["min-run": .number(2)])
        #expect(outcome.positions == ["1:1"])
    }

    // MARK: Paragraph length

    @Test func paragraphLevels() throws {
        let input = [150, 151, 200, 201, 40].map(Self.sentence).joined(separator: "\n\n") + "\n"
        let outcome = try Self.run(ParagraphLengthRule.self, input)
        // Paragraphs start on lines 1, 3, 5, 7, 9: 151 and 200 are warnings, 201 an error.
        #expect(outcome.positions == ["3:1", "5:1", "7:1"])
        #expect(outcome.severities == [.warning, .warning, .error])
        #expect(outcome.findings.map(\.message) == [
            "Paragraph of 151 words (over 150).", "Paragraph of 200 words (over 150).", "Paragraph of 201 words (over 200).",
        ])
        #expect(outcome.assessment?.rating == .bad)
    }

    @Test func paragraphRatingIsOkBelowTheErrorLevel() throws {
        let outcome = try Self.run(ParagraphLengthRule.self, Self.sentence(170) + "\n\nShort.\n")
        #expect(outcome.severities == [.warning])
        #expect(outcome.assessment?.rating == .ok)
        #expect(try Self.run(ParagraphLengthRule.self, Self.sentence(150) + "\n").assessment?.rating == .good)
    }

    @Test func listItemsAndQuotesAreParagraphs() throws {
        let outcome = try Self.run(ParagraphLengthRule.self, "- " + Self.sentence(160) + "\n\n> " + Self.sentence(210) + "\n")
        #expect(outcome.positions == ["1:3", "3:3"])
        #expect(outcome.severities == [.warning, .error])
    }

    // MARK: Sentence length

    @Test func sentenceLengthMarksOnlyTheLongestFew() throws {
        // Eight long sentences of 21–28 words, two short ones: 80% long.
        let input = (21...28).map(Self.sentence).joined(separator: " ") + " Short one. Short two.\n"
        let outcome = try Self.run(SentenceLengthRule.self, input)
        #expect(outcome.findings.count == 5)
        #expect(outcome.findings.allSatisfy { $0.message.hasPrefix("Sentence of 2") && $0.message.hasSuffix("The 5 longest are marked.") })
        #expect(outcome.findings.map { Int($0.message.dropFirst("Sentence of ".count).prefix(2))! } == [24, 25, 26, 27, 28])
        #expect(outcome.assessment?.measured == "80% (8 of 10 sentences)")
        let all = try Self.run(SentenceLengthRule.self, input, ["max-findings": .number(0)])
        #expect(all.findings.count == 8)
    }

    @Test func sentenceLengthOkBandGivesInfos() throws {
        // 2 long sentences of 7: 28.6%, between 25% and 30%.
        let input = [30, 25, 5, 5, 5, 5, 5].map(Self.sentence).joined(separator: " ") + "\n"
        let outcome = try Self.run(SentenceLengthRule.self, input)
        #expect(outcome.assessment?.rating == .ok)
        #expect(outcome.severities == [.info, .info])
    }

    @Test func exactlyTwentyWordsIsNotLong() throws {
        let outcome = try Self.run(SentenceLengthRule.self, Self.sentence(20) + "\n")
        #expect(outcome.findings.isEmpty)
        #expect(try Self.run(SentenceLengthRule.self, Self.sentence(21) + "\n").positions == ["1:1"])
    }

    // MARK: Transition words

    @Test func transitionWordsNeedTwoHundredWords() throws {
        let short = try Self.run(TransitionWordsRule.self, ReadabilityText.filler(20) + "\n")
        #expect(short.findings.isEmpty)
        #expect(short.assessment?.rating == .notApplicable)
        // Of 30 sentences (over 200 words): 5 linked (16.7%) bad, 8 (26.7%) ok, 9 (30%) good.
        func text(_ linked: Int) -> String {
            (0..<linked).map { _ in "However, we won." }.joined(separator: " ") + " " + ReadabilityText.filler(30 - linked) + "\n"
        }
        let bad = try Self.run(TransitionWordsRule.self, text(5))
        #expect(bad.assessment?.rating == .bad)
        #expect(bad.severities == [.warning])
        #expect(bad.findings.first?.message == "Only 16.7% (5 of 30 sentences) contain a transition word or phrase; aim for at least 30%.")
        let ok = try Self.run(TransitionWordsRule.self, text(8))
        #expect(ok.assessment?.rating == .ok)
        #expect(ok.severities == [.info])
        let good = try Self.run(TransitionWordsRule.self, text(9))
        #expect(good.findings.isEmpty)
        #expect(good.assessment?.rating == .good)
    }

    // MARK: Passive voice

    @Test func passiveFindingsListEveryGroupOfASentence() throws {
        let outcome = try Self.run(PassiveVoiceRule.self, "The plan was drafted and was approved. We met.\n")
        #expect(outcome.positions == ["1:10"])
        #expect(outcome.findings.first?.message.hasPrefix("Passive voice: “was drafted”, “was approved”. 50% (1 of 2 sentences)") == true)
    }

    @Test func passiveInHeadingsDoesNotCount() throws {
        let outcome = try Self.run(PassiveVoiceRule.self, "## Mistakes were made\n\nWe fixed them. We moved on.\n")
        #expect(outcome.findings.isEmpty)
        #expect(outcome.assessment?.measured == "0% (0 of 2 sentences)")
    }

    // MARK: Hard sentences

    @Test func hardSentencesAreInfosAndVeryHardOnesWarnings() throws {
        let input = """
            Our gardening group compared seven watering systems for several weeks before we bought one. \
            Comprehensive organizational transformation initiatives frequently necessitate substantial investments \
            in sophisticated technological infrastructure and extensive professional development. We slept.

            """
        let outcome = try Self.run(HardSentenceRule.self, input)
        #expect(outcome.severities == [.info, .warning])
        #expect(outcome.findings.first?.message == "Hard to read: grade 11.5 (ARI) over 14 words.")
        #expect(outcome.assessment?.rating == .bad)
    }

    // MARK: Flesch Reading Ease

    @Test func fleschBandsAndLabels() {
        #expect(FleschReadingEaseRule.label(65) == "standard")
        #expect(FleschReadingEaseRule.label(55) == "fairly difficult")
        #expect(FleschReadingEaseRule.label(12) == "very difficult")
    }
}
