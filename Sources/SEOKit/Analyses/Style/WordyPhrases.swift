/// One wordy phrase and its plainer alternative.
public struct WordyPhraseMatch: Sendable, Hashable {
    /// Index of the sentence in `TextAnalysis.sentences`.
    public var sentenceIndex: Int
    /// The phrase's tokens in `TextAnalysis.tokens`.
    public var tokenRange: Range<Int>
    /// The phrase as listed in `wordy-phrases.txt` (lowercase): "in order to".
    public var phrase: String
    /// The plainer alternative: "to".
    public var alternative: String
}

/// Finds wordy phrases from `wordy-phrases.txt` ("in order to" → "to", "due to the fact that"
/// → "because"), case-insensitively, as runs of consecutive words within one sentence (never
/// across punctuation or a sentence end). Where phrases overlap, the longest starting at the
/// earliest word wins: "due to the fact that" is one match, not "the fact that" inside it.
public struct WordyPhraseFinder: Sendable {
    public init() {}

    /// The wordy phrases of a document, in text order (the tokens' lexicon entries say which
    /// words belong to a phrase: the text itself is not read again).
    public func matches(in analysis: TextAnalysis) -> [WordyPhraseMatch] {
        matches(in: analysis, payloads: StyleLexicon.shared.payloads(tokens: analysis.tokens))
    }

    /// The wordy phrases of a document read by `DocumentReader`.
    public func matches(in document: Document) -> [WordyPhraseMatch] {
        matches(in: TextAnalysis(document: document))
    }

    func matches(in analysis: TextAnalysis, payloads: [UInt32]) -> [WordyPhraseMatch] {
        let phrases = StyleLexicon.shared.wordyPhrases
        var matches: [WordyPhraseMatch] = []
        payloads.withUnsafeBufferPointer { payloads in
            for (sentenceIndex, sentence) in analysis.sentences.enumerated() {
                let range = sentence.tokenRange
                var index = range.lowerBound
                while index < range.upperBound {
                    if let (phrase, end) = phrases.longestMatch(at: index, in: range, payloads: payloads) {
                        matches.append(WordyPhraseMatch(
                            sentenceIndex: sentenceIndex, tokenRange: index..<end,
                            phrase: phrases.texts[phrase], alternative: phrases.alternatives[phrase]))
                        index = end
                    } else {
                        index += 1
                    }
                }
            }
        }
        return matches
    }
}
