import Foundation
import SEOKit
import SEOKitTestSupport
import Testing
@testable import SEOKit

/// `CompareHTMLReport`: structure, escaping of hostile input, the Content-Security-Policy,
/// determinism. `scripts/browser-test.sh` loads the same reports in headless Chromium.
@Suite struct HTMLReportTests {
    static let corpus = "Corpora/competitors/sourdough-starter"

    /// The sourdough corpus compared as `seokit compare` does it.
    static func sourdough() throws -> (CompetitorComparison, Document) {
        let draft = try DocumentReader().read(path: Repository.path(corpus + "/draft.md"))
        let pages = try ComparisonPages.load(folder: Repository.path(corpus + "/pages"))
        let comparison = try CompetitorComparison(draft: draft, competitors: pages.pages, keyphrases: ["sourdough starter"])
        return (comparison, draft)
    }

    static let hostileStrings = [
        "</script><script>alert('term')</script>",
        "</style><img src=x onerror=alert('topic')>",
        "\"><svg onload=alert('attr')>",
        "' onmouseover='alert(1)",
        "line\u{2028}separator\u{2029}paragraph",
        "right-to-left \u{202E}elbbub\u{202C} override",
        "<!-- comment --> ]]> <![CDATA[ x ]]>",
        "javascript:alert('scheme')",
        "nul\u{0}byte and \u{1B}escape",
    ]

    /// The hostile page as the draft and as a competitor, hostile sources, and hostile strings
    /// put into every text field of the model.
    static func hostile() throws -> (CompetitorComparison, Document) {
        let hostileBytes = try Repository.bytes("Corpora/competitors/hostile/01-hostile-page.html")
        let draft = try DocumentReader().read(bytes: hostileBytes, path: "drafts/<script>alert('path')</script>.html", format: .html)
        var pages = [try ComparisonPages.page(bytes: hostileBytes, source: "javascript:alert('source')", rank: 1)]
        let sources = ["https://evil.example/\"><script>alert('href')</script>", "data:text/html;base64,PHNjcmlwdD4=", "HTTPS://example.com/ok?a=1&b=2"]
        for (index, name) in Repository.files(in: corpus + "/pages", extensions: ["html"]).prefix(3).enumerated() {
            let bytes = try Array(Data(contentsOf: URL(fileURLWithPath: name)))
            pages.append(try ComparisonPages.page(bytes: bytes, source: sources[index], rank: index + 2))
        }
        let leftOut = [LeftOutPage(source: "https://x.example/</li><script>alert('left')</script>", reason: hostileStrings[1])]
        var comparison = try CompetitorComparison(
            draft: draft, competitors: pages, keyphrases: ["sourdough starter", hostileStrings[2]], leftOut: leftOut)
        let strings = hostileStrings
        for index in comparison.terms.indices {
            comparison.terms[index].term = strings[index % strings.count]
            comparison.terms[index].forms = [strings[(index + 1) % strings.count], strings[(index + 2) % strings.count]]
        }
        for index in comparison.topics.indices {
            comparison.topics[index].label = strings[(index + 3) % strings.count]
            comparison.topics[index].keyTerms = [strings[(index + 4) % strings.count]]
            comparison.topics[index].draftHeading = strings[(index + 5) % strings.count]
        }
        for index in comparison.metrics.indices {
            comparison.metrics[index].suggestion = strings[index % strings.count]
        }
        for index in comparison.score.contributions.indices {
            comparison.score.contributions[index].advice = strings[(index + 6) % strings.count]
            if comparison.score.contributions[index].kind == .term {
                comparison.score.contributions[index].name = strings[index % strings.count]
            }
        }
        comparison.draft.title = strings[0]
        comparison.draft.source = strings[1]
        for index in comparison.competitors.indices {
            comparison.competitors[index].title = strings[(index + 7) % strings.count]
        }
        return (comparison, draft)
    }

    // MARK: A tiny tag scanner (only what the assertions need)

    struct Tag {
        var name: String
        var isClosing: Bool
        var attributes: [(name: String, value: String)]
    }

    /// The tags of an HTML string, outside `<script>` and `<style>` contents.
    static func tags(_ html: String) -> [Tag] {
        let bytes = Array(html.utf8)
        var tags: [Tag] = []
        var index = 0
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A }
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else { index += 1; continue }
            var cursor = index + 1
            let closing = bytes[cursor] == UInt8(ascii: "/")
            if closing { cursor += 1 }
            guard cursor < bytes.count, isLetter(bytes[cursor]) else { index += 1; continue }
            let nameStart = cursor
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">"), bytes[cursor] != UInt8(ascii: " "), bytes[cursor] != UInt8(ascii: "/"), bytes[cursor] != UInt8(ascii: "\n") { cursor += 1 }
            let name = String(decoding: bytes[nameStart..<cursor], as: UTF8.self).lowercased()
            var attributes: [(String, String)] = []
            while cursor < bytes.count, bytes[cursor] != UInt8(ascii: ">") {
                if bytes[cursor] == UInt8(ascii: " ") || bytes[cursor] == UInt8(ascii: "/") || bytes[cursor] == UInt8(ascii: "\n") { cursor += 1; continue }
                let attributeStart = cursor
                while cursor < bytes.count, bytes[cursor] != UInt8(ascii: "="), bytes[cursor] != UInt8(ascii: " "), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                let attributeName = String(decoding: bytes[attributeStart..<cursor], as: UTF8.self).lowercased()
                var value = ""
                if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "=") {
                    cursor += 1
                    if cursor < bytes.count, bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                        let quote = bytes[cursor]
                        cursor += 1
                        let valueStart = cursor
                        while cursor < bytes.count, bytes[cursor] != quote { cursor += 1 }
                        value = String(decoding: bytes[valueStart..<min(cursor, bytes.count)], as: UTF8.self)
                        cursor += 1
                    } else {
                        let valueStart = cursor
                        while cursor < bytes.count, bytes[cursor] != UInt8(ascii: " "), bytes[cursor] != UInt8(ascii: ">") { cursor += 1 }
                        value = String(decoding: bytes[valueStart..<cursor], as: UTF8.self)
                    }
                }
                attributes.append((attributeName, value))
            }
            tags.append(Tag(name: name, isClosing: closing, attributes: attributes))
            index = cursor + 1
            // Skip raw text elements' contents.
            if !closing, name == "script" || name == "style" {
                let end = "</" + name
                if let range = String(decoding: bytes[index...], as: UTF8.self).range(of: end) {
                    index += String(decoding: bytes[index...], as: UTF8.self)[..<range.lowerBound].utf8.count
                }
            }
        }
        return tags
    }

    static func count(_ needle: String, in haystack: String) -> Int {
        haystack.lowercased().components(separatedBy: needle.lowercased()).count - 1
    }

    static func between(_ html: String, _ open: String, _ close: String) -> String? {
        guard let start = html.range(of: open), let end = html.range(of: close, range: start.upperBound..<html.endIndex) else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    /// Every element the report itself writes.
    static let reportTags: Set<String> = [
        "html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "h3", "p", "code", "mark", "span", "nav", "ul", "ol", "li",
        "a", "main", "section", "div", "svg", "circle", "text", "table", "caption", "thead", "tbody", "tr", "th", "td", "rect", "line",
        "path", "strong", "br", "pre", "blockquote", "footer", "script",
    ]

    // MARK: Tests

    @Test func sourdoughReportHasEverySection() throws {
        let (comparison, draft) = try Self.sourdough()
        let html = CompareHTMLReport.render(comparison, draft: draft)
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        for id in ["score-section", "metrics-section", "terms-section", "outline-section", "text-section", "pages-section"] {
            #expect(html.contains("<section id=\"\(id)\""), "\(id)")
        }
        #expect(Self.count("<h1", in: html) == 1)
        // One range chart per metric with competitor values, one row per term, one li per topic.
        let charts = comparison.metrics.filter { $0.distribution != nil }.count
        #expect(charts >= 9)
        #expect(Self.count("<svg class=\"range\"", in: html) == charts)
        #expect(Self.count("<tr data-order=", in: html) == comparison.terms.count)
        #expect(comparison.terms.count > 10)
        let topics = Self.between(html, "<ol class=\"topics\">", "</ol>") ?? ""
        #expect(Self.count("<li ", in: topics) == comparison.topics.count)
        #expect(html.contains("<text x=\"70\" y=\"80\" text-anchor=\"middle\" font-size=\"34\" font-weight=\"700\" fill=\"#1a1a1a\">\(comparison.score.value)</text>"))
        // Every competitor listed with a link only for http(s) sources (here: file paths, no link).
        let pages = Self.between(html, "<table class=\"pages\">", "</table>") ?? ""
        #expect(Self.count("<tr><td class=\"num\">", in: pages) == comparison.competitors.count)
        #expect(!pages.contains("<a "))
    }

    @Test func hardSentencesAndKeyphraseUsesComeFromTheAnalyses() throws {
        // The corpus draft with two long, heavy sentences added (the corpus draft reads easily).
        var markdown = try String(contentsOfFile: Repository.path(Self.corpus + "/draft.md"), encoding: .utf8)
        markdown += "\n\nMaintaining a consistently vigorous sourdough starter necessitates understanding the complicated microbiological interactions between lactobacilli and wild yeasts, whose metabolic byproducts determine acidity, leavening capability and the characteristic flavour development of traditionally fermented bread.\n\n"
        markdown += "Experienced bakers frequently recommend refrigeration during extended absences, although considerably reduced fermentation temperatures temporarily diminish microbial activity.\n"
        let draft = try DocumentReader().read(string: markdown, path: "draft.md", format: .markdown)
        let pages = try ComparisonPages.load(folder: Repository.path(Self.corpus + "/pages"))
        let comparison = try CompetitorComparison(draft: draft, competitors: pages.pages, keyphrases: ["sourdough starter"])
        let html = CompareHTMLReport.render(comparison, draft: draft)
        let text = try #require(Self.between(html, "<div class=\"draft u\">", "</div>"))
        let analysis = TextAnalysis(document: draft)
        let grades = SentenceGrader().grades(in: analysis, text: draft.text)
        let hard = grades.filter { $0.difficulty == .hard }.count
        let veryHard = grades.filter { $0.difficulty == .veryHard }.count
        #expect(hard + veryHard > 0)
        #expect(Self.count("<span class=\"s hard\"", in: text) == hard)
        #expect(Self.count("<span class=\"s very-hard\"", in: text) == veryHard)
        // The marked spans are the matcher's matches: each one reads as the keyphrase.
        let keyphrases = KeyphraseAnalysis(document: draft, analysis: analysis, keyphrases: ["sourdough starter"], synonyms: [])
        let expected = keyphrases.matchesWithSynonyms[0].count
        let marks = text.components(separatedBy: "<mark class=\"kp\">").dropFirst().map { $0.components(separatedBy: "</mark>")[0] }
        #expect(expected > 2)
        #expect(marks.count == expected)
        for mark in marks {
            let lower = mark.lowercased()
            #expect(lower.contains("sourdough") && lower.contains("starter"), "\(mark)")
        }
        // The draft's words are all there, in order, outside the markup.
        let firstParagraph = try #require(draft.blocks.first { $0.kind == .paragraph })
        let plain = text.replacingOccurrences(of: "<[^>]+>", with: "", options: .regularExpression)
        #expect(plain.contains(HTMLEscape.text(draft.text(of: firstParagraph))))
    }

    @Test func contentSecurityPolicyAllowsOnlyTheReportsOwnStyleAndScript() throws {
        let (comparison, draft) = try Self.sourdough()
        let html = CompareHTMLReport.render(comparison, draft: draft)
        let policy = try #require(Self.between(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"", "\">"))
        let script = try #require(Self.between(html, "<script>", "</script>"))
        let style = try #require(Self.between(html, "<style>", "</style>"))
        func hash(_ text: String) -> String { "'sha256-" + Data(SHA256.digest(Array(text.utf8))).base64EncodedString() + "'" }
        #expect(policy.hasPrefix("default-src 'none'; script-src \(hash(script)); style-src \(hash(style)); "))
        for directive in ["img-src 'none'", "connect-src 'none'", "object-src 'none'", "base-uri 'none'", "form-action 'none'", "font-src 'none'"] {
            #expect(policy.contains(directive))
        }
        #expect(!policy.contains("unsafe"))
        // Nothing refers to anything outside the file.
        for tag in Self.tags(html) where !tag.isClosing {
            for (name, value) in tag.attributes where name == "src" || name == "href" || name == "srcset" || name == "xlink:href" {
                #expect(name == "href" && value.hasPrefix("#"), "\(tag.name) \(name)=\(value)")
            }
            #expect(!tag.attributes.contains { $0.name == "style" }, "style attributes would need 'unsafe-inline'")
        }
        #expect(!html.contains("@import") && !html.contains("url("))
    }

    @Test func hostileInputIsInertEverywhere() throws {
        let (comparison, draft) = try Self.hostile()
        let html = CompareHTMLReport.render(comparison, draft: draft)
        // Exactly the report's own script and style elements.
        #expect(Self.count("<script", in: html) == 1)
        #expect(Self.count("</script", in: html) == 1)
        #expect(Self.count("<style", in: html) == 1)
        #expect(Self.count("</style", in: html) == 1)
        let tags = Self.tags(html)
        #expect(tags.filter { $0.name == "script" && !$0.isClosing }.count == 1)
        // Only elements the report writes; no event handler, no javascript:/data: anywhere in an attribute.
        for tag in tags {
            #expect(Self.reportTags.contains(tag.name), "unexpected element <\(tag.isClosing ? "/" : "")\(tag.name)>")
            for (name, value) in tag.attributes {
                #expect(!name.hasPrefix("on"), "event handler \(name) on <\(tag.name)>")
                #expect(["href", "class", "id", "lang", "charset", "http-equiv", "content", "name", "rel", "title", "role", "aria-label",
                         "aria-labelledby", "aria-hidden", "data-type", "data-value", "data-order", "width", "height", "viewbox", "cx", "cy",
                         "r", "fill", "stroke", "stroke-width", "stroke-dasharray", "transform", "x", "y", "x1", "y1", "x2", "y2",
                         "text-anchor", "font-size", "font-weight", "rx", "d", "scope"].contains(name), "attribute \(name) on <\(tag.name)>")
                let lowered = value.lowercased().filter { !$0.isWhitespace }
                #expect(!lowered.contains("javascript:") || name != "href", "\(name)=\(value)")
                if name == "href" {
                    #expect(value.hasPrefix("#") || value.hasPrefix("https://") || value.hasPrefix("http://") || value.hasPrefix("HTTPS://"), "href=\(value)")
                }
            }
        }
        // The one http(s) source became a link, with its URL escaped; the others did not.
        #expect(html.contains("<a href=\"HTTPS://example.com/ok?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\">"))
        #expect(Self.count("<a href=\"http", in: html) == 1)
        #expect(!html.contains("href=\"javascript"))
        #expect(!html.contains("href=\"data:"))
        #expect(!html.contains("href=\"https://evil.example"))
        // Input text is there, escaped.
        #expect(html.contains("&lt;/script&gt;&lt;script&gt;alert(&#39;term&#39;)&lt;/script&gt;"))
        #expect(html.contains("&lt;/style&gt;&lt;img src=x onerror=alert(&#39;topic&#39;)&gt;"))
        #expect(html.contains("&quot;&gt;&lt;svg onload=alert(&#39;attr&#39;)&gt;"))
        #expect(html.contains("line&#x2028;separator&#x2029;paragraph"))
        #expect(!html.contains("\u{2028}") && !html.contains("\u{2029}"))
        #expect(!html.contains("\u{0}") && !html.contains("\u{1B}"))
        #expect(html.contains("nul\u{FFFD}byte and \u{FFFD}escape"))
        // The right-to-left override only ever appears inside an isolating element.
        for piece in html.components(separatedBy: "\u{202E}").dropLast() {
            let opened = piece.components(separatedBy: "class=\"u\"").count - 1 + piece.components(separatedBy: "class=\"draft u\"").count - 1
            #expect(opened > 0)
        }
        // The document's own structure survives: every section closes.
        #expect(Self.count("<section ", in: html) == 6)
        #expect(Self.count("</section>", in: html) == 6)
        #expect(html.hasSuffix("</script>\n</body>\n</html>\n"))
    }

    @Test func outputIsDeterministic() throws {
        let (comparison, draft) = try Self.sourdough()
        let first = CompareHTMLReport.render(comparison, draft: draft)
        let (again, draftAgain) = try Self.sourdough()
        #expect(CompareHTMLReport.render(again, draft: draftAgain) == first)
        let (hostile, hostileDraft) = try Self.hostile()
        #expect(CompareHTMLReport.render(hostile, draft: hostileDraft) == CompareHTMLReport.render(hostile, draft: hostileDraft))
        #expect(CompareHTMLReport.render(comparison, draft: draft, options: .init(note: "Made <today>")).contains("Made &lt;today&gt;"))
    }

    @Test(arguments: [
        ("a & b < c > d \" e ' f", "a &amp; b &lt; c &gt; d &quot; e &#39; f"),
        ("</script>", "&lt;/script&gt;"),
        ("tab\tand\nnewline\r\n", "tab\tand\nnewline\n\n"),
        ("\u{0}\u{7}\u{7F}\u{85}\u{FFFE}", "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"),
        ("\u{2028}\u{2029}", "&#x2028;&#x2029;"),
        ("émoji 👩‍🍳 \u{202E}rtl", "émoji 👩‍🍳 \u{202E}rtl"),
    ])
    func escaping(input: String, expected: String) {
        #expect(HTMLEscape.text(input) == expected)
    }

    @Test func onlyWebURLsBecomeLinks() {
        #expect(HTMLEscape.safeURL("https://example.com/a?b=1") == "https://example.com/a?b=1")
        #expect(HTMLEscape.safeURL("  http://example.com/ ") == "http://example.com/")
        for unsafe in [
            "javascript:alert(1)", " JaVaScRiPt:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example/", "/relative", "relative",
            "https://exa mple.com/", "https://example.com/\u{202E}x", "java\u{0}script:x", "https://", "http://\"onmouseover=x",
            "https://example.com/\u{200B}", "file:///etc/passwd",
        ] {
            #expect(HTMLEscape.safeURL(unsafe) == nil, "\(unsafe)")
        }
        #expect(HTMLEscape.link("javascript:alert(1)") == "<span class=\"u\">javascript:alert(1)</span>")
        #expect(HTMLEscape.link("https://e.com/?a=1&b=2") == "<a href=\"https://e.com/?a=1&amp;b=2\" rel=\"noopener noreferrer nofollow\"><span class=\"u\">https://e.com/?a=1&amp;b=2</span></a>")
    }

    @Test func base64MatchesFoundation() {
        for length in 0..<70 {
            let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
            #expect(Base64.encode(bytes) == Data(bytes).base64EncodedString())
        }
    }

    /// Writes the two reports for `scripts/browser-test.sh` when `SEOKIT_HTML_REPORT_DIR` is set.
    @Test func writesReportsForTheBrowserTest() throws {
        let (comparison, draft) = try Self.sourdough()
        let (hostile, hostileDraft) = try Self.hostile()
        let reports = [
            ("sourdough-starter.html", CompareHTMLReport.render(comparison, draft: draft)),
            ("hostile.html", CompareHTMLReport.render(hostile, draft: hostileDraft)),
        ]
        let folder = ProcessInfo.processInfo.environment["SEOKIT_HTML_REPORT_DIR"]
        let directory = folder == nil ? try TemporaryDirectory() : nil
        for (name, html) in reports {
            let path = (folder ?? directory!.path) + "/" + name
            try Data(html.utf8).write(to: URL(fileURLWithPath: path))
            #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(html.utf8))
        }
    }
}
