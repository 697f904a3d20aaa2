/// The page has a meta description.
struct DescriptionMissingRule: Rule {
    static let description = RuleDescription(
        id: "meta.description-missing",
        name: "Meta description missing",
        category: .meta,
        defaultSeverity: .warning,
        summary: "A page has a meta description: `description` in front matter, `<meta name=\"description\">` in HTML.",
        rationale: """
            Search engines often show the meta description as the snippet under the title; \
            without one they pick text from the page, which may not sell it (Google Search \
            Central, "Control your snippets in search results"; Yoast SEO's "Meta description \
            length" check rates a missing description red). A warning, not an error: the page \
            still gets a snippet. Front matter keys `description`, `meta_description`, \
            `metaDescription` and `summary` count. Plain text has no metadata: not checked.
            """,
        score: .seo,
        weight: 1,
        examples: [
            .pass("---\ntitle: Sourdough at home\ndescription: How to bake sourdough bread at home, from starter to crust.\n---\n\nText.\n"),
            .pass("<html><head><title>Bread</title><meta name=\"description\" content=\"How to bake sourdough bread at home.\"></head><body><p>x</p></body></html>", format: .html),
            .pass("Plain text has no metadata.\n", format: .text),
            .fail("↓---\ntitle: Sourdough at home\n---\n\nText.\n"),
            .fail("---\ntitle: Sourdough at home\n↓description: \"\"\n---\n\nText.\n"),
            .fail("↓<html><head><title>Bread</title></head><body><p>x</p></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let document = context.document
        guard document.format != .text else { return RuleResult(assessment: MetaText.notApplicable("plain text has no metadata")) }
        if let description = document.metadata.description, !description.trimmed().isEmpty {
            return RuleResult(assessment: Assessment(score: .seo, rating: .good, measured: "present", target: "a meta description"))
        }
        let suggestion = document.format == .html
            ? "Add <meta name=\"description\" content=\"...\"> to the <head>: 120–156 characters that say what the reader gets."
            : "Add a `description` to the front matter: 120–156 characters that say what the reader gets."
        let finding = RuleFinding(message: "The page has no meta description.", suggestion: suggestion, range: context.range(of: .description))
        return RuleResult(findings: [finding], assessment: Assessment(score: .seo, rating: .bad, measured: "none", target: "a meta description"))
    }
}
