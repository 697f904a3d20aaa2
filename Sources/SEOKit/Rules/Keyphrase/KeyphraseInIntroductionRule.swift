/// The first paragraph says what the page is about.
struct KeyphraseInIntroductionRule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.in-introduction",
        name: "Keyphrase in introduction",
        category: .keyphrase,
        defaultSeverity: .warning,
        summary: "The first paragraph has the keyphrase or a synonym, all its content words in one sentence.",
        rationale: """
            Readers decide in the first lines whether a page answers their search, and search \
            engines read the opening as a summary. The first paragraph is the first paragraph \
            block after the H1 (blocks before an H1, such as a page's navigation, are page \
            furniture), skipping lines that are not prose: under 10 words without a full stop, \
            such as a byline or a dateline. Without such a paragraph, the first list item or \
            quote. Ratings from Yoast SEO's "Keyphrase in introduction" assessment \
            (Yoast SEO scoring criteria, packages/yoastseo SCORING SEO.md): good when one sentence \
            holds every content word of the keyphrase or of a synonym, ok when they are all in the \
            paragraph but spread over sentences, bad otherwise. Synonyms count, as in Yoast.
            """,
        score: .seo,
        weight: 1,
        examples: [
            .pass("# Guide\n\nSourdough bread needs time. Be patient.\n\nMore.\n", keyphrases: ["sourdough bread"]),
            .pass("Breads made with a sourdough starter taste better.\n", keyphrases: ["sourdough bread"]),
            .pass(
                "---\nkeyphrase: sourdough bread\nsynonyms: wild yeast loaf\n---\n\nA wild yeast loaf is worth it.\n\nSourdough bread later.\n"),
            .pass("# Only a heading\n", keyphrases: ["sourdough bread"]),
            // Navigation before the H1 and a byline are not the introduction.
            .pass(
                "<html><body><p>Home</p><h1>Guide</h1><p>By Ann Lee, 4 May 2024</p><p>Sourdough bread needs time.</p></body></html>",
                format: .html, keyphrases: ["sourdough bread"]),
            .fail("# Guide\n\n↓Bread needs time. Be patient.\n\nSourdough bread later.\n", keyphrases: ["sourdough bread"]),
            .fail("↓Sourdough is a starter. Bread takes time.\n\nMore.\n", keyphrases: ["sourdough bread"]),
            .fail("↓We bake pizza in New York.\n", keyphrases: ["\"new york pizza\""]),
            .fail(
                "<html><body><h1>Sourdough bread</h1>↓<p>Bread needs time.</p><p>Sourdough bread.</p></body></html>", format: .html,
                keyphrases: ["sourdough bread"]),
        ])

    /// The block that opens the text: the first prose paragraph after the first H1 (or from
    /// the start without an H1); lines of under 10 words with no full stop are skipped; without
    /// a paragraph, the first list item or quote.
    static func introduction(_ context: LintContext) -> Int? {
        let blocks = context.document.blocks
        let start = blocks.firstIndex { $0.kind == .heading && $0.level == 1 } ?? 0
        let analysis = context.analysis
        func isProse(_ index: Int) -> Bool {
            let tokens = analysis.tokens[analysis.blocks[index].tokenRange]
            if tokens.contains(where: { $0.kind == .terminal }) { return true }
            return tokens.lazy.filter(\.isWord).count >= 10
        }
        let candidates = blocks.indices[start...]
        return candidates.first { blocks[$0].kind == .paragraph && isProse($0) }
            ?? candidates.first { blocks[$0].isParagraph && isProse($0) }
            ?? candidates.first { blocks[$0].isParagraph }
    }

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let target = "every keyphrase word in one sentence of the first paragraph"
        let blocks = context.document.blocks
        guard let index = Self.introduction(context) else {
            return RuleResult(assessment: Assessment(score: .seo, rating: .notApplicable, measured: "no paragraph", target: target))
        }
        let sentences = context.analysis.blocks[index].sentenceRange
        let range = blocks[index].range
        return KeyphraseRuleSupport.result(context, target: target) { keyphraseIndex, phrase, analysis in
            let phrases = analysis.phrases(forKeyphraseAt: keyphraseIndex, synonyms: true)
            if !analysis.body.matches(ofAny: phrases, inSentences: sentences).isEmpty {
                return KeyphraseVerdict(rating: .good, measured: "in one sentence of the first paragraph")
            }
            let alsoSynonyms = analysis.synonyms.isEmpty ? "" : " (or a synonym)"
            if phrases.contains(where: { !$0.isExact && analysis.body.wordsFound(of: $0, inSentences: sentences) == $0.searchedWords.count }) {
                return KeyphraseVerdict(rating: .ok, measured: "all words in the first paragraph, across sentences", findings: [RuleFinding(
                    message: "The first paragraph has every word of \(KeyphraseRuleSupport.quoted(phrase))\(alsoSynonyms), but not in one sentence.",
                    suggestion: "Bring the keyphrase together in one sentence, so the topic is clear at once.",
                    range: range, severity: .info)])
            }
            let found = analysis.body.wordsFound(of: phrase, inSentences: sentences)
            let measured = phrase.isExact ? "exact phrase not in the first paragraph" : "\(found) of \(phrase.searchedWords.count) keyphrase words in the first paragraph"
            return KeyphraseVerdict(rating: .bad, measured: measured, findings: [RuleFinding(
                message: "The first paragraph does not mention \(KeyphraseRuleSupport.quoted(phrase))\(alsoSynonyms).",
                suggestion: "Name the topic in the opening sentences, with the keyphrase or a synonym.",
                range: range)])
        }
    }
}
