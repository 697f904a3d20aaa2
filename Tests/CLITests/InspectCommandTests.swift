import Foundation
import SEOKitTestSupport
import Testing

/// `seokit inspect` end to end.
@Suite struct InspectCommandTests {
    // MARK: sentences

    @Test func sentencesOnePerLine() throws {
        let text = """
            Mr. Okafor opened the session at 9 a.m. sharp. Nobody was late!
            Was the coffee good? It was... fine, really.

            A second paragraph
            wrapped over two lines.
            """
        let result = try Seokit.run(["inspect", "sentences", "-"], stdin: text)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == [
            "Mr. Okafor opened the session at 9 a.m. sharp.",
            "Nobody was late!",
            "Was the coffee good?",
            "It was... fine, really.",
            "A second paragraph wrapped over two lines.",
        ])
    }

    @Test func sentencesOfAMarkdownFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("post.md", "---\ntitle: T\n---\n# Heading\n\n- One item\n- Two\n\nLast one. Done.\n")
        let result = try Seokit.run(["inspect", "sentences", path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == ["Heading", "One item", "Two", "Last one.", "Done."])
    }

    @Test func missingFileExitsTwo() throws {
        let directory = try TemporaryDirectory()
        let result = try Seokit.run(["inspect", "sentences", directory.url("nope.md")])
        #expect(result.status == 2)
        #expect(result.stderrLines == ["seokit: \(directory.url("nope.md")): no such file or directory"])
        #expect(result.stdout.isEmpty)
    }

    // MARK: tokens

    @Test func tokensWithKindsAndPositions() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("post.md", """
            ---
            title: Tokens
            ---
            # Café & more

            Don't pay $3.50 at https://example.com, 🙂 “Ok”…
            """)
        let result = try Seokit.run(["inspect", "tokens", path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == [
            "4:3\tword\tCafé\t2",
            "4:8\tsymbol\t&",
            "4:10\tword\tmore\t1",
            "6:1\tword\tDon't\t1",
            "6:7\tword\tpay\t1",
            "6:11\tsymbol\t$",
            "6:12\tnumber\t3.50",
            "6:17\tword\tat\t1",
            "6:20\tlink\thttps://example.com",
            "6:39\tpunctuation\t,",
            "6:41\tsymbol\t🙂",
            "6:43\tquote\t“",
            "6:44\tword\tOk\t2",
            "6:46\tquote\t”",
            "6:47\tellipsis\t…",
        ])
    }

    @Test func tokensOfCRLFStandardInput() throws {
        let result = try Seokit.run(["inspect", "tokens", "-"], stdin: "One two.\r\nThree\r\n\r\nFour")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == ["1:1\tword\tOne\t1", "1:5\tword\ttwo\t1", "1:8\tterminal\t.", "2:1\tword\tThree\t1", "4:1\tword\tFour\t1"])
    }

    @Test func tokensOfAnHTMLFileWithEntities() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("page.html", "<html><body>\n<p class=\"x\">Fish &amp; <b>chips</b>.</p>\n</body></html>\n")
        let result = try Seokit.run(["inspect", "tokens", path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == ["2:14\tword\tFish\t1", "2:19\tsymbol\t&", "2:28\tword\tchips\t1", "2:37\tterminal\t."])
    }

    // MARK: blocks

    @Test func blocksWithKindsAndPositions() throws {
        let result = try Seokit.run(["inspect", "blocks", "--input-format", "md", "-"], stdin: """
            # Title

            Intro
            text.

            - item
            > quote

            ```
            code
            ```
            """)
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == ["1:1\th1\tTitle", "3:1\tparagraph\tIntro text.", "6:3\tlistItem\titem", "7:3\tquote\tquote", "9:1\tcode\tcode"])
    }

    // MARK: syllables

    @Test func syllablesOfArguments() throws {
        let result = try Seokit.run(["inspect", "syllables", "beautiful", "the", "rhythm", "don't", "state-of-the-art", "Café"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == ["beautiful\t3", "the\t1", "rhythm\t2", "don't\t1", "state-of-the-art\t4", "Café\t2"])
    }

    @Test func syllablesFromStandardInput() throws {
        // Blank lines are skipped, spaces around a word trimmed, a last line without a newline read.
        let result = try Seokit.run(["inspect", "syllables"], stdin: "table\n  education  \n\n\tfire\nlast")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == ["table\t2", "education\t4", "fire\t2", "last\t1"])
    }

    /// Windows line endings: every line is a word, the CR is not part of it.
    @Test func syllablesFromCRLFStandardInput() throws {
        let result = try Seokit.run(["inspect", "syllables"], stdin: "cat\r\ndog\r\nbanana\r\n")
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == ["cat\t1", "dog\t1", "banana\t3"])
    }

    /// The rules alone and the rules with the lexicon agree on regular words and differ on a
    /// word whose spelling misleads the rules (the lexicon fixes it).
    @Test func rulesOnly() throws {
        let regular = ["table", "education", "cat", "beautiful"]
        let withLexicon = try Seokit.run(["inspect", "syllables"] + regular)
        let rulesOnly = try Seokit.run(["inspect", "syllables", "--rules-only"] + regular)
        #expect(rulesOnly.status == 0, "\(rulesOnly)")
        #expect(rulesOnly.stdoutLines == withLexicon.stdoutLines)

        // Find a word where the lexicon overrides the rules among a few known-hard spellings.
        let hard = ["colonel", "business", "wednesday", "every", "chocolate", "different", "interesting", "family", "area", "poem"]
        let lexicon = try Seokit.run(["inspect", "syllables"] + hard).stdoutLines
        let rules = try Seokit.run(["inspect", "syllables", "--rules-only"] + hard).stdoutLines
        #expect(lexicon.count == hard.count && rules.count == hard.count)
        #expect(lexicon != rules, "the lexicon changes no count: \(lexicon)")
        #expect(lexicon.contains("colonel\t2"))
        #expect(lexicon.contains("wednesday\t2"))
    }

    /// 100,000 words through standard input: every word gets one line, in order.
    @Test func manyWordsFromStandardInput() throws {
        let words = ["cat", "table", "education", "beautiful", "rhythm"]
        var input = ""
        input.reserveCapacity(1_000_000)
        for index in 0..<100_000 { input += words[index % words.count] + "\n" }
        let result = try Seokit.run(["inspect", "syllables"], stdin: input)
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdoutLines
        #expect(lines.count == 100_000)
        #expect(lines.first == "cat\t1")
        #expect(lines[99_999] == "rhythm\t2")
        #expect(lines[50_002] == "education\t4")
    }

    @Test func inspectHelpAndUnknownSubcommand() throws {
        let help = try Seokit.run(["inspect", "--help"])
        #expect(help.status == 0, "\(help)")
        for name in ["sentences", "tokens", "blocks", "syllables"] { #expect(help.stdout.contains(name)) }
        let unknown = try Seokit.run(["inspect", "paragraphs", "-"])
        #expect(unknown.status == 2, "\(unknown)")
    }
}
