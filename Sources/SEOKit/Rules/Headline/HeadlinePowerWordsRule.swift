/// The headline has a word with some pull.
struct HeadlinePowerWordsRule: Rule {
    static let description = RuleDescription(
        id: "headline.power-words",
        name: "Headline power words",
        category: .headline,
        defaultSeverity: .info,
        summary: "The headline has at least one power word (proven, essential, simple, secret...).",
        rationale: """
            Copywriters use "power words" — urgency, exclusivity, value, trust, ease, results, \
            curiosity — to make a headline worth clicking; headline analysers count them. Taste \
            rather than a search factor, so an info finding and no score. Words come from \
            `Corpora/lexicons/power-words.txt`, matched as `HeadlineAnalysis` documents (lowercase, \
            accents folded, possessive `'s` dropped, hyphenated words whole or by part). The \
            headline is the same as for `headline.length`.
            """,
        score: nil,
        weight: 0,
        examples: [
            .pass("# 7 Proven Ways to Keep a Sourdough Starter Alive\n"),
            .pass("---\ntitle: The Beginner’s Sourdough Starter Guide\n---\n\nText.\n"),
            .pass("Plain text has no headline.\n", format: .text),
            .fail("↓# Keeping a Sourdough Starter Alive\n"),
            .fail("<html><body>↓<h1>Notes on Flour Types</h1></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        guard let headline = HeadlineSubject.headline(context), headline.analysis.powerWords.isEmpty else { return .clean }
        return RuleResult(findings: [RuleFinding(
            message: "The headline (\(headline.name)) has no power word: \(MetaText.quoted(headline.text)).",
            suggestion: "Consider a word that promises something: proven, essential, simple, complete, quick...",
            range: headline.range)])
    }
}
