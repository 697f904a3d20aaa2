import Testing
@testable import SEOKit

struct HeadlineAnalysisTests {
    @Test func wordsAndCharacters() {
        let headline = HeadlineAnalysis("  Don't   Miss: 7 Step-by-Step Tips (3.5 Hours, 2,000 Loaves) 🍞 ")
        #expect(headline.words == ["Don't", "Miss", "7", "Step-by-Step", "Tips", "3.5", "Hours", "2,000", "Loaves"])
        #expect(headline.wordCount == 9)
        #expect(headline.text == "Don't Miss: 7 Step-by-Step Tips (3.5 Hours, 2,000 Loaves) 🍞")
        #expect(headline.characters == 59)
        // Accents and emoji with modifiers are one character each.
        #expect(HeadlineAnalysis("Café 👍🏽").characters == 6)
        #expect(HeadlineAnalysis("Café 👍🏽").words == ["Café"])
        #expect(HeadlineAnalysis("Bread, flour — water").words == ["Bread", "flour", "water"])
        #expect(HeadlineAnalysis("It’s here").words == ["It’s", "here"])
    }

    @Test(arguments: [
        ("7 Ways to Keep a Sourdough Starter Alive", HeadlineAnalysis.Kind.listNumber),
        ("Ten Mistakes Every New Baker Makes", .listNumber),
        ("The Top 5 Flours for Rye Bread", .listNumber),
        ("Top 10 Espresso Grinders Under $300", .listNumber),
        ("2,000 Miles by Train", .listNumber),
        ("How to Keep a Sourdough Starter Alive", .howTo),
        ("How-To: Season a Cast Iron Pan", .howTo),
        ("A Step-by-Step Guide to Composting", .howTo),
        ("The Beginner's Guide to Running", .howTo),
        ("How I Paid Off My Student Loans", .howTo),
        ("Rye Bread: A Tutorial for Beginners", .howTo),
        ("How to Choose a Desk?", .howTo),
        ("Why Is My Starter Not Rising?", .question),
        ("Is Rye Flour Worth It?", .question),
        ("What Every Baker Should Know", .question),
        ("How Does Sourdough Work", .question),
        ("How Much Water Does a Starter Need", .question),
        ("Sourdough, Really?”", .question),
        ("2024 in Review: Our Best Loaves", .other),
        ("Sourdough Starter Basics", .other),
        ("One Loaf a Day", .other),
        ("", .other),
    ])
    func kind(_ text: String, _ expected: HeadlineAnalysis.Kind) {
        #expect(HeadlineAnalysis(text).kind == expected, "\(text)")
    }

    @Test func powerAndEmotionalWords() {
        let headline = HeadlineAnalysis("The Ultimate, Proven Guide to Stunning Loaves: 5 Mistakes You'll Love to Avoid")
        #expect(headline.powerWords == ["Ultimate", "Proven", "Stunning", "Mistakes", "Love"])
        #expect(headline.emotionalWords.map(\.word) == ["Stunning", "Mistakes", "Love"])
        #expect(headline.positiveWords.map(\.word) == ["Stunning", "Love"])
        #expect(headline.negativeWords.map(\.word) == ["Mistakes"])
        // Possessives, curly apostrophes and accents are matched.
        #expect(HeadlineAnalysis("The Beginner’s Bread").powerWords == ["Beginner’s"])
        // A hyphenated word is looked up whole, then by part.
        #expect(HeadlineAnalysis("Hassle-Free Bread").powerWords == ["Hassle-Free"])
        #expect(HeadlineAnalysis("Free-Form Loaves").powerWords == ["Free-Form"])
        #expect(HeadlineAnalysis("Notes on Flour Types").powerWords.isEmpty)
        #expect(HeadlineAnalysis("Notes on Flour Types").emotionalWords.isEmpty)
    }

    @Test func keyphrasePosition() throws {
        let early = try #require(HeadlineAnalysis("Sourdough Starter: A Beginner's Guide", keyphrase: "sourdough starter").keyphrasePosition)
        #expect(early.wordIndex == 0)
        #expect(early.isExact)
        #expect(early.isInFirstHalf)
        #expect(early.fraction == 0)

        // Word 9 of 10 (index 8): second half.
        let late = try #require(HeadlineAnalysis(
            "A Beginner's Guide to Feeding and Keeping a Sourdough Starter", keyphrase: "Sourdough starter").keyphrasePosition)
        #expect(late.wordIndex == 8)
        #expect(!late.isInFirstHalf)
        #expect(late.fraction == 0.8)

        // All content words, in another order and form: a partial match at the first of them.
        let partial = try #require(HeadlineAnalysis("Starters for Sourdough: What Works", keyphrase: "sourdough starter").keyphrasePosition)
        #expect(!partial.isExact)
        #expect(partial.wordIndex == 0)

        // Half-way exactly is the second half: index 2 of 4.
        let middle = try #require(HeadlineAnalysis("Keep Your Starter Alive", keyphrase: "starter alive").keyphrasePosition)
        #expect(middle.wordIndex == 2)
        #expect(!middle.isInFirstHalf)

        // Accents and case are folded.
        #expect(HeadlineAnalysis("Crème Brûlée at Home", keyphrase: "creme brulee").keyphrasePosition?.isExact == true)
        // Missing words: no position.
        #expect(HeadlineAnalysis("Sourdough Basics", keyphrase: "sourdough starter").keyphrasePosition == nil)
        #expect(HeadlineAnalysis("Sourdough Basics").keyphrasePosition == nil)
        #expect(HeadlineAnalysis("Sourdough Basics", keyphrase: "  ").keyphrase == nil)
    }

    @Test func pixelWidth() {
        #expect(HeadlineAnalysis("Sourdough").pixelWidth == SERPWidth.shared.width(of: "Sourdough"))
    }
}
