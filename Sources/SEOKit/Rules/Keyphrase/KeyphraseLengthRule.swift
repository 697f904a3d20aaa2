/// The keyphrase is short enough to rank for and to use naturally.
struct KeyphraseLengthRule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.length",
        name: "Keyphrase length",
        category: .keyphrase,
        defaultSeverity: .warning,
        summary: "The keyphrase has 1–4 content words (function words such as “for” or “the” are not counted).",
        rationale: """
            Long keyphrases are rarely searched as such and are hard to work into sentences, so \
            every other keyphrase check gets harder to pass. Thresholds from Yoast SEO's \
            "Keyphrase length" assessment for languages with function-word support: 1–4 content \
            words good, 5–8 ok, more than 8 bad (Yoast SEO scoring criteria, "Keyphrase-based SEO \
            assessments", packages/yoastseo SCORING SEO.md). A keyphrase made only of function \
            words ("how to") says nothing about a topic: Yoast's "Function words in keyphrase" \
            check; here it is rated bad.
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("max-words", .number(4), "Most content words for a good rating."),
            RuleOption("hard-max-words", .number(8), "Most content words for an ok rating; more is bad."),
        ],
        examples: [
            .pass("---\nkeyphrase: best shoes for running\n---\n\nText.\n"),
            .pass("Text.\n", keyphrases: ["sourdough"]),
            .pass("Text.\n", keyphrases: ["how to bake a sourdough bread at home"]),
            .pass("Text.\n"),
            .fail("---\n↓keyphrase: cheap red running shoes with wide toes\n---\n\nText.\n"),
            .fail("---\n↓keyphrase: how to\n---\n\nText.\n"),
            .fail("↓Text.\n", keyphrases: ["cheap red running shoes with wide toes for flat feet on trails"]),
            .fail(
                "---\n↓keyphrase: sourdough bread starter\n---\n\nText.\n", options: ["max-words": .number(2), "hard-max-words": .number(2)]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let maxWords = Int(options.number("max-words"))
        let hardMax = max(maxWords, Int(options.number("hard-max-words")))
        let target = "1–\(maxWords) content words"
        guard !context.keyphrases.isEmpty else {
            return RuleResult(assessment: Assessment(score: .seo, rating: .notApplicable, measured: "no keyphrase set", target: target))
        }
        // Parsed here, not through the shared analysis: this check needs no text.
        let phrases = context.keyphrases.map { Keyphrase($0, lexicon: context.lexicon) }
        let range = KeyphraseRuleSupport.keyphraseRange(context)
        let verdicts = phrases.map { phrase -> KeyphraseVerdict in
            let count = phrase.contentWordCount
            let measured = KeyphraseRuleSupport.plural(count, "content word")
            if phrase.isEmpty {
                return KeyphraseVerdict(rating: .bad, measured: "no words", findings: [RuleFinding(
                    message: "The keyphrase “\(phrase.text)” has no words.",
                    suggestion: "Set the keyphrase to the words this page should rank for.", range: range)])
            }
            if phrase.isOnlyFunctionWords {
                return KeyphraseVerdict(rating: .bad, measured: "only function words", findings: [RuleFinding(
                    message: "The keyphrase \(KeyphraseRuleSupport.quoted(phrase)) has only function words, which say nothing about the topic.",
                    suggestion: "Use the words people would search for, such as the subject of the page.", range: range)])
            }
            if count <= maxWords { return KeyphraseVerdict(rating: .good, measured: measured) }
            let rating: Assessment.Rating = count <= hardMax ? .ok : .bad
            return KeyphraseVerdict(rating: rating, measured: measured, findings: [RuleFinding(
                message: "The keyphrase \(KeyphraseRuleSupport.quoted(phrase)) has \(measured), more than \(maxWords).",
                suggestion: "Shorten it to the core search phrase; cover the rest with synonyms or related keyphrases.",
                range: range)])
        }
        return KeyphraseRuleSupport.combine(verdicts, phrases: phrases, target: target)
    }
}
