import Testing
@testable import SEOKit

/// Main-content extraction on small hand-written pages.
@Suite struct ExtractionTests {
    // MARK: Helpers

    static let prose = [
        "The committee met on Tuesday to review the proposal, which had been delayed twice since the spring.",
        "Members raised concerns about the budget, the timeline and the lack of public consultation so far.",
        "After a long debate, the chair agreed to publish a revised draft before the end of the month.",
        "Residents who attended the meeting said they welcomed the delay, but wanted clearer answers soon.",
    ]

    static func paragraphs(_ texts: [String] = prose) -> String {
        texts.map { "<p>\($0)</p>" }.joined(separator: "\n")
    }

    static let navigation = """
        <nav class="site-nav"><ul><li><a href="/">Home</a></li><li><a href="/news">News</a></li>
        <li><a href="/sport">Sport</a></li><li><a href="/about">About us</a></li></ul></nav>
        """

    static func extract(_ html: String, path: String = "page.html") -> Document {
        let decoded = try! TextDecoding.decode(Array(html.utf8), format: .html, path: path)
        return MainContentExtractor.extract(decoded, path: path)
    }

    static func texts(_ document: Document) -> [String] { document.blocks.map { document.text(of: $0) } }

    static func allText(_ document: Document) -> String { texts(document).joined(separator: "\n") }

    // MARK: Choosing the content

    @Test func articleElementWithChromeAround() {
        let html = """
            <html><head><title>Council delays vote | Example News</title></head><body>
            <header><a href="/">Example News</a></header>
            \(Self.navigation)
            <article>
            <h1>Council delays vote on new library</h1>
            \(Self.paragraphs())
            </article>
            <aside class="sidebar"><h3>Most read</h3><p>A completely different story that is long enough to look like prose, with commas, and a full stop.</p></aside>
            <footer><p>Copyright 2024 Example News. All rights reserved, everywhere and forever, no exceptions.</p></footer>
            </body></html>
            """
        let document = Self.extract(html)
        let texts = Self.texts(document)
        #expect(texts.first == "Council delays vote on new library")
        #expect(document.blocks.first?.kind == .heading)
        #expect(texts.dropFirst().elementsEqual(Self.prose))
        #expect(document.metadata.title == "Council delays vote | Example News")
        #expect(!Self.allText(document).contains("Most read"))
        #expect(!Self.allText(document).contains("Copyright"))
        #expect(!Self.allText(document).contains("Sport"))
    }

    @Test func contentClassInDivsOnly() {
        let html = """
            <html><body>
            <div id="top"><div class="menu"><a href="/a">Alpha</a> <a href="/b">Beta</a> <a href="/c">Gamma</a></div></div>
            <div class="layout">
              <div class="post-content">\(Self.paragraphs())</div>
              <div class="sidebar">
                <div class="about"><p>This blog is written by a retired engineer who likes trains, gardens, and long walks by the sea.</p></div>
                <ul class="recent"><li><a href="/1">First recent post title here</a></li><li><a href="/2">Second recent post title</a></li></ul>
              </div>
            </div>
            </body></html>
            """
        let document = Self.extract(html)
        #expect(Self.texts(document) == Self.prose)
    }

    @Test func noSemanticMarkup() {
        let links = (1...12).map { "<a href=\"/section/\($0)\">Section \($0)</a>" }.joined(separator: " | ")
        let html = """
            <html><body>
            <div><div>\(links)</div></div>
            <div><div><div>\(Self.paragraphs())</div></div></div>
            <div><div>\(links)</div><div>Page generated in 0.02 seconds</div></div>
            </body></html>
            """
        let document = Self.extract(html)
        #expect(Self.texts(document) == Self.prose)
    }

    @Test func schemaArticleBodyWinsOverLongerBoilerplate() {
        let legal = String(repeating: "Our customer service team can be reached by telephone, fax or email, on weekdays from nine to five. ", count: 2)
        let html = """
            <html><body>
            <div class="story"><h1>Short breaking story</h1>
            <div itemprop="articleBody">A short breaking story of only one sentence, reported on Wednesday morning by the agency.</div></div>
            <div class="contact"><p>\(legal)</p></div>
            </body></html>
            """
        let document = Self.extract(html)
        let text = Self.allText(document)
        #expect(text.contains("A short breaking story of only one sentence"))
        #expect(!text.contains("customer service"))
        #expect(Self.texts(document).first == "Short breaking story")
    }

    // MARK: Pruning inside the content

    @Test func boilerplateInsideTheArticleIsPruned() {
        let html = """
            <html><body><article>
            <h1>Headline</h1>
            <div class="share-buttons"><a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
            <p>\(Self.prose[0])</p>
            <div class="ad-slot"><span>Advertisement</span></div>
            <p>\(Self.prose[1])</p>
            <figure><img src="chart.png" alt="Budget chart"><figcaption>The budget over ten years, in millions, as shown to the committee.</figcaption></figure>
            <p>Advertisement</p>
            <p>\(Self.prose[2])</p>
            <div class="related-posts"><h3>Related</h3><ul>
              <li><a href="/x">Another story about the council and its many committees</a></li>
              <li><a href="/y">Yet another story about the library and its opening hours</a></li></ul></div>
            <ul><li><a href="/p1">Read more about the budget</a></li><li><a href="/p2">Read more about the library</a></li></ul>
            <p>\(Self.prose[3])</p>
            <div class="tags"><a href="/t/council">council</a> <a href="/t/library">library</a></div>
            </article></body></html>
            """
        let document = Self.extract(html)
        #expect(Self.texts(document) == ["Headline"] + Self.prose)
        // The article's image stays, its caption's text goes.
        #expect(document.images.map(\.source) == ["chart.png"])
        #expect(document.links.isEmpty)
    }

    @Test func commentSectionIsLeftOut() {
        let comments = (1...6).map {
            "<li class=\"comment\"><p>Comment \($0): I really enjoyed reading this, and I think the council is wrong, as usual, about the budget.</p></li>"
        }.joined()
        let html = """
            <html><body><div class="main">
            <div class="entry">\(Self.paragraphs())</div>
            <div id="comments"><h2>6 comments</h2><ol class="comment-list">\(comments)</ol>
            <form><textarea></textarea><button>Post comment</button></form></div>
            </div></body></html>
            """
        let document = Self.extract(html)
        #expect(Self.texts(document) == Self.prose)
    }

    @Test func hiddenElementsAreLeftOut() {
        let html = """
            <html><body><article>
            <p>\(Self.prose[0])</p>
            <p style="display: none">Hidden by an inline style, and long enough to be mistaken for prose otherwise.</p>
            <p hidden>Hidden by the hidden attribute, and long enough to be mistaken for prose otherwise.</p>
            <div aria-hidden="true"><p>Hidden from assistive technology, and long enough to be mistaken for prose.</p></div>
            <ul><li hidden>Hidden list item</li><li>\(Self.prose[1])</li></ul>
            <p>\(Self.prose[2])</p>
            <script>document.write("Script text is never prose, even when long, with commas, and periods.")</script>
            </article></body></html>
            """
        let document = Self.extract(html)
        #expect(Self.texts(document) == [Self.prose[0], Self.prose[1], Self.prose[2]])
    }

    @Test func hiddenLinkDoesNotUnbalanceLinkCounting() {
        // A declined (hidden) <a> must not end the link context of the links after it: the
        // related list below is all links and must still be recognised as such.
        let html = """
            <html><body><article>
            <a href="#" style="display:none">skip</a>
            \(Self.paragraphs())
            <ul><li><h3><a href="/one">A related story with a long enough title to matter</a></h3></li>
            <li><h3><a href="/two">Another related story with a long enough title</a></h3></li></ul>
            </article></body></html>
            """
        let document = Self.extract(html)
        #expect(Self.texts(document) == Self.prose)
    }

    @Test func datelinesAreLeftOut() {
        let html = """
            <html><body><article>
            <div>First Published on Nov 20, 2019 01:38 pm</div>
            \(Self.paragraphs())
            <p>Updated 2 hours ago</p>
            <table><tr><td>Nov 20, 2019</td><td>Vote delayed</td></tr></table>
            </article></body></html>
            """
        let document = Self.extract(html)
        #expect(Self.texts(document) == Self.prose + ["Nov 20, 2019", "Vote delayed"])
        let patterns = BoilerplatePatterns.standard
        #expect(patterns.isDateline("Wednesday November 20, 2019"))
        #expect(!patterns.isDateline("May the best team win in 2019"))
        #expect(!patterns.isDateline("November"))
    }

    @Test func headlineJustAboveTheContentIsKept() {
        let html = """
            <html><head><title>Site</title><meta property="og:title" content="OG headline"></head><body>
            \(Self.navigation)
            <div class="article-header"><h1>The real headline</h1><div class="byline">By A. Writer</div></div>
            <div class="article-body">\(Self.paragraphs())</div>
            </body></html>
            """
        let document = Self.extract(html)
        #expect(Self.texts(document).first == "The real headline")
        #expect(!Self.allText(document).contains("A. Writer"))
        #expect(ExtractedContentFormatter.title(of: document) == "The real headline")
    }

    @Test func listsTablesAndQuotesInTheArticleAreKept() {
        let html = """
            <html><body><article>
            \(Self.paragraphs(Array(Self.prose.prefix(2))))
            <ul><li>Flour, two cups</li><li>Water, one cup</li></ul>
            <blockquote><p>We will publish the draft before the end of the month, said the chair.</p></blockquote>
            <table><tr><th>Year</th><th>Budget</th></tr><tr><td>2023</td><td>1.2 million</td></tr></table>
            \(Self.paragraphs(Array(Self.prose.suffix(2))))
            </article></body></html>
            """
        let document = Self.extract(html)
        let kinds = document.blocks.map(\.kind)
        #expect(kinds.contains(.listItem))
        #expect(kinds.contains(.quote))
        #expect(kinds.contains(.tableCell))
        #expect(Self.texts(document).contains("Water, one cup"))
        #expect(Self.texts(document).contains("1.2 million"))
    }

    // MARK: Robustness

    @Test func emptyAndBodilessPages() {
        for html in ["", "   ", "<html></html>", "<html><head><title>Only a title</title></head></html>",
                     "<html><frameset cols=\"50%,50%\"><frame src=\"a.html\"><frame src=\"b.html\"></frameset></html>",
                     "<!-- just a comment -->", "<p>"] {
            let document = Self.extract(html)
            #expect(document.blocks.isEmpty, "\(html)")
        }
        let titled = Self.extract("<html><head><title>Only a title</title></head></html>")
        #expect(titled.metadata.title == "Only a title")
    }

    @Test func pageWithoutProseKeepsItsText() {
        let document = Self.extract("<html><body><div>Short note</div><div>Another one</div></body></html>")
        #expect(Self.texts(document) == ["Short note", "Another one"])
    }

    @Test func everythingInOneDiv() {
        let text = Self.prose.joined(separator: "<br><br>")
        let document = Self.extract("<html><body><div>\(text)</div></body></html>")
        #expect(document.blocks.count == 1)
        #expect(Self.allText(document).contains(Self.prose[3]))
    }

    @Test func deepNesting() {
        let depth = 100_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth) + Self.paragraphs()
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let document = Self.extract(html)
        #expect(Self.texts(document) == Self.prose)
    }

    @Test func manyLinks() {
        let links = String(repeating: "<a href=\"#\">x</a> ", count: 200_000)
        let html = "<html><body><article>\(Self.paragraphs())</article><div>\(links)</div></body></html>"
        let clock = ContinuousClock()
        var document: Document?
        let elapsed = clock.measure { document = Self.extract(html) }
        #expect(Self.texts(document!) == Self.prose)
        #expect(elapsed < .seconds(30))
    }

    // MARK: Positions

    @Test func blocksPointAtTheirSourceLines() {
        let html = """
            <html>
            <body>
            <nav><a href="/">Home</a></nav>
            <article>
            <h1>Title here</h1>
            <p>\(Self.prose[0])</p>

              <p>\(Self.prose[1])</p>
            <p>\(Self.prose[2])</p>
            </article>
            </body>
            </html>
            """
        let document = Self.extract(html)
        let lines = document.blocks.map(\.range.start.line)
        #expect(lines == [5, 6, 8, 9])
        #expect(document.blocks[2].range.start.column == 3)
        // The text of a block maps back to the same bytes in the source.
        let block = document.blocks[1]
        let start = block.range.start.offset
        let source = document.source.bytes
        let expected = Array(Self.prose[0].utf8)
        #expect(Array(source[(start + 3)..<(start + 3 + expected.count)]) == expected)
    }

    // MARK: Patterns

    @Test func classTokens() {
        #expect(BoilerplatePatterns.tokens(of: "sideBar side-bar side_bar") == ["side", "bar", "side", "bar", "side", "bar"])
        #expect(BoilerplatePatterns.tokens(of: "ArticleBody--main") == ["article", "body", "main"])
    }

    @Test func classVerdicts() {
        let patterns = BoilerplatePatterns.standard
        #expect(patterns.classify("site-nav__item") == .boilerplate)
        #expect(patterns.classify("has-sidebar") == .boilerplate)
        #expect(patterns.classify("share-buttons") == .boilerplate)
        #expect(patterns.classify("entry-content") == .content)
        #expect(patterns.classify("ArticleBody") == .content)
        #expect(patterns.classify("wp-caption-text") == .caption)
        #expect(patterns.classify("widget_text") == .boilerplate)
        #expect(patterns.classify("elementor-widget-container") == .none)
        #expect(patterns.classify("header") == .none)
        #expect(patterns.classify("head") == .none)
        #expect(patterns.classify("social-media-embed") == .none)
        #expect(patterns.isBoilerplatePhrase("Advertisement"))
        #expect(patterns.isBoilerplatePhrase("  SHARE THIS ARTICLE: "))
        #expect(!patterns.isBoilerplatePhrase("Advertisement revenue fell"))
    }

    @Test func customPatterns() {
        let patterns = BoilerplatePatterns(lexicon: "# comment\n- promo*\n+ story\n~ credit\n= buy now\n")
        #expect(patterns.classify("promoBox") == .boilerplate)
        #expect(patterns.classify("story") == .content)
        #expect(patterns.classify("photo-credit") == .caption)
        #expect(patterns.classify("nav") == .none)
        #expect(patterns.isBoilerplatePhrase("Buy now!"))
    }

    // MARK: Formatting

    @Test func textFormat() {
        let html = "<html><head><title>Page title</title></head><body><article><h1>Headline</h1>\(Self.paragraphs())<h2>Sub</h2><ul><li>One item</li></ul></article></body></html>"
        let text = ExtractedContentFormatter.text(Self.extract(html))
        #expect(text == (["Headline"] + Self.prose + ["Sub", "One item"]).joined(separator: "\n") + "\n")
        let untitled = ExtractedContentFormatter.text(Self.extract("<html><head><title>Page title</title></head><body><article>\(Self.paragraphs())</article></body></html>"))
        #expect(untitled.hasPrefix("Page title\n" + Self.prose[0] + "\n"))
        let bodyOnly = ExtractedContentFormatter.render(Self.extract(html), as: .text, includesTitle: false)
        #expect(bodyOnly == (Self.prose + ["Sub", "One item"]).joined(separator: "\n") + "\n")
    }

    @Test func markdownFormat() {
        let html = """
            <html><body><article><h1>Headline</h1>
            <p>\(Self.prose[0]) See <a href="https://example.com/report">the report</a> for details.</p>
            <h2>Details</h2><ul><li>First point</li><li>Second point</li></ul>
            <img src="photo.jpg" alt="A photo">
            <blockquote><p>\(Self.prose[1])</p></blockquote>
            <p>\(Self.prose[2])</p><p>\(Self.prose[3])</p>
            </article></body></html>
            """
        let markdown = ExtractedContentFormatter.markdown(Self.extract(html))
        #expect(markdown.hasPrefix("# Headline\n"))
        #expect(markdown.contains("[the report](https://example.com/report)"))
        #expect(markdown.contains("## Details\n"))
        #expect(markdown.contains("- First point\n- Second point\n"))
        #expect(markdown.contains("![A photo](photo.jpg)"))
        #expect(markdown.contains("> " + Self.prose[1]))
    }

    struct JSONPage: Decodable {
        struct JSONBlock: Decodable {
            var kind: String
            var level: Int?
            var text: String
            var line: Int
            var column: Int
        }
        struct JSONLink: Decodable { var url: String; var text: String; var line: Int }
        var path: String
        var title: String
        var wordCount: Int
        var blocks: [JSONBlock]
        var links: [JSONLink]
    }

    @Test func jsonFormat() throws {
        let html = "<html><body><article>\n<h1>Head \"quoted\"</h1>\n\(Self.paragraphs())\n<p>Tab\there and a <a href=\"/x\">link</a>, with commas, long enough to be prose in the article.</p></article></body></html>"
        let json = ExtractedContentFormatter.json(Self.extract(html, path: "dir/page.html"))
        let page = try JSONDecoder().decode(JSONPage.self, from: Data(json.utf8))
        #expect(page.path == "dir/page.html")
        #expect(page.title == "Head \"quoted\"")
        #expect(page.blocks.first?.kind == "heading")
        #expect(page.blocks.first?.level == 1)
        #expect(page.blocks.first?.line == 2)
        #expect(page.blocks.count == 6)
        #expect(page.links.first?.url == "/x")
        #expect(page.wordCount > 60)
    }

    @Test func wordCounting() {
        #expect(ExtractedContentFormatter.wordCount("It's a well-known fact — 42 times.") == 6)
        #expect(ExtractedContentFormatter.wordCount("") == 0)
    }
}
