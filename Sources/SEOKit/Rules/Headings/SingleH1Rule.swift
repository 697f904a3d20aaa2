/// Exactly one H1: the page's main heading.
///
/// In Markdown with a `title` in front matter, most site generators render the title as the
/// H1, so by default that title counts as the H1 and a `#` heading in the body is a second one.
struct SingleH1Rule: Rule {
    static let description = RuleDescription(
        id: "headings.single-h1",
        name: "Single H1",
        category: .headings,
        defaultSeverity: .warning,
        summary: "A page has exactly one H1 heading.",
        rationale: """
            The H1 names the page for readers, screen readers and search engines; several H1s blur \
            what the page is about and none leaves it unnamed (Yoast SEO "Single title" check; \
            WCAG 2.4.6 headings and labels).
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("title-is-h1", .flag(true), "In Markdown, a front matter title is rendered as the H1."),
        ],
        examples: [
            .pass("---\ntitle: Baking bread\n---\n\nSome text.\n\n## Flour\n"),
            .pass("# Baking bread\n\nSome text.\n", options: ["title-is-h1": .flag(false)]),
            .pass("<html><head><title>Bread</title></head><body><h1>Bread</h1><p>Text.</p></body></html>", format: .html),
            .pass("Plain text has no headings to count.\n", format: .text),
            .fail("---\ntitle: Baking bread\n---\n\n↓# Baking bread\n\nSome text.\n"),
            .fail("# One\n\nText.\n\n↓# Two\n\nMore.\n", options: ["title-is-h1": .flag(false)]),
            .fail("↓Just text, no heading at all.\n", options: ["title-is-h1": .flag(false)]),
            .fail("<html><body><h1>A</h1><p>x</p>↓<h1>B</h1></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let document = context.document
        // Plain text has no markup for headings at all.
        guard document.format != .text else {
            return RuleResult(assessment: Assessment(score: .seo, rating: .notApplicable, measured: "plain text", target: "exactly 1"))
        }
        let bodyH1s = document.blocks.filter { $0.kind == .heading && $0.level == 1 }
        let titleCounts = document.format == .markdown && options.flag("title-is-h1") && document.metadata.title != nil
        let total = bodyH1s.count + (titleCounts ? 1 : 0)
        var findings: [RuleFinding] = []
        if total == 0 {
            findings.append(RuleFinding(
                message: "The page has no H1 heading.",
                suggestion: "Start the page with one H1 that says what it is about.",
                range: context.documentStart))
        }
        // Every H1 after the first is one too many.
        for heading in bodyH1s.dropFirst(titleCounts ? 0 : 1) {
            let first = titleCounts ? "the front matter title (rendered as the H1)" : "an earlier H1"
            findings.append(RuleFinding(
                message: "A second H1: the page already has \(first).",
                suggestion: "Make this heading an H2, or merge it with the first.",
                range: heading.range))
        }
        let assessment = Assessment(
            score: .seo, rating: total == 1 ? .good : .bad,
            measured: "\(total) H1 heading\(total == 1 ? "" : "s")", target: "exactly 1")
        return RuleResult(findings: findings, assessment: assessment)
    }
}
