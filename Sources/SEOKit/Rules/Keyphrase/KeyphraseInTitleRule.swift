/// The page title (front matter `title`, HTML `<title>`) starts with the keyphrase.
struct KeyphraseInTitleRule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.in-title",
        name: "Keyphrase in title",
        category: .keyphrase,
        defaultSeverity: .warning,
        summary: "The title contains the keyphrase as a phrase, ideally at its start.",
        rationale: """
            The title is the headline of the search result and the strongest on-page signal of \
            what a page is about; searchers scan its first words. Ratings from Yoast SEO's \
            "Keyphrase in SEO title" assessment (Yoast SEO scoring criteria, packages/yoastseo \
            SCORING SEO.md): good when the keyphrase opens the title (function words before it, \
            such as "The", are ignored), ok when it is elsewhere in the title or when all its \
            content words are there but not as the phrase, bad when words are missing. Word forms \
            count ("Sourdough Breads" has `sourdough bread`); a quoted keyphrase must appear \
            exactly. Synonyms do not count, as in Yoast. No title: not rated (the meta rules \
            report a missing title).
            """,
        score: .seo,
        weight: 1,
        examples: [
            .pass("---\ntitle: Sourdough Bread for Beginners\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .pass("---\ntitle: \"The Sourdough Breads of Paris\"\n---\n\nText.\n", keyphrases: ["sourdough bread"]),
            .pass("---\ntitle: \"E-mail marketing: a primer\"\n---\n\nText.\n", keyphrases: ["email marketing"]),
            .pass("Text without a title.\n", keyphrases: ["sourdough bread"]),
            .pass(
                "<html><head><title>Sourdough bread at home</title><meta name=\"keyphrase\" content=\"sourdough bread\"></head><body><p>x</p></body></html>",
                format: .html),
            .fail("---\n↓title: Bread basics\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .fail("---\n↓title: Baking sourdough bread at home\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .fail("---\n↓title: Bread made with sourdough\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .fail("---\n↓title: Pizza in New York\nkeyphrase: '\"new york pizza\"'\n---\n\nText.\n"),
            .fail(
                "<html><head>↓<title>Bread basics</title><meta name=\"keyphrase\" content=\"sourdough bread\"></head><body><p>x</p></body></html>",
                format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let target = "the keyphrase at the start of the title"
        guard let title = context.document.metadata.title?.trimmed(), !title.isEmpty else {
            return RuleResult(assessment: Assessment(score: .seo, rating: .notApplicable, measured: "no title", target: target))
        }
        let range = context.range(of: .title)
        return KeyphraseRuleSupport.result(context, target: target) { _, phrase, _ in
            let matcher = KeyphraseMatcher(string: title, lexicon: context.lexicon)
            let name = KeyphraseRuleSupport.quoted(phrase)
            if let occurrence = matcher.phraseOccurrence(of: phrase) {
                if occurrence.isAtStart { return KeyphraseVerdict(rating: .good, measured: "at the start of the title") }
                return KeyphraseVerdict(rating: .ok, measured: "in the title, not at the start", findings: [RuleFinding(
                    message: "The title has \(name), but not at its start.",
                    suggestion: "Move the keyphrase to the beginning of the title, where searchers look first.",
                    range: range, severity: .info)])
            }
            let needed = phrase.searchedWords.count
            let found = matcher.wordsFound(of: phrase)
            if !phrase.isExact, found == needed {
                return KeyphraseVerdict(rating: .ok, measured: "all words in the title, not as the phrase", findings: [RuleFinding(
                    message: "The title has every word of \(name), but not together as the phrase.",
                    suggestion: "Use the keyphrase as written, ideally at the start of the title.",
                    range: range, severity: .info)])
            }
            let measured = phrase.isExact ? "exact phrase not in the title" : "\(found) of \(needed) keyphrase words in the title"
            return KeyphraseVerdict(rating: .bad, measured: measured, findings: [RuleFinding(
                message: "The title “\(title)” does not contain the keyphrase \(name).",
                suggestion: "Put the keyphrase in the title, ideally at its start.",
                range: range)])
        }
    }
}
