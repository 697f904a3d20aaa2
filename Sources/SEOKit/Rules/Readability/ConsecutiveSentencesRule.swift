/// Varied sentence openings: never three sentences in a row starting with the same word.
struct ConsecutiveSentencesRule: Rule {
    static let description = RuleDescription(
        id: "readability.consecutive-sentences",
        name: "Consecutive sentences",
        category: .readability,
        defaultSeverity: .warning,
        summary: "No three or more sentences in a row start with the same word.",
        rationale: """
            Sentences that keep opening the same way read as monotonous (unless the repetition is \
            a deliberate figure). Level from Yoast SEO's "Consecutive sentences" assessment: three \
            or more consecutive sentences starting with the same word rate bad, fewer good (Yoast \
            SEO readability scoring criteria, packages/yoastseo SCORING READABILITY.md; \
            yoast.com/consecutive-sentences-check-yoast-seo).

            The opening is the first word, compared case-insensitively; after an article, a \
            demonstrative or a number word ("the", "this", "two") it is the first two words, so \
            "The cat…", "The dog…" differ. Runs go on across paragraphs and quotes; headings, table \
            cells and list items end them, and list items are not checked unless \
            `include-list-items` is true: parallel list items ("Add the flour.", "Add the \
            water.") are good style. Each run is marked at its first sentence.
            """,
        score: .readability,
        weight: 1,
        options: [
            RuleOption("min-run", .number(3), "Sentences in a row with the same opening that make a finding."),
            RuleOption("include-list-items", .flag(false), "Check list items too."),
        ],
        examples: [
            .pass("Teams plan. Teams ship. Users test.\n"),
            // Different words after "The"; list items are not checked.
            .pass("The cat sat. The dog ran. The bird sang.\n\n- Add the flour.\n- Add the water.\n- Add the salt.\n"),
            .fail("↓Teams were told. Teams were promised. Teams were assured.\n"),
            // Across paragraphs, in any case.
            .fail("We start. ↓Then we plan.\n\nthen we ship. THEN we rest.\n"),
            .fail("- ↓Add the flour.\n- Add the water.\n- Add the salt.\n", options: ["include-list-items": .flag(true)]),
        ])

    /// The opening words of a sentence: the token of its first word and how many words (1 or 2).
    private struct Opening {
        var first: Int
        var words: Int
    }

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let minRun = max(2, Int(options.number("min-run")))
        let includeLists = options.flag("include-list-items")
        let target = "fewer than \(minRun) in a row with the same opening"
        guard !context.bodySentenceIndices.isEmpty else {
            return RuleResult(assessment: ReadabilityText.notApplicable("no sentences", target: target))
        }
        let blocks = context.document.blocks
        let tokens = context.analysis.tokens
        let payloads = context.styleTokenPayloads
        var runs: [(start: Int, count: Int, opening: Opening)] = []
        var current: (start: Int, count: Int, opening: Opening)?

        context.document.text.bytes.withUnsafeBufferPointer { text in
            func opening(of sentence: Sentence) -> Opening? {
                guard let first = sentence.tokenRange.first(where: { tokens[$0].isWord }) else { return nil }
                let next = first + 1
                if payloads[first] & StyleLexicon.Bits.opener.rawValue != 0, next < sentence.tokenRange.upperBound, tokens[next].isWord {
                    return Opening(first: first, words: 2)
                }
                return Opening(first: first, words: 1)
            }
            func same(_ a: Opening, _ b: Opening) -> Bool {
                guard a.words == b.words else { return false }
                for offset in 0..<a.words {
                    let left = tokens[a.first + offset]
                    let right = tokens[b.first + offset]
                    guard left.end - left.start == right.end - right.start else { return false }
                    for byte in 0..<Int(left.end - left.start) {
                        let x = text[Int(left.start) + byte]
                        let y = text[Int(right.start) + byte]
                        if x == y { continue }
                        guard x | 0x20 == y | 0x20, (x | 0x20) >= 0x61, (x | 0x20) <= 0x7A else { return false }
                    }
                }
                return true
            }
            func close() {
                if let run = current, run.count >= minRun { runs.append(run) }
                current = nil
            }
            for (index, sentence) in context.analysis.sentences.enumerated() {
                let kind = blocks[sentence.blockIndex].kind
                guard kind == .paragraph || kind == .quote || (includeLists && kind == .listItem) else {
                    close()
                    continue
                }
                guard let open = opening(of: sentence) else { continue }
                if let run = current, same(run.opening, open) {
                    current?.count += 1
                } else {
                    close()
                    current = (index, 1, open)
                }
            }
            close()
        }

        func words(_ opening: Opening) -> String {
            context.document.text.string(in: Int(tokens[opening.first].start)..<Int(tokens[opening.first + opening.words - 1].end))
        }
        let findings = runs.map { run in
            RuleFinding(
                message: "\(run.count) sentences in a row start with \(ReadabilityText.quoted(words(run.opening))).",
                suggestion: "Vary the openings: merge two of the sentences, or start one with what matters most in it.",
                range: context.range(ofTokens: run.opening.first..<(run.opening.first + run.opening.words)))
        }
        let longest = runs.max { $0.count < $1.count }
        let measured = longest.map { "\($0.count) in a row start with \(ReadabilityText.quoted(words($0.opening)))" }
            ?? "no \(minRun) in a row"
        return RuleResult(
            findings: findings,
            assessment: Assessment(score: .readability, rating: runs.isEmpty ? .good : .bad, measured: measured, target: target))
    }
}
