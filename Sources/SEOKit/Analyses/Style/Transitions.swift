/// One transition word or phrase in a sentence.
public struct TransitionMatch: Sendable, Hashable {
    /// Index of the sentence in `TextAnalysis.sentences`.
    public var sentenceIndex: Int
    /// The transition's tokens in `TextAnalysis.tokens` ("for example": two tokens).
    public var tokenRange: Range<Int>
}

/// The transitions of a document and the sentences that use them.
public struct TransitionAnalysis: Sendable {
    /// Every transition, in text order; where phrases overlap, the longest from the earliest word.
    public let matches: [TransitionMatch]
    /// Indices of the sentences with at least one transition, ascending.
    public let sentenceIndices: [Int]

    public init(matches: [TransitionMatch]) {
        self.matches = matches
        var indices: [Int] = []
        for match in matches where indices.last != match.sentenceIndex { indices.append(match.sentenceIndex) }
        sentenceIndices = indices
    }
}

/// Finds transition words and phrases ("however", "for example", "as a result"), anywhere in a
/// sentence, from `transition-words.txt`: single words through the lexicon's `.transition`
/// flag, phrases as runs of consecutive words (no punctuation between), case-insensitively.
/// A phrase never spans two sentences.
public struct TransitionMatcher: Sendable {
    public init() {}

    /// The transitions of a document (the tokens' lexicon entries say which words are
    /// transitions or start one: the text itself is not read again).
    public func analyze(_ analysis: TextAnalysis) -> TransitionAnalysis {
        analyze(analysis, payloads: StyleLexicon.shared.payloads(tokens: analysis.tokens))
    }

    /// The transitions of a document read by `DocumentReader`.
    public func analyze(_ document: Document) -> TransitionAnalysis {
        analyze(TextAnalysis(document: document))
    }

    func analyze(_ analysis: TextAnalysis, payloads: [UInt32]) -> TransitionAnalysis {
        let phrases = StyleLexicon.shared.transitionPhrases
        var matches: [TransitionMatch] = []
        analysis.tokens.withUnsafeBufferPointer { tokens in
            payloads.withUnsafeBufferPointer { payloads in
                for (sentenceIndex, sentence) in analysis.sentences.enumerated() {
                    let range = sentence.tokenRange
                    var index = range.lowerBound
                    while index < range.upperBound {
                        if let (_, end) = phrases.longestMatch(at: index, in: range, payloads: payloads) {
                            matches.append(TransitionMatch(sentenceIndex: sentenceIndex, tokenRange: index..<end))
                            index = end
                            continue
                        }
                        let token = tokens[index]
                        if token.kind == .word, token.entry.has(.transition) {
                            matches.append(TransitionMatch(sentenceIndex: sentenceIndex, tokenRange: index..<(index + 1)))
                        }
                        index += 1
                    }
                }
            }
        }
        return TransitionAnalysis(matches: matches)
    }
}
