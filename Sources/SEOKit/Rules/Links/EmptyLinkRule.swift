/// Links have text and go somewhere.
struct EmptyLinkRule: Rule {
    static let description = RuleDescription(
        id: "links.empty",
        name: "Empty link",
        category: .links,
        defaultSeverity: .warning,
        summary: "A link has text (or a label) and a target: no `[](url)`, no empty, `#` or `javascript:` href.",
        rationale: """
            A link without text is invisible or unnamed: screen readers announce only "link" \
            and search engines learn nothing from it (WCAG 2.4.4 Link Purpose and 4.1.2 Name, \
            Role, Value; axe rule `link-name`). A link whose href is empty, only `#`, or \
            `javascript:` leads nowhere a crawler can follow (Google Search Central, "Link best \
            practices": make links crawlable with an `<a href>` that resolves to a URL). An image \
            with alt text inside the link, or an `aria-label`, `aria-labelledby` or `title`, \
            counts as its text. An HTML `<a>` without any href attribute is a named anchor, not a \
            link, and is skipped. One finding per link; rating: good with none, bad with any.
            """,
        score: .seo,
        weight: 0.5,
        examples: [
            .pass("# Bread\n\nSee the [starter guide](/guides/starter/).\n"),
            .pass("# Bread\n\n[![Sourdough loaf](/loaf.jpg)](/gallery/)\n"),
            .pass("<html><body><p><a name=\"top\"></a><a href=\"/cart\" aria-label=\"Cart\"><svg></svg></a> <a href=\"#flour\">Flour</a></p></body></html>", format: .html),
            .fail("# Bread\n\n↓[](https://example.com)\n"),
            .fail("# Bread\n\nSee ↓[the guide]().\n"),
            .fail("<html><body><p>Open ↓<a href=\"javascript:void(0)\">the menu</a> or ↓<a href=\"#\">top</a>.</p></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let document = context.document
        var findings: [RuleFinding] = []
        var counted = 0
        for link in document.links {
            let startTag = MetaText.startTag(of: link.range, in: document)
            // `<a name="x">` without href is an anchor, not a link.
            if let startTag, !startTag.containsBytes("href") { continue }
            counted += 1
            var problems: [String] = []
            if !Self.hasText(link, startTag: startTag ?? "", in: document) { problems.append("has no text") }
            let url = link.url.trimmed()
            if url.isEmpty {
                problems.append("has an empty target")
            } else if url == "#" {
                problems.append("points to “#”, nowhere")
            } else if url.utf8.hasASCIIPrefix(ignoringCase: "javascript:") {
                problems.append("runs JavaScript instead of pointing to a URL")
            }
            guard !problems.isEmpty else { continue }
            let suggestion = problems.count == 2 || problems[0] != "has no text"
                ? "Point the link to a real URL with text that names the target, or make it a button."
                : "Give the link text that names the target (or alt text for an image inside it)."
            findings.append(RuleFinding(
                message: "This link \(problems.joined(separator: " and ")).", suggestion: suggestion, range: link.range))
        }
        guard counted > 0 else { return RuleResult(assessment: MetaText.notApplicable("no links")) }
        return RuleResult(findings: findings, assessment: Assessment(
            score: .seo, rating: findings.isEmpty ? .good : .bad,
            measured: "\(MetaText.count(findings.count, "empty link")) of \(MetaText.count(counted, "link"))", target: "no empty link"))
    }

    /// Text, an image with alt text inside, or a label attribute.
    static func hasText(_ link: Link, startTag: String, in document: Document) -> Bool {
        if link.text.hasVisibleCharacter { return true }
        let range = link.range.start.offset..<max(link.range.end.offset, link.range.start.offset + 1)
        if document.images.contains(where: { range.contains($0.range.start.offset) && !($0.alt ?? "").trimmed().isEmpty }) {
            return true
        }
        return startTag.containsBytes("aria-label") || startTag.containsBytes("title=")
    }
}
