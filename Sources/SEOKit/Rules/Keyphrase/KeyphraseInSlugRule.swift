/// The URL slug carries the keyphrase.
struct KeyphraseInSlugRule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.in-slug",
        name: "Keyphrase in slug",
        category: .keyphrase,
        defaultSeverity: .warning,
        summary: "The slug holds the keyphrase's content words: all of them for 1–2 words, more than half for longer keyphrases.",
        rationale: """
            The slug is part of the URL searchers see in results and links, and a readable slug \
            that names the topic helps both (Google Search Central, "URL structure best \
            practices": use words relevant to the content). The slug is front matter `slug`, the \
            last part of the canonical URL in HTML, or the file name (without date prefix and \
            extension). Its words are split at `-`, `_`, `/` and `.` and compared like text words \
            (word forms; `e-mail` matches `email`). Ratings from Yoast SEO's "Keyphrase in slug" \
            assessment (Yoast SEO scoring criteria, packages/yoastseo SCORING SEO.md): good when \
            all content words are there for 1–2-word keyphrases, or more than half for longer ones; \
            ok otherwise. Synonyms do not count, as in Yoast.
            """,
        score: .seo,
        weight: 1,
        examples: [
            .pass("---\nslug: sourdough-bread-basics\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .pass("---\nslug: breads_of_sourdough\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .pass("---\nslug: easy-sourdough-recipe\nkeyphrase: easy sourdough bread recipe\n---\n\nText.\n"),
            .pass("---\nslug: start-an-email-newsletter\nkeyphrase: e-mail newsletter\n---\n\nText.\n"),
            .fail("---\n↓slug: bread-basics\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .fail("---\n↓slug: easy-bread\nkeyphrase: easy sourdough bread recipe\n---\n\nText.\n"),
            // No slug field: the slug comes from the file name ("example" in these tests).
            .fail("↓Text.\n", keyphrases: ["sourdough bread"]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let target = "all content words of a 1–2-word keyphrase, more than half of a longer one"
        guard let slug = context.document.metadata.slug?.trimmed(), !slug.isEmpty else {
            return RuleResult(assessment: Assessment(score: .seo, rating: .notApplicable, measured: "no slug", target: target))
        }
        let metadata = context.document.metadata
        let derivedFrom: String
        if metadata.fieldRanges[.slug] != nil {
            derivedFrom = ""
        } else if context.document.format == .html, metadata.canonical != nil {
            derivedFrom = " (from the canonical URL)"
        } else {
            derivedFrom = " (from the file name)"
        }
        let range = context.range(of: .slug)
        let words = String(slug.map { "-_/.".contains($0) ? " " : $0 })
        return KeyphraseRuleSupport.result(context, target: target) { _, phrase, _ in
            let matcher = KeyphraseMatcher(string: words, lexicon: context.lexicon)
            let needed = phrase.searchedWords.count
            let found = matcher.wordsFound(of: phrase)
            let measured = phrase.isExact ? (found == needed ? "exact phrase in the slug" : "exact phrase not in the slug")
                : "\(found) of \(needed) keyphrase words in the slug"
            let good = needed <= 2 ? found == needed : 2 * found > needed
            if good { return KeyphraseVerdict(rating: .good, measured: measured) }
            return KeyphraseVerdict(rating: .ok, measured: measured, findings: [RuleFinding(
                message: "The slug “\(slug)”\(derivedFrom) has \(found) of the \(needed) words of \(KeyphraseRuleSupport.quoted(phrase)).",
                suggestion: "Use the keyphrase in the slug, words joined by hyphens (such as \(suggestedSlug(phrase))).",
                range: range)])
        }
    }

    private func suggestedSlug(_ phrase: Keyphrase) -> String {
        phrase.searchedWords.map { KeyphraseNormalization.fold($0.text) }.joined(separator: "-")
    }
}
