/// The slug is short.
struct SlugLengthRule: Rule {
    static let description = RuleDescription(
        id: "meta.slug-length",
        name: "Slug length",
        category: .meta,
        defaultSeverity: .warning,
        summary: "The slug is at most 75 characters long.",
        rationale: """
            Short slugs are easier to read, share and remember, and are shown in full in search \
            results' breadcrumbs; Google's URL structure guidance asks for simple, descriptive \
            URLs and sets no hard limit. 75 characters is a common SEO-tool limit, kept as the \
            default. The slug is `slug` in front matter, else the last segment of the canonical \
            URL (HTML), else the file name without extension and date prefix. Rating: good up to \
            the maximum, ok over it (the page still works).
            """,
        score: .seo,
        weight: 0.5,
        options: [
            RuleOption("max-characters", .number(75), "Most characters in a slug."),
        ],
        examples: [
            .pass("---\ntitle: Sourdough\nslug: sourdough-starter-guide\n---\n\nText.\n"),
            .pass("No front matter: the slug is the file name.\n"),
            .pass("<html><head><link rel=\"canonical\" href=\"https://example.com/blog/sourdough-starter\"></head><body><p>x</p></body></html>", format: .html),
            .fail("---\ntitle: Sourdough\n↓slug: the-complete-and-definitive-beginners-guide-to-making-and-keeping-a-sourdough-starter-alive\n---\n\nText.\n"),
            .fail("---\n↓slug: sourdough-starter-guide\n---\n\nText.\n", options: ["max-characters": .number(10)]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        guard let slug = context.document.metadata.slug, !slug.isEmpty else { return RuleResult(assessment: MetaText.notApplicable("no slug")) }
        let count = slug.count
        let maximum = Int(options.number("max-characters"))
        let measured = MetaText.count(count, "character")
        let target = "at most \(maximum) characters"
        guard count > maximum else { return RuleResult(assessment: Assessment(score: .seo, rating: .good, measured: measured, target: target)) }
        let finding = RuleFinding(
            message: "The slug \(MetaText.quoted(slug, limit: 60)) is \(measured) long, over \(maximum).",
            suggestion: "Keep the few words that name the topic (the keyphrase), drop the rest.",
            range: context.range(of: .slug))
        return RuleResult(findings: [finding], assessment: Assessment(score: .seo, rating: .ok, measured: measured, target: target))
    }
}
