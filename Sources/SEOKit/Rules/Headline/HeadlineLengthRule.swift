/// The headline is neither too short to say much nor too long to take in.
struct HeadlineLengthRule: Rule {
    static let description = RuleDescription(
        id: "headline.length",
        name: "Headline length",
        category: .headline,
        defaultSeverity: .info,
        summary: "The headline has 6–13 words (and, for an H1, at most 60 characters).",
        rationale: """
            A headline of a few words rarely says what the reader gets; one of more than a dozen \
            is read in pieces. 6–13 words is the band headline analysers commonly recommend, from \
            studies of clicks and shares; it is a convention, not a search engine rule, so this \
            is an info finding and feeds no score. The headline is the front matter title in \
            Markdown (else the first H1) and the first H1 in HTML (else the `<title>`); words and \
            characters are counted as `HeadlineAnalysis` documents. Characters are checked for an \
            H1 only: a title's are `meta.title-length`'s and `meta.title-width`'s.
            """,
        score: nil,
        weight: 0,
        options: [
            RuleOption("min-words", .number(6), "Fewest words in a headline."),
            RuleOption("max-words", .number(13), "Most words in a headline."),
            RuleOption("max-characters", .number(60), "Most characters in an H1 headline."),
        ],
        examples: [
            .pass("---\ntitle: How to Keep a Sourdough Starter Alive\n---\n\nText.\n"),
            .pass("<html><head><title>Starter | Bakery</title></head><body><h1>How to Keep a Sourdough Starter Alive</h1></body></html>", format: .html),
            .pass("---\ntitle: Sourdough\n---\n\nText.\n", options: ["min-words": .number(1)]),
            .pass("Plain text has no headline.\n", format: .text),
            .fail("---\n↓title: Sourdough Starter\n---\n\nText.\n"),
            .fail("↓# Everything You Ever Wanted to Know About Keeping a Sourdough Starter Happy and Healthy\n\nText.\n"),
            .fail("<html><body>↓<h1>Understanding Hydration, Autolyse Techniques and Fermentation Times</h1></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        guard let headline = HeadlineSubject.headline(context) else { return .clean }
        let analysis = headline.analysis
        let minimum = Int(options.number("min-words"))
        let maximum = Int(options.number("max-words"))
        let maxCharacters = Int(options.number("max-characters"))
        var problems: [String] = []
        if analysis.wordCount < minimum {
            problems.append("\(MetaText.count(analysis.wordCount, "word")), under \(minimum)")
        } else if analysis.wordCount > maximum {
            problems.append("\(MetaText.count(analysis.wordCount, "word")), over \(maximum)")
        }
        if headline.source == .h1, analysis.characters > maxCharacters {
            problems.append("\(MetaText.count(analysis.characters, "character")), over \(maxCharacters)")
        }
        guard !problems.isEmpty else { return .clean }
        let suggestion = analysis.wordCount < minimum
            ? "Say what the reader gets: the topic plus a benefit, a number or a question."
            : "Keep the words that carry the promise and cut the rest."
        return RuleResult(findings: [RuleFinding(
            message: "The headline (\(headline.name)) has \(problems.joined(separator: " and ")): \(MetaText.quoted(headline.text)).",
            suggestion: suggestion, range: headline.range)])
    }
}
