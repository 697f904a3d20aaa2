import Testing
@testable import SEOKit

/// Matches of a keyphrase in a short text, as a total count.
private func count(_ keyphrase: String, in text: String) -> Int {
    KeyphraseMatcher(string: text).count(of: Keyphrase(keyphrase))
}

struct KeyphraseNormalizationTests {
    @Test(arguments: [
        ("Café", "cafe"),
        ("ZÜRICH", "zurich"),
        ("Cre\u{0300}me", "creme"),  // decomposed: e + combining grave
        ("dog’s", "dog's"),
        ("dogʼs", "dog's"),
        ("e‑mail", "e-mail"),  // non-breaking hyphen U+2011
        ("Straße", "strasse"),
        ("Œuvre", "oeuvre"),
        ("plain", "plain"),
    ])
    func fold(_ input: String, _ expected: String) {
        #expect(KeyphraseNormalization.fold(input) == expected)
    }

    @Test(arguments: [
        ("running", "run"), ("Runs", "run"), ("run", "run"), ("dog's", "dog"), ("dog’s", "dog"), ("cafés", "cafe"),
        ("plans", "plan"),
    ])
    func stem(_ input: String, _ expected: String) {
        #expect(KeyphraseNormalization.stem(input) == expected)
    }
}

struct KeyphraseTests {
    @Test func functionWordsAreLeftOutOfContentWords() {
        let phrase = Keyphrase("best shoes for running")
        #expect(phrase.words.map(\.text) == ["best", "shoes", "for", "running"])
        #expect(phrase.contentWords.map(\.text) == ["best", "shoes", "running"])
        #expect(phrase.contentWordCount == 3)
        #expect(!phrase.isExact)
    }

    @Test func onlyFunctionWordsKeepsAllWords() {
        let phrase = Keyphrase("how to")
        #expect(phrase.isOnlyFunctionWords)
        #expect(phrase.contentWordCount == 0)
        #expect(phrase.contentWords.count == 2)
    }

    @Test(arguments: ["\"new york pizza\"", "“new york pizza”", " \"new york pizza\" "])
    func quotedKeyphraseIsExact(_ text: String) {
        let phrase = Keyphrase(text)
        #expect(phrase.isExact)
        #expect(phrase.words.map(\.text) == ["new", "york", "pizza"])
    }

    @Test func hyphenatedWordIsCompound() {
        let phrase = Keyphrase("e-mail marketing")
        #expect(phrase.words.count == 2)
        #expect(phrase.words[0].isCompound)
        #expect(phrase.words[0].stems == ["e", "mail"])
        #expect(!phrase.words[1].isCompound)
    }

    @Test func emptyKeyphrase() {
        #expect(Keyphrase("!!").isEmpty)
        #expect(!Keyphrase("a").isEmpty)
    }
}

struct KeyphraseMatcherTests {
    // MARK: Normalisation in matching

    @Test func caseIsIgnored() {
        #expect(count("Sourdough Bread", in: "SOURDOUGH BREAD is great.") == 1)
        #expect(count("sourdough bread", in: "Sourdough Bread is great.") == 1)
    }

    @Test func diacriticsAreIgnored() {
        #expect(count("creme brulee", in: "A crème brûlée to finish.") == 1)
        #expect(count("crème brûlée", in: "A creme brulee to finish.") == 1)
        #expect(count("creme brulee", in: "A cre\u{0300}me bru\u{0302}le\u{0301}e to finish.") == 1)
    }

    @Test func curlyAndStraightApostrophesAreTheSame() {
        #expect(count("dog's bed", in: "The dog’s bed is soft.") == 1)
        #expect(count("dog’s bed", in: "The dog's bed is soft.") == 1)
        #expect(count("\"dog's bed\"", in: "The dog’s bed is soft.") == 1)
    }

    @Test func possessivesMatchThroughTheStem() {
        #expect(count("dogs bed", in: "The dog's bed is soft.") == 1)
        // An exact phrase does not take word forms.
        #expect(count("\"dogs bed\"", in: "The dog's bed is soft.") == 0)
    }

    @Test(arguments: [
        "Good e-mail marketing pays.", "Good e mail marketing pays.", "Good email marketing pays.",
        "Good E‑mail marketing pays.", "Marketing by e-mail pays.",
    ])
    func hyphenatedKeyphraseMatchesSpacedAndJoinedForms(_ text: String) {
        #expect(count("e-mail marketing", in: text) == 1)
    }

    @Test func joinedKeyphraseMatchesHyphenatedText() {
        #expect(count("email marketing", in: "Good e-mail marketing pays.") == 1)
        #expect(count("marketing", in: "Content-marketing pays.") == 1)
    }

    @Test func compoundPartsMustBeAdjacent() {
        #expect(count("e-mail marketing", in: "E-commerce needs mail and marketing.") == 0)
    }

    @Test func wordFormsMatchThroughTheStemmer() {
        #expect(count("run", in: "She was running.") == 1)
        #expect(count("run", in: "He runs daily.") == 1)
        #expect(count("running plans", in: "A plan for running.") == 1)
        #expect(count("run", in: "A rung of the ladder.") == 0)
    }

    @Test func functionWordsAreNotRequired() {
        #expect(count("best shoes for running", in: "Running in the best shoes is easy.") == 1)
        #expect(count("best shoes for running", in: "The best shoes are here.") == 0)
    }

    // MARK: Exact phrases

    @Test func quotedKeyphraseNeedsTheExactPhrase() {
        #expect(count("\"new york pizza\"", in: "The best New York pizza is here.") == 1)
        #expect(count("\"new york pizza\"", in: "Pizza in New York is the best.") == 0)
        #expect(count("\"new york pizza\"", in: "New York pizzas are big.") == 0)
        #expect(count("\"new york pizza\"", in: "Nouvelle New-York pizza.") == 1)
        #expect(count("\"new york pizza\"", in: "New York pizza, then New York pizza again, New York.") == 2)
    }

    @Test func quotedKeyphraseKeepsFunctionWords() {
        #expect(count("\"shoes for running\"", in: "Shoes for running are light.") == 1)
        #expect(count("\"shoes for running\"", in: "Shoes to go running are light.") == 0)
    }

    // MARK: Sentences and counting

    @Test func anyOrderWithinOneSentence() {
        #expect(count("new york pizza", in: "Pizza is what New York does best.") == 1)
    }

    @Test func wordsSplitOverSentencesDoNotMatch() {
        #expect(count("new york pizza", in: "Pizza is great. New York has it.") == 0)
    }

    @Test func aSentenceHoldsAsManyMatchesAsItsRarestWord() {
        #expect(count("cheap car insurance", in: "Cheap car insurance is car insurance that is cheap.") == 2)
        #expect(count("cheap car insurance", in: "Cheap cars need cheap insurance.") == 1)
        #expect(count("cheap car insurance", in: "Cheap car insurance. Cheap car insurance! Car insurance.") == 2)
    }

    @Test func matchesNameTheirSentenceAndWords() throws {
        let matcher = KeyphraseMatcher(string: "Flour is cheap. We bake sourdough bread daily.")
        let matches = matcher.matches(of: Keyphrase("sourdough bread"))
        let match = try #require(matches.first)
        #expect(matches.count == 1)
        #expect(match.sentence == 1)
        #expect(match.count == 1)
        let words = matcher.tokens[match.tokenRange].filter(\.isWord).count
        #expect(words == 2)
    }

    @Test func wordsFoundCountsAcrossSentences() {
        let matcher = KeyphraseMatcher(string: "Sourdough is old. Bread is older. Salt.")
        #expect(matcher.wordsFound(of: Keyphrase("sourdough bread")) == 2)
        #expect(matcher.wordsFound(of: Keyphrase("sourdough bread"), inSentences: 1..<3) == 1)
        #expect(matcher.matches(of: Keyphrase("sourdough bread")).isEmpty)
    }

    @Test func phraseOccurrenceAndItsPosition() throws {
        let opening = try #require(KeyphraseMatcher(string: "The Sourdough Breads of Paris").phraseOccurrence(of: Keyphrase("sourdough bread")))
        #expect(opening.isAtStart)
        #expect(opening.wordsBefore == 1)
        let later = try #require(KeyphraseMatcher(string: "Baking sourdough bread").phraseOccurrence(of: Keyphrase("sourdough bread")))
        #expect(!later.isAtStart)
        #expect(later.contentWordsBefore == 1)
        #expect(KeyphraseMatcher(string: "Bread made with sourdough").phraseOccurrence(of: Keyphrase("sourdough bread")) == nil)
        #expect(KeyphraseMatcher(string: "E-mail marketing today").phraseOccurrence(of: Keyphrase("email marketing"))?.isAtStart == true)
        #expect(KeyphraseMatcher(string: "Email marketing today").phraseOccurrence(of: Keyphrase("e-mail marketing"))?.isAtStart == true)
    }

    // MARK: Synonyms and several keyphrases

    @Test func synonymsCountOncePerSentence() {
        let matcher = KeyphraseMatcher(string: "A cast-iron skillet is cast iron. An iron pan. Nothing here.")
        let phrases = [Keyphrase("cast iron"), Keyphrase("cast-iron skillet"), Keyphrase("iron pan")]
        let matches = matcher.matches(ofAny: phrases)
        #expect(matches.map(\.sentence) == [0, 1])
        // Sentence 0: "cast iron" twice (cast ×2, iron ×2), the synonym once: the larger counts.
        #expect(matches.map(\.count) == [2, 1])
        #expect(matcher.count(of: Keyphrase("cast iron")) == 2)
    }

    @Test func severalKeyphrasesAreMatchedSeparately() throws {
        let markdown = "---\nkeyphrase: [sourdough bread, rye flour]\nsynonyms: [wild yeast loaf]\n---\n\nSourdough bread with rye flour. A wild yeast loaf. Rye flour again.\n"
        let document = try DocumentReader().read(string: markdown, format: .markdown)
        let context = LintContext(document: document)
        let analysis = context.keyphraseAnalysis
        #expect(analysis.keyphrases.map(\.text) == ["sourdough bread", "rye flour"])
        #expect(analysis.count(forKeyphraseAt: 0) == 1)
        #expect(analysis.count(forKeyphraseAt: 1) == 2)
        #expect(analysis.matchesWithSynonyms[0].map(\.sentence) == [0, 1])
        // Shared: the same analysis object for every rule.
        #expect(context.keyphraseAnalysis === analysis)
    }

    @Test func distinctWordsAreNormalisedOnce() {
        let matcher = KeyphraseMatcher(string: "The cat and the cat and THE cat.")
        #expect(matcher.wordCount == 8)
        // The, cat, and, the, THE: five spellings, each folded and stemmed once.
        #expect(matcher.distinctWordCount == 5)
    }

    @Test func bodyMatchesPointIntoTheDocument() throws {
        let document = try DocumentReader().read(string: "# Title\n\nFlour first. Then sourdough bread.\n", format: .markdown)
        let context = LintContext(document: document, keyphrases: ["sourdough bread"])
        let match = try #require(context.keyphraseAnalysis.matches[0].first)
        let range = context.range(ofTokens: match.tokenRange)
        #expect(range.start.line == 3)
        #expect(range.start.column == 19)
        #expect(String(decoding: document.source.bytes[range.start.offset..<range.end.offset], as: UTF8.self) == "sourdough bread")
    }
}
