/// The keyphrase is not crammed into sentences or repeated sentence after sentence.
struct KeyphraseStuffingRule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.stuffing",
        name: "Keyphrase stuffing",
        category: .keyphrase,
        defaultSeverity: .error,
        summary: "No sentence repeats the keyphrase, and no more than 3 sentences in a row hold it.",
        rationale: """
            Repeating a phrase so often that it sounds unnatural is keyword stuffing, which \
            Google's spam policies name as a practice that can demote or remove a page (Google \
            Search Central, "Spam policies for Google web search": keyword stuffing, "repeating \
            the same words or phrases so often that it sounds unnatural"). Density \
            (`keyphrase.density`) shows stuffing over a whole text; this rule points at the \
            sentences where it happens. Matches are counted as everywhere in SEOKit (every content \
            word in one sentence, any order and word form; a sentence holds as many matches as its \
            least frequent keyphrase word). Findings: a sentence holding the keyphrase twice (a \
            warning: a single word can come back naturally in a long sentence), a sentence holding \
            it three times or more (an error), and a run of more than 3 consecutive sentences that \
            each hold it (an error; headings end a run and are not counted). Not scored: density \
            already scores the same repetition. Synonyms are not counted. The limits are SEOKit's \
            own, set on the drafts in `Corpora/drafts`: no sentence of the good drafts repeats its \
            keyphrase and none has more than 2 in a row, while the stuffed draft has runs of 4 and \
            5 and sentences with 3.
            """,
        options: [
            RuleOption("max-per-sentence", .number(1), "Most matches one sentence may hold; more is a warning."),
            RuleOption("error-per-sentence", .number(2), "Most matches one sentence may hold before it is an error."),
            RuleOption("max-consecutive", .number(3), "Most consecutive sentences that may hold a match; more is an error."),
        ],
        examples: [
            .pass("Sourdough bread is slow. Sourdough bread is worth it. Sourdough bread keeps. Flour is cheap.\n", keyphrases: ["sourdough bread"]),
            .pass(
                "Sourdough bread and more sourdough bread for the whole family.\n", options: ["max-per-sentence": .number(2)],
                keyphrases: ["sourdough bread"]),
            .pass("Cheap cars need cheap insurance.\n", keyphrases: ["cheap car insurance"]),
            .pass(
                "Sourdough bread is slow. Sourdough bread keeps.\n\n## Sourdough bread\n\nSourdough bread is worth it. Flour is cheap.\n",
                keyphrases: ["sourdough bread"]),
            .fail(
                "Intro. ↓Cheap car insurance is car insurance that is cheap, so buy cheap car insurance.\n",
                keyphrases: ["cheap car insurance"]),
            .fail(
                "Flour is cheap. ↓Sourdough bread is slow. Sourdough bread is worth it.\n\nSourdough bread keeps. Bake sourdough bread.\n",
                keyphrases: ["sourdough bread"]),
            .fail(
                "↓Sourdough is slow. Sourdough is tasty. Sourdough keeps. Sourdough is cheap.\n", options: ["max-consecutive": .number(3)],
                keyphrases: ["sourdough"]),
            .fail("Intro. ↓Sourdough bread and more sourdough bread for the whole family.\n", keyphrases: ["sourdough bread"]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let maxPerSentence = Int(options.number("max-per-sentence"))
        let errorPerSentence = max(maxPerSentence, Int(options.number("error-per-sentence")))
        let maxConsecutive = Int(options.number("max-consecutive"))
        guard !context.keyphrases.isEmpty else { return .clean }
        let analysis = context.keyphraseAnalysis
        let sentences = context.analysis.sentences
        let blocks = context.document.blocks
        var findings: [RuleFinding] = []
        for (index, phrase) in analysis.keyphrases.enumerated() {
            let name = KeyphraseRuleSupport.quoted(phrase)
            var counts = [Int](repeating: 0, count: sentences.count)
            for match in analysis.matches[index] { counts[match.sentence] = match.count }
            var runStart = 0
            var runLength = 0
            func closeRun() {
                if runLength > maxConsecutive {
                    findings.append(RuleFinding(
                        message: "\(runLength) sentences in a row hold \(name), more than \(maxConsecutive).",
                        suggestion: "Refer to the topic in other words (a pronoun, a synonym) in some of these sentences.",
                        range: context.range(of: sentences[runStart])))
                }
                runLength = 0
            }
            for (number, sentence) in sentences.enumerated() {
                if blocks[sentence.blockIndex].kind == .heading {
                    closeRun()
                    continue
                }
                let count = counts[number]
                if count > maxPerSentence {
                    let times = count == 2 ? "twice" : "\(count) times"
                    findings.append(RuleFinding(
                        message: "This sentence holds \(name) \(times).",
                        suggestion: "Say it once; the sentence reads better and means the same.",
                        range: context.range(of: sentence),
                        severity: count > errorPerSentence ? .error : .warning))
                }
                if count > 0 {
                    if runLength == 0 { runStart = number }
                    runLength += 1
                } else {
                    closeRun()
                }
            }
            closeRun()
        }
        return RuleResult(findings: findings)
    }
}
