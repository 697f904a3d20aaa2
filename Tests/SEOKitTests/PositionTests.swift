import SEOKitTestSupport
import Testing
@testable import SEOKit

/// Positions reported for blocks, tokens, links, images and comments.
///
/// Fixtures mark each expected position with `⟦name⟧`; `MarkedFixture` strips the markers and
/// computes line, column (code points) and byte offset on its own, so every expectation below
/// is written where it applies in the input rather than as a number.
@Suite struct PositionTests {
    // MARK: Helpers

    /// The block whose text starts with `prefix`.
    static func block(_ document: Document, startingWith prefix: String) -> Block? {
        document.blocks.first { document.text(of: $0).hasPrefix(prefix) }
    }

    /// Checks that the token `text` (n-th occurrence) sits at the marker `name`: line, column and offset.
    static func expectToken(
        _ text: String, occurrence: Int = 1, at name: String, in fixture: MarkedFixture, _ analysed: Analysed,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let found = analysed.location(ofToken: text, occurrence: occurrence)
        #expect(found == fixture[name], "token '\(text)' #\(occurrence) expected at \(fixture.position(name)), found \(found.map { "\($0.line):\($0.column) (offset \($0.offset))" } ?? "nothing")", sourceLocation: sourceLocation)
    }

    static func expectBlock(
        startingWith prefix: String, at name: String, in fixture: MarkedFixture, _ document: Document,
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let block = Self.block(document, startingWith: prefix)
        #expect(block?.range.start == fixture[name], "block '\(prefix)…' expected at \(fixture.position(name)), found \(block.map { "\($0.range.start) (offset \($0.range.start.offset))" } ?? "no block")", sourceLocation: sourceLocation)
    }

    // MARK: Markdown: front matter

    @Test func blocksAndTokensAfterYAMLFrontMatter() throws {
        let fixture = MarkedFixture("""
            ---
            title: "Brewing green tea"
            keyphrase: green tea
            ---

            ⟦h⟧# ⟦hw⟧Brewing green tea

            ⟦p⟧Use water at ⟦n⟧80 degrees, not ⟦w⟧boiling water.
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        Self.expectBlock(startingWith: "Brewing green tea", at: "h", in: fixture, analysed.document)
        Self.expectBlock(startingWith: "Use water", at: "p", in: fixture, analysed.document)
        Self.expectToken("Brewing", at: "hw", in: fixture, analysed)
        Self.expectToken("80", at: "n", in: fixture, analysed)
        Self.expectToken("boiling", at: "w", in: fixture, analysed)
        #expect(fixture["p"].line == 8)
    }

    @Test func blocksAndTokensAfterTOMLFrontMatter() throws {
        let fixture = MarkedFixture("""
            +++
            title = "Winter tyres"
            draft = false
            [extra]
            author = "Someone"
            +++
            ⟦p⟧Studded ⟦w⟧tyres grip on ice.

            ## ⟦hw⟧Fitting them
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        Self.expectBlock(startingWith: "Studded", at: "p", in: fixture, analysed.document)
        Self.expectToken("tyres", at: "w", in: fixture, analysed)
        Self.expectToken("Fitting", at: "hw", in: fixture, analysed)
    }

    @Test func frontMatterRangeAndFieldLines() throws {
        let fixture = MarkedFixture("""
            ⟦fm⟧---
            date: 2024-01-01
            ⟦title⟧title: Hello
            ⟦key⟧keyphrase: hello world
            ---
            ⟦body⟧Body text.
            """)
        let document = try Read.document(fixture.text, .markdown)
        #expect(document.metadata.frontMatterRange?.start == fixture["fm"])
        #expect(document.metadata.frontMatterRange?.end == fixture["body"])
        #expect(document.metadata.fieldRanges[.title]?.start == fixture["title"])
        #expect(document.metadata.fieldRanges[.keyphrase]?.start == fixture["key"])
        #expect(document.metadata.fieldRanges[.title]?.end.line == fixture["title"].line)
    }

    @Test func tomlFieldLines() throws {
        let fixture = MarkedFixture("""
            +++
            ⟦title⟧title = "Hello"
            ⟦lang⟧lang = "en"
            +++
            Body.
            """)
        let document = try Read.document(fixture.text, .markdown)
        #expect(document.metadata.fieldRanges[.title]?.start == fixture["title"])
        #expect(document.metadata.fieldRanges[.language]?.start == fixture["lang"])
    }

    // MARK: Markdown: containers

    @Test func listItemsQuotesAndNestedContainers() throws {
        let fixture = MarkedFixture("""
            Intro line.

            - ⟦a⟧First ⟦aw⟧item
            - ⟦b⟧Second item
              - ⟦c⟧Nested ⟦cw⟧item
            1. ⟦d⟧Numbered ⟦dw⟧step

            > ⟦q⟧Quoted ⟦qw⟧words
            > continue ⟦q2⟧here
            >
            > - ⟦ql⟧Listed in a ⟦qlw⟧quote
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        let document = analysed.document
        Self.expectBlock(startingWith: "First", at: "a", in: fixture, document)
        Self.expectBlock(startingWith: "Second", at: "b", in: fixture, document)
        Self.expectBlock(startingWith: "Nested", at: "c", in: fixture, document)
        Self.expectBlock(startingWith: "Numbered", at: "d", in: fixture, document)
        Self.expectBlock(startingWith: "Quoted", at: "q", in: fixture, document)
        Self.expectBlock(startingWith: "Listed", at: "ql", in: fixture, document)
        Self.expectToken("item", at: "aw", in: fixture, analysed)
        Self.expectToken("item", occurrence: 3, at: "cw", in: fixture, analysed)
        Self.expectToken("step", at: "dw", in: fixture, analysed)
        Self.expectToken("words", at: "qw", in: fixture, analysed)
        Self.expectToken("here", at: "q2", in: fixture, analysed)
        Self.expectToken("quote", at: "qlw", in: fixture, analysed)
        #expect(Self.block(document, startingWith: "Quoted")?.kind == .quote)
        #expect(Self.block(document, startingWith: "Nested")?.kind == .listItem)
        // The innermost container decides: a list inside a quote gives list items.
        #expect(Self.block(document, startingWith: "Listed")?.kind == .listItem)
    }

    @Test func tableCells() throws {
        let fixture = MarkedFixture("""
            | Item | Weight |
            |------|-------:|
            | ⟦r1⟧Rain jacket | ⟦n1⟧380 |
            | ⟦r2⟧Café ⟦cw⟧crème | ⟦n2⟧1,150 |
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        let cells = analysed.document.blocks.filter { $0.kind == .tableCell }.map { analysed.document.text(of: $0) }
        #expect(cells == ["Item", "Weight", "Rain jacket", "380", "Café crème", "1,150"])
        Self.expectToken("Rain", at: "r1", in: fixture, analysed)
        Self.expectToken("380", at: "n1", in: fixture, analysed)
        Self.expectToken("Café", at: "r2", in: fixture, analysed)
        Self.expectToken("crème", at: "cw", in: fixture, analysed)
        Self.expectToken("1,150", at: "n2", in: fixture, analysed)
    }

    // MARK: Markdown: inline content

    @Test func tokensAfterEntitiesAndEscapes() throws {
        let fixture = MarkedFixture(#"""
            Salt &amp; ⟦a⟧pepper, caf&eacute; ⟦b⟧au lait, &#8220;⟦c⟧quoted&#8221; ⟦d⟧text.

            A \*literal\* ⟦e⟧star and a \[⟦f⟧bracket\] ⟦g⟧here.
            """#)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        #expect(analysed.document.text(of: analysed.document.blocks[0]) == "Salt & pepper, café au lait, “quoted” text.")
        #expect(analysed.document.text(of: analysed.document.blocks[1]) == "A *literal* star and a [bracket] here.")
        Self.expectToken("pepper", at: "a", in: fixture, analysed)
        Self.expectToken("au", at: "b", in: fixture, analysed)
        Self.expectToken("quoted", at: "c", in: fixture, analysed)
        Self.expectToken("text", at: "d", in: fixture, analysed)
        Self.expectToken("star", at: "e", in: fixture, analysed)
        Self.expectToken("bracket", at: "f", in: fixture, analysed)
        Self.expectToken("here", at: "g", in: fixture, analysed)
    }

    @Test func inlineMarkupBetweenWords() throws {
        let fixture = MarkedFixture("""
            Some **⟦a⟧bold** and _⟦b⟧italic_ and `code` ⟦c⟧then [⟦d⟧linked ⟦e⟧words](https://example.com) ⟦f⟧end.
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        Self.expectToken("bold", at: "a", in: fixture, analysed)
        Self.expectToken("italic", at: "b", in: fixture, analysed)
        // Inline code is not prose; the word after it keeps its exact position.
        Self.expectToken("then", at: "c", in: fixture, analysed)
        Self.expectToken("linked", at: "d", in: fixture, analysed)
        Self.expectToken("words", at: "e", in: fixture, analysed)
        Self.expectToken("end", at: "f", in: fixture, analysed)
    }

    /// Columns count code points, offsets count UTF-8 bytes: text after multi-byte characters
    /// tells the two apart.
    @Test func columnsCountCodePointsAndOffsetsCountBytes() throws {
        let fixture = MarkedFixture("""
            # Zürich ⟦h⟧cafés

            Naïve façade ⟦a⟧near 東京 ⟦b⟧station, 👩‍💻 ⟦c⟧coding and 🇨🇭 ⟦d⟧flags.
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        Self.expectToken("cafés", at: "h", in: fixture, analysed)
        Self.expectToken("near", at: "a", in: fixture, analysed)
        Self.expectToken("station", at: "b", in: fixture, analysed)
        Self.expectToken("coding", at: "c", in: fixture, analysed)
        Self.expectToken("flags", at: "d", in: fixture, analysed)
        // Hand-checked: "Naïve façade " is 13 code points but 15 bytes.
        let lineStart = "# Zürich cafés\n\n".utf8.count
        #expect(fixture["a"].column == 14)
        #expect(fixture["a"].offset - lineStart == 15)
        // The man-technologist emoji is three code points (U+1F469 U+200D U+1F4BB) in 11 bytes.
        #expect(fixture["c"].column - fixture["b"].column == "station, ".count + 4)
    }

    @Test func crlfLineEndings() throws {
        let fixture = MarkedFixture("""
            ---
            ⟦t⟧title: Line endings
            ---
            ⟦h⟧# ⟦hw⟧Heading

            ⟦p⟧First line of a paragraph
            that ⟦w⟧continues here.

            - ⟦li⟧Item ⟦lw⟧one
            """, lineEnding: "\r\n")
        #expect(fixture.text.utf8.contains(0x0D))
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        #expect(analysed.document.metadata.title == "Line endings")
        #expect(analysed.document.metadata.fieldRanges[.title]?.start == fixture["t"])
        Self.expectBlock(startingWith: "Heading", at: "h", in: fixture, analysed.document)
        Self.expectBlock(startingWith: "First line", at: "p", in: fixture, analysed.document)
        Self.expectBlock(startingWith: "Item", at: "li", in: fixture, analysed.document)
        Self.expectToken("Heading", at: "hw", in: fixture, analysed)
        Self.expectToken("continues", at: "w", in: fixture, analysed)
        Self.expectToken("one", at: "lw", in: fixture, analysed)
        // The soft line break is a space in the prose, not a CR or LF.
        #expect(analysed.document.text(of: Self.block(analysed.document, startingWith: "First")!) == "First line of a paragraph that continues here.")
    }

    @Test func crlfInPlainText() throws {
        let fixture = MarkedFixture("""
            ⟦p1⟧One ⟦w⟧paragraph
            wrapped ⟦x⟧here.

            ⟦p2⟧Another ⟦y⟧one.
            """, lineEnding: "\r\n")
        let analysed = Analysed(try Read.document(fixture.text, .text))
        Self.expectBlock(startingWith: "One", at: "p1", in: fixture, analysed.document)
        Self.expectBlock(startingWith: "Another", at: "p2", in: fixture, analysed.document)
        Self.expectToken("paragraph", at: "w", in: fixture, analysed)
        Self.expectToken("here", at: "x", in: fixture, analysed)
        Self.expectToken("one", at: "y", in: fixture, analysed)
        #expect(analysed.words == ["One", "paragraph", "wrapped", "here", "Another", "one"])
        #expect(analysed.analysis.sentences.map(\.wordCount) == [4, 2])
    }

    @Test func atxAndSetextHeadings() throws {
        let fixture = MarkedFixture("""
            ⟦h1⟧# ⟦w1⟧Closed ATX heading ##

            ⟦s1⟧⟦sw⟧Setext level one
            ================

            ⟦s2⟧Setext ⟦s2w⟧level two⟦s2end⟧
            ---

            ⟦h3⟧### ⟦w3⟧Third level⟦h3end⟧
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        let headings = analysed.document.headings
        #expect(headings.map(\.level) == [1, 1, 2, 3])
        #expect(headings.map { analysed.document.text(of: $0) } == ["Closed ATX heading", "Setext level one", "Setext level two", "Third level"])
        Self.expectBlock(startingWith: "Closed", at: "h1", in: fixture, analysed.document)
        Self.expectBlock(startingWith: "Setext level one", at: "s1", in: fixture, analysed.document)
        Self.expectBlock(startingWith: "Setext level two", at: "s2", in: fixture, analysed.document)
        Self.expectBlock(startingWith: "Third", at: "h3", in: fixture, analysed.document)
        Self.expectToken("Closed", at: "w1", in: fixture, analysed)
        Self.expectToken("Setext", at: "sw", in: fixture, analysed)
        Self.expectToken("level", occurrence: 2, at: "s2w", in: fixture, analysed)
        Self.expectToken("Third", at: "w3", in: fixture, analysed)
        #expect(Self.block(analysed.document, startingWith: "Third")?.range.end == fixture["h3end"])
    }

    /// A setext heading's text is its first line; the underline belongs to the heading, so the
    /// range ends at the end of the underline, not on the line after it.
    @Test func setextHeadingRangeEndsWithItsUnderline() throws {
        let fixture = MarkedFixture("""
            Title here
            ---⟦end⟧

            Body.
            """)
        let document = try Read.document(fixture.text, .markdown)
        #expect(document.blocks.first?.kind == .heading)
        #expect(document.blocks.first?.range.end == fixture["end"])
    }

    @Test func blockEndsAreExclusive() throws {
        let fixture = MarkedFixture("""
            ⟦ps⟧A short paragraph.⟦pe⟧

            - ⟦ls⟧List item text⟦le⟧
            """)
        let document = try Read.document(fixture.text, .markdown)
        let paragraph = Self.block(document, startingWith: "A short")
        #expect(paragraph?.range.start == fixture["ps"])
        #expect(paragraph?.range.end == fixture["pe"])
        let item = Self.block(document, startingWith: "List item")
        #expect(item?.range.start == fixture["ls"])
        #expect(item?.range.end == fixture["le"])
    }

    // MARK: Markdown: links, images, comments

    @Test func linkImageAndCommentRanges() throws {
        let fixture = MarkedFixture("""
            Read ⟦ls⟧[the guide](https://example.com/guide "Guide")⟦le⟧ and see ⟦is⟧![A tripod](tripod.png)⟦ie⟧ first ⟦cs⟧<!-- seokit-disable-line style.passive -->⟦ce⟧.

            Ünïcode then ⟦l2s⟧[a link](/x)⟦l2e⟧.
            """)
        let document = try Read.document(fixture.text, .markdown)
        #expect(document.links.count == 2)
        #expect(document.links.first?.url == "https://example.com/guide")
        #expect(document.links.first?.text == "the guide")
        #expect(document.links.first?.range.start == fixture["ls"])
        #expect(document.links.first?.range.end == fixture["le"])
        #expect(document.links.last?.range.start == fixture["l2s"])
        #expect(document.links.last?.range.end == fixture["l2e"])
        #expect(document.images.first?.source == "tripod.png")
        #expect(document.images.first?.alt == "A tripod")
        #expect(document.images.first?.range.start == fixture["is"])
        #expect(document.images.first?.range.end == fixture["ie"])
        #expect(document.comments.count == 1)
        #expect(document.comments.first?.text == " seokit-disable-line style.passive ")
        #expect(document.comments.first?.range.start == fixture["cs"])
        #expect(document.comments.first?.range.end == fixture["ce"])
    }

    /// A comment on its own line is an HTML block in CommonMark; its range must still be exact,
    /// or `disable-next-line` directives (which read the comment's end line) point one line off.
    @Test func commentOnItsOwnLineInMarkdown() throws {
        let fixture = MarkedFixture("""
            Intro.

            ⟦cs⟧<!-- seokit-disable-next-line -->⟦ce⟧
            Target line.
            """)
        let document = try Read.document(fixture.text, .markdown)
        #expect(document.comments.first?.text == " seokit-disable-next-line ")
        #expect(document.comments.first?.range.start == fixture["cs"])
        #expect(document.comments.first?.range.end == fixture["ce"])
        #expect(document.comments.first?.range.end.line == 3)
    }

    @Test func rawHTMLBlockInMarkdown() throws {
        let fixture = MarkedFixture("""
            Before.

            <div class="callout">
              <p>⟦w⟧Inside the ⟦x⟧callout.</p>
            </div>

            ⟦after⟧After.
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        #expect(analysed.document.blocks.map { analysed.document.text(of: $0) } == ["Before.", "Inside the callout.", "After."])
        Self.expectToken("Inside", at: "w", in: fixture, analysed)
        Self.expectToken("callout", at: "x", in: fixture, analysed)
        Self.expectBlock(startingWith: "After", at: "after", in: fixture, analysed.document)
    }

    // MARK: HTML

    @Test func htmlTextAfterEntities() throws {
        let fixture = MarkedFixture("""
            <html><body>
            <p>Fish &amp; ⟦a⟧chips cost &pound;5 &mdash; ⟦b⟧cheap &#8220;⟦c⟧really&#x201D; ⟦d⟧today.</p>
            </body></html>
            """)
        let analysed = Analysed(try Read.document(fixture.text, .html))
        #expect(analysed.document.text(of: analysed.document.blocks[0]) == "Fish & chips cost £5 — cheap “really” today.")
        Self.expectToken("chips", at: "a", in: fixture, analysed)
        Self.expectToken("cheap", at: "b", in: fixture, analysed)
        Self.expectToken("really", at: "c", in: fixture, analysed)
        Self.expectToken("today", at: "d", in: fixture, analysed)
    }

    @Test func htmlNestedElements() throws {
        let fixture = MarkedFixture("""
            <body><div class="wrap"><section>
              <p>One <em>⟦a⟧two <strong>⟦b⟧three</strong></em> <span><a href="/x">⟦c⟧four</a></span> ⟦d⟧five.</p>
              <ul><li>⟦li⟧Alpha</li><li><p>⟦lp⟧Beta ⟦lw⟧gamma</p></li></ul>
            </section></div></body>
            """)
        let analysed = Analysed(try Read.document(fixture.text, .html))
        Self.expectToken("two", at: "a", in: fixture, analysed)
        Self.expectToken("three", at: "b", in: fixture, analysed)
        Self.expectToken("four", at: "c", in: fixture, analysed)
        Self.expectToken("five", at: "d", in: fixture, analysed)
        Self.expectToken("Alpha", at: "li", in: fixture, analysed)
        Self.expectToken("Beta", at: "lp", in: fixture, analysed)
        Self.expectToken("gamma", at: "lw", in: fixture, analysed)
    }

    @Test func htmlTextAfterMultiLineStartTag() throws {
        let fixture = MarkedFixture("""
            <body>
            ⟦p⟧<p class="intro"
               data-note="a > b"
               id="first">⟦w⟧Words after a long ⟦x⟧tag.</p>
            </body>
            """)
        let analysed = Analysed(try Read.document(fixture.text, .html))
        Self.expectToken("Words", at: "w", in: fixture, analysed)
        Self.expectToken("tag", at: "x", in: fixture, analysed)
        Self.expectBlock(startingWith: "Words", at: "p", in: fixture, analysed.document)
    }

    @Test func htmlWhitespaceCollapsedButPositionsKept() throws {
        let fixture = MarkedFixture("""
            <p>Spread     ⟦a⟧across
                    several
               ⟦b⟧lines   of ⟦c⟧source.</p>
            """)
        let analysed = Analysed(try Read.document(fixture.text, .html))
        #expect(analysed.document.text(of: analysed.document.blocks[0]) == "Spread across several lines of source.")
        Self.expectToken("across", at: "a", in: fixture, analysed)
        Self.expectToken("lines", at: "b", in: fixture, analysed)
        Self.expectToken("source", at: "c", in: fixture, analysed)
    }

    /// A Latin-1 page is decoded to UTF-8: offsets are in the decoded text (é takes two bytes
    /// there, one in the file), line and column are the same as in the file.
    @Test func htmlLatin1Positions() throws {
        let fixture = MarkedFixture("""
            <html><head><meta charset="iso-8859-1"><title>Crème</title></head>
            <body>
            <p>Café ⟦a⟧crème, brûlée ⟦b⟧et ⟦c⟧gâteau.</p>
            <p>Ça ⟦d⟧va très ⟦e⟧bien.</p>
            </body></html>
            """)
        let document = try Read.document(bytes: fixture.latin1, .html)
        let analysed = Analysed(document)
        #expect(document.metadata.title == "Crème")
        #expect(document.text(of: document.blocks[0]) == "Café crème, brûlée et gâteau.")
        Self.expectToken("crème", at: "a", in: fixture, analysed)
        Self.expectToken("et", at: "b", in: fixture, analysed)
        Self.expectToken("gâteau", at: "c", in: fixture, analysed)
        Self.expectToken("va", at: "d", in: fixture, analysed)
        Self.expectToken("bien", at: "e", in: fixture, analysed)
    }

    @Test func htmlLinkImageAndCommentRanges() throws {
        let fixture = MarkedFixture("""
            <body>
            <p>See ⟦ls⟧<a href="/guide" rel="nofollow">the guide</a>⟦le⟧ now.</p>
            ⟦is⟧<img src="a.png" alt="A">⟦ie⟧
            <p>Text ⟦cs⟧<!-- inline note -->⟦ce⟧ more.</p>
            ⟦c2s⟧<!-- seokit-disable-next-line -->⟦c2e⟧
            <p>Target.</p>
            </body>
            """)
        let document = try Read.document(fixture.text, .html)
        #expect(document.links.first?.range.start == fixture["ls"])
        #expect(document.links.first?.range.end == fixture["le"])
        #expect(document.images.first?.range.start == fixture["is"])
        #expect(document.images.first?.range.end == fixture["ie"])
        #expect(document.comments.map(\.text) == [" inline note ", " seokit-disable-next-line "])
        #expect(document.comments.first?.range.start == fixture["cs"])
        #expect(document.comments.first?.range.end == fixture["ce"])
        #expect(document.comments.last?.range.start == fixture["c2s"])
        #expect(document.comments.last?.range.end == fixture["c2e"])
    }

    @Test func htmlTitleAndMetaFieldRanges() throws {
        let fixture = MarkedFixture("""
            <html lang="en"><head>
            ⟦ts⟧<title>Page title</title>⟦te⟧
            ⟦ds⟧<meta name="description" content="A description.">⟦de⟧
            </head><body><p>Body.</p></body></html>
            """)
        let document = try Read.document(fixture.text, .html)
        #expect(document.metadata.fieldRanges[.title]?.start == fixture["ts"])
        #expect(document.metadata.fieldRanges[.title]?.end == fixture["te"])
        #expect(document.metadata.fieldRanges[.description]?.start == fixture["ds"])
        #expect(document.metadata.fieldRanges[.description]?.end == fixture["de"])
    }

    // MARK: The prose-to-source map

    @Test func sourceRangeOfTextSpan() throws {
        let fixture = MarkedFixture("""
            Heat the ⟦s⟧pan &amp; oil⟦e⟧ first.
            """)
        let document = try Read.document(fixture.text, .markdown)
        let prose = document.text(of: document.blocks[0])
        #expect(prose == "Heat the pan & oil first.")
        let start = prose.utf8.count - "pan & oil first.".utf8.count
        let range = document.sourceRange(ofText: start..<(start + "pan & oil".utf8.count))
        #expect(range.start == fixture["s"])
        #expect(range.end == fixture["e"])
    }

    @Test func sourceLocationOfOffsets() {
        let source = SourceText(bytes: Array("ab\r\ncé\rd\n\nlast".utf8))
        // Line breaks: CRLF, lone CR, LF, LF.
        #expect(source.lineCount == 5)
        #expect(source.location(at: 0) == SourceLocation(line: 1, column: 1, offset: 0))
        #expect(source.location(at: 4) == SourceLocation(line: 2, column: 1, offset: 4))
        #expect(source.location(at: 7) == SourceLocation(line: 2, column: 3, offset: 7)) // after "cé" (3 bytes)
        #expect(source.location(at: 8) == SourceLocation(line: 3, column: 1, offset: 8))
        #expect(source.location(at: 11) == SourceLocation(line: 5, column: 1, offset: 11))
        #expect(source.lineText(2) == "cé")
        #expect(source.lineText(5) == "last")
        // The cursor-based lookup agrees with the plain one, forwards and backwards.
        var cursor = SourceText.Cursor()
        for offset in [0, 3, 5, 7, 11, 14, 2, 9] {
            #expect(source.location(at: offset, cursor: &cursor) == source.location(at: offset))
        }
    }

    // MARK: Properties over the corpus

    static let draftFiles = Repository.files(in: "Corpora/drafts", extensions: ["md", "mdx", "html", "txt"])
        + Repository.files(in: "Corpora/pages", extensions: ["html"])

    @Test func corpusIsThere() {
        #expect(Self.draftFiles.count >= 20)
    }

    /// Every word token maps back to the same word in the source (entities aside: a word that
    /// starts with `&` in the source was decoded).
    @Test(arguments: draftFiles)
    func everyWordMapsToItsSource(path: String) throws {
        let document = try DocumentReader().read(path: path)
        let analysed = Analysed(document)
        let source = document.source.bytes
        var mismatches: [String] = []
        for token in analysed.analysis.tokens where token.kind == .word || token.kind == .number {
            let offset = document.text.sourceOffset(forTextOffset: Int(token.start))
            let text = Array(document.text.string(in: token.range).utf8)
            guard offset < source.count, source[offset] != UInt8(ascii: "&") else { continue }
            let sourceSlice = source[offset..<min(source.count, offset + text.count)]
            if !sourceSlice.elementsEqual(text) && !Self.differsOnlyByEntity(Array(sourceSlice), text) {
                let location = document.source.location(at: offset)
                mismatches.append("\(location.line):\(location.column) '\(String(decoding: text, as: UTF8.self))' vs '\(String(decoding: sourceSlice, as: UTF8.self))'")
            }
        }
        #expect(mismatches.isEmpty, "\(mismatches.prefix(10))")
    }

    /// A source slice that has an entity (`&rsquo;`) or a Markdown escape (`\\_`) where the
    /// prose has the character it stands for.
    static func differsOnlyByEntity(_ source: [UInt8], _ prose: [UInt8]) -> Bool {
        guard let firstDifference = zip(source, prose).enumerated().first(where: { $0.element.0 != $0.element.1 })?.offset else { return false }
        return source[firstDifference] == UInt8(ascii: "&") || source[firstDifference] == UInt8(ascii: "\\")
    }

    /// The source at a block's start begins with the block's first token — after the block's own
    /// markup where the reader puts the start on it: an ATX heading's `#`s, a table cell's
    /// padding, an HTML element's tags, and Markdown emphasis or link brackets before the first word.
    @Test(arguments: draftFiles)
    func blockStartsAtItsFirstWord(path: String) throws {
        let document = try DocumentReader().read(path: path)
        let analysed = Analysed(document)
        let source = document.source.bytes
        var problems: [String] = []
        for (index, block) in document.blocks.enumerated() where block.isProse {
            let span = analysed.analysis.blocks[index]
            guard let first = analysed.analysis.tokens[span.tokenRange].first else { continue }
            let token = Array(document.text.string(in: first.range).utf8)
            // Skip the block's own markup, and only that.
            var position = block.range.start.offset
            switch (document.format, block.kind) {
            case (.html, _):
                position = Self.skipTagsAndSpace(source, from: position)
            case (.markdown, .heading):
                while position < source.count, source[position] == UInt8(ascii: "#") { position += 1 }
                while position < source.count, source[position] == 0x20 || source[position] == 0x09 { position += 1 }
            case (.markdown, .tableCell):
                while position < source.count, source[position] == 0x20 || source[position] == 0x09 { position += 1 }
            default:
                break
            }
            // In Markdown, raw HTML (an HTML block, inline tags) and emphasis or link openers may
            // stand before the first token; the token must then follow them directly.
            var candidates = [position]
            if document.format == .markdown {
                var skipped = position
                while true {
                    let next = Self.skipInlineMarkup(source, from: Self.skipTagsAndSpace(source, from: skipped))
                    if next == skipped { break }
                    skipped = next
                    candidates.append(skipped)
                }
            }
            let matches = candidates.contains { candidate in
                let slice = source[min(candidate, source.count)..<min(source.count, candidate + token.count)]
                return slice.elementsEqual(token) || (candidate < source.count && source[candidate] == UInt8(ascii: "&"))
            }
            if !matches {
                problems.append("\(block.kind) at \(block.range.start): expected '\(String(decoding: token, as: UTF8.self))', source has '\(String(decoding: source[block.range.start.offset..<min(source.count, block.range.start.offset + 24)], as: UTF8.self))'")
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(8))")
    }

    static func skipTagsAndSpace(_ source: [UInt8], from start: Int) -> Int {
        var position = start
        while position < source.count {
            let byte = source[position]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { position += 1; continue }
            guard byte == UInt8(ascii: "<"), position + 1 < source.count else { break }
            let next = source[position + 1]
            let isTag = next == UInt8(ascii: "/") || next == UInt8(ascii: "!") || (next | 0x20) >= UInt8(ascii: "a") && (next | 0x20) <= UInt8(ascii: "z")
            guard isTag else { break }
            if source[position...].starts(with: Array("<!--".utf8)) {
                var end = position + 4
                while end + 2 < source.count, !(source[end] == UInt8(ascii: "-") && source[end + 1] == UInt8(ascii: "-") && source[end + 2] == UInt8(ascii: ">")) { end += 1 }
                position = end + 3
                continue
            }
            var quote: UInt8?
            var end = position + 1
            while end < source.count {
                let c = source[end]
                if let open = quote {
                    if c == open { quote = nil }
                } else if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                    quote = c
                } else if c == UInt8(ascii: ">") {
                    break
                }
                end += 1
            }
            position = end + 1
        }
        return position
    }

    /// Emphasis, strikethrough, code and link openers that cmark removes from the prose.
    static func skipInlineMarkup(_ source: [UInt8], from start: Int) -> Int {
        var position = start
        let openers: Set<UInt8> = [UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "`"), UInt8(ascii: "~")]
        while position < source.count, openers.contains(source[position]) { position += 1 }
        return position
    }

    /// Every token lies inside its block's source range.
    @Test(arguments: draftFiles)
    func tokensLieInsideTheirBlocks(path: String) throws {
        let document = try DocumentReader().read(path: path)
        let analysed = Analysed(document)
        var problems: [String] = []
        for (index, block) in document.blocks.enumerated() where block.isProse {
            for token in analysed.analysis.tokens[analysed.analysis.blocks[index].tokenRange] {
                let offset = document.text.sourceOffset(forTextOffset: Int(token.start))
                if offset < block.range.start.offset || offset >= max(block.range.end.offset, block.range.start.offset + 1) {
                    problems.append("'\(document.text.string(in: token.range))' at \(document.source.location(at: offset)) outside \(block.range)")
                }
            }
        }
        #expect(problems.isEmpty, "\(problems.prefix(8))")
    }
}

/// Position cases found while writing the corpus properties, kept as focused tests.
@Suite struct PositionEdgeTests {
    /// A paragraph's continuation line may be indented; the indentation is not prose, but the
    /// words after it keep their real columns.
    @Test func indentedContinuationLine() throws {
        let fixture = MarkedFixture("""
            First line of text
               ⟦w⟧indented ⟦x⟧continuation.
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        #expect(analysed.document.text(of: analysed.document.blocks[0]) == "First line of text indented continuation.")
        PositionTests.expectToken("indented", at: "w", in: fixture, analysed)
        PositionTests.expectToken("continuation", at: "x", in: fixture, analysed)
    }

    @Test func continuationLineInListItem() throws {
        let fixture = MarkedFixture("""
            - Item text
              ⟦w⟧continued ⟦x⟧item.
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        PositionTests.expectToken("continued", at: "w", in: fixture, analysed)
        PositionTests.expectToken("item", at: "x", in: fixture, analysed)
    }

    /// A lazy continuation line (no list indentation, no `>`) still belongs to the item or quote;
    /// its words are where they are on that line.
    @Test func lazyContinuationLines() throws {
        let fixture = MarkedFixture("""
            - Item ⟦a⟧one
            lazy ⟦b⟧continuation

            > Quoted ⟦c⟧text
            lazy ⟦d⟧line
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        #expect(analysed.document.blocks.map(\.kind) == [.listItem, .quote])
        PositionTests.expectToken("one", at: "a", in: fixture, analysed)
        PositionTests.expectToken("continuation", at: "b", in: fixture, analysed)
        PositionTests.expectToken("text", at: "c", in: fixture, analysed)
        PositionTests.expectToken("line", at: "d", in: fixture, analysed)
    }

    @Test func moreInlineConstructs() throws {
        let fixture = MarkedFixture("""
            See [the ⟦a⟧guide][g], <https://x.example> ⟦b⟧now, ~~⟦c⟧old~~ ⟦d⟧new, snake\\_case ⟦e⟧word,
            Smile &#x1F600; ⟦f⟧again, 🇨🇭👩‍💻 ⟦g⟧flag, Line break\\
            ⟦h⟧three.

            [g]: https://example.com/guide
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        for (token, marker) in [("guide", "a"), ("now", "b"), ("old", "c"), ("new", "d"), ("word", "e"), ("again", "f"), ("flag", "g"), ("three", "h")] {
            PositionTests.expectToken(token, at: marker, in: fixture, analysed)
        }
    }

    /// Inline code is not prose (commands and identifiers are not words a reader reads); a
    /// padded code span (CommonMark strips one space inside each end) leaves the words around
    /// it at their exact positions.
    @Test func codeSpanWithPaddingSpaces() throws {
        let fixture = MarkedFixture("""
            ⟦v⟧Type `` padded span `` ⟦w⟧then ⟦y⟧more.
            """)
        let analysed = Analysed(try Read.document(fixture.text, .markdown))
        let text = analysed.document.text(of: analysed.document.blocks[0])
        #expect(!text.contains("padded") && !text.contains("span"))
        PositionTests.expectToken("Type", at: "v", in: fixture, analysed)
        PositionTests.expectToken("then", at: "w", in: fixture, analysed)
        PositionTests.expectToken("more", at: "y", in: fixture, analysed)
    }
}
