/// Images have alt text.
struct ImageAltRule: Rule {
    static let description = RuleDescription(
        id: "images.alt",
        name: "Image alt text",
        category: .images,
        defaultSeverity: .warning,
        summary: "Every image has alt text; an explicitly empty alt (`alt=\"\"`) marks a decorative image.",
        rationale: """
            Alt text is what screen readers read and what search engines understand of an image \
            (WCAG 1.1.1 Non-text Content; Google Search Central, "Image SEO best practices"; Yoast \
            SEO's image checks). The HTML standard marks a decorative image with `alt=""`, allowed \
            by default (`allow-empty-alt`); an image with `role="presentation"`, `role="none"` or \
            `aria-hidden="true"` is decorative too. In Markdown, `![](photo.jpg)` cannot say \
            "decorative" and is nearly always an oversight, so empty brackets count as missing \
            (`markdown-empty-alt-is-missing`); write `<img src="..." alt="">` for a decorative \
            image. One finding per image; rating: good when every image has alt text, ok when \
            some lack it, bad when all do; no images: not counted.
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("allow-empty-alt", .flag(true), "An explicitly empty alt (`alt=\"\"`) marks a decorative image and is accepted."),
            RuleOption("markdown-empty-alt-is-missing", .flag(true), "In Markdown, `![](image.png)` (empty brackets) counts as missing alt text."),
        ],
        examples: [
            .pass("# Bread\n\n![A sourdough loaf with a dark crust](/loaf.jpg)\n"),
            .pass("<html><body><p><img src=\"/loaf.jpg\" alt=\"A sourdough loaf\"><img src=\"/divider.png\" alt=\"\"></p></body></html>", format: .html),
            .pass("# Bread\n\n<img src=\"/divider.png\" alt=\"\">\n"),
            .pass("# Bread\n\n![](/divider.png)\n", options: ["markdown-empty-alt-is-missing": .flag(false)]),
            .fail("# Bread\n\n↓![](/loaf.jpg)\n\nText ↓<img src=\"/crumb.jpg\"> here.\n"),
            .fail("<html><body><p>↓<img src=\"/loaf.jpg\"><img src=\"/x.gif\" aria-hidden=\"true\"></p></body></html>", format: .html),
            .fail("<html><body><p>↓<img src=\"/divider.png\" alt=\"\"></p></body></html>", format: .html, options: ["allow-empty-alt": .flag(false)]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let document = context.document
        guard !document.images.isEmpty else { return RuleResult(assessment: MetaText.notApplicable("no images")) }
        let allowEmpty = options.flag("allow-empty-alt")
        let markdownEmptyIsMissing = options.flag("markdown-empty-alt-is-missing")
        var findings: [RuleFinding] = []
        for image in document.images {
            let markup = MetaText.markup(image.range, in: document)
            let isMarkdownSyntax = document.format == .markdown && markup.hasPrefix("!")
            let message: String
            if let alt = image.alt {
                guard alt.trimmed().isEmpty else { continue }
                if isMarkdownSyntax {
                    guard markdownEmptyIsMissing else { continue }
                    message = "This image has no alt text (the brackets of `![](...)` are empty)."
                } else {
                    guard !allowEmpty else { continue }
                    message = "This image has an empty alt text."
                }
            } else {
                if Self.isMarkedDecorative(markup) { continue }
                message = "This image has no alt attribute."
            }
            let name = Self.fileName(image.source)
            findings.append(RuleFinding(
                message: message + (name.isEmpty ? "" : " (\(name))"),
                suggestion: "Describe what the image shows and why it is there, in a short sentence; for a purely decorative image use alt=\"\".",
                range: image.range))
        }
        let total = document.images.count
        let rating: Assessment.Rating = findings.isEmpty ? .good : findings.count < total ? .ok : .bad
        return RuleResult(findings: findings, assessment: Assessment(
            score: .seo, rating: rating,
            measured: "\(findings.count) of \(MetaText.count(total, "image")) without alt text", target: "alt text on every image"))
    }

    /// `role="presentation"`, `role="none"` or `aria-hidden="true"` in the tag.
    static func isMarkedDecorative(_ markup: String) -> Bool {
        guard markup.hasPrefix("<") else { return false }
        let tag = String(markup.prefix { $0 != ">" }).lowercased().filter { $0 != " " && $0 != "'" && $0 != "\"" }
        return tag.containsBytes("role=presentation") || tag.containsBytes("role=none") || tag.containsBytes("aria-hidden=true")
    }

    /// The last path segment of an image URL, for messages.
    static func fileName(_ source: String) -> String {
        let path = source.prefix { $0 != "?" && $0 != "#" }
        guard !path.hasPrefix("data:") else { return "" }
        return String(path.split(separator: "/").last ?? "")
    }
}
