@testable import SEOKit
import Testing

/// Raw HTML in Markdown made only of comments and closing tags is read without libxml2
/// (`HTMLFragment.readSimpleFragment`); what it reads must be what libxml2's parse gives.
@Suite struct HTMLFragmentTests {
    /// The fragment read both ways: the fast path's builder (nil when it declined) and libxml2's.
    func readBothWays(_ fragment: String) -> (fast: DocumentBuilder?, parsed: DocumentBuilder) {
        let bytes = Array(fragment.utf8)
        let source = SourceText(bytes: bytes)
        var fast = DocumentBuilder(source: source)
        let handled = HTMLFragment.readSimpleFragment(bytes, baseOffset: 0, into: &fast)
        var parsed = DocumentBuilder(source: source)
        HTMLContentWalker(tree: HTMLTree.parse(bytes, baseOffset: 0)).walk(from: HTMLTree.root, into: &parsed)
        return (handled ? fast : nil, parsed)
    }

    @Test(arguments: [
        "<!-- seokit-disable headings.single-h1 -->",
        "<!-- seokit-disable-next-line links.empty -->\n",
        "</aside>",
        "</div >\n</section>",
        "  <!-- one -->\n<!--two-->\n</aside>\n",
        "<!-- café ✓ -->",
        "<!-- a - b -->",
    ])
    func readAsLibxml2ReadsIt(fragment: String) throws {
        let (fast, parsed) = readBothWays(fragment)
        var builder = try #require(fast, "the fast path should take \(fragment.debugDescription)")
        #expect(builder.comments == parsed.comments)
        var parsedBuilder = parsed
        #expect(builder.finish().0.bytes == parsedBuilder.finish().0.bytes)
        #expect(parsed.links.isEmpty && parsed.images.isEmpty)
    }

    @Test(arguments: [
        "<!-- a -- b -->",
        "<!--->",
        "<!-->",
        "<!-- x ---> ",
        "<!-- x --> text",
        "<p>x</p>",
        "<img src=a.png alt=A>",
        "</>",
        "<!-- unterminated",
        "<!-- \u{1} -->",
    ])
    func everythingElseGoesToLibxml2(fragment: String) {
        #expect(readBothWays(fragment).fast == nil)
    }
}
