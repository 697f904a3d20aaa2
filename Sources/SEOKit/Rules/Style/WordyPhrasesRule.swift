/// Wordy phrases that have a plainer alternative.
struct WordyPhrasesRule: Rule {
    static let description = RuleDescription(
        id: "style.wordy-phrases",
        name: "Wordy phrases",
        category: .style,
        defaultSeverity: .info,
        summary: "Marks wordy phrases (\"in order to\", \"due to the fact that\") and suggests the plainer word.",
        rationale: """
            Plain-language guides (the US Federal Plain Language Guidelines, the UK Government \
            Digital Service style guide) and the Hemingway Editor's "simpler alternatives" ask for \
            the short word where it says the same: "to" for "in order to", "because" for "due to \
            the fact that". Phrases and alternatives come from `wordy-phrases.txt` (written by the \
            project). Every occurrence in the prose — headings included — is marked exactly, \
            case-insensitively, within one sentence and never across punctuation; where phrases \
            overlap the longest wins ("due to the fact that", not "the fact that"). See \
            `WordyPhraseFinder`. Infos: the alternative does not fit every context. No score.
            """,
        examples: [
            .pass("We left early to catch the train.\n"),
            // A sentence end between the words is not a phrase.
            .pass("Come in. Order to go.\n"),
            .fail("We left early ↓in order to catch the train.\n"),
            .fail("↓Due to the fact that it rained, we stayed home ↓in order to dry off.\n"),
            .fail("## ↓In Order To Win\n\nPractice.\n"),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let tokens = context.analysis.tokens
        let text = context.document.text
        let findings = context.wordyPhrases.map { match -> RuleFinding in
            let written = text.string(in: Int(tokens[match.tokenRange.lowerBound].start)..<Int(tokens[match.tokenRange.upperBound - 1].end))
            // "In order to" at a sentence start becomes "To".
            var alternative = match.alternative
            if let first = written.unicodeScalars.first, first.properties.isUppercase, let head = alternative.first {
                alternative = head.uppercased() + alternative.dropFirst()
            }
            return RuleFinding(
                message: "Wordy phrase \(ReadabilityText.quoted(written)): \(ReadabilityText.quoted(alternative)) says the same.",
                suggestion: "Use \(ReadabilityText.quoted(alternative)).",
                range: context.range(ofTokens: match.tokenRange))
        }
        return RuleResult(findings: findings)
    }
}
