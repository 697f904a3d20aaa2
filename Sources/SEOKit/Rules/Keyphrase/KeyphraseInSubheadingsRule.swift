/// Some, not all, subheadings reflect the topic.
struct KeyphraseInSubheadingsRule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.in-subheadings",
        name: "Keyphrase in subheadings",
        category: .keyphrase,
        defaultSeverity: .warning,
        summary: "30–75% of the H2 and H3 subheadings mention the keyphrase or a synonym.",
        rationale: """
            Subheadings are what skimming readers and search engines use to map a page; a few \
            that name the topic tie the sections to it, while repeating it in every one reads as \
            over-optimised. A subheading mentions the keyphrase when it holds at least half of \
            its content words (any order and word form), or of a synonym's, or the exact phrase \
            for a quoted keyphrase. Thresholds from Yoast SEO's "Keyphrase in subheadings" \
            assessment (Yoast SEO scoring criteria, packages/yoastseo SCORING SEO.md): 30–75% of \
            H2/H3 subheadings good, fewer or more bad; synonyms count. Rated only with at least 2 \
            subheadings (option `min-subheadings`); whether a text needs subheadings at all is \
            `headings` business.
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("min-subheadings", .number(2), "Fewest H2/H3 subheadings for the check to apply."),
            RuleOption("min-share", .number(30), "Lowest share of subheadings with the keyphrase, in percent."),
            RuleOption("max-share", .number(75), "Highest share of subheadings with the keyphrase, in percent."),
        ],
        examples: [
            .pass("## Sourdough starter\n\nx\n\n## Flour\n\ny\n", keyphrases: ["sourdough bread"]),
            .pass(
                "---\nkeyphrase: sourdough bread\nsynonyms: [wild yeast loaf]\n---\n\n## Shaping a loaf with wild yeast\n\nx\n\n## Flour\n\ny\n\n### Water\n\nz\n"),
            .pass("## Sourdough bread\n\nOnly one subheading.\n", keyphrases: ["sourdough bread"]),
            .pass("# Sourdough bread\n\n#### Deep heading\n\nx\n\n#### Another\n\ny\n", keyphrases: ["sourdough bread"]),
            .fail("↓## Flour\n\nx\n\n## Water\n\ny\n\n## Sourdough bread\n\nz\n\n## Salt\n\nw\n", keyphrases: ["sourdough bread"]),
            .fail("↓## Sourdough bread basics\n\nx\n\n### Shaping sourdough\n\ny\n", keyphrases: ["sourdough bread"]),
            .fail("↓## Flour\n\nx\n\n## Water\n\ny\n", keyphrases: ["sourdough bread"]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let minCount = Int(options.number("min-subheadings"))
        let minShare = options.number("min-share")
        let maxShare = options.number("max-share")
        let target = "\(KeyphraseRuleSupport.number(minShare))–\(KeyphraseRuleSupport.number(maxShare))% of H2/H3 subheadings"
        let blocks = context.document.blocks
        let subheadings = blocks.indices.filter { blocks[$0].kind == .heading && (blocks[$0].level == 2 || blocks[$0].level == 3) }
        guard subheadings.count >= max(1, minCount) else {
            return RuleResult(assessment: Assessment(
                score: .seo, rating: .notApplicable, measured: KeyphraseRuleSupport.plural(subheadings.count, "subheading"), target: target))
        }
        return KeyphraseRuleSupport.result(context, target: target) { index, phrase, analysis in
            let phrases = analysis.phrases(forKeyphraseAt: index, synonyms: true)
            let mentioning = subheadings.map { block in
                let sentences = context.analysis.blocks[block].sentenceRange
                return phrases.contains { KeyphraseRuleSupport.mentions(analysis.body, $0, share: 0.5, sentences: sentences) }
            }
            let count = mentioning.filter { $0 }.count
            let share = 100 * Double(count) / Double(subheadings.count)
            let measured = "\(count) of \(subheadings.count) subheadings (\(KeyphraseRuleSupport.percent(share))%)"
            let alsoSynonyms = analysis.synonyms.isEmpty ? "" : " or a synonym"
            if share < minShare {
                let first = subheadings[mentioning.firstIndex(of: false) ?? 0]
                let name = KeyphraseRuleSupport.quoted(phrase) + alsoSynonyms
                let message = count == 0
                    ? "None of the \(subheadings.count) subheadings mention \(name)."
                    : "Only \(measured) mention \(name), under \(KeyphraseRuleSupport.number(minShare))%."
                return KeyphraseVerdict(rating: .bad, measured: measured, findings: [RuleFinding(
                    message: message,
                    suggestion: "Name the topic in a subheading or two, such as this one, where it describes the section.",
                    range: blocks[first].range)])
            }
            if share > maxShare {
                let first = subheadings[mentioning.firstIndex(of: true) ?? 0]
                return KeyphraseVerdict(rating: .bad, measured: measured, findings: [RuleFinding(
                    message: "\(measured.prefix(1).uppercased() + measured.dropFirst()) mention \(KeyphraseRuleSupport.quoted(phrase))\(alsoSynonyms), over \(KeyphraseRuleSupport.number(maxShare))%: that reads as repetitive.",
                    suggestion: "Let some subheadings describe their section in other words.",
                    range: blocks[first].range)])
            }
            return KeyphraseVerdict(rating: .good, measured: measured)
        }
    }
}
