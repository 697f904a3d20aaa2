/// What a rule sees of one document: the document, its text analysis and counts, the
/// keyphrases, and analyses shared between rules (computed once, on first use).
///
/// One context per document, used by one thread; it is not shared.
public final class LintContext {
    public let document: Document
    public let analysis: TextAnalysis
    public let statistics: TextStatistics
    public let readability: Readability
    /// Focus keyphrases: from `--keyphrase` when given, else from the document's metadata.
    public let keyphrases: [String]
    /// Synonyms of the keyphrase, from the metadata.
    public let synonyms: [String]
    public let lexicon: EnglishLexicon
    private var memo: [ObjectIdentifier: Any] = [:]

    public init(document: Document, analysis: TextAnalysis? = nil, keyphrases: [String]? = nil, lexicon: EnglishLexicon = .shared) {
        self.document = document
        let analysis = analysis ?? TextAnalysis(document: document)
        self.analysis = analysis
        statistics = TextStatistics(document: document, analysis: analysis, lexicon: lexicon)
        readability = Readability(statistics)
        let given = (keyphrases ?? []).map { $0.trimmed() }.filter { !$0.isEmpty }
        self.keyphrases = given.isEmpty ? document.metadata.keyphrases : given
        synonyms = document.metadata.synonyms
        self.lexicon = lexicon
    }

    /// A shared analysis, computed on first use and kept for the other rules. Each analysis
    /// is its own type, which is the key.
    public func shared<Value>(_ type: Value.Type, _ compute: (LintContext) -> Value) -> Value {
        let key = ObjectIdentifier(type)
        if let value = memo[key] as? Value { return value }
        let value = compute(self)
        memo[key] = value
        return value
    }

    // MARK: Text

    /// The text of a token.
    public func text(of token: Token) -> String { document.text.string(in: token.range) }

    /// The text of a sentence.
    public func text(of sentence: Sentence) -> String { document.text.string(in: sentence.textRange) }

    /// Sentences of a block.
    public func sentences(in blockIndex: Int) -> ArraySlice<Sentence> {
        analysis.sentences[analysis.blocks[blockIndex].sentenceRange]
    }

    /// Word tokens (words, numbers, CJK) of a block.
    public func words(in blockIndex: Int) -> [Token] {
        analysis.tokens[analysis.blocks[blockIndex].tokenRange].filter(\.isWord)
    }

    /// The document's body blocks: prose blocks that are not headings.
    public var bodyBlockIndices: [Int] {
        document.blocks.indices.filter { document.blocks[$0].isProse && document.blocks[$0].kind != .heading }
    }

    // MARK: Positions

    /// Where a span of prose is in the original file.
    public func range(ofText textRange: Range<Int>) -> SourceRange { document.sourceRange(ofText: textRange) }

    public func range(of token: Token) -> SourceRange { range(ofText: token.range) }

    public func range(of sentence: Sentence) -> SourceRange { range(ofText: sentence.textRange) }

    /// From the first to the last of a run of tokens.
    public func range(ofTokens tokenRange: Range<Int>) -> SourceRange {
        guard !tokenRange.isEmpty else { return documentStart }
        let tokens = analysis.tokens
        return range(ofText: Int(tokens[tokenRange.lowerBound].start)..<Int(tokens[tokenRange.upperBound - 1].end))
    }

    /// Where a metadata field is set (front matter key, `<title>`, meta tag), or where it
    /// would go: the start of the front matter or of the file.
    public func range(of field: Metadata.Field) -> SourceRange {
        document.metadata.fieldRanges[field] ?? documentStart
    }

    /// The start of the document: the front matter if there is one, else line 1.
    public var documentStart: SourceRange {
        if let frontMatter = document.metadata.frontMatterRange {
            return SourceRange(start: frontMatter.start, end: frontMatter.start)
        }
        let start = SourceLocation(line: 1, column: 1, offset: 0)
        return SourceRange(start: start, end: start)
    }

    /// The first H1, or the title field, or the start: where document-wide findings point.
    public var headlineRange: SourceRange {
        if let h1 = document.blocks.first(where: { $0.kind == .heading && $0.level == 1 }) { return h1.range }
        return range(of: .title)
    }
}
