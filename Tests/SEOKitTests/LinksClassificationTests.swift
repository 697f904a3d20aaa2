import Testing
@testable import SEOKit

struct LinksClassificationTests {
    let site = LinkClassifier(canonical: "https://www.Example.com/blog/bread", siteURLs: [])

    @Test func relativeURLsAreInternal() {
        for url in ["/guides/starter/", "starter.html", "../flour", "./rye", "?page=2", "/", "guides/#feeding"] {
            #expect(site.classify(url) == .internal, "\(url)")
        }
        // Without any site host, relative links are still internal.
        #expect(LinkClassifier(canonical: nil, siteURLs: []).classify("/flour") == .internal)
    }

    @Test func sameHostIsInternal() {
        for url in [
            "https://example.com/flour", "http://www.example.com/", "HTTPS://EXAMPLE.COM/Flour", "//example.com/rye",
            "https://example.com:443/x", "https://user@example.com/x", "https://example.com./x", "https://example.com?x=1",
        ] {
            #expect(site.classify(url) == .internal, "\(url)")
        }
    }

    @Test func otherHostsAreOutbound() {
        #expect(site.classify("https://example.org/flour") == .outbound(host: "example.org"))
        #expect(site.classify("http://shop.example.com/") == .outbound(host: "shop.example.com"))
        #expect(site.classify("//cdn.example.net/x.js") == .outbound(host: "cdn.example.net"))
        #expect(site.classify("ftp://files.example.org/a.zip") == .outbound(host: "files.example.org"))
        // A scheme-less www. address is meant as another site.
        #expect(site.classify("www.timeanddate.com/weather/") == .outbound(host: "timeanddate.com"))
        // With no site host known, every absolute link is outbound.
        #expect(LinkClassifier(canonical: nil, siteURLs: []).classify("https://example.com/") == .outbound(host: "example.com"))
    }

    @Test func siteURLOption() {
        let bare = LinkClassifier(canonical: nil, siteURLs: ["example.com"])
        #expect(bare.classify("https://www.example.com/flour") == .internal)
        let full = LinkClassifier(canonical: nil, siteURLs: ["https://example.com/blog/", "https://example.dev"])
        #expect(full.siteHosts == ["example.com", "example.dev"])
        #expect(full.classify("https://example.dev/x") == .internal)
        #expect(full.classify("https://example.org/x") == .outbound(host: "example.org"))
    }

    @Test func otherTargets() {
        #expect(site.classify("") == .empty)
        #expect(site.classify("   ") == .empty)
        #expect(site.classify("#top") == .fragment)
        #expect(site.classify("#") == .fragment)
        #expect(site.classify("mailto:bread@example.com") == .other(scheme: "mailto"))
        #expect(site.classify("tel:+15551234") == .other(scheme: "tel"))
        #expect(site.classify("JavaScript:void(0)") == .other(scheme: "javascript"))
        #expect(site.classify("data:text/html,hi") == .other(scheme: "data"))
    }

    @Test func hostParsing() {
        #expect(LinkClassifier.host(of: "https://WWW.Example.COM:8080/a?b#c") == "example.com")
        #expect(LinkClassifier.host(of: "https://[::1]:8080/") == "[::1]")
        #expect(LinkClassifier.host(of: "/relative//path") == nil)
        #expect(LinkClassifier.host(of: "https:///nohost") == nil)
        #expect(LinkClassifier.scheme(of: "c:/windows") == "c")
        #expect(LinkClassifier.scheme(of: "/a:b") == nil)
        #expect(LinkClassifier.scheme(of: "1http://x") == nil)
    }

    @Test func internalAndOutboundRulesUseTheClassifier() throws {
        let markdown = """
            ---
            title: Bread
            ---

            See [flour](https://example.com/flour), [rye](https://example.org/rye) and [us](mailto:a@example.com).
            """
        let document = try DocumentReader().read(string: markdown, path: "bread.md", format: .markdown)
        let engine = LintEngine(catalog: [InternalLinksRule.self, OutboundLinksRule.self])
        // Without site-url, example.com is just another host: no internal link.
        let plain = engine.lint(document)
        #expect(plain.findings.map(\.ruleID) == ["links.internal"])
        // With it, the first link is internal and the second outbound.
        var configuration = LintConfiguration()
        configuration.rules = [(RuleSelector("links.internal"), RuleSetting(options: ["site-url": .text("https://example.com")]))]
        let configured = LintEngine(configuration: configuration, catalog: [InternalLinksRule.self, OutboundLinksRule.self]).lint(document)
        #expect(configured.findings.isEmpty)
        #expect(configured.assessments.map(\.rating) == [.good, .good])
    }
}
