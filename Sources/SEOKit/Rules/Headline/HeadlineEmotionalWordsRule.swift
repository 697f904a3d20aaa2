/// The headline carries some emotion.
struct HeadlineEmotionalWordsRule: Rule {
    static let description = RuleDescription(
        id: "headline.emotional-words",
        name: "Headline emotional words",
        category: .headline,
        defaultSeverity: .info,
        summary: "The headline has at least one emotional word (positive or negative).",
        rationale: """
            Headlines that stir a feeling — delight, worry, surprise — tend to draw more readers; \
            headline analysers report an emotional score. Taste rather than a search factor, so \
            an info finding and no score. Words and their tone come from \
            `Corpora/lexicons/emotional-words.txt`, matched as `HeadlineAnalysis` documents; \
            `HeadlineAnalysis` also reports whether the words lean positive or negative. The \
            headline is the same as for `headline.length`.
            """,
        score: nil,
        weight: 0,
        examples: [
            .pass("# The Quiet Joy of Baking Bread at Home\n"),
            .pass("---\ntitle: 5 Sourdough Mistakes That Ruin Your Loaf\n---\n\nText.\n"),
            .pass("Plain text has no headline.\n", format: .text),
            .fail("↓# Notes on Flour Types and Protein Content\n"),
            .fail("<html><head><title>Love it | Bakery</title></head><body>↓<h1>Flour Types Compared</h1></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        guard let headline = HeadlineSubject.headline(context), headline.analysis.emotionalWords.isEmpty else { return .clean }
        return RuleResult(findings: [RuleFinding(
            message: "The headline (\(headline.name)) has no emotional word: \(MetaText.quoted(headline.text)).",
            suggestion: "Consider a word that carries a feeling the page delivers (easy, surprising, mistakes, love...).",
            range: headline.range)])
    }
}
