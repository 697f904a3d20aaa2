import SEOKitTestSupport
import Testing
@testable import SEOKit

/// Sentence boundaries, one phenomenon per case. The sentences are written for this suite.
@Suite struct SentenceTests {
    static func sentences(_ text: String, _ format: InputFormat = .text) throws -> [String] {
        try Analysed(text, format).sentences
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var text: String
        var expected: [String]
        init(_ expected: String...) {
            self.expected = expected
            self.text = expected.joined(separator: " ")
        }
        init(text: String, _ expected: [String]) {
            self.text = text
            self.expected = expected
        }
        var testDescription: String { text }
    }

    // MARK: Abbreviations

    static let abbreviations: [Case] = [
        Case("Mr. Okafor met Dr. Lindqvist before lunch.", "They talked for an hour."),
        Case("Mrs. Patel and Prof. Ruiz arrived late.", "Nobody minded."),
        Case("Bring snacks, e.g. nuts or fruit, and water.", "Leave the rest."),
        Case("Use one tool, i.e. the sharpest one.", "Keep it clean."),
        Case("The U.S. team won the relay.", "It was close."),
        Case("We moved to the U.S.", "It was cold."),
        Case("The shop opens at 9 a.m. and closes at 5 p.m. on weekdays.", "It shuts on Sundays."),
        Case("Our train leaves at 7 p.m.", "The platform is busy by then."),
        Case("Pack tents, stoves, ropes, etc.", "Then check the weather."),
        Case("She works for Acme Inc.", "The company makes gloves."),
        Case("See Fig. 3 and p. 12 for the numbers.", "They surprised us."),
        Case("Vol. 2 of the guide covers St. Ives and Mt. Snowdon.", "Buy it early."),
        Case("Our guest was Dr. Ana Ruiz, Ph.D., from Spain.", "She spoke well."),
        Case("Mr. and Mrs. Smith came together.", "They left apart."),
    ]

    @Test(arguments: abbreviations)
    func abbreviationsDoNotEndSentences(_ sample: Case) throws {
        #expect(try Self.sentences(sample.text) == sample.expected)
    }

    // MARK: Initials, numbers, money

    static let initialsAndNumbers: [Case] = [
        Case("J. R. R. Tolkien wrote in a small study.", "His desk survives."),
        Case("The poem is by E. E. Cummings, not by T. S. Eliot.", "Both were poets."),
        Case("Prices rose 2.5 percent in May.", "Wages did not."),
        Case("The tea costs $4.75 a tin.", "The pot costs £12.50."),
        Case("Version 2.0.1 fixed the bug.", "Update today."),
        Case("It happened in 1999.", "In 2000 everything changed."),
        Case("The rate is 3.5% today.", "Next year it may be 4%."),
        Case("Read section 4.2 first.", "Then try 4.3."),
    ]

    @Test(arguments: initialsAndNumbers)
    func initialsDecimalsAndMoney(_ sample: Case) throws {
        #expect(try Self.sentences(sample.text) == sample.expected)
    }

    // MARK: Ellipses

    @Test func threeDotsNeverSplit() throws {
        #expect(try Self.sentences("He paused... then went on.") == ["He paused... then went on."])
        #expect(try Self.sentences("He paused... Then he went on.") == ["He paused... Then he went on."])
        #expect(try Self.sentences("She waited … and waited.") == ["She waited … and waited."])
        #expect(try Self.sentences("Slowly . . . the door opened.") == ["Slowly . . . the door opened."])
    }

    @Test func fourDotsSplitBeforeACapital() throws {
        #expect(try Self.sentences("I gave up.... The next day was better.") == ["I gave up....", "The next day was better."])
        #expect(try Self.sentences("I gave up…. The next day was better.") == ["I gave up….", "The next day was better."])
        // Spaced: a full stop and an ellipsis; the split comes after the stop.
        let spaced = try Self.sentences("I gave up. . . . The next day was better.")
        #expect(spaced.count == 2)
        #expect(spaced.first?.hasPrefix("I gave up.") == true)
        #expect(spaced.last?.hasSuffix("The next day was better.") == true)
        #expect(try Self.sentences("I gave up.... and tried again.") == ["I gave up.... and tried again."])
    }

    // MARK: Quotes, brackets, strong stops

    @Test func quotesAndBracketsAfterTheStop() throws {
        #expect(try Self.sentences("He said \"yes.\" Then he left.") == ["He said \"yes.\"", "Then he left."])
        #expect(try Self.sentences("She asked, “Ready?” We nodded.") == ["She asked, “Ready?”", "We nodded."])
        #expect(try Self.sentences("It rained. (Nobody was surprised.) We stayed in.") == ["It rained.", "(Nobody was surprised.)", "We stayed in."])
        #expect(try Self.sentences("We left early (it was late.) Then we slept.") == ["We left early (it was late.)", "Then we slept."])
        #expect(try Self.sentences("“Stop!” she shouted. He stopped.") == ["“Stop!” she shouted.", "He stopped."])
    }

    @Test func questionAndExclamationRuns() throws {
        #expect(try Self.sentences("Is it true?! Nobody knew. What?? Really!!! Fine.") == ["Is it true?!", "Nobody knew.", "What??", "Really!!!", "Fine."])
        #expect(try Self.sentences("Really? Yes!") == ["Really?", "Yes!"])
    }

    @Test func exclamationInsideNamesFollowedByLowercase() throws {
        #expect(try Self.sentences("Yahoo! was popular once. Jeopardy! is still on air.") == ["Yahoo! was popular once.", "Jeopardy! is still on air."])
        #expect(try Self.sentences("Did you ask why? she wondered.") == ["Did you ask why? she wondered."])
    }

    // MARK: Enumerations

    @Test(arguments: [
        Case(text: "1) Preheat the oven 2) Grease the tin 3) Pour the batter", ["1) Preheat the oven", "2) Grease the tin", "3) Pour the batter"]),
        Case(text: "1. Preheat the oven 2. Grease the tin 3. Pour the batter", ["1. Preheat the oven", "2. Grease the tin", "3. Pour the batter"]),
        Case(text: "1.) Read the text 2.) Answer the questions", ["1.) Read the text", "2.) Answer the questions"]),
        Case(text: "a. Choose a pot b. Fill it with soil c. Plant the seed", ["a. Choose a pot", "b. Fill it with soil", "c. Plant the seed"]),
        Case(text: "a) Weigh the flour b) Mix it in", ["a) Weigh the flour", "b) Mix it in"]),
        Case(text: "• Pack light • Start early • Drink water", ["• Pack light", "• Start early", "• Drink water"]),
    ])
    func inlineEnumerations(_ sample: Case) throws {
        #expect(try Self.sentences(sample.text) == sample.expected)
    }

    /// A number that does not continue the enumeration is not a marker.
    @Test func numbersThatAreNotMarkers() throws {
        #expect(try Self.sentences("1) Buy 2 apples 3) Eat them") == ["1) Buy 2 apples 3) Eat them"])
        #expect(try Self.sentences("We need 2 eggs. Then mix.") == ["We need 2 eggs.", "Then mix."])
    }

    // MARK: Structure

    @Test func listItemsAndHeadingsAreBoundaries() throws {
        let text = """
            # A heading without a stop
            ## Another one

            A paragraph without a stop

            - first item
            - second item, no stop
            1. numbered item

            > a quote without a stop

            | cell one | cell two |
            |---|---|
            | cell three | cell four |
            """
        #expect(try Self.sentences(text, .markdown) == [
            "A heading without a stop", "Another one", "A paragraph without a stop", "first item", "second item, no stop",
            "numbered item", "a quote without a stop", "cell one", "cell two", "cell three", "cell four",
        ])
    }

    @Test func hardWrappedLinesAreNotBoundaries() throws {
        let text = """
            When I bought the boat last October, the seller
            called it sound but tired. That turned out to be
            generous
            and then some.

            A new paragraph
            starts here
            """
        #expect(try Self.sentences(text) == [
            "When I bought the boat last October, the seller called it sound but tired.",
            "That turned out to be generous and then some.",
            "A new paragraph starts here",
        ])
        #expect(try Self.sentences(text, .markdown) == Self.sentences(text))
    }

    @Test func htmlLineBreaksAreNotBoundaries() throws {
        #expect(try Self.sentences("<p>One line<br>continues here. Next one.</p>", .html) == ["One line continues here.", "Next one."])
    }

    // MARK: Links at the end

    @Test func emailsAndURLsAtTheEnd() throws {
        #expect(try Self.sentences("Write to hello@example.org. We answer fast.") == ["Write to hello@example.org.", "We answer fast."])
        #expect(try Self.sentences("Slides are at https://example.org/talks/v1.2/slides.html. Enjoy.") == ["Slides are at https://example.org/talks/v1.2/slides.html.", "Enjoy."])
        #expect(try Self.sentences("Visit www.example.com. It has more.") == ["Visit www.example.com.", "It has more."])
        #expect(try Self.sentences("Follow @citydatafest! It is fun.") == ["Follow @citydatafest!", "It is fun."])
    }

    // MARK: Other

    @Test func cjkFullStops() throws {
        #expect(try Self.sentences("今日は晴れです。明日は雨です。") == ["今日は晴れです。", "明日は雨です。"])
    }

    @Test func punctuationAloneIsNoSentence() throws {
        #expect(try Self.sentences("* * *\n\n—\n\nReal text.") == ["Real text."])
    }

    @Test func sentenceWordCounts() throws {
        let analysed = try Analysed("Mr. Smith met 3 friends at 5 p.m. today. They ate 🍕 together!")
        #expect(analysed.analysis.sentences.map(\.wordCount) == [9, 3])
    }

    @Test func sentenceTextRangesPointIntoTheProse() throws {
        let analysed = try Analysed("First one. Second one here.")
        let sentences = analysed.analysis.sentences
        #expect(sentences.map(\.textRange) == [0..<10, 11..<27])
        #expect(sentences.map(\.blockIndex) == [0, 0])
    }
}
