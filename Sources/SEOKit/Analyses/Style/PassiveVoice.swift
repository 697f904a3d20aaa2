/// One passive verb group: an auxiliary ("be" or "get") and its past participle.
public struct PassiveVoiceMatch: Sendable, Hashable {
    /// Index of the sentence in `TextAnalysis.sentences`.
    public var sentenceIndex: Int
    /// Token index (in `TextAnalysis.tokens`) of the auxiliary: "was", "been", "got", "they're".
    public var auxiliaryToken: Int
    /// Token index of the participle: "written", "used".
    public var participleToken: Int
    /// A "get" passive ("got fired") rather than a "be" passive.
    public var isGetPassive: Bool

    /// The tokens from the auxiliary to the participle, adverbs between included.
    public var tokenRange: Range<Int> { auxiliaryToken..<(participleToken + 1) }
}

/// The passive sentences of a document.
public struct PassiveVoiceAnalysis: Sendable {
    /// Every passive verb group, in text order.
    public let matches: [PassiveVoiceMatch]
    /// Indices of the sentences with at least one passive verb group, ascending.
    public let sentenceIndices: [Int]

    public init(matches: [PassiveVoiceMatch]) {
        self.matches = matches
        var indices: [Int] = []
        for match in matches where indices.last != match.sentenceIndex { indices.append(match.sentenceIndex) }
        sentenceIndices = indices
    }

    /// The same analysis without "get" passives.
    public var withoutGetPassives: PassiveVoiceAnalysis {
        PassiveVoiceAnalysis(matches: matches.filter { !$0.isGetPassive })
    }
}

/// Finds the passive voice in English prose.
///
/// A passive verb group is a form of "be" (am, is, are, was, were, be, been, being and their
/// contractions: isn't, they're, I'm, it's) — or, when `includesGetPassive`, of "get" (get,
/// gets, got, gotten, getting: "got fired") — followed by a past participle, with at most
/// `maximumWordsBetween` adverbs between them ("was not always used", "is also known"). A past
/// participle is a word on the irregular list (`irregular-participles.txt`: "written", "made")
/// or a word of four or more letters ending in -ed.
///
/// Not passive:
/// - words in `passive-exceptions.txt`: adjectives of feeling or state ("I am interested",
///   "the office is located in") unless "by" follows ("surprised by the result"); words ending
///   in -ed that are no participle ("is indeed", "sacred"); idioms after "get" ("get rid of",
///   "get started", "got used to");
/// - a degree word between ("is very tired", "is more complicated"): those modify adjectives;
/// - existential "there" ("there are limited options", "there's mixed evidence");
/// - "'s" read as "has": a pronoun with 's, a participle, then an object ("she's written three
///   books");
/// - "used to" followed by an -ing word ("we are used to working"): "accustomed";
/// - capitalized words inside a sentence (names: "This is Fred"), hyphenated compounds
///   ("is old-fashioned");
/// - the participle after punctuation ("was, however, approved" is missed: a known gap), and
///   questions with the subject between ("Was the report written?") are not found.
///
/// Every form of "be" is tried on its own, so "has been written" and "is being built" are
/// found through "been" and "being".
public struct PassiveVoiceDetector: Sendable {
    /// Count "get" passives ("got fired", "gets updated").
    public var includesGetPassive: Bool
    /// Adverbs allowed between the auxiliary and the participle.
    public var maximumWordsBetween: Int

    public init(includesGetPassive: Bool = true, maximumWordsBetween: Int = 2) {
        self.includesGetPassive = includesGetPassive
        self.maximumWordsBetween = maximumWordsBetween
    }

    /// The passive verb groups of a document.
    public func analyze(_ analysis: TextAnalysis, text: ProseText) -> PassiveVoiceAnalysis {
        text.bytes.withUnsafeBufferPointer { bytes in
            let payloads = StyleLexicon.shared.payloads(tokens: analysis.tokens)
            return analyze(analysis, text: bytes, payloads: payloads)
        }
    }

    /// The passive verb groups of a document read by `DocumentReader`.
    public func analyze(_ document: Document) -> PassiveVoiceAnalysis {
        analyze(TextAnalysis(document: document), text: document.text)
    }

    func analyze(_ analysis: TextAnalysis, text: UnsafeBufferPointer<UInt8>, payloads: [UInt32]) -> PassiveVoiceAnalysis {
        var matches: [PassiveVoiceMatch] = []
        analysis.tokens.withUnsafeBufferPointer { tokens in
            payloads.withUnsafeBufferPointer { payloads in
                for (sentenceIndex, sentence) in analysis.sentences.enumerated() {
                    scan(sentence, index: sentenceIndex, tokens: tokens, text: text, payloads: payloads, into: &matches)
                }
            }
        }
        return PassiveVoiceAnalysis(matches: matches)
    }

    private func scan(
        _ sentence: Sentence, index sentenceIndex: Int, tokens: UnsafeBufferPointer<Token>, text: UnsafeBufferPointer<UInt8>,
        payloads: UnsafeBufferPointer<UInt32>, into matches: inout [PassiveVoiceMatch]
    ) {
        typealias Bits = StyleLexicon.Bits
        let range = sentence.tokenRange
        var previousWord = -1
        for index in range {
            let token = tokens[index]
            guard token.kind == .word else { continue }
            let previous = previousWord
            previousWord = index
            let bits = Bits(rawValue: payloads[index] & Bits.flagMask)
            let isGet = bits.contains(.get)
            guard bits.contains(.be) || bits.contains(.sContraction) || (isGet && includesGetPassive) else { continue }
            // "There are limited options": existential, the participle describes the noun.
            if previous >= 0, payloads[previous] & Bits.there.rawValue != 0 { continue }
            guard let participle = participle(after: index, in: range, tokens: tokens, text: text, payloads: payloads) else { continue }
            let participleBits = Bits(rawValue: payloads[participle] & Bits.flagMask)
            let next = nextWord(after: participle, in: range, tokens: tokens)
            let nextBits = next.map { Bits(rawValue: payloads[$0] & Bits.flagMask) } ?? []
            if participleBits.contains(.notParticiple) { continue }
            if participleBits.contains(.adjective), !nextBits.contains(.by) { continue }
            if isGet, participleBits.contains(.afterGet) { continue }
            // "She's written three books": 's is "has", and this is the perfect.
            if bits.contains(.sContraction), let next, nextBits.contains(.objectStart) || tokens[next].kind == .number { continue }
            // "We are used to working": "accustomed to".
            if participleBits.contains(.used), let next, nextBits.contains(.to),
               let after = nextWord(after: next, in: range, tokens: tokens),
               StyleLexicon.word(tokens[after], in: text, endsWith: UInt8(ascii: "n"), UInt8(ascii: "g")),
               Int(tokens[after].end - tokens[after].start) >= 5 {
                continue
            }
            matches.append(PassiveVoiceMatch(
                sentenceIndex: sentenceIndex, auxiliaryToken: index, participleToken: participle,
                isGetPassive: isGet && !bits.contains(.be)))
        }
    }

    /// The participle after the auxiliary at `index`, past at most `maximumWordsBetween` adverbs.
    @inline(__always)
    private func participle(
        after index: Int, in range: Range<Int>, tokens: UnsafeBufferPointer<Token>, text: UnsafeBufferPointer<UInt8>,
        payloads: UnsafeBufferPointer<UInt32>
    ) -> Int? {
        typealias Bits = StyleLexicon.Bits
        var position = index + 1
        var between = 0
        while position < range.upperBound {
            let token = tokens[position]
            guard token.kind == .word else { return nil }
            let bits = Bits(rawValue: payloads[position] & Bits.flagMask)
            // Another auxiliary ("is being built"): it is tried on its own.
            if bits.contains(.be) { return nil }
            if PassiveVoiceDetector.isParticiple(token, text: text) { return position }
            guard between < maximumWordsBetween,
                  bits.contains(.between) || AdverbFinder.isAdverb(token, text: text, atSentenceStart: false)
            else { return nil }
            between += 1
            position += 1
        }
        return nil
    }

    @inline(__always)
    private func nextWord(after index: Int, in range: Range<Int>, tokens: UnsafeBufferPointer<Token>) -> Int? {
        let next = index + 1
        guard next < range.upperBound, tokens[next].kind == .word else { return nil }
        return next
    }

    /// A past participle: on the irregular list, or four or more letters ending in -ed. Names
    /// (capitalized, not all capitals) and hyphenated compounds are not.
    @inline(__always)
    static func isParticiple(_ token: Token, text: UnsafeBufferPointer<UInt8>) -> Bool {
        let flags = token.wordFlags
        if flags.contains(.hyphenated) || flags.contains(.hasDigit) { return false }
        if flags.contains(.capitalized), !flags.contains(.allCaps) { return false }
        if token.entry.has(.irregularParticiple) { return true }
        return token.letters >= 4 && StyleLexicon.word(token, in: text, endsWith: UInt8(ascii: "e"), UInt8(ascii: "d"))
    }
}
