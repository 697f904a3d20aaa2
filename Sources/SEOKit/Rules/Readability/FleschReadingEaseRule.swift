/// The document's Flesch Reading Ease, rated.
struct FleschReadingEaseRule: Rule {
    static let description = RuleDescription(
        id: "readability.flesch-reading-ease",
        name: "Flesch Reading Ease",
        category: .readability,
        defaultSeverity: .warning,
        summary: "The text's Flesch Reading Ease is 60 or more (50–60 ok; a finding under 50).",
        rationale: """
            Flesch Reading Ease (Flesch 1948) = 206.835 − 1.015 × words/sentences − 84.6 × \
            syllables/words, over all prose, with the counts of `seokit stats`. Flesch's own table \
            (The Art of Readable Writing, 1949) calls 60–70 "standard" (plain English, about grade \
            8–9), 50–60 "fairly difficult" and 30–50 "difficult". Bands as in Yoast SEO's "Flesch \
            Reading Ease" assessment: over 60 good, 50–60 ok, under 50 bad (Yoast SEO readability \
            scoring criteria, packages/yoastseo SCORING READABILITY.md; \
            yoast.com/flesch-reading-ease-score); SEOKit rates exactly 60 good. Only a bad score \
            makes a finding, at the headline: "fairly difficult" suits many technical audiences. \
            Texts under `min-words` words are not rated: one sentence swings the score.
            """,
        score: .readability,
        weight: 1,
        options: [
            RuleOption("good", .number(60), "Lowest good score."),
            RuleOption("ok", .number(50), "Lowest ok score; under it the text rates bad."),
            RuleOption("min-words", .number(50), "Shortest text, in words, that is rated."),
        ],
        examples: [
            .pass(ReadabilityText.filler(6) + "\n"),
            // Under 50 words: not rated.
            .pass("Comprehensive organizational transformation necessitates sophisticated infrastructure.\n"),
            .fail("""
                ↓Comprehensive organizational transformation initiatives frequently necessitate substantial \
                investments in sophisticated technological infrastructure and extensive professional development. \
                Organizational stakeholders consequently experience considerable uncertainty regarding implementation \
                methodologies, prioritization frameworks, and evaluation criteria. Additionally, interdepartmental \
                communication deficiencies systematically undermine collaborative decision-making processes. \
                Consequently, organizational performance deteriorates substantially, generating unnecessary \
                operational expenditures and diminishing employee satisfaction considerably.

                """),
            .fail("""
                ↓# Transformation

                Comprehensive organizational transformation necessitates sophisticated infrastructure.

                """, options: ["min-words": .number(0)]),
        ])

    /// Flesch's name for a score (The Art of Readable Writing, 1949).
    static func label(_ score: Double) -> String {
        switch score {
        case 90...: return "very easy"
        case 80..<90: return "easy"
        case 70..<80: return "fairly easy"
        case 60..<70: return "standard"
        case 50..<60: return "fairly difficult"
        case 30..<50: return "difficult"
        default: return "very difficult"
        }
    }

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let good = options.number("good")
        let ok = options.number("ok")
        let minWords = Int(options.number("min-words"))
        let target = "\(ReadabilityText.number(good)) or more"
        let words = context.statistics.words
        guard words >= minWords else {
            return RuleResult(assessment: ReadabilityText.notApplicable(
                "\(ReadabilityText.count(words, "word")), under the \(minWords) needed", target: target))
        }
        guard let score = context.readability.fleschReadingEase.value else {
            return RuleResult(assessment: ReadabilityText.notApplicable(
                context.readability.fleschReadingEase.reason ?? "no score", target: target))
        }
        let rating: Assessment.Rating = score >= good ? .good : score >= ok ? .ok : .bad
        let measured = "\(ReadabilityText.number(score)) (\(Self.label(score)))"
        let assessment = Assessment(score: .readability, rating: rating, measured: measured, target: target)
        guard rating == .bad else { return RuleResult(assessment: assessment) }
        let finding = RuleFinding(
            message: "Flesch Reading Ease is \(measured), under \(ReadabilityText.number(ok)); aim for \(target).",
            suggestion: "Use shorter sentences and shorter, more common words.",
            range: context.headlineRange)
        return RuleResult(findings: [finding], assessment: assessment)
    }
}
