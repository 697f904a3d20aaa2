/// Sentences that are hard or very hard to read, Hemingway-style.
struct HardSentenceRule: Rule {
    static let description = RuleDescription(
        id: "readability.hard-sentence",
        name: "Hard sentences",
        category: .readability,
        defaultSeverity: .warning,
        summary: "Marks sentences that are hard (info) or very hard (warning) to read, by their own reading grade.",
        rationale: """
            The Hemingway Editor marks sentences that are hard to read in yellow and very hard in \
            red, and grades text with the Automated Readability Index (its help page). SEOKit \
            grades each sentence alone with ARI (Smith & Senter 1967), so anyone can check it: \
            grade = 4.71 × characters ÷ words + 0.5 × words − 21.43, with characters the letters \
            and digits of its words. A sentence of at least `min-words` words (14) is hard from \
            grade `hard-grade` (10) and very hard from `very-hard-grade` (14): a 20-word sentence \
            of average 5-letter words is grade 12, a 30-word one is grade 17. ARI needs no \
            syllable guess, so the grade depends only on the words as written.

            Every hard sentence of body text (paragraphs, list items, quotes) is marked, as \
            Hemingway does: very hard ones as warnings, hard ones as infos (`report-hard` false \
            marks only the very hard). The score counts the share of body sentences that are hard \
            or very hard: good up to `max-percent` (15%), ok up to `bad-percent` (25%), bad above. \
            Hemingway publishes no target, so these bands are SEOKit's, set on the project's sample \
            articles (Corpora/drafts): the good ones stay under 5%, the weak ones reach 17–24% and \
            the wall of text 76%. The weight is half a check because sentence length and Flesch \
            Reading Ease already weigh long sentences.
            """,
        score: .readability,
        weight: 0.5,
        options: [
            RuleOption("min-words", .number(14), "Sentences shorter than this are never hard."),
            RuleOption("hard-grade", .number(10), "ARI grade from which a sentence is hard."),
            RuleOption("very-hard-grade", .number(14), "ARI grade from which a sentence is very hard."),
            RuleOption("report-hard", .flag(true), "Mark hard sentences too, not only very hard ones."),
            RuleOption("max-percent", .number(15), "Highest good share of hard and very hard sentences, in percent."),
            RuleOption("bad-percent", .number(25), "Share of hard and very hard sentences above which the text rates bad, in percent."),
        ],
        examples: [
            .pass("We baked bread today. It was warm and soft. The crust cracked when we cut it, and the kids ate half.\n"),
            // Long but plain: 26 short words, grade 6.
            .pass("We got up at six, fed the dog, made the tea, and then sat on the step to watch the sun come up over the hill.\n"),
            .fail("""
                ↓Comprehensive organizational transformation initiatives frequently necessitate substantial \
                investments in sophisticated technological infrastructure and extensive professional development.

                """),
            // Hard (14 words, grade 11.5): an info.
            .fail("↓Our gardening group compared seven watering systems for several weeks before we bought one.\n"),
            // Only very hard sentences when `report-hard` is false.
            .fail("""
                Our gardening group compared seven watering systems for several weeks before we bought one. \
                ↓Comprehensive organizational transformation initiatives frequently necessitate substantial \
                investments in sophisticated technological infrastructure and extensive professional development.

                """, options: ["report-hard": .flag(false)]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let grader = SentenceGrader(
            minimumWords: Int(options.number("min-words")), hardGrade: options.number("hard-grade"),
            veryHardGrade: options.number("very-hard-grade"))
        let reportHard = options.flag("report-hard")
        let maxPercent = options.number("max-percent")
        let badPercent = options.number("bad-percent")
        let target = "at most \(ReadabilityText.percent(maxPercent)) hard or very hard"
        let body = context.bodySentenceIndices
        guard !body.isEmpty else { return RuleResult(assessment: ReadabilityText.notApplicable("no sentences", target: target)) }
        let grades = context.sentenceGrades
        var findings: [RuleFinding] = []
        var hard = 0
        var veryHard = 0
        for index in body {
            let grade = grades[index]
            let difficulty = grader.difficulty(grade: grade.grade, words: grade.words)
            switch difficulty {
            case .normal:
                continue
            case .hard:
                hard += 1
                guard reportHard else { continue }
            case .veryHard:
                veryHard += 1
            }
            let level = difficulty == .veryHard ? "Very hard" : "Hard"
            findings.append(RuleFinding(
                message: "\(level) to read: grade \(ReadabilityText.number(grade.grade)) (ARI) over \(grade.words) words.",
                suggestion: difficulty == .veryHard
                    ? "Split it into two or three sentences, and use shorter words where they fit."
                    : "Shorten it, or split it in two.",
                range: context.rangeOfSentenceText(index),
                severity: difficulty == .hard ? .info : nil))
        }
        let share = ReadabilityText.share(hard + veryHard, of: body.count)
        let rating: Assessment.Rating = share <= maxPercent ? .good : share <= badPercent ? .ok : .bad
        let measured = "\(ReadabilityText.percent(share)) (\(hard) hard, \(veryHard) very hard of \(ReadabilityText.count(body.count, "sentence")))"
        return RuleResult(findings: findings, assessment: Assessment(score: .readability, rating: rating, measured: measured, target: target))
    }
}
