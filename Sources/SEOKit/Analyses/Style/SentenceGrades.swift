/// How hard one sentence is to read, Hemingway-style.
public enum SentenceDifficulty: String, Sendable, Hashable, Codable {
    case normal
    /// "Hard to read" (Hemingway's yellow).
    case hard
    /// "Very hard to read" (Hemingway's red).
    case veryHard = "very-hard"
}

/// The reading grade of one sentence.
public struct SentenceGrade: Sendable, Hashable {
    /// Index of the sentence in `TextAnalysis.sentences`.
    public var sentenceIndex: Int
    public var words: Int
    /// Letters and digits in the sentence's words (ARI's characters).
    public var characters: Int
    /// Automated Readability Index of the sentence alone: 4.71 × characters/words + 0.5 × words − 21.43.
    public var grade: Double
    public var difficulty: SentenceDifficulty
}

/// Grades each sentence with the Automated Readability Index (Smith & Senter 1967) computed on
/// the sentence alone — with one sentence, words per sentence is the sentence's length:
///
///     grade = 4.71 × characters / words + 0.5 × words − 21.43
///
/// ARI is the formula the Hemingway Editor says it uses for its grade level, and it needs no
/// syllable estimate, so a sentence's grade depends only on its words and letters. A sentence
/// is *hard* when it has at least `minimumWords` words (14) and a grade of `hardGrade` (10) or
/// more, *very hard* from `veryHardGrade` (14) — the levels Hemingway users know as yellow and
/// red. Characters count as in `TextStatistics`: letters and digits of words, every character
/// of a number, one per CJK character.
public struct SentenceGrader: Sendable {
    public var minimumWords: Int
    public var hardGrade: Double
    public var veryHardGrade: Double

    public init(minimumWords: Int = 14, hardGrade: Double = 10, veryHardGrade: Double = 14) {
        self.minimumWords = minimumWords
        self.hardGrade = hardGrade
        self.veryHardGrade = veryHardGrade
    }

    /// The grade of every sentence of a document, in order (same indices as `analysis.sentences`).
    public func grades(in analysis: TextAnalysis, text: ProseText) -> [SentenceGrade] {
        text.bytes.withUnsafeBufferPointer { grades(in: analysis, text: $0) }
    }

    /// The grade of every sentence of a document read by `DocumentReader`.
    public func grades(in document: Document) -> [SentenceGrade] {
        grades(in: TextAnalysis(document: document), text: document.text)
    }

    func grades(in analysis: TextAnalysis, text: UnsafeBufferPointer<UInt8>) -> [SentenceGrade] {
        var result: [SentenceGrade] = []
        result.reserveCapacity(analysis.sentences.count)
        analysis.tokens.withUnsafeBufferPointer { tokens in
            for (index, sentence) in analysis.sentences.enumerated() {
                var words = 0
                var characters = 0
                for position in sentence.tokenRange {
                    let token = tokens[position]
                    switch token.kind {
                    case .word:
                        words += 1
                        characters += Int(token.letters)
                        if token.wordFlags.contains(.hasDigit) {
                            for byte in token.range where text[byte] >= 0x30 && text[byte] <= 0x39 { characters += 1 }
                        }
                    case .number:
                        words += 1
                        characters += Int(token.end - token.start)
                    case .cjk:
                        words += 1
                        characters += 1
                    default:
                        break
                    }
                }
                let grade = words == 0 ? 0 : 4.71 * Double(characters) / Double(words) + 0.5 * Double(words) - 21.43
                result.append(SentenceGrade(
                    sentenceIndex: index, words: words, characters: characters, grade: grade,
                    difficulty: difficulty(grade: grade, words: words)))
            }
        }
        return result
    }

    /// The difficulty of a sentence with this grade and length.
    public func difficulty(grade: Double, words: Int) -> SentenceDifficulty {
        guard words >= minimumWords else { return .normal }
        if grade >= veryHardGrade { return .veryHard }
        if grade >= hardGrade { return .hard }
        return .normal
    }
}
