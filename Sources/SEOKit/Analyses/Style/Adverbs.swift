/// One adverb ending in -ly.
public struct AdverbMatch: Sendable, Hashable {
    /// Index of the sentence in `TextAnalysis.sentences`.
    public var sentenceIndex: Int
    /// Index of the word in `TextAnalysis.tokens`.
    public var tokenIndex: Int
}

/// Finds adverbs the way Hemingway readers know them: words ending in -ly.
///
/// A word counts when it has four or more letters, ends in -ly, and is not on the lexicon's
/// list of -ly words that are not adverbs (`adverb-exceptions.txt`: "family", "supply",
/// "friendly", "daily"). For a hyphenated compound the last part decides ("user-friendly" is
/// an adjective). A capitalized word inside a sentence is a name ("Kelly"), not an adverb.
/// Adverbs without -ly ("very", "often") are not counted: that is the habit the check serves.
public struct AdverbFinder: Sendable {
    public init() {}

    /// The -ly adverbs of a document, in text order.
    public func adverbs(in analysis: TextAnalysis, text: ProseText) -> [AdverbMatch] {
        text.bytes.withUnsafeBufferPointer { adverbs(in: analysis, text: $0) }
    }

    /// The -ly adverbs of a document read by `DocumentReader`.
    public func adverbs(in document: Document) -> [AdverbMatch] {
        adverbs(in: TextAnalysis(document: document), text: document.text)
    }

    func adverbs(in analysis: TextAnalysis, text: UnsafeBufferPointer<UInt8>) -> [AdverbMatch] {
        var matches: [AdverbMatch] = []
        analysis.tokens.withUnsafeBufferPointer { tokens in
            for (sentenceIndex, sentence) in analysis.sentences.enumerated() {
                var first = true
                for index in sentence.tokenRange where tokens[index].isWord {
                    if AdverbFinder.isAdverb(tokens[index], text: text, atSentenceStart: first) {
                        matches.append(AdverbMatch(sentenceIndex: sentenceIndex, tokenIndex: index))
                    }
                    first = false
                }
            }
        }
        return matches
    }

    /// Whether a word token is an -ly adverb. Byte tests and lexicon flags only; a lookup of
    /// the last part happens for hyphenated -ly words alone.
    @inline(__always)
    static func isAdverb(_ token: Token, text: UnsafeBufferPointer<UInt8>, atSentenceStart: Bool) -> Bool {
        guard token.kind == .word, token.letters >= 4,
              StyleLexicon.word(token, in: text, endsWith: UInt8(ascii: "l"), UInt8(ascii: "y")),
              !token.entry.has(.notAdverb)
        else { return false }
        let flags = token.wordFlags
        if flags.contains(.capitalized), !flags.contains(.allCaps), !atSentenceStart { return false }
        if flags.contains(.hasDigit) { return false }
        if flags.contains(.hyphenated) { return !lastPartIsNotAdverb(token, text: text) }
        return true
    }

    /// For "user-friendly": whether the part after the last hyphen is on the not-adverb list.
    private static func lastPartIsNotAdverb(_ token: Token, text: UnsafeBufferPointer<UInt8>) -> Bool {
        var start = Int(token.end) - 1
        while start > Int(token.start) {
            let byte = text[start - 1]
            if byte == UInt8(ascii: "-") { break }
            // U+2010 and U+2011 (E2 80 90, E2 80 91) join words like "-".
            if byte == 0x90 || byte == 0x91, start - 3 >= Int(token.start), text[start - 2] == 0x80, text[start - 3] == 0xE2 { break }
            start -= 1
        }
        let length = Int(token.end) - start
        guard length > 0, length <= 24 else { return false }  // longer than any listed word
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { scratch in
            for offset in 0..<length {
                let byte = text[start + offset]
                scratch[offset] = byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte
            }
            let entry = EnglishLexicon.shared.entry(UnsafeBufferPointer(scratch))
            return entry.has(.notAdverb) || (length <= 3)
        }
    }
}
