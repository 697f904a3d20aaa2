/// The keyphrase is used often enough, and not so often that the text reads as stuffed.
struct KeyphraseDensityRule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.density",
        name: "Keyphrase density",
        category: .keyphrase,
        defaultSeverity: .warning,
        summary: "Keyphrase matches per 100 words are within 0.5–3%, less for longer keyphrases; over 4% is keyword stuffing.",
        rationale: """
            Density = matches ÷ words × 100, over all prose (headings, paragraphs, lists, quotes, \
            table cells; not code), with the word count of `seokit stats`. A match is a sentence \
            holding every content word of the keyphrase, in any order and word form; a sentence \
            holds as many matches as its least frequent keyphrase word (see `KeyphraseMatcher`). \
            Synonyms are not counted, as in Yoast SEO.

            Bands from Yoast SEO's "Keyphrase density" assessment: good from 0.5% to 3%, over 4% \
            "way over" (Yoast SEO scoring criteria, packages/yoastseo SCORING SEO.md; \
            yoast.com/wordpress/plugins/seo/keyphrase-density-check). Yoast Premium raises the \
            upper bound to 3.5% when it recognises word forms, as SEOKit does; set `max` to 3.5 \
            for that habit. Only texts of 100 words or more are rated, as in Yoast.

            Length factor: each match of an n-word keyphrase puts n of its words into the text, so \
            Yoast weighs the upper bound by keyphrase length. SEOKit's upper bound is \
            max × 2 ÷ (n + 1): the harmonic mean of no adjustment (×1) and full adjustment (×1/n). \
            It gives 3% for 1 word, 2% for 2, 1.5% for 3 and 1.2% for 4, so the share of the text \
            taken by keyphrase words at the bound grows only from 3% to at most 6% however long \
            the keyphrase. It never goes below twice `min` (1%), so the good band never closes. The \
            lower bound and the stuffing limit are not adjusted.

            Ratings: no match or under `min` bad; within the band good; above it up to \
            `stuffing-limit` ok, with a warning; above the limit bad, an error.
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("min", .number(0.5), "Lowest good density, in percent."),
            RuleOption("max", .number(3), "Highest good density for a one-word keyphrase, in percent (weighed by keyphrase length)."),
            RuleOption("stuffing-limit", .number(4), "Density above which the text counts as keyword stuffing (an error), in percent."),
            RuleOption("min-words", .number(100), "Shortest text, in words, that is rated."),
        ],
        examples: [
            // 3 matches in 214 words: 1.4%, within 0.5–2% for a two-word keyphrase.
            .pass("---\n" + "keyphrase: sourdough bread\n---\n\nSourdough bread takes time. " + KeyphraseRuleSupport.filler(10)
                + "\n\nBake your sourdough bread hot. " + KeyphraseRuleSupport.filler(10) + " A good bread needs sourdough.\n"),
            // Word forms count: "breads".
            .pass("Sourdough breads keep well. " + KeyphraseRuleSupport.filler(10) + " Breads made with sourdough rise slowly. "
                + KeyphraseRuleSupport.filler(10), keyphrases: ["sourdough bread"]),
            // Under 100 words: not rated.
            .pass("A short note without the phrase.\n", keyphrases: ["sourdough bread"]),
            .fail("---\n↓keyphrase: sourdough bread\n---\n\n" + KeyphraseRuleSupport.filler(20) + " Sourdough bread, finally.\n"),
            .fail("↓" + KeyphraseRuleSupport.filler(12) + "\n", keyphrases: ["sourdough bread"]),
            // 6 matches in 126 words: 4.8%, over the stuffing limit.
            .fail("---\n↓keyphrase: sourdough\n---\n\nSourdough is great. Sourdough is easy. Sourdough is cheap. " + KeyphraseRuleSupport.filler(11)
                + " Sourdough again. Sourdough for all. Sourdough wins.\n"),
            // 3 matches in 112 words of a 3-word keyphrase: 2.7%, over 1.5% (rated ok, still a finding).
            .fail("↓Easy sourdough bread rises. " + KeyphraseRuleSupport.filler(5) + " Make easy sourdough bread. " + KeyphraseRuleSupport.filler(5)
                + " Easy bread with sourdough.\n", keyphrases: ["easy sourdough bread"]),
        ])

    /// The upper bound of the good band for a keyphrase of `words` searched words.
    static func upperBound(max: Double, min: Double, words: Int) -> Double {
        Swift.max(2 * min, max * 2 / Double(Swift.max(words, 1) + 1))
    }

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let minimum = options.number("min")
        let maximum = options.number("max")
        let limit = options.number("stuffing-limit")
        let minWords = Int(options.number("min-words"))
        let words = context.statistics.words
        let targetFor = { (phrase: Keyphrase) -> String in
            let upper = Self.upperBound(max: maximum, min: minimum, words: phrase.searchedWords.count)
            return "\(KeyphraseRuleSupport.number(minimum))–\(KeyphraseRuleSupport.number(upper))%"
        }
        let phrases = context.keyphrases.map { Keyphrase($0, lexicon: context.lexicon) }.filter { !$0.isEmpty }
        let bands = phrases.map(targetFor)
        let target: String
        if phrases.isEmpty {
            target = "\(KeyphraseRuleSupport.number(minimum))–\(KeyphraseRuleSupport.number(maximum))%"
        } else if Set(bands).count == 1 {
            target = bands[0]
        } else {
            target = zip(phrases, bands).map { "\($1) for \(KeyphraseRuleSupport.quoted($0))" }.joined(separator: ", ")
        }
        let range = KeyphraseRuleSupport.keyphraseRange(context)
        return KeyphraseRuleSupport.result(context, target: target) { index, phrase, analysis in
            guard words >= minWords else {
                return .notApplicable("\(KeyphraseRuleSupport.plural(words, "word")), under the \(minWords) needed")
            }
            let count = analysis.count(forKeyphraseAt: index)
            let density = 100 * Double(count) / Double(words)
            let n = phrase.searchedWords.count
            let upper = Self.upperBound(max: maximum, min: minimum, words: n)
            let shown = KeyphraseRuleSupport.percent(density, against: [minimum, upper, limit])
            let measured = "\(shown)% (\(KeyphraseRuleSupport.plural(count, "match", "matches")) in \(KeyphraseRuleSupport.plural(words, "word")))"
            let band = "\(KeyphraseRuleSupport.number(minimum))–\(KeyphraseRuleSupport.number(upper))%"
            let name = KeyphraseRuleSupport.quoted(phrase)
            let lengthNote = n > 1 ? " for a \(n)-word keyphrase" : ""
            if count == 0 {
                let needed = Int((minimum * Double(words) / 100).rounded(.up))
                return KeyphraseVerdict(rating: .bad, measured: measured, findings: [RuleFinding(
                    message: "The keyphrase \(name) does not appear in the text (0 matches in \(KeyphraseRuleSupport.plural(words, "word"))).",
                    suggestion: "Use it at least \(KeyphraseRuleSupport.plural(needed, "time")), with all its words in one sentence.",
                    range: range)])
            }
            if density < minimum {
                let needed = Int((minimum * Double(words) / 100).rounded(.up))
                return KeyphraseVerdict(rating: .bad, measured: measured, findings: [RuleFinding(
                    message: "Keyphrase density of \(name) is \(measured), under \(KeyphraseRuleSupport.number(minimum))%.",
                    suggestion: "Use it about \(KeyphraseRuleSupport.plural(needed - count, "more time")) (\(needed) in all) where it fits.",
                    range: range)])
            }
            if density <= upper { return KeyphraseVerdict(rating: .good, measured: measured) }
            let most = Int((upper * Double(words) / 100).rounded(.down))
            if density <= limit {
                return KeyphraseVerdict(rating: .ok, measured: measured, findings: [RuleFinding(
                    message: "Keyphrase density of \(name) is \(measured), over the \(band) advised\(lengthNote).",
                    suggestion: "Use it at most \(KeyphraseRuleSupport.plural(most, "time")); vary the wording with synonyms.",
                    range: range)])
            }
            return KeyphraseVerdict(rating: .bad, measured: measured, findings: [RuleFinding(
                message: "Keyword stuffing: density of \(name) is \(measured), over the \(KeyphraseRuleSupport.number(limit))% limit.",
                suggestion: "Cut it to at most \(KeyphraseRuleSupport.plural(most, "time")); repeating a phrase this often reads as spam to readers and search engines.",
                range: range, severity: .error)])
        }
    }
}
