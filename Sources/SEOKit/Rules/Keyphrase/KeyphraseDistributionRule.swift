/// The keyphrase (or a synonym) comes back throughout the text, not only in one part of it.
struct KeyphraseDistributionRule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.distribution",
        name: "Keyphrase distribution",
        category: .keyphrase,
        defaultSeverity: .warning,
        summary: "No long stretch of the text goes without the keyphrase or a synonym: the longest is under 40% of the words.",
        rationale: """
            A text that names its topic only at the start drifts off it, for readers skimming any \
            part of it and for search engines judging each section. Measure: the longest run of \
            consecutive sentences (headings included) none of which matches the keyphrase or a \
            synonym, counted in words (before the first match and after the last count too), as a \
            share of all words. Counting words rather than sentences keeps a run of long sentences \
            from looking shorter than it is.

            Thresholds from Yoast SEO's "Keyphrase distribution" assessment: under 0.4 good, \
            0.4–0.6 ok, over 0.6 bad; it applies to texts of at least 15 sentences with the \
            keyphrase found at least once (Yoast SEO scoring criteria, packages/yoastseo SCORING \
            SEO.md; Yoast's score is a share of sentences, SEOKit's a share of words). Synonyms \
            count, as in Yoast. A text without any match is left to `keyphrase.density`.
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("min-sentences", .number(15), "Shortest text, in sentences, that is rated."),
            RuleOption("good-max", .number(40), "Longest stretch without a match for a good rating, in percent of the words."),
            RuleOption("ok-max", .number(60), "Longest stretch for an ok rating, in percent; longer is bad."),
        ],
        examples: [
            .pass(
                "Sourdough bread is simple. " + KeyphraseRuleSupport.filler(4) + "\n\nMy sourdough bread rises overnight. "
                    + KeyphraseRuleSupport.filler(4) + "\n\nShape the sourdough bread gently. " + KeyphraseRuleSupport.filler(4)
                    + "\n\nSlice your sourdough bread when cool.\n",
                keyphrases: ["sourdough bread"]),
            // Synonyms count.
            .pass(
                "---\nkeyphrase: sourdough bread\nsynonyms: [wild yeast loaf]\n---\n\nSourdough bread is simple. "
                    + KeyphraseRuleSupport.filler(5) + "\n\nA wild yeast loaf needs patience. " + KeyphraseRuleSupport.filler(5)
                    + "\n\nBake the loaf of wild yeast hot. " + KeyphraseRuleSupport.filler(4) + "\n"),
            // Fewer than 15 sentences: not rated.
            .pass("Sourdough bread is simple. " + KeyphraseRuleSupport.filler(10) + "\n", keyphrases: ["sourdough bread"]),
            // Not found at all: keyphrase.density reports it.
            .pass(KeyphraseRuleSupport.filler(20) + "\n", keyphrases: ["sourdough bread"]),
            .fail(
                "Sourdough bread is simple. Sourdough bread is good.\n\n↓" + KeyphraseRuleSupport.filler(16) + "\n",
                keyphrases: ["sourdough bread"]),
            .fail(
                "Sourdough bread is simple. ↓" + KeyphraseRuleSupport.filler(3) + "\n\n## Flour\n\n" + KeyphraseRuleSupport.filler(10)
                    + "\n\nThat is sourdough bread.\n",
                keyphrases: ["sourdough bread"]),
            .fail(
                "↓" + KeyphraseRuleSupport.filler(14) + "\n\nAt last, sourdough bread.\n", keyphrases: ["sourdough bread"]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let minSentences = Int(options.number("min-sentences"))
        let goodMax = options.number("good-max")
        let okMax = options.number("ok-max")
        let target = "longest stretch without it under \(KeyphraseRuleSupport.number(goodMax))% of the words"
        let sentences = context.analysis.sentences
        return KeyphraseRuleSupport.result(context, target: target) { index, phrase, analysis in
            guard sentences.count >= minSentences else {
                return .notApplicable("\(KeyphraseRuleSupport.plural(sentences.count, "sentence")), under the \(minSentences) needed")
            }
            let matched = analysis.matchesWithSynonyms[index]
            guard !matched.isEmpty else { return .notApplicable("keyphrase not found (see keyphrase.density)") }
            var isMatch = [Bool](repeating: false, count: sentences.count)
            for match in matched { isMatch[match.sentence] = true }
            let total = sentences.reduce(0) { $0 + $1.wordCount }
            guard total > 0 else { return .notApplicable("no words") }
            // The longest run of unmatched sentences, in words.
            var longest = 0
            var longestStart = 0
            var run = 0
            var runStart = 0
            for (number, sentence) in sentences.enumerated() {
                if isMatch[number] {
                    run = 0
                    runStart = number + 1
                    continue
                }
                run += sentence.wordCount
                if run > longest {
                    longest = run
                    longestStart = runStart
                }
            }
            let share = 100 * Double(longest) / Double(total)
            let measured = "longest stretch without it: \(KeyphraseRuleSupport.percent(share))% of the text (\(longest) of \(KeyphraseRuleSupport.plural(total, "word")))"
            if share < goodMax { return KeyphraseVerdict(rating: .good, measured: measured) }
            let rating: Assessment.Rating = share <= okMax ? .ok : .bad
            let alsoSynonyms = analysis.synonyms.isEmpty ? "" : " or a synonym"
            return KeyphraseVerdict(rating: rating, measured: measured, findings: [RuleFinding(
                message: "From here, \(longest) of \(total) words (\(KeyphraseRuleSupport.percent(share))%) go by without \(KeyphraseRuleSupport.quoted(phrase))\(alsoSynonyms).",
                suggestion: "Mention the topic in this part too, with the keyphrase or a synonym, where it fits naturally.",
                range: context.range(of: sentences[longestStart]),
                severity: rating == .ok ? .info : nil)])
        }
    }
}
