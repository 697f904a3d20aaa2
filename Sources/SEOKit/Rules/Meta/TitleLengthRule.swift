/// The title's length in characters, within the range search results show in full.
struct TitleLengthRule: Rule {
    static let description = RuleDescription(
        id: "meta.title-length",
        name: "Title length",
        category: .meta,
        defaultSeverity: .warning,
        summary: "The title is 30–60 characters long.",
        rationale: """
            Google shows about 600 pixels of a desktop result title, which is 50–60 characters of \
            ordinary text; Moz's title tag guidance is to stay under 60 characters, with which \
            about 90% of titles display in full. Below 30 characters a title leaves room unused \
            that could describe the page and earn the click (a lower bound common to SEO tools). \
            Characters are user-perceived characters with whitespace collapsed (`é` and an emoji \
            count 1). Characters only approximate what is cut: `meta.title-width` measures the \
            pixels, as Yoast SEO's "SEO title width" check does, and is the one that feeds the \
            score; this rule reports the count writers are used to and feeds no score, so one \
            long title is not counted twice. A title over the maximum that still fits 600 px at \
            Arial 20 px gets an info finding instead of a warning.
            """,
        score: nil,
        weight: 0,
        options: [
            RuleOption("min-characters", .number(30), "Fewest characters before a title is too short."),
            RuleOption("max-characters", .number(60), "Most characters before a title is too long."),
        ],
        examples: [
            .pass("---\ntitle: How to Bake Sourdough Bread at Home\n---\n\nText.\n"),
            .pass("# How to Bake Sourdough Bread at Home Without Any Special Equipment\n\nText.\n", options: ["max-characters": .number(80)]),
            .pass("<html><head><title>Sourdough bread at home: a starter guide</title></head><body><p>x</p></body></html>", format: .html),
            .pass("Plain text has no title.\n", format: .text),
            .fail("---\n↓title: Bread\n---\n\nText.\n"),
            .fail("---\n↓title: How to Bake Sourdough Bread at Home Without Any Special Equipment or Stress\n---\n\nText.\n"),
            .fail("<html><head>↓<title>Bread</title></head><body><p>x</p></body></html>", format: .html),
            // 76 narrow characters: over 60, but only 552 px wide (an info finding).
            .fail("---\n↓title: A little list of simple, useful tips for lilies in July, with light fill-ins\n---\n\nText.\n"),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        guard let title = PageTitle.of(context) else { return .clean }
        let count = MetaText.characters(title.text)
        let minimum = Int(options.number("min-characters"))
        let maximum = Int(options.number("max-characters"))
        if count < minimum {
            return RuleResult(findings: [RuleFinding(
                message: "The \(title.name) is \(MetaText.count(count, "character")) long, under the \(minimum) a search result has room for: \(MetaText.quoted(title.text)).",
                suggestion: "Say more about what the page offers: the topic, the angle, who it is for.",
                range: title.range)])
        }
        if count > maximum {
            let widths = SERPWidth.shared
            let width = Int(widths.width(of: title.text).rounded())
            // Narrow letters can fit more characters: then the count is only a hint.
            guard width > Int(SERPWidth.titleMaxWidth) else {
                return RuleResult(findings: [RuleFinding(
                    message: "The \(title.name) is \(MetaText.count(count, "character")) long, over \(maximum), though at about \(width) px it still fits a desktop search result.",
                    suggestion: "Check it on mobile and in other search engines; put the words that matter first.",
                    range: title.range, severity: .info)])
            }
            let visible = widths.visiblePrefix(of: title.text)
            return RuleResult(findings: [RuleFinding(
                message: "The \(title.name) is \(MetaText.count(count, "character")) long, over \(maximum): search results would cut it to about “\(visible) ...”.",
                suggestion: "Put the words that matter first and trim the rest (a site name can go).",
                range: title.range)])
        }
        return .clean
    }
}
