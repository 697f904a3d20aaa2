/// What the readability and style rules share: which sentences are body text, and how numbers
/// and quotes read in messages.
extension LintContext {
    /// Sentences of body text — paragraphs, list items and quotes (`Block.isParagraph`) — in
    /// order. Headings, table cells and code are left out of the sentence shares: they are
    /// labels and fragments, not running prose.
    var bodySentenceIndices: [Int] {
        shared(BodySentences.self) { context in
            let blocks = context.document.blocks
            var indices: [Int] = []
            indices.reserveCapacity(context.analysis.sentences.count)
            for (index, sentence) in context.analysis.sentences.enumerated() where blocks[sentence.blockIndex].isParagraph {
                indices.append(index)
            }
            return BodySentences(indices: indices)
        }.indices
    }

    /// Words in body sentences.
    var bodyWordCount: Int {
        let sentences = analysis.sentences
        return bodySentenceIndices.reduce(0) { $0 + sentences[$1].wordCount }
    }

    /// From the start of a sentence's first word (past opening quotes and brackets) to its end.
    func rangeOfSentenceText(_ index: Int) -> SourceRange {
        let sentence = analysis.sentences[index]
        let tokens = analysis.tokens
        var first = sentence.tokenRange.lowerBound
        while first < sentence.tokenRange.upperBound - 1, !tokens[first].isWord { first += 1 }
        return range(ofTokens: first..<sentence.tokenRange.upperBound)
    }
}

/// The memo key and value of `bodySentenceIndices`.
struct BodySentences {
    var indices: [Int]
}

/// Message helpers of the readability and style rules.
enum ReadabilityText {
    /// A percentage with at most one decimal: "25%", "12.5%".
    static func percent(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return (tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)) + "%"
    }

    /// `part` of `whole` in percent (0 when `whole` is 0).
    static func share(_ part: Int, of whole: Int) -> Double {
        whole == 0 ? 0 : 100 * Double(part) / Double(whole)
    }

    /// A number with at most one decimal and no trailing ".0".
    static func number(_ value: Double) -> String {
        let tenths = (value * 10).rounded() / 10
        return tenths == tenths.rounded() ? String(Int(tenths)) : String(tenths)
    }

    /// "1 sentence", "3 sentences".
    static func count(_ value: Int, _ noun: String, plural: String? = nil) -> String {
        "\(value) \(value == 1 ? noun : plural ?? noun + "s")"
    }

    /// Text in curly quotes, whitespace collapsed, shortened to `limit` characters.
    static func quoted(_ text: String, limit: Int = 60) -> String {
        let collapsed = text.collapsingWhitespace()
        if collapsed.count <= limit { return "“\(collapsed)”" }
        return "“\(collapsed.prefix(limit - 1))…”"
    }

    /// An assessment that does not count, with the reason as its measured value.
    static func notApplicable(_ reason: String, target: String) -> Assessment {
        Assessment(score: .readability, rating: .notApplicable, measured: reason, target: target)
    }

    /// Plain sentences for rule examples: `count` sentences of eight short words each, no
    /// transition, passive, adverb or wordy phrase, each starting with a different word.
    static func filler(_ count: Int) -> String {
        let openers = ["Cats", "Dogs", "Birds", "Fish", "Cows", "Goats", "Hens", "Bees", "Ants", "Frogs", "Bears", "Deer"]
        return (0..<count).map { "\(openers[$0 % openers.count]) sit in the sun near the old barn." }.joined(separator: " ")
    }
}
