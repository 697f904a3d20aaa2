/// What one keyphrase rule concluded about one keyphrase.
struct KeyphraseVerdict {
    var rating: Assessment.Rating
    var measured: String
    var findings: [RuleFinding] = []

    static func notApplicable(_ measured: String) -> KeyphraseVerdict {
        KeyphraseVerdict(rating: .notApplicable, measured: measured)
    }
}

/// Helpers shared by the keyphrase rules.
enum KeyphraseRuleSupport {
    /// A keyphrase as messages show it: “sourdough bread”, or an exact one with its own quotes.
    static func quoted(_ phrase: Keyphrase) -> String {
        phrase.isExact ? phrase.text : "“\(phrase.text)”"
    }

    /// Where the keyphrase is set (front matter line, meta tag), or the start of the document.
    static func keyphraseRange(_ context: LintContext) -> SourceRange {
        context.range(of: .keyphrase)
    }

    /// The ratings from worst to best, for combining several keyphrases.
    private static func rank(_ rating: Assessment.Rating) -> Int {
        switch rating {
        case .bad: return 0
        case .ok: return 1
        case .good: return 2
        case .notApplicable: return 3
        }
    }

    /// Runs a check for every keyphrase and folds the verdicts into one result: all findings,
    /// and one assessment rated by the worst applicable verdict (n/a when none applies).
    static func result(
        _ context: LintContext, target: String, noKeyphrase: String = "no keyphrase set",
        _ check: (_ index: Int, _ phrase: Keyphrase, _ analysis: KeyphraseAnalysis) -> KeyphraseVerdict
    ) -> RuleResult {
        guard !context.keyphrases.isEmpty else {
            return RuleResult(assessment: Assessment(score: .seo, rating: .notApplicable, measured: noKeyphrase, target: target))
        }
        let analysis = context.keyphraseAnalysis
        guard !analysis.keyphrases.isEmpty else {
            return RuleResult(assessment: Assessment(score: .seo, rating: .notApplicable, measured: "keyphrase has no words", target: target))
        }
        let verdicts = analysis.keyphrases.enumerated().map { check($0.offset, $0.element, analysis) }
        return combine(verdicts, phrases: analysis.keyphrases, target: target)
    }

    static func combine(_ verdicts: [KeyphraseVerdict], phrases: [Keyphrase], target: String) -> RuleResult {
        let rating = verdicts.map(\.rating).min { rank($0) < rank($1) } ?? .notApplicable
        let measured: String
        if verdicts.count == 1 {
            measured = verdicts[0].measured
        } else {
            measured = zip(phrases, verdicts).map { "\(quoted($0)): \($1.measured)" }.joined(separator: "; ")
        }
        return RuleResult(
            findings: verdicts.flatMap(\.findings),
            assessment: Assessment(score: .seo, rating: rating, measured: measured, target: target))
    }

    /// A share as a percentage with at most one decimal: `2.4`, `3`, `12.6`.
    static func percent(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    /// A percentage shown against thresholds: one decimal, or two when one decimal would put
    /// it on the other side of a threshold (0.49% is not shown as 0.5% under a 0.5% minimum).
    static func percent(_ value: Double, against thresholds: [Double]) -> String {
        let shown = (value * 10).rounded() / 10
        let misleading = thresholds.contains { (value < $0) != (shown < $0) || (value > $0) != (shown > $0) }
        guard misleading else { return percent(value) }
        let precise = (value * 100).rounded() / 100
        return number(precise)
    }

    /// A threshold as written in a target: up to two decimals, no trailing zeros.
    static func number(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded)
    }

    static func plural(_ count: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(count) \(count == 1 ? singular : plural ?? singular + "s")"
    }

    /// Whether a text mentions a phrase enough for the "reflects the topic" checks (subheadings,
    /// alt text): at least `share` of its searched words, or the exact phrase.
    static func mentions(_ matcher: KeyphraseMatcher, _ phrase: Keyphrase, share: Double, sentences: Range<Int>? = nil) -> Bool {
        let needed = phrase.searchedWords.count
        guard needed > 0 else { return false }
        let found = matcher.wordsFound(of: phrase, inSentences: sentences)
        if phrase.isExact { return found == needed }
        return Double(found) >= share * Double(needed) && found > 0
    }

    /// Words of filler prose without any keyphrase word, for the rules' examples: `count`
    /// sentences of ten words each.
    static func filler(_ count: Int) -> String {
        let sentences = [
            "The morning light fell softly across the quiet garden path.",
            "Our neighbours often walk their dogs along the river bank.",
            "A small wooden table stood beside the open kitchen window.",
            "Children played football in the park until the evening came.",
            "Every spring the old apple tree covers itself in blossom.",
        ]
        return (0..<count).map { sentences[$0 % sentences.count] }.joined(separator: " ")
    }
}
