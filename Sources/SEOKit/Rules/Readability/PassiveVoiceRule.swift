/// Mostly active voice: at most one sentence in ten in the passive.
struct PassiveVoiceRule: Rule {
    static let description = RuleDescription(
        id: "readability.passive-voice",
        name: "Passive voice",
        category: .readability,
        defaultSeverity: .warning,
        summary: "At most 10% of sentences use the passive voice.",
        rationale: """
            The passive ("the feature was shipped") hides who acts and takes more words than the \
            active ("we shipped the feature"). Levels from Yoast SEO's "Passive voice" assessment: \
            up to 10% of sentences good, 10–15% ok, over 15% bad (Yoast SEO readability scoring \
            criteria, packages/yoastseo SCORING READABILITY.md; \
            yoast.com/the-passive-voice-what-is-it-and-how-to-avoid-it).

            A sentence is passive when it holds a form of "be" — or of "get" ("got fired"), unless \
            `include-get` is false — followed by a past participle, with at most two adverbs \
            between ("was not always used"). Participles are the irregular ones of \
            `irregular-participles.txt` and words of four or more letters ending in -ed. Not \
            passive: adjectives of feeling or state from `passive-exceptions.txt` ("I am \
            interested", "is located in") unless "by" follows; a degree word between ("is very \
            tired"); "there is/are"; "she's written three books" ('s as "has"); "used to" + -ing \
            ("accustomed"). The full definition is on `PassiveVoiceDetector`. Body sentences \
            count: paragraphs, list items, quotes.

            Over `max-percent`, each passive sentence is marked at its first passive verb group, \
            and the message lists every group in the sentence: infos while the share is ok, \
            warnings when bad.
            """,
        score: .readability,
        weight: 1,
        options: [
            RuleOption("max-percent", .number(10), "Highest good share of passive sentences, in percent."),
            RuleOption("bad-percent", .number(15), "Share of passive sentences above which the text rates bad, in percent."),
            RuleOption("include-get", .flag(true), "Count \"get\" passives (\"got fired\", \"gets updated\")."),
        ],
        examples: [
            .pass("We shipped the feature. The team tested it. Users liked it. I am interested in the results.\n"),
            // One passive sentence in ten is 10%.
            .pass("The report was written by Ana. " + ReadabilityText.filler(9) + "\n"),
            .fail("The report ↓was written by Ana. We read it.\n"),
            .fail("Mistakes ↓were made. The budget has ↓been cut. We moved on.\n"),
            .fail("The player ↓got fired. The coach stayed.\n"),
            .pass("The player got fired. The coach stayed.\n", options: ["include-get": .flag(false)]),
        ])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let maxPercent = options.number("max-percent")
        let badPercent = options.number("bad-percent")
        let includeGet = options.flag("include-get")
        let target = "at most \(ReadabilityText.percent(maxPercent)) of sentences"
        let body = context.bodySentenceIndices
        guard !body.isEmpty else { return RuleResult(assessment: ReadabilityText.notApplicable("no sentences", target: target)) }
        let blocks = context.document.blocks
        let sentences = context.analysis.sentences
        // Passive groups of body sentences, grouped by sentence (matches are in text order).
        var groups: [[PassiveVoiceMatch]] = []
        for match in context.passiveVoice.matches where includeGet || !match.isGetPassive {
            guard blocks[sentences[match.sentenceIndex].blockIndex].isParagraph else { continue }
            if groups.last?.first?.sentenceIndex == match.sentenceIndex {
                groups[groups.count - 1].append(match)
            } else {
                groups.append([match])
            }
        }
        let share = ReadabilityText.share(groups.count, of: body.count)
        let rating: Assessment.Rating = share <= maxPercent ? .good : share <= badPercent ? .ok : .bad
        let measured = "\(ReadabilityText.percent(share)) (\(groups.count) of \(ReadabilityText.count(body.count, "sentence")))"
        let assessment = Assessment(score: .readability, rating: rating, measured: measured, target: target)
        guard rating != .good else { return RuleResult(assessment: assessment) }
        let tokens = context.analysis.tokens
        let findings = groups.map { group -> RuleFinding in
            let verbs = group.map { match in
                ReadabilityText.quoted(context.document.text.string(
                    in: Int(tokens[match.auxiliaryToken].start)..<Int(tokens[match.participleToken].end)))
            }
            return RuleFinding(
                message: "Passive voice: \(verbs.joined(separator: ", ")). \(measured) "
                    + "are passive, more than the recommended \(ReadabilityText.percent(maxPercent)).",
                suggestion: "Say who does what: “we shipped the feature”, not “the feature was shipped”.",
                range: context.range(ofTokens: group[0].tokenRange),
                severity: rating == .ok ? .info : nil)
        }
        return RuleResult(findings: findings, assessment: assessment)
    }
}
