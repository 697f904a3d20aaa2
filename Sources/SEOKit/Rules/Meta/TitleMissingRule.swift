/// The page has a title.
struct TitleMissingRule: Rule {
    static let description = RuleDescription(
        id: "meta.title-missing",
        name: "Title missing",
        category: .meta,
        defaultSeverity: .error,
        summary: "A page has a title: `title` in front matter, `<title>` in HTML.",
        rationale: """
            The title is the link text of the search result, the browser tab's label and the name \
            shared links get; without one, search engines make one up from the page (Google Search \
            Central, "Influencing your title links in search results"; Yoast SEO rates an empty SEO \
            title red). In Markdown, a file without a front matter title is titled by its first \
            H1, as MkDocs, Docusaurus and GitHub do. Plain text has no metadata: not checked.
            """,
        score: .seo,
        weight: 1,
        examples: [
            .pass("---\ntitle: How to Bake Sourdough Bread at Home\n---\n\nText.\n"),
            .pass("# How to Bake Sourdough Bread at Home\n\nText.\n"),
            .pass("<html><head><title>Sourdough at home</title></head><body><p>Text.</p></body></html>", format: .html),
            .fail("↓Just text, and no heading.\n"),
            .fail("↓---\ndescription: A page about bread.\n---\n\nText.\n"),
            .fail("---\n↓title: \"  \"\n---\n\nText.\n"),
            .fail("↓<html><head><meta name=\"description\" content=\"Bread.\"></head><body><p>Text.</p></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let document = context.document
        guard document.format != .text else { return RuleResult(assessment: MetaText.notApplicable("plain text has no title")) }
        if let title = PageTitle.of(context) {
            return RuleResult(assessment: Assessment(
                score: .seo, rating: .good, measured: "title \(MetaText.quoted(title.text, limit: 40))", target: "a title"))
        }
        let suggestion = document.format == .html
            ? "Add a <title> element to the <head> that says what the page is about."
            : "Add a `title` to the front matter (or start the page with an H1) that says what the page is about."
        let finding = RuleFinding(message: "The page has no title.", suggestion: suggestion, range: context.range(of: .title))
        return RuleResult(findings: [finding], assessment: Assessment(score: .seo, rating: .bad, measured: "no title", target: "a title"))
    }
}
