/// Paragraphs short enough to read on a phone.
struct ParagraphLengthRule: Rule {
    static let description = RuleDescription(
        id: "readability.paragraph-length",
        name: "Paragraph length",
        category: .readability,
        defaultSeverity: .warning,
        summary: "Paragraphs have at most 150 words (a warning above), never over 200 (an error).",
        rationale: """
            A long paragraph is a wall of text, worst on a phone, and hides where one idea ends. \
            Levels from Yoast SEO's "Paragraph length" assessment: up to 150 words good, 150–200 \
            ok (orange), over 200 bad (red) (Yoast SEO readability scoring criteria, packages/yoastseo \
            SCORING READABILITY.md; yoast.com/paragraph-length-check). Each paragraph over \
            `warning-words` is a warning, over `error-words` an error; the score is bad when any \
            paragraph is over `error-words`, ok when some are over `warning-words`. Paragraphs are \
            paragraph, list-item and quote blocks; words are counted as in `seokit stats`.
            """,
        score: .readability,
        weight: 1,
        options: [
            RuleOption("warning-words", .number(150), "A paragraph with more words than this is a warning."),
            RuleOption("error-words", .number(200), "A paragraph with more words than this is an error."),
        ],
        examples: [
            .pass("A short paragraph.\n\nAnother one, also short.\n"),
            .pass(ReadabilityText.filler(16) + "\n\n" + ReadabilityText.filler(16) + "\n"),
            // 17 sentences of 9 words: 153 words, a warning.
            .fail("↓" + ReadabilityText.filler(17) + "\n\nShort.\n"),
            // 207 words, an error; the short paragraph passes.
            .fail("Short.\n\n↓" + ReadabilityText.filler(23) + "\n"),
            .fail("↓" + ReadabilityText.filler(12) + "\n", options: ["warning-words": .number(100)]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let warningWords = Int(options.number("warning-words"))
        let errorWords = Int(options.number("error-words"))
        let target = "at most \(warningWords) words per paragraph"
        let blocks = context.document.blocks
        let sentences = context.analysis.sentences
        var paragraphs = 0
        var overWarning = 0
        var overError = 0
        var longest = 0
        var findings: [RuleFinding] = []
        for (index, block) in blocks.enumerated() where block.isParagraph {
            let span = context.analysis.blocks[index]
            guard !span.sentenceRange.isEmpty else { continue }
            paragraphs += 1
            let words = sentences[span.sentenceRange].reduce(0) { $0 + $1.wordCount }
            longest = max(longest, words)
            guard words > warningWords else { continue }
            let isError = words > errorWords
            if isError { overError += 1 } else { overWarning += 1 }
            findings.append(RuleFinding(
                message: "Paragraph of \(words) words (over \(isError ? errorWords : warningWords)).",
                suggestion: "Split it where the topic shifts; keep paragraphs to \(warningWords) words or fewer.",
                range: context.rangeOfSentenceText(span.sentenceRange.lowerBound),
                severity: isError ? .error : nil))
        }
        guard paragraphs > 0 else { return RuleResult(assessment: ReadabilityText.notApplicable("no paragraphs", target: target)) }
        let rating: Assessment.Rating = overError > 0 ? .bad : overWarning > 0 ? .ok : .good
        let over = overWarning + overError
        let measured = over == 0
            ? "longest \(ReadabilityText.count(longest, "word"))"
            : "\(over) of \(ReadabilityText.count(paragraphs, "paragraph")) over \(warningWords) words (longest \(longest))"
        return RuleResult(findings: findings, assessment: Assessment(score: .readability, rating: rating, measured: measured, target: target))
    }
}
