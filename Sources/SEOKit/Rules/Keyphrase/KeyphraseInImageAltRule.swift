/// Images describe the topic in their alt text.
struct KeyphraseInImageAltRule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.in-image-alt",
        name: "Keyphrase in image alt text",
        category: .keyphrase,
        defaultSeverity: .warning,
        summary: "At least one image's alt text mentions the keyphrase or a synonym (30–75% of them from 5 images on).",
        rationale: """
            Alt text is read by screen readers and by image search; when an image shows the \
            topic, saying so helps both. An alt text mentions the keyphrase when it holds at least \
            half of its content words (any order and word form), or of a synonym's, or the exact \
            phrase for a quoted keyphrase. Thresholds from Yoast SEO's "Keyphrase in image alt \
            attributes" assessment (Yoast SEO scoring criteria, packages/yoastseo SCORING SEO.md): \
            with fewer than 5 images at least one good; from 5 images on 30–75% good; otherwise ok \
            (Yoast's orange). No images: not rated (the images rules report that). Only describe \
            what an image shows: alt text stuffed with keyphrases fails its readers (WCAG 1.1.1).
            """,
        score: .seo,
        weight: 1,
        options: [
            RuleOption("many-images", .number(5), "From this many images on, a share of them is asked for instead of one."),
            RuleOption("min-share", .number(30), "With many images, the lowest share with the keyphrase, in percent."),
            RuleOption("max-share", .number(75), "With many images, the highest share with the keyphrase, in percent."),
        ],
        examples: [
            .pass("Text.\n\n![A loaf of sourdough bread on a board](a.jpg)\n\n![Flour](b.jpg)\n", keyphrases: ["sourdough bread"]),
            .pass("Text without images.\n", keyphrases: ["sourdough bread"]),
            .pass(
                "<html><body><p>Text.</p><img src=\"a.jpg\" alt=\"Sliced breads made with sourdough\"></body></html>", format: .html,
                keyphrases: ["sourdough bread"]),
            .pass(
                "Text.\n\n![Sourdough loaf](1.jpg) ![Sourdough crumb](2.jpg) ![Oven](3.jpg) ![Flour](4.jpg) ![Salt](5.jpg)\n",
                keyphrases: ["sourdough bread"]),
            .fail("Text.\n\n↓![A loaf on a board](a.jpg)\n", keyphrases: ["sourdough bread"]),
            .fail("Text.\n\n↓![](a.jpg)\n", keyphrases: ["sourdough bread"]),
            .fail(
                "Text.\n\n↓![Sourdough loaf](1.jpg) ![Sourdough crumb](2.jpg) ![Sourdough oven](3.jpg) ![Sourdough flour](4.jpg) ![Salt](5.jpg)\n",
                keyphrases: ["sourdough bread"]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let many = Int(options.number("many-images"))
        let minShare = options.number("min-share")
        let maxShare = options.number("max-share")
        let images = context.document.images
        let target = images.count >= many
            ? "\(KeyphraseRuleSupport.number(minShare))–\(KeyphraseRuleSupport.number(maxShare))% of images"
            : "at least 1 image"
        guard !images.isEmpty else {
            return RuleResult(assessment: Assessment(score: .seo, rating: .notApplicable, measured: "no images", target: target))
        }
        let alts = images.map { image -> KeyphraseMatcher? in
            guard let alt = image.alt?.trimmed(), !alt.isEmpty else { return nil }
            return KeyphraseMatcher(string: alt, lexicon: context.lexicon)
        }
        return KeyphraseRuleSupport.result(context, target: target) { index, phrase, analysis in
            let phrases = analysis.phrases(forKeyphraseAt: index, synonyms: true)
            let mentioning = alts.map { matcher in
                matcher.map { alt in phrases.contains { KeyphraseRuleSupport.mentions(alt, $0, share: 0.5) } } ?? false
            }
            let count = mentioning.filter { $0 }.count
            let share = 100 * Double(count) / Double(images.count)
            let measured = "\(count) of \(KeyphraseRuleSupport.plural(images.count, "image"))"
            let name = KeyphraseRuleSupport.quoted(phrase) + (analysis.synonyms.isEmpty ? "" : " or a synonym")
            if images.count < many {
                if count > 0 { return KeyphraseVerdict(rating: .good, measured: measured) }
                return KeyphraseVerdict(rating: .ok, measured: measured, findings: [RuleFinding(
                    message: "No image's alt text mentions \(name).",
                    suggestion: "Where an image shows the topic, say so in its alt text.",
                    range: images[0].range)])
            }
            if share < minShare {
                let message = count == 0
                    ? "None of the \(images.count) images has alt text that mentions \(name)."
                    : "Only \(measured) (\(KeyphraseRuleSupport.percent(share))%) have alt text that mentions \(name), under \(KeyphraseRuleSupport.number(minShare))%."
                return KeyphraseVerdict(rating: .ok, measured: measured, findings: [RuleFinding(
                    message: message,
                    suggestion: "Where an image shows the topic, say so in its alt text.",
                    range: images[mentioning.firstIndex(of: false) ?? 0].range)])
            }
            if share > maxShare {
                return KeyphraseVerdict(rating: .ok, measured: measured, findings: [RuleFinding(
                    message: "\(measured.prefix(1).uppercased() + measured.dropFirst()) (\(KeyphraseRuleSupport.percent(share))%) have alt text that mentions \(name), over \(KeyphraseRuleSupport.number(maxShare))%.",
                    suggestion: "Describe what each image shows; not every image needs the keyphrase.",
                    range: images[mentioning.firstIndex(of: true) ?? 0].range)])
            }
            return KeyphraseVerdict(rating: .good, measured: measured)
        }
    }
}
