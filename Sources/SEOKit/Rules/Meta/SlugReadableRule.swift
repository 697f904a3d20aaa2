/// The slug is lowercase words separated by hyphens.
struct SlugReadableRule: Rule {
    static let description = RuleDescription(
        id: "meta.slug-readable",
        name: "Readable slug",
        category: .meta,
        defaultSeverity: .warning,
        summary: "The slug is lowercase words separated by hyphens, without ids, extensions or a pile of stop words.",
        rationale: """
            Google's URL structure guidance: use simple, descriptive words; use hyphens, not \
            underscores, to separate words; avoid long ID numbers. URLs are case-sensitive, so \
            uppercase letters invite duplicates; spaces and other characters are percent-encoded \
            into unreadable `%20`s; file extensions tie the URL to a technology. Stop words \
            (function words from `function-words.txt`) add length without meaning: more than 3, \
            or more than half of the words (at least 2), is too many. One finding lists every \
            problem and suggests a repaired slug. Rating: good when readable, bad otherwise.
            """,
        score: .seo,
        weight: 0.5,
        options: [
            RuleOption("max-digits", .number(4), "Longest run of digits (a year is 4) before it reads as an id."),
            RuleOption("max-stop-words", .number(3), "Most stop words in a slug."),
            RuleOption("max-stop-word-share", .number(0.5), "Largest share of stop words among a slug's words."),
        ],
        examples: [
            .pass("---\ntitle: Sourdough\nslug: sourdough-starter-guide\n---\n\nText.\n"),
            .pass("---\ntitle: Japan\nslug: japan-itinerary-2025\n---\n\nText.\n"),
            .pass("---\ntitle: How to bake\nslug: blog/how-to-bake-bread\n---\n\nText.\n"),
            .pass("<html><head><link rel=\"canonical\" href=\"https://example.com/blog/sourdough-starter/\"></head><body><p>x</p></body></html>", format: .html),
            .fail("---\ntitle: Sourdough\n↓slug: Sourdough_Starter_Guide\n---\n\nText.\n"),
            .fail("---\ntitle: Sourdough\n↓slug: post.php\n---\n\nText.\n"),
            .fail("---\ntitle: Sourdough\n↓slug: sourdough-starter-1582736\n---\n\nText.\n"),
            .fail("---\ntitle: Sourdough\n↓slug: what-is-the-best-way-to-feed-a-starter\n---\n\nText.\n"),
            .fail("---\ntitle: Sourdough\n↓slug: sourdough%20starter\n---\n\nText.\n"),
            .fail("↓<html><head><link rel=\"canonical\" href=\"https://example.com/blog/Sourdough_Starter.html\"></head><body><p>x</p></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let metadata = context.document.metadata
        guard let slug = metadata.slug, !slug.isEmpty else { return RuleResult(assessment: MetaText.notApplicable("no slug")) }
        let analysis = SlugAnalysis(
            slug, maxDigits: Int(options.number("max-digits")), maxStopWords: Int(options.number("max-stop-words")),
            maxStopWordShare: options.number("max-stop-word-share"), lexicon: context.lexicon)
        let target = "lowercase words and hyphens"
        guard !analysis.isReadable else {
            return RuleResult(assessment: Assessment(score: .seo, rating: .good, measured: "readable", target: target))
        }
        let origin: String
        if metadata.fieldRanges[.slug] != nil {
            origin = ""
        } else if context.document.format == .html, metadata.canonical != nil {
            origin = " (from the canonical URL)"
        } else {
            origin = " (from the file name)"
        }
        let list = analysis.problems.map(\.description).joined(separator: "; ")
        let suggestion = analysis.suggestion.isEmpty || analysis.suggestion == slug
            ? "Use lowercase words that name the topic, separated by hyphens."
            : "Use lowercase words separated by hyphens, such as “\(analysis.suggestion)”."
        let finding = RuleFinding(
            message: "The slug \(MetaText.quoted(slug, limit: 60))\(origin) is hard to read: \(list).",
            suggestion: suggestion,
            range: context.range(of: .slug))
        return RuleResult(findings: [finding], assessment: Assessment(
            score: .seo, rating: .bad, measured: MetaText.count(analysis.problems.count, "problem"), target: target))
    }
}
