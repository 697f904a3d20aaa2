import Testing
@testable import SEOKit

/// `TransitionMatcher`: single words and phrases, at the start of a sentence and inside it.
struct TransitionMatcherTests {
    /// The transitions found, as written, with the index of their sentence.
    static func transitions(_ text: String) throws -> [(sentence: Int, text: String)] {
        let document = try DocumentReader().read(string: text, format: .text)
        let analysis = TextAnalysis(document: document)
        let result = TransitionMatcher().analyze(analysis)
        return result.matches.map { match in
            let tokens = analysis.tokens
            let range = Int(tokens[match.tokenRange.lowerBound].start)..<Int(tokens[match.tokenRange.upperBound - 1].end)
            return (match.sentenceIndex, document.text.string(in: range))
        }
    }

    static func texts(_ text: String) throws -> [String] { try transitions(text).map(\.text) }

    @Test func singleWordAtStartAndInside() throws {
        #expect(try Self.texts("However, we left.") == ["However"])
        #expect(try Self.texts("We left, however, at noon.") == ["however"])
        #expect(try Self.texts("We stayed because it rained.") == ["because"])
    }

    @Test func phrasesAtStartAndInside() throws {
        #expect(try Self.texts("For example, bread keeps.") == ["For example"])
        #expect(try Self.texts("We won in the end.") == ["in the end"])
        #expect(try Self.texts("IN ADDITION, we won.") == ["IN ADDITION"])
    }

    @Test func longestPhraseWins() throws {
        // "as a result of" over "as a result"; "despite the fact that" over "despite".
        #expect(try Self.texts("As a result of the rain, we stayed.") == ["As a result of"])
        #expect(try Self.texts("Despite the fact that it rained, we went.") == ["Despite the fact that"])
    }

    @Test func phrasesNeedConsecutiveWordsInOneSentence() throws {
        #expect(try Self.texts("We looked for, example, a map.").isEmpty)
        #expect(try Self.texts("Look at the sign for. Example text follows.").isEmpty)
        #expect(try Self.texts("We chose the in-the-end option.").isEmpty)
    }

    @Test func wordsLeftOutOfTheListAreNotTransitions() throws {
        // "and", "so", "still" are transitions only sometimes; the list leaves them out.
        #expect(try Self.texts("We ate, so we slept. Still, it rained. And we stayed.").isEmpty)
    }

    @Test func sentenceIndices() throws {
        let text = "We met. However, it rained. We went home. For instance, Ana left first. Then we slept."
        let document = try DocumentReader().read(string: text, format: .text)
        let result = TransitionMatcher().analyze(document)
        // Sentence 3 holds two ("For instance", "first"): listed once.
        #expect(result.sentenceIndices == [1, 3, 4])
        #expect(result.matches.count == 4)
    }
}
