/// The style analyses of a lint context, each computed once per document on first use and
/// shared by every rule that asks (the readability and style rules, the compare report).
extension LintContext {
    /// What the style vocabulary says about each token, read through its lexicon entry (once per
    /// document).
    var styleTokenPayloads: [UInt32] {
        shared(StyleTokenPayloads.self) { context in
            StyleTokenPayloads(values: StyleLexicon.shared.payloads(tokens: context.analysis.tokens))
        }.values
    }

    /// Passive verb groups, "get" passives included (filter with `isGetPassive`).
    public var passiveVoice: PassiveVoiceAnalysis {
        shared(PassiveVoiceAnalysis.self) { context in
            let payloads = context.styleTokenPayloads
            return context.document.text.bytes.withUnsafeBufferPointer {
                PassiveVoiceDetector().analyze(context.analysis, text: $0, payloads: payloads)
            }
        }
    }

    /// Transition words and phrases.
    public var transitions: TransitionAnalysis {
        shared(TransitionAnalysis.self) { context in
            TransitionMatcher().analyze(context.analysis, payloads: context.styleTokenPayloads)
        }
    }

    /// Adverbs ending in -ly.
    public var adverbs: [AdverbMatch] {
        shared([AdverbMatch].self) { context in
            context.document.text.bytes.withUnsafeBufferPointer { AdverbFinder().adverbs(in: context.analysis, text: $0) }
        }
    }

    /// Wordy phrases with their alternatives.
    public var wordyPhrases: [WordyPhraseMatch] {
        shared([WordyPhraseMatch].self) { context in
            WordyPhraseFinder().matches(in: context.analysis, payloads: context.styleTokenPayloads)
        }
    }

    /// The ARI grade of every sentence, with the default difficulty levels (14 words; grades 10
    /// and 14). Rules with other levels reclassify with `SentenceGrader.difficulty(grade:words:)`.
    public var sentenceGrades: [SentenceGrade] {
        shared([SentenceGrade].self) { context in
            context.document.text.bytes.withUnsafeBufferPointer { SentenceGrader().grades(in: context.analysis, text: $0) }
        }
    }
}

/// The memo key and value of `styleTokenPayloads`.
struct StyleTokenPayloads {
    var values: [UInt32]
}
