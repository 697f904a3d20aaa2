/// Long stretches of text are broken up by subheadings.
struct SubheadingDistributionRule: Rule {
    static let description = RuleDescription(
        id: "headings.distribution",
        name: "Subheading distribution",
        category: .headings,
        defaultSeverity: .warning,
        summary: "A subheading at least every 300 words: the text before the first heading and each section is at most 300 words.",
        rationale: """
            Readers scan: subheadings show what each part is about and let them jump to it. \
            Yoast SEO's "Subheading distribution" check (part of its readability analysis) warns \
            when a section runs over 300 words and rates it red over 350; a text of 300 words \
            or fewer needs no subheading. Here a section is the body text (paragraphs, list \
            items, quotes, table cells; not code) from one heading to the next, and the text \
            before the first heading is a section too; words are counted as `seokit stats` \
            counts them. One finding per section over `max-words`, at its heading (or its first \
            block). Rating from the longest section: good up to `max-words`, ok up to \
            `bad-words`, bad beyond. Like Yoast, this feeds the readability score. Plain text \
            cannot hold headings: not checked.
            """,
        score: .readability,
        weight: 1,
        options: [
            RuleOption("max-words", .number(300), "Most words in a section before a subheading is needed."),
            RuleOption("bad-words", .number(350), "Section length above which the rating is bad rather than ok."),
        ],
        examples: [
            .pass("# Bread\n\n" + String(repeating: "word ", count: 250) + "\n\n## Flour\n\n" + String(repeating: "word ", count: 300) + "\n"),
            .pass(String(repeating: "A short text needs no subheading at all. ", count: 30) + "\n"),
            .pass("<html><body><h1>Bread</h1><p>" + String(repeating: "word ", count: 200) + "</p><h2>Flour</h2><p>" + String(repeating: "word ", count: 200) + "</p></body></html>", format: .html),
            .fail("# Bread\n\nShort intro.\n\n↓## Flour\n\n" + String(repeating: "word ", count: 200) + "\n\n" + String(repeating: "more ", count: 200) + "\n"),
            .fail("↓" + String(repeating: "word ", count: 320) + "\n\n## Flour\n\nShort.\n"),
            .pass(String(repeating: "word ", count: 400) + "\n", format: .text),
            .fail("# Bread\n\n↓## Flour\n\n" + String(repeating: "word ", count: 120) + "\n", options: ["max-words": .number(100)]),
        ])

    struct Section {
        var heading: Block?
        var firstBlock: Block?
        var words = 0
    }

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let document = context.document
        guard document.format != .text else {
            return RuleResult(assessment: MetaText.notApplicable("plain text has no headings", score: .readability))
        }
        let maximum = Int(options.number("max-words"))
        let badAbove = Int(options.number("bad-words"))
        var sections: [Section] = []
        var current = Section()
        for (index, block) in document.blocks.enumerated() {
            if block.kind == .heading {
                sections.append(current)
                current = Section(heading: block)
                continue
            }
            guard block.isProse else { continue }
            if current.firstBlock == nil { current.firstBlock = block }
            let span = context.analysis.blocks[index].tokenRange
            current.words += context.analysis.tokens[span].lazy.filter(\.isWord).count
        }
        sections.append(current)
        let total = sections.reduce(0) { $0 + $1.words }
        guard total > 0 else { return RuleResult(assessment: MetaText.notApplicable("no text", score: .readability)) }
        var findings: [RuleFinding] = []
        for section in sections where section.words > maximum {
            if let heading = section.heading {
                findings.append(RuleFinding(
                    message: "The section under this H\(heading.level) runs \(section.words) words without a subheading, over \(maximum).",
                    suggestion: "Split it with a subheading where the topic shifts (about every 250 words).",
                    range: heading.range))
            } else if let first = section.firstBlock {
                findings.append(RuleFinding(
                    message: "The text before the first heading runs \(section.words) words, over \(maximum).",
                    suggestion: "Add a subheading where the topic shifts (about every 250 words).",
                    range: first.range))
            }
        }
        let longest = sections.map(\.words).max() ?? 0
        let rating: Assessment.Rating = longest <= maximum ? .good : longest <= badAbove ? .ok : .bad
        return RuleResult(findings: findings, assessment: Assessment(
            score: .readability, rating: rating, measured: "longest section \(longest) words", target: "at most \(maximum) words"))
    }
}
