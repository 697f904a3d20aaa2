import SEOKitTestSupport
import Testing
@testable import SEOKit

/// Tokens of short texts: what is one word, what is not a word at all.
@Suite struct TokenizerTests {
    static func tokens(_ text: String) throws -> [TokenView] { try Analysed(text).tokens }
    static func words(_ text: String) throws -> [String] { try Analysed(text).words }

    static func word(_ text: String) -> TokenView { TokenView("word", text) }
    static func number(_ text: String) -> TokenView { TokenView("number", text) }
    static func link(_ text: String) -> TokenView { TokenView("link", text) }
    static func terminal(_ text: String) -> TokenView { TokenView("terminal", text) }

    // MARK: Apostrophes

    @Test(arguments: [
        ("don't stop", ["don't", "stop"]),
        ("it’s here", ["it’s", "here"]),
        ("We'll see, they’ve gone, you'd know", ["We'll", "see", "they’ve", "gone", "you'd", "know"]),
        ("rock 'n' roll music", ["rock", "'n'", "roll", "music"]),
        ("rock ’n’ roll music", ["rock", "’n’", "roll", "music"]),
        ("in the '90s and ’80s", ["in", "the", "'90s", "and", "’80s"]),
        ("the children's toys", ["the", "children's", "toys"]),
        ("o'clock sharp", ["o'clock", "sharp"]),
    ])
    func apostrophesStayInsideWords(text: String, expected: [String]) throws {
        #expect(try Self.words(text) == expected)
    }

    /// A trailing apostrophe (plural possessive) is one word with the letters before it; it
    /// never adds a word of its own.
    @Test func pluralPossessive() throws {
        let tokens = try Self.tokens("The students' books")
        let words = tokens.filter { $0.kind == "word" }.map(\.text)
        #expect(words.count == 3)
        #expect(words[1].hasPrefix("students"))
    }

    @Test func quotesAroundWordsAreNotPartOfThem() throws {
        #expect(try Self.words("She said 'hello' and \"goodbye\" and “thanks”.") == ["She", "said", "hello", "and", "goodbye", "and", "thanks"])
        let tokens = try Self.tokens("“Yes”")
        #expect(tokens == [TokenView("quote", "“"), Self.word("Yes"), TokenView("quote", "”")])
    }

    // MARK: Hyphens and dashes

    @Test func hyphenatedCompoundsAreOneWord() throws {
        #expect(try Self.words("A state-of-the-art, well-known mother-in-law") == ["A", "state-of-the-art", "well-known", "mother-in-law"])
        #expect(try Self.words("non‑breaking and real‐hyphen") == ["non‑breaking", "and", "real‐hyphen"])
    }

    @Test func dashesSeparateWords() throws {
        #expect(try Self.tokens("wait—what – no -- yes") == [
            Self.word("wait"), TokenView("dash", "—"), Self.word("what"), TokenView("dash", "–"), Self.word("no"),
            TokenView("dash", "--"), Self.word("yes"),
        ])
        #expect(try Self.words("pre- and post-war") == ["pre", "and", "post-war"])
    }

    // MARK: Numbers

    @Test(arguments: [
        ("3.14", "3.14"), ("1,000", "1,000"), ("-5", "-5"), ("10:30", "10:30"), ("1/2", "1/2"),
        ("1,234,567.89", "1,234,567.89"), (".5", ".5"), ("2024", "2024"),
    ])
    func numbersWithSeparators(text: String, expected: String) throws {
        #expect(try Self.tokens("about \(text) units") == [Self.word("about"), Self.number(expected), Self.word("units")])
    }

    @Test func numbersAtTheEndOfSentencesKeepTheirStop() throws {
        #expect(try Self.tokens("It cost 3.50.") == [Self.word("It"), Self.word("cost"), Self.number("3.50"), Self.terminal(".")])
        #expect(try Self.tokens("Items 1, 2, 3") == [Self.word("Items"), Self.number("1"), TokenView("punctuation", ","), Self.number("2"), TokenView("punctuation", ","), Self.number("3")])
    }

    @Test func digitsWithLettersAreWords() throws {
        #expect(try Self.tokens("the 20th mp3 in 4K") == [Self.word("the"), Self.word("20th"), Self.word("mp3"), Self.word("in"), Self.word("4K")])
    }

    @Test func currencyAndPercentAreSymbols() throws {
        #expect(try Self.tokens("$5 and 50%") == [TokenView("symbol", "$"), Self.number("5"), Self.word("and"), Self.number("50"), TokenView("symbol", "%")])
        #expect(try Self.words("€320 or £4.50") == ["320", "or", "4.50"])
    }

    // MARK: Links

    @Test(arguments: [
        "https://example.com/path?query=1&b=2#frag",
        "http://example.org",
        "www.example.net/page",
        "hello@example.org",
        "first.last+tag@mail.example.co.uk",
        "@citydatafest",
        "#CityData2024",
    ])
    func linksAreSingleTokens(link: String) throws {
        let tokens = try Self.tokens("see \(link) now")
        #expect(tokens == [Self.word("see"), Self.link(link), Self.word("now")])
        #expect(try Self.words("see \(link) now") == ["see", "now"])
    }

    @Test(arguments: [".", ",", ";", ":", "!", "?"])
    func trailingPunctuationIsNotPartOfALink(mark: String) throws {
        let tokens = try Self.tokens("Visit https://example.com/a\(mark) Then write to a@b.example\(mark)")
        let links = tokens.filter { $0.kind == "link" }.map(\.text)
        #expect(links == ["https://example.com/a", "a@b.example"])
    }

    /// Typographic punctuation after a link belongs to the sentence, like its ASCII cousins.
    @Test(arguments: ["…", "”", "»", "’"])
    func trailingTypographicPunctuationIsNotPartOfALink(mark: String) throws {
        let links = try Self.tokens("see https://example.com/page\(mark) and more").filter { $0.kind == "link" }.map(\.text)
        #expect(links == ["https://example.com/page"])
    }

    @Test func linkInParenthesesAndWithParentheses() throws {
        #expect(try Self.tokens("(see https://example.com/x)").map(\.text) == ["(", "see", "https://example.com/x", ")"])
        #expect(try Self.tokens("https://en.example.org/wiki/Foo_(bar) here").first == Self.link("https://en.example.org/wiki/Foo_(bar)"))
    }

    @Test func atAndHashAloneAreSymbols() throws {
        #expect(try Self.tokens("meet @ noon # done") == [Self.word("meet"), TokenView("symbol", "@"), Self.word("noon"), TokenView("symbol", "#"), Self.word("done")])
        // Without a dot in the domain, it is not an e-mail address.
        #expect(try Self.words("user@localhost") != [])
    }

    // MARK: Emoji, symbols, scripts

    @Test(arguments: ["👍", "👩‍💻", "👨‍👩‍👧‍👦", "☕️", "👋🏽", "1️⃣", "🇨🇭", "©", "→"])
    func emojiAndSymbolsAreNotWords(symbol: String) throws {
        let analysed = try Analysed("Nice \(symbol) work")
        #expect(analysed.words == ["Nice", "work"])
        #expect(analysed.statistics.words == 2)
    }

    /// An emoji sequence (ZWJ family, skin tone, keycap, flag) is one symbol token, not one per code point.
    @Test(arguments: ["👩‍💻", "👨‍👩‍👧‍👦", "☕️", "👋🏽", "🇨🇭", "🇯🇵"])
    func emojiSequenceIsOneToken(symbol: String) throws {
        #expect(try Self.tokens("a \(symbol) b") == [Self.word("a"), TokenView("symbol", symbol), Self.word("b")])
    }

    @Test func cjkCharactersCountAsWords() throws {
        let analysed = try Analysed("東京タワーに行きました。Then home.")
        #expect(analysed.tokens.filter { $0.kind == "cjk" }.map(\.text) == ["東", "京", "タ", "ワ", "ー", "に", "行", "き", "ま", "し", "た"])
        #expect(analysed.statistics.words == 13)
        #expect(analysed.tokens.contains(TokenView("terminal", "。")))
    }

    @Test func nonASCIILetters() throws {
        #expect(try Self.words("Zürich naïve façade Ærø Łódź São Paulo") == ["Zürich", "naïve", "façade", "Ærø", "Łódź", "São", "Paulo"])
        #expect(try Self.words("Москва и Київ") == ["Москва", "и", "Київ"])
        #expect(try Self.words("Αθήνα καλημέρα") == ["Αθήνα", "καλημέρα"])
        // Combining marks stay with their letter: "e" + U+0301.
        #expect(try Self.words("cafe\u{301} au lait") == ["cafe\u{301}", "au", "lait"])
    }

    @Test func invisibleCharactersAreSpaces() throws {
        // No-break space, thin space, zero-width space, soft hyphen inside a word.
        #expect(try Self.words("one\u{00A0}two\u{2009}three\u{200B}four hy\u{00AD}phen") == ["one", "two", "three", "four", "hy\u{00AD}phen"])
    }

    // MARK: Dotted abbreviations and periods

    @Test func dottedAbbreviations() throws {
        #expect(try Self.tokens("the U.S.A. and e.g. that") == [
            Self.word("the"), Self.word("U.S.A"), Self.terminal("."), Self.word("and"), Self.word("e.g"), Self.terminal("."),
            Self.word("that"),
        ])
        #expect(try Self.words("Node.js and ASP.NET") == ["Node.js", "and", "ASP.NET"])
        #expect(try Self.words("AT&T and R&D but you & me") == ["AT&T", "and", "R&D", "but", "you", "me"])
    }

    @Test func ellipsesAndRuns() throws {
        #expect(try Self.tokens("Wait... what?! No…. Yes. . . ok") == [
            Self.word("Wait"), TokenView("ellipsis", "..."), Self.word("what"), Self.terminal("?!"), Self.word("No"),
            TokenView("ellipsis+period", "…."), Self.word("Yes"), TokenView("ellipsis", ". . ."), Self.word("ok"),
        ])
        #expect(try Self.tokens("So....").last == TokenView("ellipsis+period", "...."))
    }

    // MARK: Flags

    @Test func wordFlags() throws {
        let analysed = try Analysed("Paris NASA e.g well-known don't naïve 3D walked")
        let flags = analysed.analysis.tokens.map(\.wordFlags)
        #expect(flags[0].contains(.capitalized) && !flags[0].contains(.allCaps))
        #expect(flags[1].contains(.allCaps))
        #expect(flags[2].contains(.dotted))
        #expect(flags[3].contains(.hyphenated))
        #expect(flags[4].contains(.apostrophe))
        #expect(flags[5].contains(.nonASCII))
        #expect(flags[6].contains(.hasDigit))
        #expect(flags[7].isEmpty)
    }

    /// Letters are read eight bytes at a time: words of every length, in every case, cut at
    /// every point of those steps and at the very end of the text, read as they do one byte
    /// at a time (same letters, same case flags, and the lexicon entry of the lowercase word,
    /// whether or not the word cache answered).
    @Test func wordsOfEveryLengthReadAlikeInEveryCase() throws {
        let letters = Array("readabilityinternationalizationcompostespresso")
        for length in 1...72 {
            let lower = String((0..<length).map { letters[$0 % letters.count] })
            let upper = lower.uppercased()
            let mixed = String(lower.enumerated().map { $0.offset % 3 == 0 ? Character($0.element.uppercased()) : $0.element })
            // Twice each, so the second reading comes from the word cache; the last word ends the text.
            let analysed = try Analysed("\(lower) \(upper) \(mixed), \(lower) (\(upper)) \(mixed)")
            let words = analysed.analysis.tokens.filter { $0.kind == .word }
            try #require(words.count == 6, "length \(length)")
            let expectedEntry = EnglishLexicon.shared.entry(lower)
            for (index, token) in words.enumerated() {
                #expect(Int(token.letters) == length, "length \(length), word \(index)")
                #expect(token.entry == expectedEntry, "length \(length), word \(index)")
                #expect(token.syllables == words[0].syllables, "length \(length), word \(index)")
            }
            #expect(!words[0].wordFlags.contains(.capitalized) && !words[0].wordFlags.contains(.allCaps))
            #expect(words[1].wordFlags.contains(.capitalized))
            #expect(words[1].wordFlags.contains(.allCaps) == (length >= 2))
            #expect(words[2].wordFlags.contains(.capitalized) && !words[2].wordFlags.contains(.allCaps))
        }
    }

    /// Tokens are buffered and handed to the array 1,024 at a time: a block of thousands of
    /// tokens comes out whole, in order, with every word's facts filled in, with the word
    /// cache (whose lookups are batched across hand-overs) and without.
    @Test(arguments: [false, true])
    func longBlocksComeOutWhole(withCache: Bool) throws {
        let words = ["Readability", "counts", "syllables", "in", "every", "word", "of", "a", "sentence"]
        var text = ""
        for index in 0..<3_001 { text += words[index % words.count] + (index % 7 == 6 ? ". " : " ") }
        let bytes = Array(text.utf8)
        var tokens: [Token] = []
        bytes.withUnsafeBufferPointer { buffer in
            Tokenizer().tokenize(buffer, range: 0..<buffer.count, into: &tokens, cache: withCache ? WordCache() : nil)
        }
        let wordTokens = tokens.filter { $0.kind == .word }
        #expect(wordTokens.count == 3_001)
        #expect(tokens.filter { $0.kind == .terminal }.count == 3_001 / 7)
        #expect(zip(tokens, tokens.dropFirst()).allSatisfy { $0.end <= $1.start })
        for (index, token) in wordTokens.enumerated() {
            let word = words[index % words.count]
            #expect(String(decoding: bytes[token.range], as: UTF8.self) == word)
            #expect(Int(token.syllables) == Syllables.count(word), "\(word) at \(index)")
            #expect(token.entry == EnglishLexicon.shared.entry(word.lowercased()), "\(word) at \(index)")
        }
    }

    /// "www." makes a link wherever it stands, also as the last word of a paragraph; a colon
    /// alone does not.
    @Test func wwwLinkAtTheEndOfABlock() throws {
        #expect(try Self.tokens("Visit www.example.com") == [Self.word("Visit"), Self.link("www.example.com")])
        #expect(try Self.tokens("Note: see https://example.com") == [
            Self.word("Note"), TokenView("punctuation", ":"), Self.word("see"), Self.link("https://example.com"),
        ])
    }

    @Test func tokenOffsetsAreByteRanges() throws {
        let analysed = try Analysed("Café au lait")
        let tokens = analysed.analysis.tokens
        #expect(tokens.map(\.range) == [0..<5, 6..<8, 9..<13])
        #expect(tokens.map(\.letters) == [4, 2, 4])
    }

    // MARK: Counts on hand-checked texts

    /// "The quick brown fox can't jump over twenty-two lazy dogs." — 10 words (the hyphenated
    /// number and the contraction are one word each); syllables 1+1+1+1+1+1+2+3+2+1 = 14.
    @Test func wordAndSyllableCountsOfAShortSentence() throws {
        let stats = try Analysed("The quick brown fox can't jump over twenty-two lazy dogs.").statistics
        #expect(stats.words == 10)
        #expect(stats.syllables == 14)
        #expect(stats.sentences == 1)
    }

    /// "Visit https://example.com or email me@example.org 🙂 — thanks!" — words: Visit, or,
    /// email, thanks = 4 (links, emoji and dash are not words); syllables 2+1+2+1 = 6.
    @Test func linksAndEmojiAreNotCounted() throws {
        let stats = try Analysed("Visit https://example.com or email me@example.org 🙂 — thanks!").statistics
        #expect(stats.words == 4)
        #expect(stats.syllables == 6)
    }

    /// "In 2024, 1,500 people paid $3.50 each." — words: In, 2024, 1,500, people, paid, 3.50,
    /// each = 7; numbers count one syllable: 1+1+1+2+1+1+1 = 8; letters 2+6+4+4 = 16.
    @Test func numbersCountOneSyllable() throws {
        let stats = try Analysed("In 2024, 1,500 people paid $3.50 each.").statistics
        #expect(stats.words == 7)
        #expect(stats.syllables == 8)
        #expect(stats.letters == 16)
    }

    /// ARI's characters are letters and digits (README, `TextStatistics.characters`): the
    /// separators inside numbers are neither. In, 2024, 1,500, people, paid, 3.50, each:
    /// 2 + 4 + 4 + 6 + 4 + 3 + 4 = 27.
    @Test func charactersAreLettersAndDigitsOnly() throws {
        let stats = try Analysed("In 2024, 1,500 people paid $3.50 each.").statistics
        #expect(stats.characters == 27)
    }
}
