/// The keyphrase matches of one document, computed once and shared by the keyphrase rules
/// (through ``LintContext/keyphraseAnalysis``).
///
/// Holds the parsed keyphrases and synonyms, the matcher over the document's body (every prose
/// block: headings, paragraphs, list items, quotes, table cells; not code) and each keyphrase's
/// matches there.
public final class KeyphraseAnalysis: Sendable {
    /// The focus keyphrases, in the order given (empty ones left out).
    public let keyphrases: [Keyphrase]
    /// Synonyms: they count like the keyphrase in the checks that say so.
    public let synonyms: [Keyphrase]
    /// The document's body.
    public let body: KeyphraseMatcher
    /// For each keyphrase, its matches in the body (synonyms not counted).
    public let matches: [[KeyphraseMatch]]
    /// For each keyphrase, the body sentences matching it or a synonym.
    public let matchesWithSynonyms: [[KeyphraseMatch]]

    public init(document: Document, analysis: TextAnalysis, keyphrases: [String], synonyms: [String], lexicon: EnglishLexicon = .shared) {
        self.keyphrases = keyphrases.map { Keyphrase($0, lexicon: lexicon) }.filter { !$0.isEmpty }
        self.synonyms = synonyms.map { Keyphrase($0, lexicon: lexicon) }.filter { !$0.isEmpty }
        let body = KeyphraseMatcher(document: document, analysis: analysis)
        self.body = body
        matches = self.keyphrases.map { body.matches(of: $0) }
        let synonyms = self.synonyms
        matchesWithSynonyms = self.keyphrases.map { body.matches(ofAny: [$0] + synonyms) }
    }

    /// Total matches of each keyphrase in the body.
    public func count(forKeyphraseAt index: Int) -> Int {
        matches[index].reduce(0) { $0 + $1.count }
    }

    /// The keyphrase followed by the synonyms.
    public func phrases(forKeyphraseAt index: Int, synonyms useSynonyms: Bool) -> [Keyphrase] {
        useSynonyms ? [keyphrases[index]] + synonyms : [keyphrases[index]]
    }
}

extension LintContext {
    /// The document's keyphrase matches, computed on first use and shared between rules.
    public var keyphraseAnalysis: KeyphraseAnalysis {
        shared(KeyphraseAnalysis.self) { context in
            KeyphraseAnalysis(
                document: context.document, analysis: context.analysis, keyphrases: context.keyphrases,
                synonyms: context.synonyms, lexicon: context.lexicon)
        }
    }
}
