/// Counts over the prose of a document: the inputs of every readability formula.
///
/// Every prose block counts — headings, paragraphs, list items, quotes and table cells; code
/// does not. Each formula reads these same numbers, so the figures can be checked by hand.
public struct TextStatistics: Sendable, Hashable, Codable {
    /// Words: word tokens, numbers and CJK characters (URLs, e-mail addresses, emoji and
    /// punctuation are not words).
    public var words = 0
    public var sentences = 0
    public var syllables = 0
    /// Paragraphs: paragraph, list-item and quote blocks.
    public var paragraphs = 0
    /// Letters and digits in words (the "characters" of ARI).
    public var characters = 0
    /// Letters in words (Coleman–Liau).
    public var letters = 0
    /// Words of one syllable.
    public var monosyllables = 0
    /// Words of three or more syllables (SMOG's polysyllables).
    public var polysyllables = 0
    /// Gunning's complex words: three or more syllables, except proper nouns, hyphenated
    /// compounds, and words that reach three syllables only through -es, -ed or -ing.
    public var complexWords = 0
    /// Words of more than six letters (LIX).
    public var longWords = 0
    /// Words not on the Dale–Chall familiar list, counted every time they occur.
    public var difficultWords = 0
    /// Sentences of more than 20 words.
    public var longSentences = 0
    /// Words in the longest sentence.
    public var longestSentenceWords = 0

    public init() {}

    /// Counts a document's prose from its text analysis.
    public init(document: Document, analysis: TextAnalysis, lexicon: EnglishLexicon = .shared) {
        self.init()
        paragraphs = document.paragraphCount
        document.text.bytes.withUnsafeBufferPointer { text in
            add(analysis.sentences, tokens: analysis.tokens, text: text, lexicon: lexicon)
        }
    }

    /// Counts a document's prose block by block, reusing one small token buffer: for when only
    /// the counts are needed, memory stays flat however long the document is.
    public init(document: Document, tokenizer: Tokenizer = Tokenizer(), segmenter: SentenceSegmenter = SentenceSegmenter()) {
        self.init()
        paragraphs = document.paragraphCount
        let lexicon = tokenizer.lexicon
        let cache = WordCache(forTextOfSize: document.text.count)
        var tokens: [Token] = []
        var sentences: [Sentence] = []
        tokens.reserveCapacity(1024)
        sentences.reserveCapacity(64)
        document.text.bytes.withUnsafeBufferPointer { text in
            for (index, block) in document.blocks.enumerated() where block.isProse {
                tokens.removeAll(keepingCapacity: true)
                sentences.removeAll(keepingCapacity: true)
                tokenizer.tokenize(text, range: block.textRange, into: &tokens, cache: cache)
                segmenter.segment(tokens, range: 0..<tokens.count, text: text, blockIndex: index, into: &sentences)
                add(sentences, tokens: tokens, text: text, lexicon: lexicon)
            }
        }
    }

    private mutating func add(_ sentences: [Sentence], tokens: [Token], text: UnsafeBufferPointer<UInt8>, lexicon: EnglishLexicon) {
        tokens.withUnsafeBufferPointer { tokens in add(sentences, tokens: tokens, text: text, lexicon: lexicon) }
    }

    private mutating func add(_ sentences: [Sentence], tokens: UnsafeBufferPointer<Token>, text: UnsafeBufferPointer<UInt8>, lexicon: EnglishLexicon) {
        self.sentences += sentences.count
        for sentence in sentences {
            if sentence.wordCount > 20 { longSentences += 1 }
            longestSentenceWords = max(longestSentenceWords, sentence.wordCount)
            var firstWord = true
            for index in sentence.tokenRange {
                let token = tokens[index]
                guard token.isWord else { continue }
                let isSentenceStart = firstWord
                firstWord = false
                count(token, text: text, isSentenceStart: isSentenceStart, lexicon: lexicon)
            }
        }
    }

    @inline(__always)
    private mutating func count(_ token: Token, text: UnsafeBufferPointer<UInt8>, isSentenceStart: Bool, lexicon: EnglishLexicon) {
        // Counts without branches where the outcome depends on the word (branchy code here
        // mispredicts on every other word); wrapping adds, the totals cannot overflow.
        words &+= 1
        let syllableCount = Int(token.syllables)
        syllables &+= syllableCount
        let letterCount = Int(token.letters)
        letters &+= letterCount
        switch token.kind {
        case .number:
            // Separators (1,500 or 3.50) are not characters in ARI's sense: digits only.
            for index in token.range where text[index] >= 0x30 && text[index] <= 0x39 { characters &+= 1 }
            monosyllables &+= 1
            return
        case .cjk:
            characters &+= 1
            return
        default:
            break
        }
        characters &+= letterCount &+ digits(in: token, text: text)
        monosyllables &+= syllableCount == 1 ? 1 : 0
        longWords &+= letterCount > 6 ? 1 : 0
        let flags = token.wordFlags
        let isProperNoun = flags.contains(.capitalized) && !isSentenceStart && !flags.contains(.allCaps)
        let isPolysyllable = syllableCount >= 3
        polysyllables &+= isPolysyllable ? 1 : 0
        let excluded = isProperNoun || flags.contains(.hyphenated) || flags.contains(.inflectedToThree)
        complexWords &+= isPolysyllable && !excluded ? 1 : 0
        if !token.entry.has(.daleChallFamiliar), !isProperNoun {
            // Only possessives, contractions and compounds need a closer look.
            let needsParts = flags.contains(.apostrophe) || flags.contains(.hyphenated)
            if !needsParts || !DaleChall.isFamiliarForm(token, text: text, lexicon: lexicon) { difficultWords &+= 1 }
        }
    }

    private func digits(in token: Token, text: UnsafeBufferPointer<UInt8>) -> Int {
        guard token.wordFlags.contains(.hasDigit) else { return 0 }
        var count = 0
        for index in token.range where text[index] >= 0x30 && text[index] <= 0x39 { count += 1 }
        return count
    }
}

extension Array where Element == UInt8 {
    func hasSuffix(_ suffix: StaticString) -> Bool {
        let count = suffix.utf8CodeUnitCount
        guard self.count >= count else { return false }
        return suffix.withUTF8Buffer { self[(self.count - count)...].elementsEqual($0) }
    }
}
