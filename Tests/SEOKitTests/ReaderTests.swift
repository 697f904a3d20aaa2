import SEOKitTestSupport
import Testing
@testable import SEOKit

/// What the Markdown, HTML and plain-text readers put in a `Document`.
@Suite struct ReaderTests {
    static func texts(_ document: Document, _ kind: Block.Kind? = nil) -> [String] {
        document.blocks.filter { kind == nil || $0.kind == kind }.map { document.text(of: $0) }
    }

    static func markdown(_ text: String) throws -> Document { try Read.document(text, .markdown) }
    static func html(_ text: String) throws -> Document { try Read.document(text, .html) }

    /// The cause of the error reading `text` throws, or `nil` when it reads fine.
    static func failure(_ text: String, _ format: InputFormat = .markdown) -> InputError.Cause? {
        do {
            _ = try Read.document(text, format)
            return nil
        } catch {
            return error.cause
        }
    }

    // MARK: Front matter: YAML

    @Test func yamlFields() throws {
        let document = try Self.markdown("""
            ---
            title: "Sourdough for beginners"
            description: A gentle introduction to baking with a starter.
            slug: sourdough-basics
            keyphrase: sourdough starter
            synonyms: [wild yeast starter, levain]
            lang: en-GB
            draft: true
            seokit:
              disable: [links.outbound, images.alt]
            ---

            Body text.
            """)
        let metadata = document.metadata
        #expect(metadata.title == "Sourdough for beginners")
        #expect(metadata.description == "A gentle introduction to baking with a starter.")
        #expect(metadata.slug == "sourdough-basics")
        #expect(metadata.keyphrases == ["sourdough starter"])
        #expect(metadata.synonyms == ["wild yeast starter", "levain"])
        #expect(metadata.language == "en-GB")
        #expect(metadata.isDraft)
        #expect(metadata.disabledRules == ["links.outbound", "images.alt"])
        // Front matter is not prose.
        #expect(Self.texts(document) == ["Body text."])
    }

    @Test(arguments: ["keyphrase", "keyphrases", "keyword", "focus_keyphrase", "focusKeyphrase", "focus_keyword"])
    func keyphraseKeys(key: String) throws {
        let document = try Self.markdown("---\n\(key): cast iron\n---\nText.\n")
        #expect(document.metadata.keyphrases == ["cast iron"])
        #expect(document.metadata.fieldRanges[.keyphrase]?.start.line == 2)
    }

    @Test func keyphraseListKeepsOrderAndDropsBlanks() throws {
        let document = try Self.markdown("""
            ---
            keyphrases: ["  winter cycling ", bike commuting, ""]
            ---
            Text.
            """)
        #expect(document.metadata.keyphrases == ["winter cycling", "bike commuting"])
    }

    /// The first key present wins; an empty (null) key does not count as present.
    @Test func firstMappedKeyWins() throws {
        let document = try Self.markdown("""
            ---
            seo_title: SEO title
            title: Page title
            keyphrase:
            focus_keyphrase: fallback phrase
            summary: From summary
            ---
            Text.
            """)
        #expect(document.metadata.title == "Page title")
        #expect(document.metadata.keyphrases == ["fallback phrase"])
        #expect(document.metadata.description == "From summary")
    }

    @Test(arguments: [
        ("synonyms: [levain, wild yeast]", ["levain", "wild yeast"]),
        ("synonyms: \"levain, wild yeast ,  mother dough\"", ["levain", "wild yeast", "mother dough"]),
        ("synonyms: levain", ["levain"]),
        ("keyphrase_synonyms: [a, b]", ["a", "b"]),
        ("synonyms: []", []),
    ])
    func synonymForms(line: String, expected: [String]) throws {
        let document = try Self.markdown("---\n\(line)\n---\nText.\n")
        #expect(document.metadata.synonyms == expected)
    }

    @Test(arguments: [
        ("draft: true", true), ("draft: false", false), ("draft: yes", true), ("draft: \"no\"", false),
        ("draft: 1", true), ("title: no draft key", false),
    ])
    func draftFlag(line: String, expected: Bool) throws {
        let document = try Self.markdown("---\n\(line)\n---\nText.\n")
        #expect(document.metadata.isDraft == expected)
    }

    @Test func scalarsBecomeText() throws {
        let document = try Self.markdown("---\ntitle: 2024\ndescription: 3.5\nlang: en\n---\nText.\n")
        #expect(document.metadata.title == "2024")
        #expect(document.metadata.description == "3.5")
    }

    @Test func slugFromPathWhenFrontMatterHasNone() throws {
        let reader = DocumentReader()
        #expect(try reader.read(string: "Text.", path: "posts/2024-05-01-my-first-post.md", format: .markdown).metadata.slug == "my-first-post")
        #expect(try reader.read(string: "Text.", path: "guides/cast-iron/index.md", format: .markdown).metadata.slug == "cast-iron")
        #expect(try reader.read(string: "Text.", path: "-", format: .markdown).metadata.slug == nil)
    }

    @Test func noFrontMatterWhenFirstLineIsNotADelimiter() throws {
        let document = try Self.markdown("\n---\ntitle: not front matter\n---\n")
        #expect(document.metadata.title == nil)
        #expect(document.metadata.frontMatterRange == nil)
    }

    // MARK: Front matter: TOML

    @Test func tomlFields() throws {
        let document = try Self.markdown("""
            +++
            title = "Winter cycling"
            description = "Lights, tyres and layers."
            keyphrases = ["winter cycling", "bike commuting"]
            synonyms = ["cycling in winter"]
            lang = "en-GB"
            draft = true
            date = 2023-12-04

            [seokit]
            disable = ["meta.description.length"]

            [extra]
            title = "not the page title"
            +++

            Body.
            """)
        let metadata = document.metadata
        #expect(metadata.title == "Winter cycling")
        #expect(metadata.description == "Lights, tyres and layers.")
        #expect(metadata.keyphrases == ["winter cycling", "bike commuting"])
        #expect(metadata.synonyms == ["cycling in winter"])
        #expect(metadata.language == "en-GB")
        #expect(metadata.isDraft)
        #expect(metadata.disabledRules == ["meta.description.length"])
        #expect(metadata.fieldRanges[.title]?.start.line == 2)
        #expect(metadata.fieldRanges[.keyphrase]?.start.line == 4)
        #expect(Self.texts(document) == ["Body."])
    }

    @Test func tomlCorpusDraft() throws {
        let document = try DocumentReader().read(path: Repository.path("Corpora/drafts/edge-toml-zola.md"))
        #expect(document.metadata.title == "Winter Cycling: Commuting by Bike When It Is Cold and Dark")
        #expect(document.metadata.keyphrases == ["winter cycling", "bike commuting"])
        #expect(document.metadata.description?.hasPrefix("How to keep commuting by bike through winter") == true)
        #expect(document.metadata.isDraft == false)
    }

    // MARK: Front matter: errors

    @Test func malformedYAMLReportsTheFileLine() {
        // Line 4 of the file holds a second colon where YAML allows none.
        let cause = Self.failure("""
            ---
            title: Fine
            slug: fine
            description: this: breaks
            ---
            Body.
            """)
        guard case .malformedFrontMatter(let line, let detail)? = cause else {
            Issue.record("expected malformedFrontMatter, got \(String(describing: cause))")
            return
        }
        #expect(line == 4)
        #expect(!detail.isEmpty)
    }

    @Test func malformedYAMLUnclosedFlowSequence() {
        let cause = Self.failure("""
            ---
            title: Fine
            tags: [one, two
            slug: x
            ---
            Body.
            """)
        guard case .malformedFrontMatter(let line, _)? = cause else {
            Issue.record("expected malformedFrontMatter, got \(String(describing: cause))")
            return
        }
        // The error is found at or after the unclosed bracket (line 3), never before it and
        // never past the closing delimiter (line 5).
        #expect(line.map { (3...5).contains($0) } == true, "line \(String(describing: line))")
    }

    @Test func yamlThatIsNotAMapping() {
        let cause = Self.failure("---\n- one\n- two\n---\nBody.\n")
        guard case .malformedFrontMatter(let line, _)? = cause else {
            Issue.record("expected malformedFrontMatter, got \(String(describing: cause))")
            return
        }
        #expect(line == 2)
    }

    @Test func malformedTOMLReportsTheFileLine() {
        let cause = Self.failure("""
            +++
            title = "Fine"
            draft = maybe
            +++
            Body.
            """)
        guard case .malformedFrontMatter(let line, _)? = cause else {
            Issue.record("expected malformedFrontMatter, got \(String(describing: cause))")
            return
        }
        #expect(line == 3)
    }

    @Test(arguments: ["---\ntitle: never closed\n\nBody text.\n", "+++\ntitle = \"never closed\"\n\nBody.\n"])
    func unclosedFrontMatter(text: String) {
        let cause = Self.failure(text)
        guard case .malformedFrontMatter(let line, let detail)? = cause else {
            Issue.record("expected malformedFrontMatter, got \(String(describing: cause))")
            return
        }
        #expect(line == 1)
        #expect(detail.contains("never closed"))
    }

    @Test func malformedFrontMatterMessageNamesFileAndLine() throws {
        let error = InputError(path: "posts/a.md", cause: .malformedFrontMatter(line: 4, detail: "bad"))
        #expect(error.description == "posts/a.md: malformed front matter at line 4: bad")
    }

    // MARK: Markdown content

    @Test func markdownBlockKinds() throws {
        let document = try Self.markdown("""
            # Title

            Paragraph one.

            - Item
            1. Step

            > Quote

            | A | B |
            |---|---|
            | c | d |

            ```swift
            let code = true
            ```

                indented code
            """)
        #expect(document.blocks.map(\.kind) == [.heading, .paragraph, .listItem, .listItem, .quote, .tableCell, .tableCell, .tableCell, .tableCell, .code, .code])
        #expect(Self.texts(document, .code) == ["let code = true", "indented code"])
        #expect(document.blocks.first?.level == 1)
    }

    /// Code is kept in the document but is not prose: the text engine never sees it.
    @Test func codeBlocksAreKeptButNotProse() throws {
        let document = try Self.markdown("""
            Intro words here.

            ```
            let value = compute(everything) // many words in code
            ```
            """)
        let code = document.blocks.first { $0.kind == .code }
        #expect(code != nil)
        #expect(code?.isProse == false)
        #expect(document.proseBlocks.count == 1)
        let analysed = Analysed(document)
        #expect(analysed.words == ["Intro", "words", "here"])
        #expect(analysed.statistics.words == 3)
    }

    @Test func htmlCommentsInMarkdownAreKeptAndAreNotProse() throws {
        let document = try Self.markdown("""
            Visible text.

            <!-- seokit-disable keyphrase.density -->

            More <!-- inline --> text.
            """)
        #expect(document.comments.map(\.text) == [" seokit-disable keyphrase.density ", " inline "])
        #expect(Analysed(document).words == ["Visible", "text", "More", "text"])
    }

    @Test func rawHTMLBlocksInMarkdown() throws {
        let document = try Self.markdown("""
            Before the box.

            <div class="callout">
              <p><strong>Tip:</strong> Dim the screen first.</p>
              <script>trackEverything()</script>
            </div>

            <figure>
              <img src="/tripod.jpg" alt="A tripod">
              <figcaption>Thirty seconds, no editing.</figcaption>
            </figure>

            After the box.
            """)
        #expect(Self.texts(document) == ["Before the box.", "Tip: Dim the screen first.", "Thirty seconds, no editing.", "After the box."])
        #expect(document.images.map(\.source) == ["/tripod.jpg"])
        #expect(document.images.first?.alt == "A tripod")
    }

    @Test func markdownImagesAndLinks() throws {
        let document = try Self.markdown("""
            ![Alt text](a.png) ![](b.png "Title B") <img src="c.png"> <img src="d.png" alt="">

            A [plain link](https://example.com) and <https://auto.example.org> and www.example.net.
            """)
        #expect(document.images.map(\.source) == ["a.png", "b.png", "c.png", "d.png"])
        #expect(document.images.map(\.alt) == ["Alt text", "", nil, ""])
        #expect(document.images[1].title == "Title B")
        #expect(document.links.map(\.url) == ["https://example.com", "https://auto.example.org", "http://www.example.net"])
        #expect(document.links.first?.text == "plain link")
        #expect(document.links.allSatisfy { $0.rel.isEmpty })
    }

    @Test func markdownTables() throws {
        let document = try Self.markdown("""
            | Item | Weight (g) | Notes |
            |:-----|-----------:|-------|
            | Rain jacket | 380 | Taped **seams** |
            | Phone \\| power bank | 310 | |
            """)
        #expect(Self.texts(document, .tableCell) == ["Item", "Weight (g)", "Notes", "Rain jacket", "380", "Taped seams", "Phone | power bank", "310"])
    }

    @Test func mdxIsReadAsMarkdown() throws {
        let reader = DocumentReader()
        #expect(reader.format(for: "post.mdx") == .markdown)
        #expect(reader.format(for: "dir.v2/README.MARKDOWN") == .markdown)
        #expect(reader.format(for: "page.htm") == .html)
        #expect(reader.format(for: "notes.txt") == .text)
        #expect(reader.format(for: "Makefile") == nil)
        #expect(reader.format(for: "report.docx") == nil)
        let document = try reader.read(path: Repository.path("Corpora/drafts/edge-component.mdx"))
        #expect(document.format == .markdown)
        #expect(document.metadata.title == "Keyboard Shortcuts Every Spreadsheet User Should Know")
        #expect(document.headings.contains { document.text(of: $0) == "Moving around" })
    }

    @Test func formatOverrideWins() throws {
        let reader = DocumentReader(options: ReadOptions(formatOverride: .html))
        #expect(reader.format(for: "notes.txt") == .html)
    }

    // MARK: HTML content and metadata

    @Test func htmlMetadata() throws {
        let document = try Self.html("""
            <!doctype html>
            <html lang="fr-CA">
            <head>
              <title>  Bread
                 at home </title>
              <meta name="description" content="How to  bake bread at home.">
              <meta name="robots" content="noindex, nofollow">
              <meta property="og:title" content="Bread (OG)">
              <meta property="og:description" content="OG description">
              <meta name="keyphrase" content="home bread">
              <meta name="seokit:synonyms" content="homemade bread, loaf">
              <meta name="seokit:disable" content="links.outbound, images.alt">
              <link rel="canonical" href="https://example.com/recipes/bread-at-home?ref=x">
            </head>
            <body><p>Text.</p></body></html>
            """)
        let metadata = document.metadata
        #expect(metadata.title == "Bread at home")
        #expect(metadata.description == "How to bake bread at home.")
        #expect(metadata.robots == "noindex, nofollow")
        #expect(metadata.language == "fr-CA")
        #expect(metadata.openGraphTitle == "Bread (OG)")
        #expect(metadata.openGraphDescription == "OG description")
        #expect(metadata.keyphrases == ["home bread"])
        #expect(metadata.synonyms == ["homemade bread", "loaf"])
        #expect(metadata.disabledRules == ["links.outbound", "images.alt"])
        #expect(metadata.canonical == "https://example.com/recipes/bread-at-home?ref=x")
        #expect(metadata.slug == "bread-at-home")
        #expect(Self.texts(document) == ["Text."])
    }

    @Test func htmlNonProseContentIsExcluded() throws {
        let document = try Self.html("""
            <html><head><style>p { color: red }</style><script>var head = "script words";</script></head>
            <body>
            <p>Visible one.</p>
            <script>document.write("script words")</script>
            <style>.x { content: "style words" }</style>
            <noscript><p>Noscript words.</p></noscript>
            <template><p>Template words.</p></template>
            <div hidden><p>Hidden attribute words.</p></div>
            <p aria-hidden="true">Aria hidden words.</p>
            <div style="display: none">Display none words.</div>
            <span style="visibility:hidden">Invisible words.</span>
            <svg><text>Svg words</text></svg>
            <p>Visible two.</p>
            </body></html>
            """)
        #expect(Self.texts(document) == ["Visible one.", "Visible two."])
    }

    @Test func htmlCodeIsKeptButNotProse() throws {
        let document = try Self.html("""
            <body><p>Run this:</p><pre><code>make   install
            make test</code></pre></body>
            """)
        let code = document.blocks.filter { $0.kind == .code }
        #expect(code.count == 1)
        #expect(code.first.map { document.text(of: $0) } == "make   install\nmake test")
        #expect(Analysed(document).words == ["Run", "this"])
    }

    @Test func htmlImagesAltNilVersusEmpty() throws {
        let document = try Self.html("""
            <body><img src="none.png"><img src="empty.png" alt=""><img src="text.png" alt="A dog" title="Dog">
            <img data-src="lazy.png" alt="Lazy"></body>
            """)
        #expect(document.images.map(\.source) == ["none.png", "empty.png", "text.png", "lazy.png"])
        #expect(document.images.map(\.alt) == [nil, "", "A dog", "Lazy"])
        #expect(document.images[2].title == "Dog")
    }

    @Test func htmlLinksAndRel() throws {
        let document = try Self.html("""
            <body><p>See <a href="/a" rel="NoFollow  Sponsored">the first</a>, <a href="https://b.example">second <em>one</em></a>
            and <a href="/c" aria-label="Close"><img src="x.png"></a>.</p></body>
            """)
        #expect(document.links.map(\.url) == ["/a", "https://b.example", "/c"])
        #expect(document.links.map(\.rel) == [["nofollow", "sponsored"], [], []])
        #expect(document.links.map(\.text) == ["the first", "second one", "Close"])
    }

    @Test func htmlTablesListsAndQuotes() throws {
        let document = try Self.html("""
            <body>
            <table><thead><tr><th>Name</th><th>Price</th></tr></thead>
            <tbody><tr><td>Tea</td><td>3 €</td></tr></tbody></table>
            <ul><li>First</li><li>Second <b>bold</b></li></ul>
            <blockquote><p>Quoted words.</p></blockquote>
            <h2>Sub heading</h2>
            </body>
            """)
        #expect(Self.texts(document, .tableCell) == ["Name", "Price", "Tea", "3 €"])
        #expect(Self.texts(document, .listItem) == ["First", "Second bold"])
        #expect(Self.texts(document, .quote) == ["Quoted words."])
        #expect(document.headings.map(\.level) == [2])
    }

    @Test func htmlUnclosedParagraphsAndUppercaseTags() throws {
        let document = try Self.html("""
            <HTML LANG="en-GB"><BODY>
            <H1>Title &amp; more</H1>
            <P>First paragraph never closed.
            <P>Second one.
            </BODY></HTML>
            """)
        #expect(Self.texts(document) == ["Title & more", "First paragraph never closed.", "Second one."])
        #expect(document.metadata.language == "en-GB")
    }

    @Test func htmlCorpusPage() throws {
        let document = try DocumentReader().read(path: Repository.path("Corpora/drafts/edge-html-entities.html"))
        #expect(document.metadata.title == "Ampersands & Other Typographic Marks You Use Every Day")
        #expect(document.metadata.canonical == "https://type-notes.example.net/essays/typographic-marks")
        #expect(document.metadata.keyphrases == ["typographic marks"])
        let all = Self.texts(document).joined(separator: "\n")
        #expect(!all.contains("inside a template"))
        #expect(!all.contains("hidden attribute"))
        #expect(!all.contains("Visually hidden promo"))
        #expect(Self.texts(document, .heading).first == "Ampersands & Other Typographic Marks")
    }

    // MARK: Plain text

    @Test func plainTextParagraphs() throws {
        let document = try Read.document("""
              Title line

            A paragraph that is
            hard wrapped.
            \t
            Second paragraph.
            """, .text)
        #expect(Self.texts(document) == ["Title line", "A paragraph that is\nhard wrapped.", "Second paragraph."])
        #expect(document.blocks.allSatisfy { $0.kind == .paragraph })
        #expect(document.blocks.first?.range.start.column == 3)
        #expect(Analysed(document).sentences == ["Title line", "A paragraph that is hard wrapped.", "Second paragraph."])
    }

    @Test func emptyInputs() throws {
        for format in InputFormat.allCases {
            let document = try Read.document("", format)
            #expect(document.blocks.isEmpty, "\(format)")
            let whitespace = try Read.document("  \n\n \t\n", format)
            #expect(whitespace.blocks.filter(\.isProse).isEmpty, "\(format)")
        }
    }

    // MARK: Files

    @Test func fileErrors() throws {
        let directory = try TemporaryDirectory()
        let reader = DocumentReader()
        #expect(throws: InputError(path: directory.url("missing.md"), cause: .notFound)) {
            try reader.read(path: directory.url("missing.md"))
        }
        #expect(throws: InputError(path: directory.path, cause: .isDirectory)) {
            try reader.read(path: directory.path)
        }
        let docx = try directory.write("report.docx", "text")
        #expect(throws: InputError(path: docx, cause: .unsupportedFormat("docx"))) {
            try reader.read(path: docx)
        }
        let big = try directory.write("big.md", String(repeating: "word ", count: 1000))
        let small = DocumentReader(options: ReadOptions(sizeLimit: 100))
        #expect(throws: InputError(path: big, cause: .tooLarge(bytes: 5000, limit: 100))) {
            try small.read(path: big)
        }
        #expect(try DocumentReader(options: ReadOptions(sizeLimit: 0)).read(path: big).blocks.count == 1)
    }

    @Test func readsEveryDraftWithoutError() throws {
        let files = Repository.files(in: "Corpora/drafts", extensions: ["md", "mdx", "html", "txt"])
        #expect(files.count >= 20)
        for path in files {
            let document = try DocumentReader().read(path: path)
            #expect(!document.blocks.isEmpty, "\(path)")
            #expect(document.notes.isEmpty, "\(path): \(document.notes)")
        }
    }
}
