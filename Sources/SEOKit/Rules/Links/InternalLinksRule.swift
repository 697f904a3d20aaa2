/// The page links to other pages of its own site.
struct InternalLinksRule: Rule {
    static let description = RuleDescription(
        id: "links.internal",
        name: "Internal links",
        category: .links,
        defaultSeverity: .warning,
        summary: "The page has at least one followed link to another page of the same site.",
        rationale: """
            Internal links let readers go deeper and let search engines find pages and see how \
            they relate (Google Search Central, "Link best practices"; Yoast SEO's "Internal \
            links" check: red with none, orange when all are nofollow). A link is internal when \
            its URL is relative or its host is the canonical URL's or `site-url`'s (`www.` \
            ignored; see `LinkClassifier`); `#fragments`, `mailto:`, `tel:` and `javascript:` are \
            not. Rating: good with a followed internal link, ok when every internal link is \
            `rel="nofollow"` (info finding at the first), bad with none (warning at the headline). \
            Plain text has no links: not checked.
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("site-url", .text(""), "The site's address (`https://example.com`): absolute links to it are internal. The canonical URL's host always is."),
        ],
        examples: [
            .pass("# Bread\n\nRead the [starter guide](/guides/starter/) first.\n"),
            .pass("# Bread\n\nSee the [flour guide](https://example.com/flour).\n", options: ["site-url": .text("https://example.com")]),
            .pass("<html><head><link rel=\"canonical\" href=\"https://example.com/bread\"></head><body><p>See <a href=\"https://www.example.com/flour\">flour</a>.</p></body></html>", format: .html),
            .pass("Plain text has no links.\n", format: .text),
            .fail("↓# Bread\n\nSee the [flour guide](https://example.org/flour) or [the top](#top).\n"),
            .fail("---\n↓title: Bread\n---\n\nNo links at all. [Mail us](mailto:bread@example.com).\n"),
            .fail("<html><body><h1>Bread</h1><p>See ↓<a href=\"/flour\" rel=\"nofollow\">flour</a>.</p></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let document = context.document
        guard document.format != .text else { return RuleResult(assessment: MetaText.notApplicable("plain text has no links")) }
        let classifier = LinkClassifier(context: context, options: options)
        let internalLinks = document.links.filter { classifier.classify($0.url) == .internal }
        let followed = internalLinks.filter { !$0.rel.contains("nofollow") }
        let target = "at least 1 followed internal link"
        if !followed.isEmpty {
            return RuleResult(assessment: Assessment(
                score: .seo, rating: .good, measured: MetaText.count(internalLinks.count, "internal link"), target: target))
        }
        if let first = internalLinks.first {
            let finding = RuleFinding(
                message: "Every internal link on the page is nofollow (\(internalLinks.count)): search engines are asked not to follow any.",
                suggestion: "Remove rel=\"nofollow\" from links to your own pages.",
                range: first.range, severity: .info)
            return RuleResult(findings: [finding], assessment: Assessment(
                score: .seo, rating: .ok, measured: "\(MetaText.count(internalLinks.count, "internal link")), all nofollow", target: target))
        }
        let hint = classifier.siteHosts.isEmpty ? " If your links are absolute, set the rule's `site-url` option (or a canonical URL) so they count." : ""
        let finding = RuleFinding(
            message: "The page links to no other page of its site.",
            suggestion: "Link to related pages of your site where they help the reader.\(hint)",
            range: context.headlineRange)
        return RuleResult(findings: [finding], assessment: Assessment(score: .seo, rating: .bad, measured: "no internal link", target: target))
    }
}
