/// The title fits the width of a desktop search result.
struct TitleWidthRule: Rule {
    static let description = RuleDescription(
        id: "meta.title-width",
        name: "Title width",
        category: .meta,
        defaultSeverity: .warning,
        summary: "The title fits in about 600 pixels, the width of a desktop search result title.",
        rationale: """
            Google sets desktop result titles in Arial at 20 px and cuts them, with " ...", at \
            about 600 pixels; Yoast SEO's "SEO title width" check and its snippet preview measure \
            the same pixels. Characters only approximate this: "WWW" is over four times as wide as \
            "iii". The width is the sum of the characters' advance widths in Arial, taken from \
            Liberation Sans (metric-compatible with Arial), divided by 2048 font units per em and \
            multiplied by the font size; emoji count 1.25 em, CJK characters 1 em, unknown \
            characters the mean width of a–z and A–Z; no kerning (see `SERPWidth`). Rating: good \
            up to the maximum; ok up to 10% over (only the last word or two are cut); bad beyond.
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("max-width", .number(600), "Widest title, in pixels, before search results cut it."),
            RuleOption("font-size", .number(20), "Font size of result titles, in pixels (Google desktop: 20)."),
        ],
        examples: [
            .pass("---\ntitle: How to Bake Sourdough Bread at Home\n---\n\nText.\n"),
            // 76 characters, but narrow ones: 552 px.
            .pass("---\ntitle: A little list of simple, useful tips for lilies in July, with light fill-ins\n---\n\nText.\n"),
            .pass("<html><head><title>Sourdough bread at home</title></head><body><p>x</p></body></html>", format: .html),
            // 51 characters, but wide ones: 650 px.
            .fail("---\n↓title: WHAT WE LEARNED WHEN WE MOVED OUR WHOLE TEAM ONLINE\n---\n\nText.\n"),
            .fail("---\n↓title: How to Bake Sourdough Bread at Home\n---\n\nText.\n", options: ["max-width": .number(300)]),
            .fail("<html><head>↓<title>The Complete Beginner's Guide to Baking Sourdough Bread at Home in 2025</title></head><body><p>x</p></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        guard let title = PageTitle.of(context) else { return RuleResult(assessment: MetaText.notApplicable("no title")) }
        let maximum = options.number("max-width")
        let fontSize = options.number("font-size")
        let widths = SERPWidth.shared
        let width = widths.width(of: title.text, fontSize: fontSize)
        let measured = "\(Int(width.rounded())) px (\(MetaText.count(MetaText.characters(title.text), "character")))"
        let target = "at most \(MetaText.number(maximum)) px"
        guard width > maximum else {
            return RuleResult(assessment: Assessment(score: .seo, rating: .good, measured: measured, target: target))
        }
        let visible = widths.visiblePrefix(of: title.text, maxWidth: maximum, fontSize: fontSize)
        let finding = RuleFinding(
            message: "The \(title.name) is about \(Int(width.rounded())) px wide, over the \(MetaText.number(maximum)) px a desktop search result shows: it would read “\(visible) ...”.",
            suggestion: "Shorten it or use narrower words; put the words that matter first.",
            range: title.range)
        let rating: Assessment.Rating = width <= maximum * 1.1 ? .ok : .bad
        return RuleResult(findings: [finding], assessment: Assessment(score: .seo, rating: rating, measured: measured, target: target))
    }
}
