import Foundation
import Testing
@testable import SEOKit
import SEOKitTestSupport

// MARK: Helpers

private func markdown(_ text: String, path: String = "draft.md") throws -> Document {
    try DocumentReader().read(string: text, path: path, format: .markdown)
}

private func pages(_ texts: [String]) throws -> [ComparisonPage] {
    try texts.enumerated().map { index, text in
        let source = "page\(index + 1).md"
        return ComparisonPage(document: try markdown(text, path: source), source: source, rank: index + 1)
    }
}

/// Options that keep every shared term (no top-N cut) and need 2 pages.
private let allTerms = ComparisonOptions(topTerms: 1000, minimumTermShare: 0.3, minimumTermPages: 2)

private func isClose(_ lhs: Double, _ rhs: Double, _ tolerance: Double = 1e-9) -> Bool { abs(lhs - rhs) <= tolerance }

// MARK: Distribution

@Suite struct ComparisonDistributionTests {
    @Test func typeSevenQuartiles() throws {
        let distribution = try #require(ComparisonDistribution([4, 1, 3, 2]))
        #expect(distribution.q1 == 1.75)
        #expect(distribution.median == 2.5)
        #expect(distribution.q3 == 3.25)
        #expect(distribution.interquartileRange == 1.5)
        #expect(distribution.count == 4)
        // Odd count: the quartiles fall on values.
        let odd = try #require(ComparisonDistribution([10, 50, 20, 40, 30]))
        #expect((odd.q1, odd.median, odd.q3) == (20, 30, 40))
        // h = 6 × 0.25 = 1.5: halfway between the 2nd and 3rd values.
        let seven = try #require(ComparisonDistribution([1, 2, 4, 8, 16, 32, 64]))
        #expect(seven.q1 == 3)
        #expect(seven.q3 == 24)
    }

    @Test func singleValueAndNone() throws {
        let one = try #require(ComparisonDistribution([7]))
        #expect((one.q1, one.median, one.q3, one.trimmedMinimum, one.trimmedMaximum) == (7, 7, 7, 7, 7))
        #expect(ComparisonDistribution([]) == nil)
        #expect(ComparisonDistribution([.nan]) == nil)
    }

    @Test func tukeyFencesTrimHighOutlier() throws {
        let distribution = try #require(ComparisonDistribution([1, 2, 3, 4, 100]))
        #expect(distribution.q1 == 2)
        #expect(distribution.q3 == 4)
        #expect(distribution.lowerFence == -1)
        #expect(distribution.upperFence == 7)
        #expect(distribution.trimmedMinimum == 1)
        #expect(distribution.trimmedMaximum == 4)
        #expect(distribution.maximum == 100)
        #expect(distribution.outlierCount == 1)
        #expect(distribution.isOutlier(100))
        #expect(!distribution.isOutlier(7))
    }

    @Test func tukeyFencesTrimLowOutlier() throws {
        // Q1 10, Q3 12, IQR 2: fences 7 and 15.
        let distribution = try #require(ComparisonDistribution([0, 10, 11, 12, 13]))
        #expect(distribution.lowerFence == 7)
        #expect(distribution.upperFence == 15)
        #expect(distribution.trimmedMinimum == 10)
        #expect(distribution.trimmedMaximum == 13)
        #expect(distribution.minimum == 0)
        #expect(distribution.outlierCount == 1)
    }
}

// MARK: Metrics

@Suite struct ComparisonMetricTests {
    @Test func closenessAndSuggestionBelowRange() {
        // Values 4, 6, 8: Q1 5, median 6, Q3 7; scale max(IQR 2, 0.5 × 6, 1) = 3.
        let values: [(page: Int, value: Double?)] = [(1, 4), (2, 6), (3, 8)]
        let far = CompetitorComparison.compare(.h2, draft: 2, values: values)
        #expect(far.position == .below)
        #expect(far.closeness == 0)
        let near = CompetitorComparison.compare(.h2, draft: 4, values: values)
        #expect(isClose(near.closeness, 1 - 1.0 / 3))
        #expect(near.suggestion == "split into 1–3 more sections (H2); competitors have 5–7")
        #expect(near.targetLower == 5)
        #expect(near.targetUpper == 7)
        let inside = CompetitorComparison.compare(.h2, draft: 6, values: values)
        #expect(inside.position == .within)
        #expect(inside.closeness == 1)
        #expect(inside.suggestion == nil)
    }

    @Test func wordsSuggestionAimsAtTheMedian() {
        let values: [(page: Int, value: Double?)] = [(1, 900), (2, 1000), (3, 1100), (4, 1200)]
        // Median 1,050: add 570 (rounded to 10) to 480.
        let metric = CompetitorComparison.compare(.words, draft: 480, values: values)
        #expect(metric.suggestion?.hasPrefix("add about 570 words") == true)
    }

    @Test func easierReadingIsNeverPenalised() {
        let values: [(page: Int, value: Double?)] = [(1, 8), (2, 9), (3, 10)]
        let easy = CompetitorComparison.compare(.readingGrade, draft: 2, values: values)
        #expect(easy.position == .below)
        #expect(easy.closeness == 1)
        #expect(easy.suggestion == nil)
        #expect(easy.targetLower == nil)
        // Q3 9.5, median 9: scale max(1, 4.5, 1) = 4.5; distance 2.5.
        let hard = CompetitorComparison.compare(.readingGrade, draft: 12, values: values)
        #expect(isClose(hard.closeness, 1 - 2.5 / 4.5))
        #expect(hard.suggestion?.contains("grade 12.0") == true)
    }

    @Test func outliersAreMarkedAndUnmeasuredPagesSkipped() {
        let values: [(page: Int, value: Double?)] = [(1, 1), (2, 2), (3, nil), (4, 3), (5, 4), (6, 100)]
        let metric = CompetitorComparison.compare(.images, draft: 3, values: values)
        #expect(metric.competitors.map(\.page) == [1, 2, 4, 5, 6])
        #expect(metric.competitors.filter(\.isOutlier).map(\.page) == [6])
        let unmeasured = CompetitorComparison.compare(.sentenceLength, draft: nil, values: values)
        #expect(unmeasured.position == nil)
    }

    @Test func structureCountsOfADocument() throws {
        let text = """
            # Title

            Intro paragraph with a [link](https://example.com) and ![alt](a.png).

            ## One

            - a thing
            - another thing

            Middle paragraph.

            1. first
            2. second

            ## Two

            ### Two point one

            > A quote.
            """
        let measure = try CompetitorComparison(
            draft: markdown(text), competitors: pages([text, text, text]), options: allTerms)
        func draft(_ metric: ComparisonMetric) -> Double? { measure.metrics.first { $0.metric == metric }?.draft }
        #expect(draft(.h2) == 2)
        #expect(draft(.h3) == 1)
        #expect(draft(.lists) == 2)
        #expect(draft(.paragraphs) == 3)
        #expect(draft(.images) == 1)
        #expect(draft(.links) == 1)
    }
}

// MARK: Terms

@Suite struct ComparisonTermTests {
    static let competitors = [
        """
        A sourdough starter needs flour and water. Feed the starters every day with 50 g of flour in 2024.
        Click subscribe for our newsletter.
        """,
        """
        Your starter likes rye flour. Some starters smell sour, and a starter is alive.
        Click subscribe for our newsletter.
        """,
        """
        Keep the starter warm, about 24 degrees. Flour matters.
        Click subscribe for our newsletter.
        """,
    ]

    @Test func stemmingGroupsWordFormsAndCountsPages() throws {
        let comparison = try CompetitorComparison(
            draft: markdown("Nothing to see here at all."), competitors: pages(Self.competitors), options: allTerms)
        let starter = try #require(comparison.terms.first { $0.key == "starter" })
        #expect(starter.documentFrequency == 3)
        #expect(starter.forms == ["starter", "starters"])
        #expect(starter.term == "starter")
        #expect(starter.usage.map(\.page) == [1, 2, 3])
        #expect(starter.usage.map(\.count) == [2, 3, 1])
        #expect(starter.status == .missing)
        // Per 1,000 words: occurrences over the page's words.
        let first = comparison.competitors[0]
        #expect(isClose(starter.usage[0].perThousandWords, 2.0 / Double(first.words) * 1000))
        // "sourdough starter" and "rye flour" are on one page only.
        #expect(!comparison.terms.contains { $0.key == "sourdough starter" })
        #expect(!comparison.terms.contains { $0.key == "rye flour" })
        let flour = try #require(comparison.terms.first { $0.key == "flour" })
        #expect(flour.documentFrequency == 3)
        #expect(flour.usage.map(\.count) == [2, 1, 1])
    }

    @Test func edgesNumbersAndStopTermsAreExcluded() throws {
        let comparison = try CompetitorComparison(
            draft: markdown("Nothing to see here at all."), competitors: pages(Self.competitors), options: allTerms)
        #expect(!comparison.terms.isEmpty)
        for term in comparison.terms {
            let words = term.term.split(separator: " ").map(String.init)
            #expect(!EnglishLexicon.shared.entry(words.first!).has(.functionWord), "\(term.term)")
            #expect(!EnglishLexicon.shared.entry(words.last!).has(.functionWord), "\(term.term)")
            #expect(words.allSatisfy { word in word.count > 1 && !word.contains { $0.isNumber } }, "\(term.term)")
            #expect(!words.contains("newsletter") && !words.contains("subscribe") && !words.contains("click"), "\(term.term)")
        }
        #expect(!comparison.terms.contains { $0.key == "the starter" })
    }

    @Test func functionWordsMayStandInside() throws {
        let text = "Mix flour and water. Mix again."
        let comparison = try CompetitorComparison(draft: markdown("Other words."), competitors: pages([text, text, text]), options: allTerms)
        #expect(comparison.terms.contains { $0.term == "flour and water" })
        #expect(!comparison.terms.contains { $0.term == "flour and" || $0.term == "and water" })
    }

    @Test func shorterTermsInsideLongerOnesAreCovered() throws {
        let texts = [
            "Lactic acid bacteria make the bread sour. Bacteria are everywhere.",
            "The lactic acid bacteria thrive in warm dough.",
            "Lactic acid bacteria need food.",
        ]
        let comparison = try CompetitorComparison(draft: markdown("Nothing here."), competitors: pages(texts), options: allTerms)
        let long = try #require(comparison.terms.first { $0.key == "lactic acid bacteria" })
        #expect(long.covers.contains("lactic acid"))
        #expect(long.covers.contains("lactic"))
        #expect(!comparison.terms.contains { $0.key == "lactic acid" })
        // "bacteria" alone on one page only: still fewer than the 2 pages needed.
        #expect(!comparison.terms.contains { $0.key == "bacteria" })
        #expect(long.covers.contains("bacteria"))

        // Once two pages use it on its own, it is a term again, and counts every occurrence.
        let more = texts + ["Bacteria like warmth; lactic acid bacteria most of all."]
        let again = try CompetitorComparison(draft: markdown("Nothing here."), competitors: pages(more), options: allTerms)
        let bacteria = try #require(again.terms.first { $0.key == "bacteria" })
        #expect(bacteria.usage.map(\.count) == [2, 1, 1, 2])
    }

    @Test func draftStatusAgainstTheRange() throws {
        // Pages of 10 words using "hydration" 1, 2 and 3 times: 100, 200, 300 per 1,000 words.
        let texts = [
            "Hydration matters a lot for every single loaf you bake.",
            "Hydration and more hydration matter for each loaf you bake.",
            "Hydration, hydration and hydration matter for each loaf we bake.",
        ]
        let comparison = try CompetitorComparison(draft: markdown("Hydration is one word among twenty words in this draft, which talks about many other things too, such as bread."), competitors: pages(texts), options: allTerms)
        let term = try #require(comparison.terms.first { $0.key == "hydrat" })
        #expect(term.usage.map(\.count) == [1, 2, 3])
        #expect(term.distribution.q1 == term.usage[0].perThousandWords / 2 + term.usage[1].perThousandWords / 2)
        #expect(term.draftCount == 1)
        #expect(term.status == .underUsed)
        #expect(comparison.score.contributions.first { $0.name == "hydration" }?.advice?.hasPrefix("use \"hydration\" more") == true)

        let stuffed = try CompetitorComparison(draft: markdown("Hydration hydration hydration hydration hydration."), competitors: pages(texts), options: allTerms)
        #expect(stuffed.terms.first { $0.key == "hydrat" }?.status == .overUsed)
    }

    @Test func subheadingTermsAreSectionCandidates() throws {
        let texts = [
            "## Storing the starter\n\nKeep it cold. The fridge works well for storing.",
            "## Storing your starter\n\nThe fridge is fine for storing.",
            "## Feeding\n\nStoring it in the fridge slows it down.",
        ]
        let comparison = try CompetitorComparison(draft: markdown("## Storing\n\nNothing."), competitors: pages(texts), options: allTerms)
        let storing = try #require(comparison.terms.first { $0.key == "store" })
        #expect(storing.subheadingPages == [1, 2])
        #expect(storing.isSectionCandidate)
        #expect(storing.draftInHeading)
        let fridge = try #require(comparison.terms.first { $0.key == "fridg" })
        #expect(fridge.subheadingPages.isEmpty)
        #expect(!fridge.isSectionCandidate)
    }
}

// MARK: Background frequency

@Suite struct BackgroundFrequencyTests {
    static let table = BackgroundFrequency(table: "# comment\ncommon\t1000\ncommons\t500\nrare\t2\nthe\t40000\n")

    @Test func frequenciesAreSummedByStem() {
        #expect(Self.table.frequency(ofStem: "common") == 1500)
        #expect(Self.table.minimumFrequency == 2)
        #expect(Self.table.frequency(ofStem: "unheard") == 2)
        #expect(isClose(Self.table.inverseFrequency(ofStem: "common"), log(1_000_000 / 1500.0)))
        #expect(isClose(Self.table.inverseFrequency(ofStem: "unheard"), log(1_000_000 / 2.0)))
    }

    @Test func termsAverageTheirContentWords() {
        let idf = Self.table.inverseFrequency(stems: ["common", "the", "rare"], isFunctionWord: [false, true, false])
        #expect(isClose(idf, (log(1_000_000 / 1500.0) + log(1_000_000 / 2.0)) / 2))
    }

    @Test func embeddedTable() {
        let shared = BackgroundFrequency.shared
        #expect(shared.wordCount == 30_000)
        #expect(isClose(shared.minimumFrequency, 0.688))
        #expect(shared.inverseFrequency(ofStem: "the") < 4)
        #expect(isClose(shared.inverseFrequency(ofStem: "zzzqqq"), log(1_000_000 / 0.688)))
        #expect(shared.inverseFrequency(ofStem: EnglishStemmer.stem("hydration")) > shared.inverseFrequency(ofStem: EnglishStemmer.stem("water")))
    }

    @Test func weightIsShareTimesInverseFrequency() throws {
        let texts = ["Common and rare.", "Common, rare.", "Only common here."]
        let comparison = try CompetitorComparison(
            draft: markdown("Nothing."), competitors: pages(texts), options: allTerms, background: Self.table)
        let rare = try #require(comparison.terms.first { $0.key == "rare" })
        #expect(rare.documentFrequency == 2)
        #expect(isClose(rare.weight, 2.0 / 3.0 * log(1_000_000 / 2.0)))
        let common = try #require(comparison.terms.first { $0.key == "common" })
        #expect(isClose(common.weight, 1.0 * log(1_000_000 / 1500.0)))
        // Ranked by weight.
        #expect(comparison.terms.map(\.weight) == comparison.terms.map(\.weight).sorted(by: >))
    }
}

// MARK: Heading topics

@Suite struct ComparisonTopicTests {
    static let texts = [
        "## Storing your starter in the fridge\n\nText.\n\n## Feeding schedule\n\nText.",
        "## Storing a starter in the fridge\n\nText.\n\n## Troubleshooting\n\nText.",
        "## How to store a starter in the fridge\n\nText.\n\n## 3. Feeding schedule and ratios\n\nText.",
    ]

    @Test func jaccard() {
        #expect(CompetitorComparison.jaccard(["a", "b"], ["b", "c"]) == 1.0 / 3)
        #expect(CompetitorComparison.jaccard([], []) == 0)
    }

    @Test func headingsMergeIntoTopics() throws {
        let draft = try markdown("## Feeding schedule\n\nStore your starter in the fridge.\n\n## Keeping it cold\n\nText.")
        let comparison = try CompetitorComparison(draft: draft, competitors: pages(Self.texts), options: allTerms)
        #expect(comparison.topics.count == 2)
        let storing = try #require(comparison.topics.first)
        #expect(storing.pages == [1, 2, 3])
        #expect(storing.headings.count == 3)
        #expect(storing.keyTerms.contains("fridge"))
        #expect(storing.coverage == .text)
        let feeding = try #require(comparison.topics.last)
        #expect(feeding.pages == [1, 3])
        #expect(feeding.label == "Feeding schedule")
        #expect(feeding.coverage == .heading)
        #expect(feeding.draftHeading == "Feeding schedule")
        // A single page's heading is not a shared topic.
        #expect(!comparison.topics.contains { $0.label == "Troubleshooting" })
    }

    @Test func missingTopicAndLeadingNumbers() throws {
        let comparison = try CompetitorComparison(draft: markdown("## Other\n\nNothing."), competitors: pages(Self.texts), options: allTerms)
        #expect(comparison.topics.allSatisfy { $0.coverage == .missing })
        #expect(CompetitorComparison.withoutLeadingNumber("3. Feeding schedule") == "Feeding schedule")
        #expect(CompetitorComparison.withoutLeadingNumber("10) Ten") == "Ten")
        #expect(CompetitorComparison.withoutLeadingNumber("24 hours later") == "24 hours later")
        #expect(CompetitorComparison.withoutLeadingNumber("4 – Four") == "Four")
        #expect(CompetitorComparison.withoutLeadingNumber("Day 3") == "Day 3")
    }

    @Test func pageOrderDoesNotChangeTopics() throws {
        let draft = try markdown("## Feeding schedule\n\nText.")
        let forward = try CompetitorComparison(draft: draft, competitors: pages(Self.texts), options: allTerms)
        var reversed = try pages(Self.texts)
        reversed.reverse()
        let backward = try CompetitorComparison(draft: draft, competitors: reversed, options: allTerms)
        #expect(forward.topics == backward.topics)
        #expect(forward.json().serialized() == backward.json().serialized())
    }
}

// MARK: Score

@Suite struct ComparisonScoreTests {
    static func term(_ name: String, weight: Double, status: TermStatus, draftPer: Double = 0, usage: [Double] = [2, 4, 6]) -> TermComparison {
        TermComparison(
            rank: 1, term: name, key: name, forms: [name], length: 1, documentFrequency: 3, documentShare: 1,
            inverseFrequency: weight, weight: weight,
            usage: usage.enumerated().map { TermUsage(page: $0.offset + 1, count: 1, perThousandWords: $0.element, inSubheading: false) },
            distribution: ComparisonDistribution(usage)!, subheadingPages: [], isSectionCandidate: false,
            draftCount: draftPer > 0 ? 1 : 0, draftPerThousandWords: draftPer, draftInHeading: false, status: status, covers: [])
    }

    @Test func termCredits() {
        #expect(CompetitorComparison.credit(of: Self.term("a", weight: 1, status: .missing)) == 0)
        // Q1 of 2, 4, 6 is 3: 0.5 + 0.5 × 1.5 / 3.
        #expect(CompetitorComparison.credit(of: Self.term("a", weight: 1, status: .underUsed, draftPer: 1.5)) == 0.75)
        #expect(CompetitorComparison.credit(of: Self.term("a", weight: 1, status: .inRange, draftPer: 4)) == 1)
        // Trimmed maximum 6, usage 12.
        #expect(CompetitorComparison.credit(of: Self.term("a", weight: 1, status: .overUsed, draftPer: 12)) == 0.5)
        #expect(CompetitorComparison.credit(of: Self.term("a", weight: 1, status: .overUsed, draftPer: 600)) == 0.25)
    }

    @Test func constructedCase() {
        let values: [(page: Int, value: Double?)] = [(1, 900), (2, 1000), (3, 1100), (4, 1200)]
        // Words: Q1 975, Q3 1,125, median 1,050; scale max(150, 525, 50) = 525; draft 712.5 is 262.5 below: closeness 0.5.
        let words = CompetitorComparison.compare(.words, draft: 712.5, values: values)
        #expect(words.closeness == 0.5)
        let grade = CompetitorComparison.compare(.readingGrade, draft: 5, values: [(1, 8), (2, 9), (3, 10)])
        let score = CompetitorComparison.score(
            terms: [Self.term("hydration", weight: 3, status: .missing), Self.term("flour", weight: 1, status: .inRange, draftPer: 4)],
            metrics: [words, grade],
            placements: [PlacementCheck(placement: .titleOrH1, passed: true), PlacementCheck(placement: .introduction, passed: false)],
            hasKeyphrase: true, competitorCount: 3)
        // Terms 50: hydration worth 37.5 (earns 0), flour 12.5 (earns 12.5). Structure 20: words alone, 20 × 0.5.
        // Readability 10: grade alone, full. Keyphrase 20: title 20 × 8/14, introduction 20 × 6/14 (missed).
        let expected = 12.5 + 10 + 10 + 20.0 * 8 / 14
        #expect(isClose(score.total, expected))
        #expect(score.value == 44)
        #expect(score.components.map(\.component) == [.terms, .structure, .readability, .keyphrase])
        #expect(isClose(score.components.reduce(0) { $0 + $1.maximum }, 100))
        #expect(isClose(score.contributions.reduce(0) { $0 + $1.points }, score.total))
        #expect(score.gaps.map(\.name) == ["hydration", "words", "introduction"])
        #expect(isClose(score.gaps[0].missing, 37.5))
        #expect(isClose(score.gaps[2].missing, 20.0 * 6 / 14))
    }

    @Test func withoutKeyphraseTheOtherPartsScaleUp() {
        let score = CompetitorComparison.score(
            terms: [Self.term("flour", weight: 1, status: .inRange, draftPer: 4)], metrics: [], placements: [],
            hasKeyphrase: false, competitorCount: 3)
        #expect(score.components.map(\.component) == [.terms])
        #expect(score.components[0].maximum == 100)
        #expect(score.value == 100)
    }

    @Test func aDraftLikeItsCompetitorsScoresFull() throws {
        let text = """
            ---
            title: Feeding a sourdough starter
            ---

            Feeding a sourdough starter takes flour, water and a warm kitchen. Discard half, then feed.

            ## Hydration

            Hydration is the ratio of water to flour. Rye flour ferments fast.

            - Weigh the flour.
            - Weigh the water.
            """
        let comparison = try CompetitorComparison(
            draft: markdown(text), competitors: pages([text, text, text]), keyphrases: ["sourdough starter"], options: allTerms)
        #expect(comparison.placements.allSatisfy { $0.passed })
        #expect(comparison.terms.allSatisfy { $0.status == .inRange })
        #expect(comparison.metrics.allSatisfy { $0.closeness == 1 })
        #expect(comparison.score.value == 100)
        #expect(comparison.score.gaps.isEmpty)
    }
}

// MARK: Corpus, determinism, robustness

@Suite struct ComparisonCorpusTests {
    static func sourdough(shuffled: Bool = false) throws -> CompetitorComparison {
        let folder = Repository.path("Corpora/competitors/sourdough-starter/pages")
        var loaded = try ComparisonPages.load(folder: folder)
        if shuffled { loaded.pages.reverse() }
        let draft = try DocumentReader().read(path: Repository.path("Corpora/competitors/sourdough-starter/draft.md"))
        return try CompetitorComparison(draft: draft, competitors: loaded.pages, leftOut: loaded.leftOut)
    }

    @Test func sourdoughDraftMissesTheSharedSubtopics() throws {
        let loaded = try ComparisonPages.load(folder: Repository.path("Corpora/competitors/sourdough-starter/pages"))
        #expect(loaded.pages.count == 7)
        #expect(loaded.leftOut.isEmpty)
        let comparison = try Self.sourdough()
        #expect(comparison.competitors.count == 7)
        #expect(comparison.competitors.map(\.rank) == [1, 2, 3, 4, 5, 6, 7])
        #expect(comparison.keyphrases == ["sourdough starter"])
        let missing = Set(comparison.terms.filter { $0.status == .missing }.map(\.term))
        for expected in ["hydration", "rye", "discard", "temperature", "hooch", "fridge", "ratio"] {
            #expect(missing.contains(expected), "\(expected) should be missing: \(missing.sorted())")
        }
        let words = try #require(comparison.metrics.first { $0.metric == .words })
        #expect(words.position == .below)
        #expect(comparison.topics.contains { $0.keyTerms.contains("discard") && $0.coverage == .missing })
        #expect((1...99).contains(comparison.score.value))
        // Every gap's advice is there, and the gaps are ordered by the points they add.
        let gaps = comparison.score.gaps
        #expect(!gaps.isEmpty)
        #expect(gaps.allSatisfy { $0.advice != nil })
        #expect(zip(gaps, gaps.dropFirst()).allSatisfy { ($0.missing * 100).rounded() >= ($1.missing * 100).rounded() })
        let text = ComparisonTextReport.render(comparison)
        #expect(text.contains("Content score: \(comparison.score.value)/100"))
        #expect(text.contains("add \"rye\""))
    }

    @Test func sameInputsSameBytes() throws {
        let first = try Self.sourdough().json().pretty()
        let second = try Self.sourdough(shuffled: true).json().pretty()
        #expect(first == second)
        let third = try Self.sourdough()
        #expect(ComparisonTextReport.render(third) == ComparisonTextReport.render(try Self.sourdough(shuffled: true)))
    }

    @Test func sevenPagesInWellUnderASecond() throws {
        _ = BackgroundFrequency.shared
        _ = ComparisonStopTerms.shared
        let folder = Repository.path("Corpora/competitors/sourdough-starter/pages")
        let loaded = try ComparisonPages.load(folder: folder)
        let draft = try DocumentReader().read(path: Repository.path("Corpora/competitors/sourdough-starter/draft.md"))
        let clock = ContinuousClock()
        let elapsed = try clock.measure {
            _ = try CompetitorComparison(draft: draft, competitors: loaded.pages).json().pretty()
        }
        // Generous for a loaded debug machine; typically a small fraction of this.
        #expect(elapsed < .seconds(2), "\(elapsed)")
    }

    @Test func hostilePagesDoNotBreakAnything() throws {
        let bytes = try Repository.bytes("Corpora/competitors/hostile/01-hostile-page.html")
        let competitors = try (1...3).map { (index: Int) in try ComparisonPages.page(bytes: bytes, source: "0\(index)-hostile.html", rank: index) }
        let draft = try DocumentReader().read(path: Repository.path("Corpora/competitors/sourdough-starter/draft.md"))
        let comparison = try CompetitorComparison(draft: draft, competitors: competitors)
        let text = ComparisonTextReport.render(comparison)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(!text.unicodeScalars.contains { (0x202A...0x202E).contains($0.value) || $0.value == 0x2028 })
        let json = comparison.json().serialized()
        #expect(!json.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x2028 })
    }

    @Test func emptyDraftStillCompares() throws {
        let texts = ComparisonTermTests.competitors
        let comparison = try CompetitorComparison(draft: markdown(""), competitors: pages(texts), keyphrases: ["starter"], options: allTerms)
        #expect(comparison.draft.words == 0)
        #expect(comparison.terms.allSatisfy { $0.status == .missing && $0.draftPerThousandWords == 0 })
        #expect(comparison.metrics.first { $0.metric == .sentenceLength }?.draft == nil)
        // Readability cannot be measured: its points go to the other components.
        #expect(!comparison.score.components.contains { $0.component == .readability })
        #expect(isClose(comparison.score.components.reduce(0) { $0 + $1.maximum }, 100))
        #expect(comparison.placements.allSatisfy { !$0.passed })
        _ = ComparisonTextReport.render(comparison)
        _ = comparison.json().pretty()
    }

    @Test func fewerThanThreePages() throws {
        let draft = try markdown("Draft.")
        #expect(throws: ComparisonError.tooFewCompetitors(count: 2)) {
            try CompetitorComparison(draft: draft, competitors: pages(["One page.", "Two pages."]))
        }
        #expect(ComparisonError.tooFewCompetitors(count: 2).description == "compare needs at least 3 competitor pages; 2 could be read")
    }

    @Test func loaderRanksAndLeavesOutThinPages() throws {
        #expect(ComparisonPages.rank(fromFileName: "07-millstone.html") == 7)
        #expect(ComparisonPages.rank(fromFileName: "12_page.htm") == 12)
        #expect(ComparisonPages.rank(fromFileName: "page.html") == nil)
        #expect(ComparisonPages.rank(fromFileName: "2024report.html") == nil)
        let directory = try TemporaryDirectory()
        _ = try directory.write("01-thin.html", "<html><body><p>Too short to count.</p></body></html>")
        _ = try directory.write("02-binary.html", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64))
        _ = try directory.write("notes.json", "{}")
        let loaded = try ComparisonPages.load(folder: directory.path)
        #expect(loaded.pages.isEmpty)
        #expect(loaded.leftOut.map { $0.source.split(separator: "/").last.map(String.init) ?? "" } == ["01-thin.html", "02-binary.html"])
        #expect(loaded.leftOut[0].reason.hasPrefix("no main content found ("))
    }
}
