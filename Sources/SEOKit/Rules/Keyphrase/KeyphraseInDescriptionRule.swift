/// The meta description mentions the keyphrase, once or twice.
struct KeyphraseInDescriptionRule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.in-description",
        name: "Keyphrase in meta description",
        category: .keyphrase,
        defaultSeverity: .warning,
        summary: "The meta description holds the keyphrase or a synonym once or twice.",
        rationale: """
            Search engines often show the meta description under the title and highlight the \
            words of the query, which draws the searcher's eye. Matches are counted as in the text \
            (every content word in one sentence, any order and word form; see `KeyphraseMatcher`), \
            with synonyms. Ratings from Yoast SEO's "Keyphrase in meta description" assessment \
            (Yoast SEO scoring criteria, packages/yoastseo SCORING SEO.md): 1–2 matches good; none \
            bad; more than 2 bad, as repetition looks spammy. No description: not rated (the meta \
            rules report a missing description).
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("max-matches", .number(2), "Most matches for a good rating."),
        ],
        examples: [
            .pass("---\ndescription: Bake sourdough bread at home in three easy steps.\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .pass(
                "---\ndescription: A wild yeast loaf, step by step.\nkeyphrase: sourdough bread\nsynonyms: [wild yeast loaf]\n---\n\nText.\n"),
            .pass("---\ndescription: Breads made with sourdough. Our sourdough breads.\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .pass("No description.\n", keyphrases: ["sourdough bread"]),
            .fail("---\n↓description: Bake your own loaf at home.\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .fail(
                "---\n↓description: Sourdough bread guide. Sourdough bread tips. Sourdough bread now.\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .fail(
                "<html><head>↓<meta name=\"description\" content=\"Bake your own loaf.\"><meta name=\"keyphrase\" content=\"sourdough bread\"></head><body><p>x</p></body></html>",
                format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let maxMatches = Int(options.number("max-matches"))
        let target = "1–\(maxMatches) matches"
        guard let description = context.document.metadata.description?.trimmed(), !description.isEmpty else {
            return RuleResult(assessment: Assessment(score: .seo, rating: .notApplicable, measured: "no meta description", target: target))
        }
        let range = context.range(of: .description)
        return KeyphraseRuleSupport.result(context, target: target) { index, phrase, analysis in
            let matcher = KeyphraseMatcher(string: description, lexicon: context.lexicon)
            let count = matcher.matches(ofAny: analysis.phrases(forKeyphraseAt: index, synonyms: true)).reduce(0) { $0 + $1.count }
            let measured = KeyphraseRuleSupport.plural(count, "match", "matches")
            let alsoSynonyms = analysis.synonyms.isEmpty ? "" : " (or a synonym)"
            if count == 0 {
                return KeyphraseVerdict(rating: .bad, measured: measured, findings: [RuleFinding(
                    message: "The meta description does not mention \(KeyphraseRuleSupport.quoted(phrase))\(alsoSynonyms).",
                    suggestion: "Work the keyphrase into the description once: search results highlight it.",
                    range: range)])
            }
            if count > maxMatches {
                return KeyphraseVerdict(rating: .bad, measured: measured, findings: [RuleFinding(
                    message: "The meta description repeats \(KeyphraseRuleSupport.quoted(phrase))\(alsoSynonyms) \(count) times, more than \(maxMatches).",
                    suggestion: "Keep one or two mentions and use the space to say why the page is worth a click.",
                    range: range)])
            }
            return KeyphraseVerdict(rating: .good, measured: measured)
        }
    }
}
