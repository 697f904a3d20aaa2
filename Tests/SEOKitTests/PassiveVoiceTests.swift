import Testing
@testable import SEOKit

/// Hand-labelled sentences for `PassiveVoiceDetector`: each passive one with the verb group the
/// detector must report, each active one with why it is not passive.
struct PassiveVoiceTests {
    struct Labelled: CustomTestStringConvertible, Sendable {
        let sentence: String
        /// The verb group as written (auxiliary to participle), or nil for an active sentence.
        let passive: String?
        var testDescription: String { sentence }
    }

    static let passive: [Labelled] = [
        // Regular and irregular participles after each form of "be".
        .init(sentence: "The report was written by Ana.", passive: "was written"),
        .init(sentence: "Mistakes were made.", passive: "were made"),
        .init(sentence: "The budget has been cut.", passive: "been cut"),
        .init(sentence: "The bridge is being built.", passive: "being built"),
        .init(sentence: "The results will be published next week.", passive: "be published"),
        .init(sentence: "The data is stored in the cloud.", passive: "is stored"),
        .init(sentence: "The documents are kept in a safe.", passive: "are kept"),
        .init(sentence: "The winners are chosen at random.", passive: "are chosen"),
        .init(sentence: "The book was read by millions.", passive: "was read"),
        .init(sentence: "The door had been left open.", passive: "been left"),
        .init(sentence: "Prices were cut by ten percent.", passive: "were cut"),
        .init(sentence: "Teams were told that visibility would improve.", passive: "were told"),
        .init(sentence: "The invoices are checked twice.", passive: "are checked"),
        // Contractions, straight and curly.
        .init(sentence: "The tool isn't used by anyone.", passive: "isn't used"),
        .init(sentence: "They're paid every Friday.", passive: "They're paid"),
        .init(sentence: "They’re paid every Friday.", passive: "They’re paid"),
        .init(sentence: "I'm told the meeting moved.", passive: "I'm told"),
        .init(sentence: "It's made of solid oak.", passive: "It's made"),
        // Adverbs between the auxiliary and the participle.
        .init(sentence: "The offer was quickly accepted.", passive: "was quickly accepted"),
        .init(sentence: "The files were not always backed up.", passive: "were not always backed"),
        .init(sentence: "The decision was also strongly criticized.", passive: "was also strongly criticized"),
        // "get" passives.
        .init(sentence: "The player got fired after the match.", passive: "got fired"),
        .init(sentence: "Our blog gets updated every week.", passive: "gets updated"),
        // An adjective exception is passive again with an agent.
        .init(sentence: "She was surprised by the decision.", passive: "was surprised"),
    ]

    static let active: [Labelled] = [
        .init(sentence: "Ana wrote the report.", passive: nil),
        .init(sentence: "We are writing the report.", passive: nil),  // progressive
        .init(sentence: "The team has finished the project.", passive: nil),  // perfect, no "be"
        .init(sentence: "I am interested in the results.", passive: nil),  // adjective of feeling
        .init(sentence: "She is tired.", passive: nil),
        .init(sentence: "We were worried about the deadline.", passive: nil),
        .init(sentence: "He was very excited.", passive: nil),  // degree word
        .init(sentence: "The process is more complicated than it looks.", passive: nil),
        .init(sentence: "There are limited options.", passive: nil),  // existential "there"
        .init(sentence: "There's mixed evidence on this.", passive: nil),
        .init(sentence: "She's written three books.", passive: nil),  // 's = has
        .init(sentence: "We are used to working late.", passive: nil),  // accustomed
        .init(sentence: "It is indeed a problem.", passive: nil),  // -ed, no participle
        .init(sentence: "The ground is sacred.", passive: nil),
        .init(sentence: "The office is located near the station.", passive: nil),  // state
        .init(sentence: "We got rid of the old servers.", passive: nil),  // "get" idioms
        .init(sentence: "Let's get started.", passive: nil),
        .init(sentence: "She got married in June.", passive: nil),
        .init(sentence: "This is Fred.", passive: nil),  // a name ending in -ed
        .init(sentence: "He is a trained chef.", passive: nil),  // article between
        .init(sentence: "I was born in Ohio.", passive: nil),
        .init(sentence: "Being prepared is half the battle.", passive: nil),
    ]

    static func groups(_ text: String, detector: PassiveVoiceDetector = PassiveVoiceDetector()) throws -> [String] {
        let document = try DocumentReader().read(string: text, format: .text)
        let analysis = TextAnalysis(document: document)
        let result = detector.analyze(analysis, text: document.text)
        return result.matches.map { match in
            document.text.string(in: Int(analysis.tokens[match.auxiliaryToken].start)..<Int(analysis.tokens[match.participleToken].end))
        }
    }

    @Test(arguments: passive + active)
    func labelled(_ example: Labelled) throws {
        let found = try Self.groups(example.sentence)
        if let expected = example.passive {
            #expect(found == [expected])
        } else {
            #expect(found.isEmpty, "found \(found)")
        }
    }

    @Test func labelledSetIsBalanced() {
        #expect(Self.passive.count + Self.active.count >= 40)
        #expect(Self.active.count >= 15)
    }

    @Test func getPassivesCanBeLeftOut() throws {
        let detector = PassiveVoiceDetector(includesGetPassive: false)
        #expect(try Self.groups("The player got fired after the match.", detector: detector).isEmpty)
        #expect(try Self.groups("The report was written by Ana.", detector: detector) == ["was written"])
        // The flag on each match lets a caller filter without running again.
        let document = try DocumentReader().read(string: "The player got fired. The report was written.", format: .text)
        let analysis = PassiveVoiceDetector().analyze(document)
        #expect(analysis.matches.map(\.isGetPassive) == [true, false])
        #expect(analysis.withoutGetPassives.sentenceIndices == [1])
    }

    @Test func wordsBetweenAreLimited() throws {
        #expect(try Self.groups("It was not always carefully checked.").isEmpty)
        #expect(try Self.groups("It was not always carefully checked.", detector: PassiveVoiceDetector(maximumWordsBetween: 3))
            == ["was not always carefully checked"])
    }

    @Test func sentenceIndicesListEachPassiveSentenceOnce() throws {
        let text = "We met. The plan was drafted and was approved. Nobody objected. The budget was cut."
        let document = try DocumentReader().read(string: text, format: .text)
        let analysis = PassiveVoiceDetector().analyze(document)
        #expect(analysis.matches.count == 3)
        #expect(analysis.sentenceIndices == [1, 3])
    }
}
