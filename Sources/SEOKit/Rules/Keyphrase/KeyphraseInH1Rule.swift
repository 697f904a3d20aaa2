/// The page's main heading names the keyphrase.
struct KeyphraseInH1Rule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.in-h1",
        name: "Keyphrase in H1",
        category: .keyphrase,
        defaultSeverity: .warning,
        summary: "The H1 heading contains every content word of the keyphrase (any order and word form).",
        rationale: """
            The H1 is what readers see first on the page and what search engines read as its \
            main heading; it should say the page is about the keyphrase. The H1 is the first `#` \
            heading or `<h1>`; in Markdown with a front matter `title`, site generators render the \
            title as the H1, so by default the title is checked instead (option `title-is-h1`, the \
            same convention as `headings.single-h1`). A match needs every content word of the \
            keyphrase, in any order and word form, or the exact phrase for a quoted keyphrase. \
            Common on-page advice (Yoast SEO's "Single title" check makes the H1 the page's main \
            title; Google Search Central, "Use heading elements to emphasize important text"). \
            Synonyms do not count. No H1: not rated (`headings.single-h1` reports it).
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("title-is-h1", .flag(true), "In Markdown, a front matter title is rendered as the H1."),
        ],
        examples: [
            .pass("# Sourdough bread at home\n\nText.\n", keyphrases: ["sourdough bread"]),
            .pass("---\ntitle: Breads of Sourdough\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .pass("<html><body><h1>Our sourdough bread</h1><p>Text.</p></body></html>", format: .html, keyphrases: ["sourdough bread"]),
            .pass("No heading at all.\n", keyphrases: ["sourdough bread"]),
            .pass(
                "---\ntitle: Bread basics\n---\n\n# Sourdough bread\n\nText.\n", options: ["title-is-h1": .flag(false)],
                keyphrases: ["sourdough bread"]),
            .fail("---\n↓title: Bread basics\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .fail("↓# Bread basics\n\nText about sourdough bread.\n", keyphrases: ["sourdough bread"]),
            .fail(
                "---\ntitle: Sourdough bread\n---\n\n↓# Bread basics\n\nText.\n", options: ["title-is-h1": .flag(false)],
                keyphrases: ["sourdough bread"]),
            .fail("<html><body>↓<h1>Bread</h1><p>Sourdough bread.</p></body></html>", format: .html, keyphrases: ["sourdough bread"]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let target = "every keyphrase word in the H1"
        let document = context.document
        // The title's matcher is built only when there is a keyphrase to look for.
        var title: String?
        var matcher: KeyphraseMatcher?
        let sentences: Range<Int>?
        let range: SourceRange
        let useTitle = document.format == .markdown && options.flag("title-is-h1")
        if useTitle, let text = document.metadata.title?.trimmed(), !text.isEmpty {
            title = text
            sentences = nil
            range = context.range(of: .title)
        } else if let index = document.blocks.firstIndex(where: { $0.kind == .heading && $0.level == 1 }) {
            matcher = nil
            sentences = context.analysis.blocks[index].sentenceRange
            range = document.blocks[index].range
        } else {
            return RuleResult(assessment: Assessment(score: .seo, rating: .notApplicable, measured: "no H1", target: target))
        }
        return KeyphraseRuleSupport.result(context, target: target) { _, phrase, analysis in
            if matcher == nil, let title { matcher = KeyphraseMatcher(string: title, lexicon: context.lexicon) }
            let search = matcher ?? analysis.body
            let needed = phrase.searchedWords.count
            let found = search.wordsFound(of: phrase, inSentences: sentences)
            if found == needed { return KeyphraseVerdict(rating: .good, measured: "in the H1") }
            let measured = phrase.isExact ? "exact phrase not in the H1" : "\(found) of \(needed) keyphrase words in the H1"
            let heading = title != nil ? "The H1 (the front matter title)" : "The H1"
            return KeyphraseVerdict(rating: .bad, measured: measured, findings: [RuleFinding(
                message: "\(heading) does not contain the keyphrase \(KeyphraseRuleSupport.quoted(phrase)).",
                suggestion: "Name the topic in the main heading with the keyphrase.",
                range: range)])
        }
    }
}
