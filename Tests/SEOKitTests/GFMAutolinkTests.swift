@testable import SEOKit
import Testing

/// GFM extended autolinks, found by SEOKit in cmark's text nodes (see `GFMAutolinks`): the
/// cases of the GFM spec's section 6.9 and the ones a corpus comparison with cmark-gfm's own
/// extension turned up.
@Suite struct GFMAutolinkTests {
    private func links(_ text: String) -> [String] {
        let bytes = Array(text.utf8)
        let matches = bytes.withUnsafeBufferPointer { GFMAutolinks.find(in: $0) }
        return matches.map { String(decoding: bytes[$0.range], as: UTF8.self) + " → " + $0.url }
    }

    @Test func addressesAndSchemes() {
        #expect(links("Visit www.commonmark.org/help for more.") == ["www.commonmark.org/help → http://www.commonmark.org/help"])
        #expect(links("See https://example.com/a?b=c#d and http://x.example.org") ==
            ["https://example.com/a?b=c#d → https://example.com/a?b=c#d", "http://x.example.org → http://x.example.org"])
        #expect(links("ftp://files.example.net/pub") == ["ftp://files.example.net/pub → ftp://files.example.net/pub"])
        #expect(links("mail foo@bar.baz now") == ["foo@bar.baz → mailto:foo@bar.baz"])
        #expect(links("hello@mail+xyz.example isn't valid, but hello+xyz@mail.example is") == ["hello+xyz@mail.example → mailto:hello+xyz@mail.example"])
    }

    @Test func trailingPunctuationAndParentheses() {
        #expect(links("Visit www.commonmark.org.") == ["www.commonmark.org → http://www.commonmark.org"])
        #expect(links("Visit www.commonmark.org/a.b.") == ["www.commonmark.org/a.b → http://www.commonmark.org/a.b"])
        #expect(links("(Visit https://encrypted.google.com/search?q=Markup+(business))") ==
            ["https://encrypted.google.com/search?q=Markup+(business) → https://encrypted.google.com/search?q=Markup+(business)"])
        #expect(links("www.google.com/search?q=Markup+(business)))") ==
            ["www.google.com/search?q=Markup+(business) → http://www.google.com/search?q=Markup+(business)"])
        #expect(links("www.google.com/search?q=commonmark&hl;") == ["www.google.com/search?q=commonmark → http://www.google.com/search?q=commonmark"])
        #expect(links("a.b-c_d@a.b.") == ["a.b-c_d@a.b → mailto:a.b-c_d@a.b"])
    }

    @Test func whatIsNotALink() {
        // No period in the domain, underscores in the last two segments, a letter before the
        // scheme, "www." inside a word, an address ending in - or _.
        #expect(links("http://localhost:8080 and www") == [])
        #expect(links("www.xxx.yyy._zzz and www.xxx._yyy.zzz") == [])
        #expect(links("xhttps://example.com and awww.example.com") == [])
        #expect(links("a.b-c_d@a.b- and a.b-c_d@a.b_") == [])
        #expect(links("www.commonmark.org/he<lp") == ["www.commonmark.org/he → http://www.commonmark.org/he"])
    }

    @Test func schemesAfterPunctuationAsCmarkGFMHasThem() {
        // Found comparing with cmark-gfm's extension on the Rust blog: a scheme needs no space
        // before it, only no letter.
        #expect(links("fixed check builds:https://github.com/rust-lang/rust/pull/140000, which") ==
            ["https://github.com/rust-lang/rust/pull/140000 → https://github.com/rust-lang/rust/pull/140000"])
        #expect(links("<https://github.com/a/b/pull/1 <") == ["https://github.com/a/b/pull/1 → https://github.com/a/b/pull/1"])
    }

    @Test func readerRecordsAutolinksWithTheirPositionsAndLeavesStrikethroughAsText() throws {
        let text = "---\ntitle: T\n---\nRead ~~old~~ www.example.com/x, or *https://example.org*; [in a link www.no.example](/local).\n"
        let document = try DocumentReader().read(bytes: Array(text.utf8), path: "post.md", format: .markdown)
        #expect(document.links.map(\.url) == ["http://www.example.com/x", "https://example.org", "/local"])
        let first = document.links[0]
        #expect(first.text == "www.example.com/x")
        #expect(first.range.start.line == 4 && first.range.start.column == 14)
        #expect(first.range.end.column == 31)
        let prose = document.text(of: document.blocks[0])
        #expect(prose.hasPrefix("Read ~~old~~ www.example.com/x"))
    }

    @Test func tablesStillParseWithOrWithoutOtherPipes() throws {
        let table = "| Item | Grams |\n| --- | ---: |\n| Flour | 500 |\n"
        let document = try DocumentReader().read(bytes: Array(table.utf8), path: "t.md", format: .markdown)
        #expect(document.blocks.map(\.kind) == [.tableCell, .tableCell, .tableCell, .tableCell])
        let code = "Closures like `|x| x + 1` and\n\n```\nlet f = |a| a;\n```\n"
        let plain = try DocumentReader().read(bytes: Array(code.utf8), path: "c.md", format: .markdown)
        #expect(plain.blocks.first?.kind == .paragraph)
        #expect(MarkdownReader.pipeUse(Array(code.utf8), from: 0) == (delimiterRow: false, inText: false))
        #expect(MarkdownReader.pipeUse(Array(table.utf8), from: 0) == (delimiterRow: true, inText: true))
        #expect(MarkdownReader.pipeUse(Array("a | b\n".utf8), from: 0) == (delimiterRow: false, inText: true))
    }
}
