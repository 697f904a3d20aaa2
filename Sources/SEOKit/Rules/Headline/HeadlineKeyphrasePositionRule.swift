/// The keyphrase comes early in the H1 headline.
struct HeadlineKeyphrasePositionRule: Rule {
    static let description = RuleDescription(
        id: "headline.keyphrase-position",
        name: "Keyphrase position in the headline",
        category: .headline,
        defaultSeverity: .info,
        summary: "The focus keyphrase starts in the first half of the H1 headline.",
        rationale: """
            Readers scan the first words of a headline, so the words a searcher typed should come \
            early. This rule looks at an H1 headline: the first H1 of an HTML page, or of a \
            Markdown file without a front matter title. Where the headline is the page title \
            (Markdown with a `title`, HTML without an H1), `keyphrase.in-title` already rates \
            the keyphrase's place (Yoast SEO's "Keyphrase in SEO title": at the start is good), \
            so this rule stays silent rather than report it twice; whether the H1 has the \
            keyphrase at all is `keyphrase.in-h1`'s. The keyphrase is found word for word, or by \
            all its content words in any form (`HeadlineAnalysis`); it starts in the first half \
            when the index of its first word is under half the headline's word count. An info \
            finding, no score (headline rules feed no score).
            """,
        score: nil,
        weight: 0,
        examples: [
            .pass("# Sourdough Starter: A Beginner's Guide\n\nText.\n", keyphrases: ["sourdough starter"]),
            .pass("# How Starters for Sourdough Work\n\nText.\n", keyphrases: ["sourdough starter"]),
            .pass("# Feeding Your Starter Every Day\n\nText.\n"),
            .pass("# Bread Basics\n\nText.\n", keyphrases: ["rye flour"]),
            .pass("---\ntitle: A Guide to Feeding and Keeping a Sourdough Starter\nkeyphrase: sourdough starter\n---\n\nText.\n"),
            .fail("↓# Everything You Need to Know About Sourdough Starter\n\nText.\n", keyphrases: ["sourdough starter"]),
            .fail(
                "<html><head><title>Sourdough Starter Guide</title></head><body>↓<h1>A Beginner's Guide to Feeding and Keeping a Sourdough Starter</h1></body></html>",
                format: .html, keyphrases: ["sourdough starter"]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        guard let keyphrase = context.keyphrases.first,
              let headline = HeadlineSubject.headline(context), headline.source == .h1,
              let position = headline.analysis.keyphrasePosition, !position.isInFirstHalf else { return .clean }
        return RuleResult(findings: [RuleFinding(
            message: "The keyphrase “\(keyphrase)” starts at word \(position.wordIndex + 1) of \(headline.analysis.wordCount) in the H1, in its second half.",
            suggestion: "Move the keyphrase toward the start of the headline, where readers look first.",
            range: headline.range)])
    }
}
