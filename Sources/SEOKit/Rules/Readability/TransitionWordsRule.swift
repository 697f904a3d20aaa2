/// Enough sentences linked to the one before by a transition.
struct TransitionWordsRule: Rule {
    static let description = RuleDescription(
        id: "readability.transition-words",
        name: "Transition words",
        category: .readability,
        defaultSeverity: .warning,
        summary: "At least 30% of sentences contain a transition word or phrase (texts of 200 words or more).",
        rationale: """
            Transition words ("however", "because", "for example", "as a result") tell readers how \
            a sentence relates to the last one, so the text reads as an argument rather than a \
            list of claims. Levels from Yoast SEO's "Transition words" assessment: 30% of sentences \
            or more good, 20–30% ok, under 20% bad, rated only for texts of 200 words or more \
            (Yoast SEO readability scoring criteria, packages/yoastseo SCORING READABILITY.md; \
            yoast.com/transition-words-why-and-how-to-use-them).

            A sentence counts when it holds a word or phrase of `transition-words.txt` anywhere \
            (single words by the lexicon's flag, phrases as consecutive words, case-insensitively; \
            see `TransitionMatcher`). Body sentences and their words count: paragraphs, list items, \
            quotes. Under `min-percent` one finding points at the headline: infos while ok, a \
            warning when bad.
            """,
        score: .readability,
        weight: 1,
        options: [
            RuleOption("min-percent", .number(30), "Lowest good share of sentences with a transition, in percent."),
            RuleOption("bad-percent", .number(20), "Share under which the text rates bad, in percent."),
            RuleOption("min-words", .number(200), "Shortest text, in words, that is rated."),
        ],
        examples: [
            // Under 200 words: not rated.
            .pass(ReadabilityText.filler(5) + "\n"),
            .pass("""
                Bread needs time. However, the wait pays off. For example, the crust gets darker. \
                As a result, the loaf keeps longer. We bake twice a week.

                """, options: ["min-words": .number(0)]),
            .fail("↓" + ReadabilityText.filler(24) + "\n"),
            .fail("""
                ↓# Bread

                Bread needs time. The wait pays off. The crust gets darker. The loaf keeps longer. \
                Still, we bake twice a week.

                """, options: ["min-words": .number(0)]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let minPercent = options.number("min-percent")
        let badPercent = options.number("bad-percent")
        let minWords = Int(options.number("min-words"))
        let target = "at least \(ReadabilityText.percent(minPercent)) of sentences"
        let body = context.bodySentenceIndices
        let words = context.bodyWordCount
        guard words >= minWords, !body.isEmpty else {
            let reason = body.isEmpty ? "no sentences" : "\(ReadabilityText.count(words, "word")), under the \(minWords) needed"
            return RuleResult(assessment: ReadabilityText.notApplicable(reason, target: target))
        }
        let linked = context.transitions.sentenceIndices
        // Both lists are ascending: count body sentences with a transition in one merge.
        var count = 0
        var position = 0
        for index in body {
            while position < linked.count, linked[position] < index { position += 1 }
            if position < linked.count, linked[position] == index { count += 1 }
        }
        let share = ReadabilityText.share(count, of: body.count)
        let rating: Assessment.Rating = share >= minPercent ? .good : share >= badPercent ? .ok : .bad
        let measured = "\(ReadabilityText.percent(share)) (\(count) of \(ReadabilityText.count(body.count, "sentence")))"
        let assessment = Assessment(score: .readability, rating: rating, measured: measured, target: target)
        guard rating != .good else { return RuleResult(assessment: assessment) }
        let finding = RuleFinding(
            message: count == 0
                ? "No sentence contains a transition word or phrase; aim for at least \(ReadabilityText.percent(minPercent))."
                : "Only \(measured) contain a transition word or phrase; aim for at least \(ReadabilityText.percent(minPercent)).",
            suggestion: "Link sentences with words such as “however”, “because”, “for example” or “as a result”.",
            range: context.headlineRange,
            severity: rating == .ok ? .info : nil)
        return RuleResult(findings: [finding], assessment: assessment)
    }
}
