/// Heading levels go down one step at a time.
struct SkippedHeadingLevelRule: Rule {
    static let description = RuleDescription(
        id: "headings.skipped-level",
        name: "Skipped heading level",
        category: .headings,
        defaultSeverity: .warning,
        summary: "A heading is at most one level deeper than the heading before it (no H2 → H4).",
        rationale: """
            Headings are the page's outline: screen reader users move through them, and search \
            engines read them as the structure of the content. A jump from H2 to H4 leaves a \
            level out of the outline (markdownlint MD001 heading-increment; W3C WAI tutorial \
            "Headings": "skipping heading ranks can be confusing"). Going back up any number of \
            levels is fine. In Markdown, a front matter title counts as the H1 before the first \
            heading, as in `headings.single-h1`. One finding per heading that skips; rating: \
            good with none, bad with any.
            """,
        score: .seo,
        weight: 0.5,
        options: [
            RuleOption("title-is-h1", .flag(true), "In Markdown, a front matter title is rendered as the H1."),
        ],
        examples: [
            .pass("# Bread\n\nText.\n\n## Flour\n\n### Rye\n\n## Water\n\nText.\n"),
            .pass("---\ntitle: Bread\n---\n\n## Flour\n\n### Rye\n\n#### Dark rye\n\n## Water\n"),
            .pass("<html><body><h1>Bread</h1><h2>Flour</h2><h3>Rye</h3><h2>Water</h2></body></html>", format: .html),
            .fail("# Bread\n\n## Flour\n\n↓#### Rye\n\nText.\n"),
            .fail("---\ntitle: Bread\n---\n\n↓### Flour\n\nText.\n"),
            .fail("<html><body><h1>Bread</h1>↓<h3>Flour</h3><p>x</p></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let document = context.document
        let titleIsH1 = document.format == .markdown && options.flag("title-is-h1")
            && document.metadata.title.map { !$0.trimmed().isEmpty } == true
        var previous: Int? = titleIsH1 ? 1 : nil
        var findings: [RuleFinding] = []
        for heading in document.headings {
            if let previous, heading.level > previous + 1 {
                let missing = (previous + 1..<heading.level).map { "H\($0)" }.joined(separator: " and ")
                let from = previous == 1 && titleIsH1 && findings.isEmpty && heading == document.headings.first
                    ? "the title (the H1)" : "an H\(previous)"
                findings.append(RuleFinding(
                    message: "This H\(heading.level) follows \(from): \(missing) \(missing.contains("and") ? "are" : "is") skipped.",
                    suggestion: "Make it an H\(previous + 1), or add the missing level above it.",
                    range: heading.range))
            }
            previous = heading.level
        }
        let assessment = Assessment(
            score: .seo, rating: findings.isEmpty ? .good : .bad,
            measured: findings.isEmpty ? "no skipped level" : MetaText.count(findings.count, "skipped level"),
            target: "no skipped level")
        return RuleResult(findings: findings, assessment: document.headings.isEmpty ? MetaText.notApplicable("no headings") : assessment)
    }
}
