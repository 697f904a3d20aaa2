/// Few long sentences: at most a quarter of them over 20 words.
struct SentenceLengthRule: Rule {
    static let description = RuleDescription(
        id: "readability.sentence-length",
        name: "Sentence length",
        category: .readability,
        defaultSeverity: .warning,
        summary: "At most 25% of sentences are longer than 20 words.",
        rationale: """
            Long sentences make readers hold more in mind before the point arrives. The share of \
            sentences over `max-words` words is rated as in Yoast SEO's "Sentence length" \
            assessment: good up to 25%, ok up to 30%, bad above (Yoast SEO readability scoring \
            criteria, packages/yoastseo SCORING READABILITY.md; yoast.com/the-sentence-length-check). \
            Sentences of body text count — paragraphs, list items, quotes — with the words of \
            `seokit stats` (numbers count, URLs and punctuation do not); headings and table cells \
            are labels, not sentences.

            When the share is over `max-percent`, the longest sentences are marked, at most \
            `max-findings` of them (0 marks them all) so a wall of text gives a to-do list rather \
            than a flood; each message gives the share, and says when only the longest are marked. \
            Over `max-percent` up to `bad-percent` the marks are infos, above it warnings.
            """,
        score: .readability,
        weight: 1,
        options: [
            RuleOption("max-words", .number(20), "A sentence with more words than this is long."),
            RuleOption("max-percent", .number(25), "Highest good share of long sentences, in percent."),
            RuleOption("bad-percent", .number(30), "Share of long sentences above which the text rates bad, in percent."),
            RuleOption("max-findings", .number(5), "Most long sentences marked, longest first (0: all)."),
        ],
        examples: [
            .pass("Short sentences read well. They keep the point close. Readers follow them.\n"),
            // One long sentence in five is 20%.
            .pass("""
                We mixed the flour, the water, the salt and the starter in a large bowl, then left the dough \
                to rest under a cloth until it had doubled in size. It rose. We baked it. It was good. We ate it.

                """),
            .fail("""
                ↓We mixed the flour, the water, the salt and the starter in a large bowl, then left the dough \
                to rest under a cloth until it had doubled in size. It rose overnight.

                """),
            // Only the longest is marked when `max-findings` is 1.
            .fail("""
                We mixed the flour, the water, the salt and the starter in a large bowl, then left the dough \
                to rest under a cloth. ↓We mixed the flour, the water, the salt and the starter in a large bowl, \
                then left the dough to rest under a cloth until it had doubled in size.

                """, options: ["max-findings": .number(1)]),
            .fail("- ↓Every item in this list is a sentence of far more than twenty words, so the list alone is enough to fail the check.\n- Short.\n"),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let maxWords = Int(options.number("max-words"))
        let maxPercent = options.number("max-percent")
        let badPercent = options.number("bad-percent")
        let maxFindings = Int(options.number("max-findings"))
        let target = "at most \(ReadabilityText.percent(maxPercent)) over \(maxWords) words"
        let body = context.bodySentenceIndices
        guard !body.isEmpty else { return RuleResult(assessment: ReadabilityText.notApplicable("no sentences", target: target)) }
        let sentences = context.analysis.sentences
        let long = body.filter { sentences[$0].wordCount > maxWords }
        let share = ReadabilityText.share(long.count, of: body.count)
        let rating: Assessment.Rating = share <= maxPercent ? .good : share <= badPercent ? .ok : .bad
        let measured = "\(ReadabilityText.percent(share)) (\(long.count) of \(ReadabilityText.count(body.count, "sentence")))"
        let assessment = Assessment(score: .readability, rating: rating, measured: measured, target: target)
        guard rating != .good else { return RuleResult(assessment: assessment) }

        // The longest first (earlier on ties), then back in text order.
        var marked = long.sorted { (sentences[$0].wordCount, -$0) > (sentences[$1].wordCount, -$1) }
        if maxFindings > 0, marked.count > maxFindings { marked = Array(marked.prefix(maxFindings)) }
        marked.sort()
        let note = marked.count < long.count ? " The \(marked.count) longest are marked." : ""
        let findings = marked.map { index in
            RuleFinding(
                message: "Sentence of \(sentences[index].wordCount) words (over \(maxWords)); "
                    + "\(long.count) of \(body.count) sentences (\(ReadabilityText.percent(share))) are over \(maxWords) words, "
                    + "more than the recommended \(ReadabilityText.percent(maxPercent)).\(note)",
                suggestion: "Split it where the thought turns, or cut words that add nothing.",
                range: context.rangeOfSentenceText(index),
                severity: rating == .ok ? .info : nil)
        }
        return RuleResult(findings: findings, assessment: assessment)
    }
}
