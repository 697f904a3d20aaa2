/// The text engine's view of a document: tokens and sentences of every prose block.
///
/// Computed once per document and shared by every analysis, so no check tokenizes again.
public struct TextAnalysis: Sendable {
    public let tokens: [Token]
    public let sentences: [Sentence]
    /// For each block of the document (same indices as `Document.blocks`): its tokens and sentences.
    public let blocks: [BlockSpan]

    public struct BlockSpan: Sendable, Hashable {
        public var tokenRange: Range<Int>
        public var sentenceRange: Range<Int>
    }

    /// Tokenizes and segments every prose block of a document. Pass a `cache` to reuse what
    /// the lexicon said about words across documents (one cache per thread).
    public init(
        document: Document, tokenizer: Tokenizer = Tokenizer(), segmenter: SentenceSegmenter = SentenceSegmenter(),
        cache: WordCache? = nil
    ) {
        var tokens: [Token] = []
        tokens.reserveCapacity(document.text.count / 5 + 16)
        var sentences: [Sentence] = []
        sentences.reserveCapacity(document.text.count / 90 + 4)
        let cache = cache ?? WordCache(forTextOfSize: document.text.count)
        var spans: [BlockSpan] = []
        spans.reserveCapacity(document.blocks.count)
        document.text.bytes.withUnsafeBufferPointer { text in
            for (index, block) in document.blocks.enumerated() {
                let tokenStart = tokens.count
                let sentenceStart = sentences.count
                if block.isProse {
                    tokenizer.tokenize(text, range: block.textRange, into: &tokens, cache: cache)
                    segmenter.segment(tokens, range: tokenStart..<tokens.count, text: text, blockIndex: index, into: &sentences)
                }
                spans.append(BlockSpan(tokenRange: tokenStart..<tokens.count, sentenceRange: sentenceStart..<sentences.count))
            }
        }
        self.tokens = tokens
        self.sentences = sentences
        self.blocks = spans
    }

    /// The words (word, number and CJK tokens) of a sentence.
    public func words(in sentence: Sentence) -> LazyFilterSequence<ArraySlice<Token>> {
        tokens[sentence.tokenRange].lazy.filter(\.isWord)
    }
}
