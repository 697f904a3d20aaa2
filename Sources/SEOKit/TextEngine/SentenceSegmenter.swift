/// A sentence: a run of tokens within one block.
public struct Sentence: Sendable, Hashable {
    /// Token indices (into `TextAnalysis.tokens`), end exclusive.
    public var tokenRange: Range<Int>
    /// Byte range in the prose buffer, from the first to the last token.
    public var textRange: Range<Int>
    /// Index of the block the sentence belongs to.
    public var blockIndex: Int
    /// Number of word tokens (words, numbers, CJK characters).
    public var wordCount: Int
}

/// Finds sentence boundaries in the tokens of one block.
///
/// A block (heading, paragraph, list item, cell) always ends a sentence; inside it, the rules
/// decide at each `.`, `!`, `?` and ellipsis, looking at the word before and the token after:
/// abbreviations (`Mr.`, `e.g.`, `U.S.`), initials, decimals, ellipses, closing quotes and
/// brackets, and inline enumerations (`1) ... 2) ...`). A line break inside a paragraph is
/// whitespace like any other.
public struct SentenceSegmenter: Sendable {
    public init() {}

    /// Appends the sentences of `tokens[range]` to `sentences`.
    public func segment(
        _ tokens: [Token], range: Range<Int>, text: UnsafeBufferPointer<UInt8>, blockIndex: Int, into sentences: inout [Sentence]
    ) {
        tokens.withUnsafeBufferPointer { buffer in
            segment(buffer, range: range, text: text, blockIndex: blockIndex, into: &sentences)
        }
    }

    private func segment(
        _ tokens: UnsafeBufferPointer<Token>, range: Range<Int>, text: UnsafeBufferPointer<UInt8>, blockIndex: Int, into sentences: inout [Sentence]
    ) {
        var start = range.lowerBound
        var enumeration = Enumeration.none
        var index = range.lowerBound
        var atSentenceStart = true
        while index < range.upperBound {
            if atSentenceStart {
                atSentenceStart = false
                let (markerEnd, kind) = listMarker(tokens, at: index, end: range.upperBound, text: text)
                if let kind {
                    enumeration = kind
                    index = markerEnd
                    continue
                }
            }
            let token = tokens[index]
            // An enumeration in running text: "1) first 2) second" starts a sentence at "2)".
            if enumeration.isActive, index > start, let next = enumeration.next,
               matchesMarker(tokens, at: index, end: range.upperBound, text: text, expected: next) {
                emit(tokens, start..<index, text: text, blockIndex: blockIndex, into: &sentences)
                start = index
                atSentenceStart = true
                continue
            }
            if token.kind == .terminal, let end = boundaryEnd(tokens, terminalAt: index, range: range, sentenceStart: start, text: text) {
                emit(tokens, start..<end, text: text, blockIndex: blockIndex, into: &sentences)
                start = end
                index = end
                atSentenceStart = true
                continue
            }
            index += 1
        }
        if start < range.upperBound {
            emit(tokens, start..<range.upperBound, text: text, blockIndex: blockIndex, into: &sentences)
        }
    }

    private func emit(_ tokens: UnsafeBufferPointer<Token>, _ range: Range<Int>, text: UnsafeBufferPointer<UInt8>, blockIndex: Int, into sentences: inout [Sentence]) {
        guard !range.isEmpty else { return }
        var words = 0
        for index in range where tokens[index].isWord { words += 1 }
        // A run of punctuation alone ("—", "* * *") is not a sentence.
        guard words > 0 else { return }
        sentences.append(Sentence(
            tokenRange: range, textRange: Int(tokens[range.lowerBound].start)..<Int(tokens[range.upperBound - 1].end),
            blockIndex: blockIndex, wordCount: words))
    }

    // MARK: Boundary decision

    /// If the terminal at `index` ends a sentence, the token index just after the sentence
    /// (closing quotes and brackets included); otherwise `nil`.
    private func boundaryEnd(_ tokens: UnsafeBufferPointer<Token>, terminalAt index: Int, range: Range<Int>, sentenceStart: Int, text: UnsafeBufferPointer<UInt8>) -> Int? {
        let terminal = tokens[index].terminal!
        // Closing quotes and brackets stuck to the terminal belong to this sentence.
        var after = index + 1
        var boundaryEnd = index + 1
        while after < range.upperBound, tokens[after].start == tokens[after - 1].end, isCloser(tokens[after]) {
            after += 1
            boundaryEnd = after
        }
        guard after < range.upperBound else { return boundaryEnd }
        // Scripts that write no space after a full stop (。！？) end the sentence there.
        if terminal == .fullStop { return boundaryEnd }
        let next = tokens[after]
        // Something glued to the terminal ("Jr.'s", "U.S.-based") continues the sentence.
        if next.start == tokens[after - 1].end, next.kind != .terminal { return nil }

        switch terminal {
        case .fullStop:
            return boundaryEnd
        case .ellipsis:
            return nil
        case .strong:
            return startsLowercase(tokens, at: after, end: range.upperBound, text: text) ? nil : boundaryEnd
        case .ellipsisPeriod:
            return startsUppercase(tokens, at: after, end: range.upperBound, text: text) ? boundaryEnd : nil
        case .period:
            break
        }

        // A full stop followed by an ellipsis: "compounds. . . . The practice" splits after the stop
        // when a capital follows the ellipsis.
        if next.terminal == .ellipsis {
            return startsUppercase(tokens, at: after + 1, end: range.upperBound, text: text) ? boundaryEnd : nil
        }

        let lowercaseNext = startsLowercase(tokens, at: after, end: range.upperBound, text: text)
        if lowercaseNext { return nil }
        let uppercaseNext = startsUppercase(tokens, at: after, end: range.upperBound, text: text)
        let numberNext = next.kind == .number

        // The token the period is attached to.
        guard index > range.lowerBound, tokens[index - 1].end == tokens[index].start else {
            return uppercaseNext || numberNext ? boundaryEnd : nil
        }
        let previous = tokens[index - 1]
        switch previous.kind {
        case .word:
            break
        case .number, .link, .cjk:
            return uppercaseNext ? boundaryEnd : nil
        case .punctuation, .symbol, .terminal:
            return uppercaseNext ? boundaryEnd : nil
        }

        let entry = previous.entry
        let flags = previous.wordFlags
        let length = Int(previous.end - previous.start)
        let isSingleLetter = previous.letters == 1 && length == 1

        if isSingleLetter {
            // "E." after a capitalised name is an initial; "I." after a lowercase word is the pronoun.
            let letter = text[Int(previous.start)]
            let precededByName = index - 2 >= range.lowerBound && tokens[index - 2].kind == .word
                && tokens[index - 2].wordFlags.contains(.capitalized)
            if letter >= 0x41 && letter <= 0x5A {
                if letter == UInt8(ascii: "I") {
                    // "you and I. Did" is the pronoun; "Albert I. Jones" an initial.
                    if precededByName && index - 2 != sentenceStart { return nil }
                    return uppercaseNext || numberNext ? boundaryEnd : nil
                }
                // Any other capital letter is an initial ("J. R. Moreau", "by E. Smith") unless a
                // typical sentence opener follows ("plan B. Then we").
                return nextWordIsSentenceStarter(tokens, at: after, end: range.upperBound) ? boundaryEnd : nil
            }
            // "p. 55", "b. The second item": a lowercase letter is an abbreviation unless a capital follows.
            return uppercaseNext ? boundaryEnd : nil
        }

        let isAbbreviation = entry.has(.abbreviation) || (flags.contains(.dotted) && isLetterAbbreviation(text, previous))
        guard isAbbreviation else {
            return uppercaseNext || numberNext || !startsWithLetter(tokens, at: after, text: text) ? boundaryEnd : nil
        }
        if numberNext { return nil }                     // "No. 5", "p. 12", "Fig. 3"
        if entry.has(.prefixAbbreviation) { return nil } // "Mr. Smith", "Mt. Fuji"
        guard uppercaseNext else { return nil }
        if entry.has(.timeAbbreviation) {
            // "At 5 a.m. Mr. Smith went" (a fronted time phrase) vs "... at 6 P.M. Mr. Smith then".
            var wordsBefore = 0
            for position in sentenceStart..<(index - 1) where tokens[position].isWord { wordsBefore += 1 }
            return wordsBefore > 3 ? boundaryEnd : nil
        }
        // "Co. It closed", "the U.S. How about": split only when a typical sentence opener follows.
        return nextWordIsSentenceStarter(tokens, at: after, end: range.upperBound) ? boundaryEnd : nil
    }

    /// `U.S.A`, `e.g`, `Ph.D`: dotted words made of one- or two-letter pieces.
    private func isLetterAbbreviation(_ text: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        var piece = 0
        for index in token.range {
            let byte = text[index]
            if byte == UInt8(ascii: ".") {
                if piece == 0 || piece > 2 { return false }
                piece = 0
            } else {
                piece += 1
            }
        }
        return piece > 0 && piece <= 2
    }

    private func isCloser(_ token: Token) -> Bool {
        switch token.punctuation {
        case .closeBracket, .closeQuote, .ambiguousQuote: return true
        default: return false
        }
    }

    /// The first word-like token at or after `index`, skipping opening quotes and brackets.
    private func firstContent(_ tokens: UnsafeBufferPointer<Token>, at index: Int, end: Int) -> Token? {
        var position = index
        while position < end {
            let token = tokens[position]
            switch token.punctuation {
            case .openQuote, .openBracket, .ambiguousQuote: position += 1; continue
            default: return token
            }
        }
        return nil
    }

    private func startsLowercase(_ tokens: UnsafeBufferPointer<Token>, at index: Int, end: Int, text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let token = firstContent(tokens, at: index, end: end), token.kind == .word else { return false }
        return !token.wordFlags.contains(.capitalized) && isLowercaseStart(text, token)
    }

    private func startsUppercase(_ tokens: UnsafeBufferPointer<Token>, at index: Int, end: Int, text: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let token = firstContent(tokens, at: index, end: end) else { return false }
        switch token.kind {
        case .word: return token.wordFlags.contains(.capitalized) || !isLowercaseStart(text, token)
        case .cjk: return true
        default: return false
        }
    }

    private func startsWithLetter(_ tokens: UnsafeBufferPointer<Token>, at index: Int, text: UnsafeBufferPointer<UInt8>) -> Bool {
        index < tokens.count && tokens[index].kind == .word
    }

    /// Scripts without case (Arabic, Hebrew, Devanagari...) count as "not lowercase".
    private func isLowercaseStart(_ text: UnsafeBufferPointer<UInt8>, _ token: Token) -> Bool {
        let byte = text[Int(token.start)]
        if byte < 0x80 { return byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 || byte == UInt8(ascii: "'") }
        let scalar = decodeScalar(text, Int(token.start), Int(token.end)).0
        return scalar.properties.isLowercase
    }

    private func nextWordIsSentenceStarter(_ tokens: UnsafeBufferPointer<Token>, at index: Int, end: Int) -> Bool {
        guard let token = firstContent(tokens, at: index, end: end), token.kind == .word else { return false }
        return token.entry.has(.sentenceStarter)
    }

    // MARK: Enumerations

    enum Enumeration: Equatable {
        case none
        case number(Int, MarkerStyle)
        case letter(UInt8, MarkerStyle)
        case bullet(UInt8)

        var isActive: Bool {
            if case .none = self { return false }
            return true
        }

        /// The marker expected next in running text.
        var next: Enumeration? {
            switch self {
            case .none: return nil
            case .number(let value, let style): return .number(value + 1, style)
            case .letter(let value, let style): return value < UInt8(ascii: "z") ? .letter(value + 1, style) : nil
            case .bullet: return self
            }
        }
    }

    enum MarkerStyle: Equatable { case period, parenthesis, periodParenthesis }

    /// A list marker at the start of a sentence: `1.`, `1)`, `1.)`, `a.`, `•`, `⁃9.`.
    private func listMarker(_ tokens: UnsafeBufferPointer<Token>, at index: Int, end: Int, text: UnsafeBufferPointer<UInt8>) -> (Int, Enumeration?) {
        var position = index
        var bullet: Enumeration?
        if position < end, tokens[position].punctuation == .bullet {
            bullet = .bullet(text[Int(tokens[position].end) - 1])
            position += 1
        }
        if let (after, marker) = numberOrLetterMarker(tokens, at: position, end: end, text: text) {
            return (after, bullet ?? marker)
        }
        if let bullet { return (position, bullet) }
        return (index, nil)
    }

    private func numberOrLetterMarker(_ tokens: UnsafeBufferPointer<Token>, at index: Int, end: Int, text: UnsafeBufferPointer<UInt8>) -> (Int, Enumeration)? {
        guard index + 1 < end else { return nil }
        let first = tokens[index]
        let isNumber = first.kind == .number && first.end - first.start <= 3
        let isLetter = first.kind == .word && first.end - first.start == 1 && text[Int(first.start)] >= 0x61 && text[Int(first.start)] <= 0x7A
        guard isNumber || isLetter else { return nil }
        var position = index + 1
        var style: MarkerStyle
        let mark = tokens[position]
        guard mark.start == first.end else { return nil }
        if mark.terminal == .period {
            style = .period
            position += 1
            if position < end, tokens[position].punctuation == .closeBracket, tokens[position].start == mark.end,
               text[Int(tokens[position].start)] == UInt8(ascii: ")") {
                style = .periodParenthesis
                position += 1
            }
        } else if mark.punctuation == .closeBracket, text[Int(mark.start)] == UInt8(ascii: ")") {
            style = .parenthesis
            position += 1
        } else {
            return nil
        }
        // The marker must be followed by a space and more text.
        guard position < end, tokens[position].start > tokens[position - 1].end else { return nil }
        if isNumber {
            var value = 0
            for offset in first.range { value = value * 10 + Int(text[offset] &- 0x30) }
            return (position, .number(value, style))
        }
        return (position, .letter(text[Int(first.start)], style))
    }

    private func matchesMarker(_ tokens: UnsafeBufferPointer<Token>, at index: Int, end: Int, text: UnsafeBufferPointer<UInt8>, expected: Enumeration) -> Bool {
        // Markers in running text stand after whitespace.
        guard index > 0, tokens[index].start > tokens[index - 1].end else { return false }
        switch expected {
        case .bullet:
            return tokens[index].punctuation == .bullet
        case .number, .letter:
            guard let (_, found) = numberOrLetterMarker(tokens, at: index, end: end, text: text) else { return false }
            return found == expected
        case .none:
            return false
        }
    }
}
