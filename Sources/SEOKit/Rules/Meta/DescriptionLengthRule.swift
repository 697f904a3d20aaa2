/// The meta description's length, within what a search result snippet shows.
struct DescriptionLengthRule: Rule {
    static let description = RuleDescription(
        id: "meta.description-length",
        name: "Meta description length",
        category: .meta,
        defaultSeverity: .warning,
        summary: "The meta description is 120–156 characters long.",
        rationale: """
            Yoast SEO's "Meta description length" check recommends 120 to 156 characters: shorter \
            ones waste snippet space, longer ones are cut with an ellipsis. Like Yoast, both too \
            short and too long rate ok (half the weight); a missing description is \
            `meta.description-missing`'s finding and does not count here. Characters are \
            user-perceived characters with whitespace collapsed.
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("min-characters", .number(120), "Fewest characters before a description is too short."),
            RuleOption("max-characters", .number(156), "Most characters before a description is too long."),
        ],
        examples: [
            .pass("---\ntitle: Sourdough\ndescription: \"Learn how to bake sourdough bread at home: feeding a starter, mixing and shaping the dough, and baking a crisp loaf in a home oven.\"\n---\n\nText.\n"),
            .pass("---\ntitle: Sourdough\ndescription: How to bake sourdough bread.\n---\n\nText.\n", options: ["min-characters": .number(20)]),
            .pass("---\ntitle: No description here\n---\n\nText.\n"),
            .fail("---\ntitle: Sourdough\n↓description: How to bake sourdough bread.\n---\n\nText.\n"),
            .fail("---\ntitle: Sourdough\n↓description: Keep a sourdough starter alive with one daily feed, learn how much flour and water to use, where to store it, and how to revive a starter that went flat overnight.\n---\n\nText.\n"),
            .fail("<html><head><title>Bread</title>↓<meta name=\"description\" content=\"Bread.\"></head><body><p>x</p></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        guard let description = context.document.metadata.description, !description.trimmed().isEmpty else {
            return RuleResult(assessment: MetaText.notApplicable("no meta description"))
        }
        let count = MetaText.characters(description)
        let minimum = Int(options.number("min-characters"))
        let maximum = Int(options.number("max-characters"))
        let measured = MetaText.count(count, "character")
        let target = "\(minimum)–\(maximum) characters"
        let range = context.range(of: .description)
        if count < minimum {
            let finding = RuleFinding(
                message: "The meta description is \(measured) long, under \(minimum): the snippet has room to say more.",
                suggestion: "Add what the reader gets from the page and why it is worth the click (\(minimum - count) characters or more).",
                range: range)
            return RuleResult(findings: [finding], assessment: Assessment(score: .seo, rating: .ok, measured: measured, target: target))
        }
        if count > maximum {
            // The last whole words within the maximum.
            let kept = description.collapsingWhitespace().prefix(maximum + 1)
            let split = kept.split(separator: " ")
            let words = kept.last == " " ? split[...] : split.dropLast()
            let tail = words.suffix(4).joined(separator: " ")
            let finding = RuleFinding(
                message: "The meta description is \(measured) long, over \(maximum): search results would cut it after about “…\(tail)”.",
                suggestion: "Trim it to \(maximum) characters or fewer, with the important words first.",
                range: range)
            return RuleResult(findings: [finding], assessment: Assessment(score: .seo, rating: .ok, measured: measured, target: target))
        }
        return RuleResult(assessment: Assessment(score: .seo, rating: .good, measured: measured, target: target))
    }
}
