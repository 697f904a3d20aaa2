/// The text is long enough to cover its topic.
struct ContentLengthRule: Rule {
    static let description = RuleDescription(
        id: "content.length",
        name: "Content length",
        category: .content,
        defaultSeverity: .warning,
        summary: "A post has at least 300 words.",
        rationale: """
            A page needs enough text to answer the question it is found for, and to give search \
            engines something to judge it by. Yoast SEO's "Text length" check asks for at least \
            300 words in posts and pages (900 for cornerstone content), rates 250–299 words \
            "slightly below" (orange) and fewer red. Same bands here: `good` words or more is good; \
            from `minimum` up to `good` is ok, with an info finding; under `minimum` is bad, with \
            a warning. Words are counted as `seokit stats` counts them: every prose block, \
            headings included, not code; numbers count, URLs and emoji do not. For cornerstone \
            content set both options to 900. The finding points at the headline (the first H1, \
            else the title).
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("good", .number(300), "Words from which the length is good."),
            RuleOption("minimum", .number(250), "Words under which the length is bad (between this and `good`: ok)."),
        ],
        examples: [
            .pass("# Bread\n\n" + String(repeating: "Bake bread at home every week. ", count: 60) + "\n"),
            .pass("# Bread\n\nA short product note with enough words for its kind.\n", options: ["good": .number(10), "minimum": .number(5)]),
            .pass("<html><head><title>Bread</title></head><body><p>" + String(repeating: "word ", count: 310) + "</p></body></html>", format: .html),
            .fail("↓# Bread\n\nToo short to say much.\n"),
            .fail("---\n↓title: Bread\n---\n\n" + String(repeating: "word ", count: 270) + "\n"),
            .fail("↓Just a line of plain text.\n", format: .text),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let words = context.statistics.words
        let good = Int(options.number("good"))
        let minimum = min(Int(options.number("minimum")), good)
        let measured = MetaText.count(words, "word")
        let target = "at least \(good) words"
        if words >= good {
            return RuleResult(assessment: Assessment(score: .seo, rating: .good, measured: measured, target: target))
        }
        let range = context.headlineRange
        if words >= minimum {
            let finding = RuleFinding(
                message: "The text has \(measured), slightly under the recommended \(good).",
                suggestion: "Cover the topic a little more: a question readers ask, an example, a step.",
                range: range, severity: .info)
            return RuleResult(findings: [finding], assessment: Assessment(score: .seo, rating: .ok, measured: measured, target: target))
        }
        let finding = RuleFinding(
            message: "The text has \(measured), under the recommended minimum of \(good).",
            suggestion: "Cover the topic fully: answer the questions readers come with, add examples and steps.",
            range: range)
        return RuleResult(findings: [finding], assessment: Assessment(score: .seo, rating: .bad, measured: measured, target: target))
    }
}
