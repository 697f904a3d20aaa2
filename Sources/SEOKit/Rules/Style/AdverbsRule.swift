/// Few -ly adverbs, Hemingway-style.
struct AdverbsRule: Rule {
    static let description = RuleDescription(
        id: "style.adverbs",
        name: "Adverbs",
        category: .style,
        defaultSeverity: .info,
        summary: "Marks -ly adverbs when there are more than 1.5 per 100 words.",
        rationale: """
            "Really", "basically", "extremely": an adverb often props up a weak verb or adds \
            nothing. The Hemingway Editor marks every -ly adverb and sets a goal that grows with \
            the text (users report "aim for 10 or fewer" on about 630 words, roughly one per 60–80 \
            words); it publishes no formula. SEOKit's goal is `max-per-100-words` adverbs per 100 \
            words of body text (1.5: one per about 67 words). Above it, every -ly adverb of body \
            text is marked (an info), so the writer sees which to cut; at or below it, none is.

            An adverb is a word of four or more letters ending in -ly that is not on \
            `adverb-exceptions.txt` ("family", "friendly", "daily"); the last part of a hyphenated \
            word decides ("user-friendly"); a capitalized word inside a sentence is a name. See \
            `AdverbFinder`. A style habit rather than a readability measure: no score.
            """,
        options: [
            RuleOption("max-per-100-words", .number(1.5), "Adverbs per 100 words above which they are marked."),
        ],
        examples: [
            .pass("We walked to the shop. The family was friendly. The daily supply ran out early.\n"),
            // One adverb in 111 words: 0.9 per 100.
            .pass(ReadabilityText.filler(12) + " We finally left.\n"),
            .fail("She ↓quickly and ↓quietly left the ↓really old house.\n"),
            .fail("The user-friendly app works ↓smoothly.\n"),
            .fail(ReadabilityText.filler(12) + " We ↓finally left.\n", options: ["max-per-100-words": .number(0)]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let limit = options.number("max-per-100-words")
        let words = context.bodyWordCount
        guard words > 0 else { return .clean }
        let blocks = context.document.blocks
        let sentences = context.analysis.sentences
        let adverbs = context.adverbs.filter { blocks[sentences[$0.sentenceIndex].blockIndex].isParagraph }
        let rate = 100 * Double(adverbs.count) / Double(words)
        guard rate > limit else { return .clean }
        let tokens = context.analysis.tokens
        let summary = "\(ReadabilityText.count(adverbs.count, "-ly adverb")) in \(ReadabilityText.count(words, "word")) "
            + "(\(ReadabilityText.number(rate)) per 100; aim for \(ReadabilityText.number(limit)) or fewer)"
        let findings = adverbs.map { adverb in
            RuleFinding(
                message: "Adverb \(ReadabilityText.quoted(context.text(of: tokens[adverb.tokenIndex]))): \(summary).",
                suggestion: "Cut it, or choose a stronger verb or adjective that carries its meaning.",
                range: context.range(of: tokens[adverb.tokenIndex]))
        }
        return RuleResult(findings: findings)
    }
}
