/// The document has a focus keyphrase: every other keyphrase check needs one.
struct KeyphraseMissingRule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.missing",
        name: "Keyphrase set",
        category: .keyphrase,
        defaultSeverity: .info,
        summary: "A focus keyphrase is set, in front matter (`keyphrase`, `keyword`, `focus_keyphrase`), a `<meta name=\"keyphrase\">` tag or with `--keyphrase`.",
        rationale: """
            The keyphrase checks (density, title, introduction, slug...) measure the text against \
            the search phrase the page should rank for; without one they cannot run and the SEO \
            score leaves them out. Yoast SEO asks for a focus keyphrase the same way ("Add a focus \
            keyphrase to enable this check"). Informational and not scored: a page without a \
            keyphrase is not worse, only unchecked.
            """,
        examples: [
            .pass("---\ntitle: Sourdough bread\nkeyphrase: sourdough bread\n---\n\nText.\n"),
            .pass("Just text.\n", keyphrases: ["sourdough bread"]),
            .pass("---\nfocus_keyphrase: [sourdough bread, rye bread]\n---\n\nText.\n"),
            .pass(
                "<html><head><meta name=\"keyphrase\" content=\"sourdough bread\"></head><body><p>Text.</p></body></html>",
                format: .html),
            .fail("↓---\ntitle: Sourdough bread\n---\n\nText.\n"),
            .fail("↓Just text, no front matter.\n"),
            .fail("---\ntitle: Bread\n↓keyphrase: \"!!\"\n---\n\nText.\n"),
            .fail("↓<html><head><title>Bread</title></head><body><p>Text.</p></body></html>", format: .html),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        if context.keyphrases.isEmpty {
            return RuleResult(findings: [RuleFinding(
                message: "No focus keyphrase is set, so the keyphrase checks do not run.",
                suggestion: "Add `keyphrase: <the search phrase this page should rank for>` to the front matter, or pass --keyphrase.",
                range: KeyphraseRuleSupport.keyphraseRange(context))])
        }
        let phrases = context.keyphrases.map { Keyphrase($0, lexicon: context.lexicon) }
        if phrases.allSatisfy(\.isEmpty) {
            return RuleResult(findings: [RuleFinding(
                message: "The keyphrase “\(context.keyphrases[0])” has no words, so the keyphrase checks do not run.",
                suggestion: "Set the keyphrase to the words this page should rank for.",
                range: KeyphraseRuleSupport.keyphraseRange(context))])
        }
        return .clean
    }
}
