/// Headings have text.
struct EmptyHeadingRule: Rule {
    static let description = RuleDescription(
        id: "headings.empty",
        name: "Empty heading",
        category: .headings,
        defaultSeverity: .warning,
        summary: "Every heading has text (letters, digits or an emoji, or an image with alt text).",
        rationale: """
            An empty heading is an entry in the page's outline with no name: screen readers \
            announce "heading level 2" and nothing else, and the section it opens has no title \
            (WCAG 2.4.6 Headings and Labels; axe rule `empty-heading`). A heading of punctuation \
            only (`## ---`) counts as empty; one holding only an image counts as its alt text. \
            One finding per empty heading; rating: good with none, bad with any.
            """,
        score: .seo,
        weight: 0.5,
        examples: [
            .pass("# Bread\n\n## Flour\n\nText.\n"),
            .pass("## 🍞\n\nText.\n"),
            .pass("<html><body><h1>Bread</h1><h2><img src=\"logo.png\" alt=\"Flour Co.\"></h2><p>x</p></body></html>", format: .html),
            .fail("# Bread\n\n↓##\n\nText.\n"),
            .fail("# Bread\n\n↓## ...\n\nText.\n"),
            .fail("<html><body><h1>Bread</h1>↓<h2> </h2><p>x</p></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let document = context.document
        var findings: [RuleFinding] = []
        for heading in document.headings where Self.isEmpty(heading, in: document) {
            findings.append(RuleFinding(
                message: "This H\(heading.level) has no text.",
                suggestion: "Name the section it opens, or remove the heading.",
                range: heading.range))
        }
        guard !document.headings.isEmpty else { return RuleResult(assessment: MetaText.notApplicable("no headings")) }
        return RuleResult(findings: findings, assessment: Assessment(
            score: .seo, rating: findings.isEmpty ? .good : .bad,
            measured: MetaText.count(findings.count, "empty heading"), target: "no empty heading"))
    }

    static func isEmpty(_ heading: Block, in document: Document) -> Bool {
        let text = document.text(of: heading)
        for character in text where character.isLetter || character.isNumber || SERPWidth.isEmoji(character) {
            return false
        }
        // An image inside the heading names it by its alt text: an image from the heading's
        // start to the end of its last line (an empty heading's range may be empty).
        let source = document.source
        let lastLine = source.lineIndex(containing: heading.range.end.offset)
        let lineEnd = lastLine + 1 < source.lineStarts.count ? source.lineStarts[lastLine + 1] : source.bytes.count
        let range = heading.range.start.offset..<max(heading.range.end.offset, lineEnd)
        return !document.images.contains { image in
            range.contains(image.range.start.offset) && !(image.alt ?? "").trimmed().isEmpty
        }
    }
}
