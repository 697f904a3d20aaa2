/// A readability score, or the reason there is none.
public struct FormulaResult: Sendable, Hashable, Codable {
    public var value: Double?
    /// Why `value` is `nil` (the text is too short for the formula).
    public var reason: String?

    public static func value(_ value: Double) -> FormulaResult { FormulaResult(value: value, reason: nil) }
    public static func unavailable(_ reason: String) -> FormulaResult { FormulaResult(value: nil, reason: reason) }
}

/// The English readability formulas, each computed from `TextStatistics` exactly as its
/// reference defines it.
public struct Readability: Sendable, Hashable, Codable {
    public var fleschReadingEase: FormulaResult
    public var fleschKincaidGrade: FormulaResult
    public var gunningFog: FormulaResult
    public var smog: FormulaResult
    public var colemanLiau: FormulaResult
    public var automatedReadabilityIndex: FormulaResult
    public var daleChall: FormulaResult
    public var linsearWrite: FormulaResult
    public var lix: FormulaResult
    /// Estimated silent reading time in seconds.
    public var readingTimeSeconds: Int

    /// Words per minute for reading time: the average for silent reading of English non-fiction
    /// (Brysbaert 2019, "How many words do we read per minute?", JML 109).
    public static let wordsPerMinute = 238.0

    public init(_ stats: TextStatistics) {
        let words = Double(stats.words)
        let sentences = Double(stats.sentences)
        let basic: String? = stats.words == 0 ? "no words" : stats.sentences == 0 ? "no sentences" : nil
        func formula(_ compute: () -> Double) -> FormulaResult {
            if let basic { return .unavailable(basic) }
            return .value(compute())
        }
        let wordsPerSentence = words / max(sentences, 1)
        let syllablesPerWord = Double(stats.syllables) / max(words, 1)

        // Flesch (1948): 206.835 − 1.015 × words/sentences − 84.6 × syllables/words.
        fleschReadingEase = formula { 206.835 - 1.015 * wordsPerSentence - 84.6 * syllablesPerWord }
        // Kincaid, Fishburne, Rogers & Chissom (1975): 0.39 × W/S + 11.8 × Sy/W − 15.59.
        fleschKincaidGrade = formula { 0.39 * wordsPerSentence + 11.8 * syllablesPerWord - 15.59 }
        // Gunning (1952): 0.4 × (W/S + 100 × complex words/W).
        gunningFog = formula { 0.4 * (wordsPerSentence + 100 * Double(stats.complexWords) / words) }
        // McLaughlin (1969): 1.0430 × √(polysyllables × 30 / sentences) + 3.1291. The 30/sentences
        // factor scales any sample to the 30 sentences the formula was fitted on.
        if stats.sentences < 3 {
            smog = .unavailable(basic ?? "SMOG needs at least 3 sentences (30 recommended)")
        } else {
            smog = .value(1.0430 * (Double(stats.polysyllables) * 30 / sentences).squareRoot() + 3.1291)
        }
        // Coleman & Liau (1975): 0.0588 × L − 0.296 × S − 15.8, with L letters and S sentences per 100 words.
        colemanLiau = formula {
            0.0588 * (Double(stats.letters) / words * 100) - 0.296 * (sentences / words * 100) - 15.8
        }
        // Smith & Senter (1967): 4.71 × characters/words + 0.5 × words/sentences − 21.43.
        automatedReadabilityIndex = formula { 4.71 * Double(stats.characters) / words + 0.5 * wordsPerSentence - 21.43 }
        // Dale & Chall (1948, word list of Chall & Dale 1995): 0.1579 × % difficult words +
        // 0.0496 × W/S, plus 3.6365 when more than 5% of words are difficult.
        daleChall = formula {
            let percentDifficult = 100 * Double(stats.difficultWords) / words
            return 0.1579 * percentDifficult + 0.0496 * wordsPerSentence + (percentDifficult > 5 ? 3.6365 : 0)
        }
        // Linsear Write (O'Hayre 1966): easy words (≤ 2 syllables) score 1, hard words 3; the sum
        // per sentence r gives r/2 above 20, else (r − 2)/2. The sum and the sentence count
        // scale together, so the whole text gives the same result as a 100-word sample without
        // depending on which sample is taken.
        linsearWrite = formula {
            let hard = Double(stats.polysyllables)
            let easy = words - hard
            let r = (easy + 3 * hard) / sentences
            return r > 20 ? r / 2 : (r - 2) / 2
        }
        // Björnsson (1968): W/S + 100 × long words (over 6 letters)/W.
        lix = formula { wordsPerSentence + 100 * Double(stats.longWords) / words }
        readingTimeSeconds = Int((words / Readability.wordsPerMinute * 60).rounded(.up))
    }

    /// The US school grade a Dale–Chall score corresponds to (Chall & Dale 1995, table).
    public static func daleChallGrade(_ score: Double) -> String {
        switch score {
        case ..<5: return "4 and below"
        case ..<6: return "5–6"
        case ..<7: return "7–8"
        case ..<8: return "9–10"
        case ..<9: return "11–12"
        case ..<10: return "13–15 (college)"
        default: return "16 and above (graduate)"
        }
    }

    /// All formulas by their JSON names, in a stable order.
    public var all: [(name: String, result: FormulaResult)] {
        [
            ("fleschReadingEase", fleschReadingEase), ("fleschKincaidGrade", fleschKincaidGrade), ("gunningFog", gunningFog),
            ("smog", smog), ("colemanLiau", colemanLiau), ("automatedReadabilityIndex", automatedReadabilityIndex),
            ("daleChall", daleChall), ("linsearWrite", linsearWrite), ("lix", lix),
        ]
    }
}
