import Testing
@testable import SEOKit

/// The style analyses usable without the rules: wordy phrases, adverbs, sentence grades.
struct StyleAnalysisTests {
    static func read(_ text: String, format: InputFormat = .markdown) throws -> (Document, TextAnalysis) {
        let document = try DocumentReader().read(string: text, format: format)
        return (document, TextAnalysis(document: document))
    }

    static func text(_ document: Document, _ analysis: TextAnalysis, _ tokens: Range<Int>) -> String {
        document.text.string(in: Int(analysis.tokens[tokens.lowerBound].start)..<Int(analysis.tokens[tokens.upperBound - 1].end))
    }

    // MARK: Wordy phrases

    @Test func wordyPhrasePositionsAndAlternatives() throws {
        let input = "We left early in order to catch the train.\n\nDue to the fact that it rained, we stayed in order to dry off.\n"
        let (document, analysis) = try Self.read(input)
        let matches = WordyPhraseFinder().matches(in: analysis)
        #expect(matches.map { Self.text(document, analysis, $0.tokenRange) } == ["in order to", "Due to the fact that", "in order to"])
        #expect(matches.map(\.phrase) == ["in order to", "due to the fact that", "in order to"])
        #expect(matches.map(\.alternative) == ["to", "because", "to"])
        #expect(matches.map(\.sentenceIndex) == [0, 1, 1])
        // Exact source positions: line and column of the first and last character.
        let ranges = matches.map { document.sourceRange(ofText: Int(analysis.tokens[$0.tokenRange.lowerBound].start)..<Int(analysis.tokens[$0.tokenRange.upperBound - 1].end)) }
        #expect(ranges.map { "\($0.start.line):\($0.start.column)" } == ["1:15", "3:1", "3:43"])
        #expect(ranges.map { $0.end.offset - $0.start.offset } == [11, 20, 11])
    }

    @Test func wordyPhrasesStopAtSentencesAndPunctuation() throws {
        for input in ["Come in. Order to go.", "We did it in order, to be fair.", "Step in-order-to-win."] {
            let (document, analysis) = try Self.read(input, format: .text)
            #expect(WordyPhraseFinder().matches(in: analysis).isEmpty, "\(input)")
        }
    }

    @Test func wordyPhrasesAreCaseInsensitiveAndPreferTheLongest() throws {
        let (document, analysis) = try Self.read("IN ORDER TO win, see the fact that matters. At This Point In Time we wait.", format: .text)
        let matches = WordyPhraseFinder().matches(in: analysis)
        #expect(matches.map(\.phrase) == ["in order to", "the fact that", "at this point in time"])
    }

    @Test func wordyPhraseRuleSuggestsTheAlternativeInTheRightCase() throws {
        let document = try DocumentReader().read(string: "In order to win, practise in order to improve.\n", format: .markdown)
        let report = LintEngine().lint(document, rules: [Self.resolved(WordyPhrasesRule.self)])
        #expect(report.findings.map { $0.suggestion ?? "" } == ["Use “To”.", "Use “to”."])
        #expect(report.findings.map { "\($0.range.start.column)-\($0.range.end.column)" } == ["1-12", "27-38"])
    }

    // MARK: Adverbs

    @Test func adverbsEndInLyAndSkipTheExceptions() throws {
        let input = "Finally, the family quietly left. The friendly user-friendly app runs smoothly. Kelly left early. It is really ugly."
        let (document, analysis) = try Self.read(input, format: .text)
        let adverbs = AdverbFinder().adverbs(in: analysis, text: document.text)
        #expect(adverbs.map { Self.text(document, analysis, $0.tokenIndex..<($0.tokenIndex + 1)) } == ["Finally", "quietly", "smoothly", "really"])
        #expect(adverbs.map(\.sentenceIndex) == [0, 0, 1, 3])
    }

    // MARK: Sentence grades

    @Test func sentenceGradeIsTheSentencesOwnARI() throws {
        let input = "We baked bread today. Our gardening group compared seven watering systems for several weeks before we bought one."
        let (document, analysis) = try Self.read(input, format: .text)
        let grades = SentenceGrader().grades(in: analysis, text: document.text)
        #expect(grades.count == 2)
        // 4 words, 17 letters: 4.71 × 17/4 + 0.5 × 4 − 21.43.
        #expect(grades[0].words == 4 && grades[0].characters == 17)
        #expect(abs(grades[0].grade - (4.71 * 17 / 4 + 2 - 21.43)) < 1e-9)
        #expect(grades[0].difficulty == .normal)
        // 14 words, 77 letters: grade 11.5, hard.
        #expect(grades[1].words == 14 && grades[1].characters == 77)
        #expect(abs(grades[1].grade - 11.475) < 1e-9)
        #expect(grades[1].difficulty == .hard)
    }

    @Test func difficultyLevels() {
        let grader = SentenceGrader()
        #expect(grader.difficulty(grade: 20, words: 13) == .normal)  // too short to be hard
        #expect(grader.difficulty(grade: 9.99, words: 14) == .normal)
        #expect(grader.difficulty(grade: 10, words: 14) == .hard)
        #expect(grader.difficulty(grade: 13.99, words: 30) == .hard)
        #expect(grader.difficulty(grade: 14, words: 14) == .veryHard)
        #expect(SentenceGrader(minimumWords: 5, hardGrade: 8, veryHardGrade: 12).difficulty(grade: 9, words: 5) == .hard)
    }

    @Test func numbersAndDigitsCountAsCharacters() throws {
        let (document, analysis) = try Self.read("We sold 1,200 MP3s in 2024.", format: .text)
        let grade = try #require(SentenceGrader().grades(in: analysis, text: document.text).first)
        // We(2) sold(4) 1,200(5) MP3s(4) in(2) 2024(4)
        #expect(grade.words == 6)
        #expect(grade.characters == 21)
    }

    // MARK: Shared through the lint context

    @Test func contextSharesTheAnalyses() throws {
        let document = try DocumentReader().read(string: "The plan was approved. However, it really failed in order to teach us.\n", format: .markdown)
        let context = LintContext(document: document)
        #expect(context.passiveVoice.sentenceIndices == [0])
        #expect(context.transitions.sentenceIndices == [1])
        #expect(context.adverbs.count == 1)
        #expect(context.wordyPhrases.map(\.phrase) == ["in order to"])
        #expect(context.sentenceGrades.count == 2)
    }

    static func resolved(_ rule: any Rule.Type, _ overrides: [String: OptionValue] = [:]) -> ResolvedRule {
        ResolvedRule(
            rule: rule, enabled: true, severity: rule.description.defaultSeverity,
            options: RuleOptions(description: rule.description, overrides: overrides))
    }
}
