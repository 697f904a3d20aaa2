/// The page links to other sites.
struct OutboundLinksRule: Rule {
    static let description = RuleDescription(
        id: "links.outbound",
        name: "Outbound links",
        category: .links,
        defaultSeverity: .info,
        summary: "The page has at least one followed link to another site.",
        rationale: """
            Linking to sources and related resources on other sites helps readers check and go \
            further, and shows search engines the page's context (Yoast SEO's "Outbound links" \
            check rates a page without any, or with only nofollow ones, orange). A link is \
            outbound when its host is neither the canonical URL's nor `site-url`'s (see \
            `LinkClassifier`). Advice rather than a defect, so an info finding at the headline; \
            rating: good with a followed outbound link, ok otherwise (as Yoast's orange). Plain \
            text has no links: not checked.
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("site-url", .text(""), "The site's address (`https://example.com`): links to it are not outbound. The canonical URL's host never is."),
        ],
        examples: [
            .pass("# Bread\n\nThe [flour study](https://example.org/flour) says so.\n"),
            .pass("<html><body><h1>Bread</h1><p>See <a href=\"//example.org/flour\">the study</a>.</p></body></html>", format: .html),
            .pass("Plain text has no links.\n", format: .text),
            .fail("↓# Bread\n\nRead the [starter guide](/guides/starter/) first.\n"),
            .fail("↓# Bread\n\nSee the [flour guide](https://example.com/flour).\n", options: ["site-url": .text("example.com")]),
            .fail("<html><body><h1>Bread</h1><p>See ↓<a href=\"https://example.org/\" rel=\"nofollow sponsored\">the study</a>.</p></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let document = context.document
        guard document.format != .text else { return RuleResult(assessment: MetaText.notApplicable("plain text has no links")) }
        let classifier = LinkClassifier(context: context, options: options)
        let outbound = document.links.filter {
            if case .outbound = classifier.classify($0.url) { return true }
            return false
        }
        let followed = outbound.filter { !$0.rel.contains("nofollow") }
        let target = "at least 1 followed outbound link"
        if !followed.isEmpty {
            return RuleResult(assessment: Assessment(
                score: .seo, rating: .good, measured: MetaText.count(outbound.count, "outbound link"), target: target))
        }
        if let first = outbound.first {
            let finding = RuleFinding(
                message: "Every outbound link on the page is nofollow (\(outbound.count)).",
                suggestion: "Keep nofollow (or sponsored, ugc) for paid and untrusted links; link to trusted sources normally.",
                range: first.range)
            return RuleResult(findings: [finding], assessment: Assessment(
                score: .seo, rating: .ok, measured: "\(MetaText.count(outbound.count, "outbound link")), all nofollow", target: target))
        }
        let finding = RuleFinding(
            message: "The page links to no other site.",
            suggestion: "Link to a source, a study or a useful resource where it helps the reader.",
            range: context.headlineRange)
        return RuleResult(findings: [finding], assessment: Assessment(score: .seo, rating: .ok, measured: "no outbound link", target: target))
    }
}
