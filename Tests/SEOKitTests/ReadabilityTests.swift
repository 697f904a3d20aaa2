import SEOKitTestSupport
import Testing
@testable import SEOKit

/// Readability formulas on short texts whose counts were worked out by hand.
///
/// Each text lists its counts word by word in a comment; the expected scores are those counts
/// put through the published formulas (worked out by hand and checked with a calculator), so
/// a wrong count and a wrong formula both show.
@Suite struct ReadabilityTests {
    static func stats(_ text: String, _ format: InputFormat = .text) throws -> TextStatistics {
        try Analysed(text, format).statistics
    }

    static func expectClose(_ result: FormulaResult, _ expected: Double, _ name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        guard let value = result.value else {
            Issue.record("\(name): no value (\(result.reason ?? "no reason"))", sourceLocation: sourceLocation)
            return
        }
        #expect(abs(value - expected) < 0.01, "\(name): \(value), expected \(expected)", sourceLocation: sourceLocation)
    }

    // MARK: Text A: two short sentences of one-syllable words (and one of two)

    /// The cat sat on the mat. It was a sunny day.
    ///
    /// | sentence | words (syllables, letters) |
    /// | 1 | The (1,3) cat (1,3) sat (1,3) on (1,2) the (1,3) mat (1,3) |
    /// | 2 | It (1,2) was (1,3) a (1,1) sunny (2,5) day (1,3) |
    ///
    /// W = 11, S = 2, Sy = 12, letters = characters = 31; no word of 3+ syllables, none over 6
    /// letters; every word is on the Dale–Chall list.
    static let textA = "The cat sat on the mat. It was a sunny day."

    @Test func textACounts() throws {
        let stats = try Self.stats(Self.textA)
        #expect(stats.words == 11)
        #expect(stats.sentences == 2)
        #expect(stats.syllables == 12)
        #expect(stats.letters == 31)
        #expect(stats.characters == 31)
        #expect(stats.polysyllables == 0)
        #expect(stats.complexWords == 0)
        #expect(stats.longWords == 0)
        #expect(stats.difficultWords == 0)
        #expect(stats.monosyllables == 10)
        #expect(stats.paragraphs == 1)
        #expect(stats.longestSentenceWords == 6)
    }

    @Test func textAFormulas() throws {
        let readability = Readability(try Self.stats(Self.textA))
        // W/S = 5.5, Sy/W = 12/11 = 1.090909
        // Flesch: 206.835 − 1.015 × 5.5 − 84.6 × 1.090909 = 206.835 − 5.5825 − 92.290909 = 108.961591
        Self.expectClose(readability.fleschReadingEase, 108.9616, "Flesch")
        // FK: 0.39 × 5.5 + 11.8 × 1.090909 − 15.59 = 2.145 + 12.872727 − 15.59 = −0.572273
        Self.expectClose(readability.fleschKincaidGrade, -0.5723, "Flesch–Kincaid")
        // Fog: 0.4 × (5.5 + 100 × 0/11) = 2.2
        Self.expectClose(readability.gunningFog, 2.2, "Fog")
        // Coleman–Liau: L = 31/11 × 100 = 281.8182, S′ = 2/11 × 100 = 18.1818
        // 0.0588 × 281.8182 − 0.296 × 18.1818 − 15.8 = 16.570909 − 5.381818 − 15.8 = −4.610909
        Self.expectClose(readability.colemanLiau, -4.6109, "Coleman–Liau")
        // ARI: 4.71 × 31/11 + 0.5 × 5.5 − 21.43 = 13.273636 + 2.75 − 21.43 = −5.406364
        Self.expectClose(readability.automatedReadabilityIndex, -5.4064, "ARI")
        // Dale–Chall: 0% difficult, no adjustment: 0.0496 × 5.5 = 0.2728
        Self.expectClose(readability.daleChall, 0.2728, "Dale–Chall")
        // Linsear Write: r = (11 + 3 × 0)/2 = 5.5 ≤ 20 → (5.5 − 2)/2 = 1.75
        Self.expectClose(readability.linsearWrite, 1.75, "Linsear Write")
        // LIX: 5.5 + 100 × 0/11 = 5.5
        Self.expectClose(readability.lix, 5.5, "LIX")
        // Two sentences: no SMOG.
        #expect(readability.smog.value == nil)
        #expect(readability.smog.reason == "SMOG needs at least 3 sentences (30 recommended)")
        // 11 words at 238 per minute = 2.77 s, rounded up.
        #expect(readability.readingTimeSeconds == 3)
    }

    // MARK: Text B: long words, a proper noun, a hyphenated compound, an -ed word

    /// Beautiful gardens need attention. The children played outside. We visited Canada
    /// yesterday. Everybody enjoyed the well-organized picnic.
    ///
    /// | sentence | words (syllables, letters) |
    /// | 1 | Beautiful (3,9) gardens (2,7) need (1,4) attention (3,9) |
    /// | 2 | The (1,3) children (2,8) played (1,6) outside (2,7) |
    /// | 3 | We (1,2) visited (3,7) Canada (3,6) yesterday (3,9) |
    /// | 4 | Everybody (4,9) enjoyed (2,7) the (1,3) well-organized (4,13) picnic (2,6) |
    ///
    /// W = 17, S = 4, Sy = 9 + 6 + 10 + 13 = 38, letters = 29 + 24 + 24 + 38 = 115.
    /// Polysyllables (3+): Beautiful, attention, visited, Canada, yesterday, Everybody,
    /// well-organized = 7. Gunning's complex words leave out Canada (proper noun), well-organized
    /// (hyphenated) and visited (3 only through -ed): Beautiful, attention, yesterday, Everybody = 4
    /// (capitals at the start of a sentence are not proper nouns). Over 6 letters: Beautiful,
    /// gardens, attention, children, outside, visited, yesterday, Everybody, enjoyed,
    /// well-organized = 10. Dale–Chall: gardens, played, visited, enjoyed are regular forms of
    /// listed words, Canada is a proper noun; "organized" is not familiar, so well-organized is
    /// the one difficult word.
    static let textB = "Beautiful gardens need attention. The children played outside. We visited Canada yesterday. Everybody enjoyed the well-organized picnic."

    @Test func textBCounts() throws {
        let stats = try Self.stats(Self.textB)
        #expect(stats.words == 17)
        #expect(stats.sentences == 4)
        #expect(stats.syllables == 38)
        #expect(stats.letters == 115)
        #expect(stats.characters == 115)
        #expect(stats.polysyllables == 7)
        #expect(stats.complexWords == 4)
        #expect(stats.longWords == 10)
        #expect(stats.difficultWords == 1)
        #expect(stats.longestSentenceWords == 5)
    }

    @Test func textBFormulas() throws {
        let readability = Readability(try Self.stats(Self.textB))
        // W/S = 17/4 = 4.25, Sy/W = 38/17 = 2.235294
        // Flesch: 206.835 − 4.31375 − 189.105882 = 13.415368
        Self.expectClose(readability.fleschReadingEase, 13.4154, "Flesch")
        // FK: 1.6575 + 26.376471 − 15.59 = 12.443971
        Self.expectClose(readability.fleschKincaidGrade, 12.4440, "Flesch–Kincaid")
        // Fog: 0.4 × (4.25 + 100 × 4/17) = 0.4 × (4.25 + 23.529412) = 11.111765
        Self.expectClose(readability.gunningFog, 11.1118, "Fog")
        // SMOG: 1.0430 × √(7 × 30/4) + 3.1291 = 1.0430 × √52.5 + 3.1291 = 1.0430 × 7.245688 + 3.1291 = 10.686253
        Self.expectClose(readability.smog, 10.6863, "SMOG")
        // Coleman–Liau: L = 115/17 × 100 = 676.470588, S′ = 4/17 × 100 = 23.529412
        // 39.776471 − 6.964706 − 15.8 = 17.011765
        Self.expectClose(readability.colemanLiau, 17.0118, "Coleman–Liau")
        // ARI: 4.71 × 115/17 + 0.5 × 4.25 − 21.43 = 31.861765 + 2.125 − 21.43 = 12.556765
        Self.expectClose(readability.automatedReadabilityIndex, 12.5568, "ARI")
        // Dale–Chall: 1/17 = 5.882353% difficult (over 5%, so + 3.6365):
        // 0.1579 × 5.882353 + 0.0496 × 4.25 + 3.6365 = 0.928824 + 0.2108 + 3.6365 = 4.776124
        Self.expectClose(readability.daleChall, 4.7761, "Dale–Chall")
        // Linsear Write: easy 10, hard 7: r = (10 + 21)/4 = 7.75 → (7.75 − 2)/2 = 2.875
        Self.expectClose(readability.linsearWrite, 2.875, "Linsear Write")
        // LIX: 4.25 + 100 × 10/17 = 4.25 + 58.823529 = 63.073529
        Self.expectClose(readability.lix, 63.0735, "LIX")
        // 17 words: 4.29 s, rounded up.
        #expect(readability.readingTimeSeconds == 5)
    }

    // MARK: Text C: Markdown with a heading and code

    /// # Garden tips / Water the plants early. Pick ripe tomatoes daily. / (a code block)
    ///
    /// The heading is a sentence of its own; the code block counts for nothing.
    /// | sentence | words (syllables, letters) |
    /// | heading | Garden (2,6) tips (1,4) |
    /// | 1 | Water (2,5) the (1,3) plants (1,6) early (2,5) |
    /// | 2 | Pick (1,4) ripe (1,4) tomatoes (3,8) daily (2,5) |
    ///
    /// W = 10, S = 3, Sy = 3 + 6 + 7 = 16, letters = 10 + 19 + 21 = 50; tomatoes is the one
    /// polysyllable, complex word (tomato already has three) and long word; every word is familiar.
    static let textC = """
        # Garden tips

        Water the plants early. Pick ripe tomatoes daily.

        ```
        let plants = water(everything) // counting these words would be wrong
        ```
        """

    @Test func textCHeadingsCountAndCodeDoesNot() throws {
        let stats = try Self.stats(Self.textC, .markdown)
        #expect(stats.words == 10)
        #expect(stats.sentences == 3)
        #expect(stats.syllables == 16)
        #expect(stats.letters == 50)
        #expect(stats.paragraphs == 1)
        #expect(stats.polysyllables == 1)
        #expect(stats.complexWords == 1)
        #expect(stats.longWords == 1)
        #expect(stats.difficultWords == 0)
        let readability = Readability(stats)
        // W/S = 10/3 = 3.333333, Sy/W = 1.6
        // Flesch: 206.835 − 3.383333 − 135.36 = 68.091667
        Self.expectClose(readability.fleschReadingEase, 68.0917, "Flesch")
        // SMOG: 1.0430 × √(1 × 30/3) + 3.1291 = 1.0430 × 3.162278 + 3.1291 = 6.427256
        Self.expectClose(readability.smog, 6.4273, "SMOG")
        // Fog: 0.4 × (3.333333 + 100 × 1/10) = 5.333333
        Self.expectClose(readability.gunningFog, 5.3333, "Fog")
    }

    @Test func codeAddsNothing() throws {
        let withCode = try Self.stats("Plain words here.\n\n```\nmany more words inside the code\n```\n\n    indented code words\n", .markdown)
        let without = try Self.stats("Plain words here.\n", .markdown)
        #expect(withCode == without)
    }

    @Test func htmlPreAddsNothing() throws {
        let withCode = try Self.stats("<p>Plain words here.</p><pre>many more words</pre>", .html)
        let without = try Self.stats("<p>Plain words here.</p>", .html)
        #expect(withCode == without)
    }

    @Test func headingsListItemsAndCellsAreSentences() throws {
        let stats = try Self.stats("# Title\n\nThe cat sat.\n\n- one item\n- two\n\n| a | b |\n|---|---|\n", .markdown)
        #expect(stats.sentences == 6)
        #expect(stats.paragraphs == 3)
    }

    // MARK: Gunning's complex words

    /// We met Elizabeth in Minneapolis. Everybody agreed. They created a well-organized,
    /// up-to-date plan. Recording relaxes everyone.
    ///
    /// 3+ syllables: Elizabeth, Minneapolis (proper nouns), Everybody (first word, counts),
    /// created (-ed), well-organized, up-to-date (hyphenated), Recording (-ing), relaxes (-es),
    /// everyone (counts) = 9 polysyllables, 2 complex words.
    @Test func complexWordExclusions() throws {
        let stats = try Self.stats("We met Elizabeth in Minneapolis. Everybody agreed. They created a well-organized, up-to-date plan. Recording relaxes everyone.")
        #expect(stats.polysyllables == 9)
        #expect(stats.complexWords == 2)
    }

    @Test(arguments: [
        ("The beautiful garden grew.", 1),       // 3 syllables, no suffix: complex
        ("The garden was beautiful.", 1),
        ("They decorated the hall.", 1),          // decorate already has 3
        ("They created the hall.", 0),            // create has 2
        ("The boxes arrived.", 0),                // 2 syllables only
        ("Everybody came.", 1),                   // a capital at the start is not a proper noun
        ("We saw Everybody there.", 0),           // ... but in the middle it is
        ("An up-to-date, well-organized plan.", 0),
    ])
    func complexWords(text: String, expected: Int) throws {
        #expect(try Self.stats(text).complexWords == expected)
    }

    // MARK: Dale–Chall familiarity

    /// Every occurrence of an unfamiliar word counts, not each distinct word once.
    /// "The algorithm failed. The algorithm worked. Another algorithm won." — 9 words, 3 sentences,
    /// "algorithm" three times: 33.33% difficult.
    @Test func daleChallCountsEveryOccurrence() throws {
        let stats = try Self.stats("The algorithm failed. The algorithm worked. Another algorithm won.")
        #expect(stats.words == 9)
        #expect(stats.difficultWords == 3)
        // 0.1579 × 33.333333 + 0.0496 × 3 + 3.6365 = 5.263333 + 0.1488 + 3.6365 = 9.048633
        Self.expectClose(Readability(stats).daleChall, 9.0486, "Dale–Chall")
    }

    /// Regular inflections of listed words are familiar: plurals, -ed, -ing (with doubled
    /// consonants and dropped e), -er, -est, possessives and contractions.
    @Test(arguments: [
        "The dogs played and jumped.",
        "The boys were running and laughing.",
        "Cats climbed taller trees.",
        "The ladies cried and hurried home.",
        "She smiled, hoping for the biggest cake.",
        "The boy's dog isn't here.",
        "Grandmother's well-known apple pie.",
        // Typographic apostrophes and hyphens read as the ASCII ones.
        "The boy’s dog isn’t here.",
        "Grandmotherʼs well‑known apple pie.",
    ])
    func inflectionsOfFamiliarWordsAreFamiliar(text: String) throws {
        #expect(try Self.stats(text).difficultWords == 0)
    }

    @Test(arguments: [
        ("The photosynthesis works.", 1),
        ("Municipal budgets grew.", 2),           // municipal, budgets (budget is not listed)
        ("Visit Lisbon and Porto.", 0),           // proper nouns are familiar
        ("We met 300 people.", 0),                // numbers are familiar
        ("A photosynthesis-driven plan.", 1),     // a compound with an unfamiliar part
        ("The photosynthesis’s steps.", 1),       // a possessive of an unfamiliar word
    ])
    func difficultWords(text: String, expected: Int) throws {
        #expect(try Self.stats(text).difficultWords == expected)
    }

    // MARK: Too short for a formula

    @Test func emptyTextHasNoScores() throws {
        let readability = Readability(try Self.stats(""))
        for (name, result) in readability.all {
            #expect(result.value == nil, "\(name)")
            #expect(result.reason == "no words", "\(name)")
        }
        #expect(readability.readingTimeSeconds == 0)
    }

    @Test func punctuationOnlyHasNoScores() throws {
        let readability = Readability(try Self.stats("— … !!! 🙂"))
        #expect(readability.all.allSatisfy { $0.result.value == nil })
    }

    @Test func wordsWithoutSentences() {
        var stats = TextStatistics()
        stats.words = 5
        stats.syllables = 5
        let readability = Readability(stats)
        #expect(readability.fleschReadingEase == .unavailable("no sentences"))
        #expect(readability.smog.reason == "no sentences")
    }

    @Test(arguments: [1, 2, 3, 30])
    func smogNeedsThreeSentences(sentences: Int) throws {
        let text = Array(repeating: "Elephants remember everything.", count: sentences).joined(separator: " ")
        let stats = try Self.stats(text)
        #expect(stats.sentences == sentences)
        let smog = Readability(stats).smog
        if sentences < 3 {
            #expect(smog.value == nil)
            #expect(smog.reason?.contains("3 sentences") == true)
        } else {
            // 3 polysyllables per sentence (el-e-phants, re-mem-ber, ev-ery-thing):
            // √(3S × 30/S) = √90 whatever S is: 1.0430 × 9.486833 + 3.1291 = 13.023766.
            #expect(stats.polysyllables == 3 * sentences)
            Self.expectClose(smog, 13.0238, "SMOG")
        }
    }

    // MARK: Reading time and grades

    @Test(arguments: [(0, 0), (1, 1), (238, 60), (239, 61), (476, 120), (1000, 253)])
    func readingTime(words: Int, seconds: Int) {
        var stats = TextStatistics()
        stats.words = words
        stats.sentences = max(1, words / 10)
        #expect(Readability(stats).readingTimeSeconds == seconds)
    }

    @Test(arguments: [(4.9, "4 and below"), (5.0, "5–6"), (6.5, "7–8"), (7.9, "9–10"), (8.0, "11–12"), (9.99, "13–15 (college)"), (10.0, "16 and above (graduate)")])
    func daleChallGrades(score: Double, grade: String) {
        #expect(Readability.daleChallGrade(score) == grade)
    }

    @Test func longSentences() throws {
        let long = "Many " + Array(repeating: "word", count: 20).joined(separator: " ") + "."
        let twenty = "Many " + Array(repeating: "word", count: 19).joined(separator: " ") + "."
        let stats = try Self.stats(long + " " + twenty + " Short one.")
        #expect(stats.longSentences == 1)
        #expect(stats.longestSentenceWords == 21)
    }

    // MARK: Document statistics

    @Test func jsonFieldsForTextA() throws {
        let document = try Read.document(Self.textA, .text, path: "a.txt")
        let fields = DocumentStatistics(document: document).jsonFields
        #expect(fields.map(\.0) == [
            "path", "format", "words", "sentences", "syllables", "paragraphs", "characters", "letters", "complexWords",
            "polysyllables", "longWords", "difficultWords", "longSentences", "averageSentenceLength", "fleschReadingEase",
            "fleschKincaidGrade", "gunningFog", "smog", "colemanLiau", "automatedReadabilityIndex", "daleChall", "linsearWrite",
            "lix", "readingTimeSeconds", "unavailable", "notes",
        ])
        let values = Dictionary(uniqueKeysWithValues: fields)
        #expect(values["path"] == .string("a.txt"))
        #expect(values["format"] == .string("text"))
        #expect(values["words"] == .int(11))
        #expect(values["averageSentenceLength"] == .double(5.5))
        #expect(values["fleschReadingEase"] == .double(108.96))
        #expect(values["fleschKincaidGrade"] == .double(-0.57))
        #expect(values["smog"] == .null)
        #expect(values["unavailable"] == .object([("smog", .string("SMOG needs at least 3 sentences (30 recommended)"))]))
        #expect(values["notes"] == .array([]))
    }

    /// The streaming statistics (block by block) and the ones from a full analysis agree.
    @Test(arguments: Repository.files(in: "Corpora/drafts", extensions: ["md", "mdx", "html", "txt"]))
    func streamingAndFullStatisticsAgree(path: String) throws {
        let document = try DocumentReader().read(path: path)
        let full = TextStatistics(document: document, analysis: TextAnalysis(document: document))
        let streamed = TextStatistics(document: document)
        #expect(full == streamed)
        #expect(full.words > 100)
    }
}
