/// Link text says where the link goes.
struct GenericAnchorRule: Rule {
    static let description = RuleDescription(
        id: "links.generic-anchor",
        name: "Generic link text",
        category: .links,
        defaultSeverity: .warning,
        summary: "Link text describes the target, not \"click here\" or \"read more\".",
        rationale: """
            Anchor text tells readers, screen reader users (who often list the links of a page \
            out of context) and search engines what the target is about (Google Search Central, \
            "Link best practices": avoid generic anchor text such as "click here"; Lighthouse \
            SEO audit "Links do not have descriptive text"; WCAG 2.4.4 Link Purpose). A link is \
            generic when its whole text — lowercased, `’` read as `'`, punctuation and symbols \
            trimmed from both ends (`Read more »`), whitespace collapsed — is an entry of \
            `Corpora/lexicons/generic-anchors.txt`. One finding per link; rating: good with none, \
            bad with any.
            """,
        score: .seo,
        weight: 0.5,
        examples: [
            .pass("# Bread\n\nSee the [sourdough starter guide](/guides/starter/) and [more about flour](/flour/).\n"),
            .pass("<html><body><p>Read <a href=\"/faq\">our baking FAQ</a>.</p></body></html>", format: .html),
            .pass("No links here.\n"),
            .fail("# Bread\n\nTo see a sample, ↓[click here](/sample/). Or ↓[Read more…](/faq/)\n"),
            .fail("<html><body><p>Details are ↓<a href=\"/details\">HERE</a>.</p></body></html>", format: .html),
            .fail("# Bread\n\n↓[Learn more »](https://example.org/bread)\n"),
        ])

    static let anchors: Set<String> = {
        var set: Set<String> = []
        let text = EmbeddedLexicons.genericAnchors.withUTF8Buffer { String(decoding: $0, as: UTF8.self) }
        for line in text.split(separator: "\n") {
            let entry = normalized(String(line))
            if !entry.isEmpty { set.insert(entry) }
        }
        return set
    }()

    /// Lowercased, `’` as `'`, non-alphanumeric characters trimmed from both ends, whitespace collapsed.
    /// Length in bytes of the longest generic anchor.
    static let longestAnchor = anchors.map(\.utf8.count).max() ?? 0

    static func normalized(_ text: String) -> String {
        if let ascii = normalizedASCII(text) { return ascii }
        let lowered = String(text.lowercased().map { $0 == "’" ? "'" : $0 }).collapsingWhitespace()
        let isKept: (Character) -> Bool = { $0.isLetter || $0.isNumber }
        guard let first = lowered.firstIndex(where: isKept), let last = lowered.lastIndex(where: isKept) else { return "" }
        return String(lowered[first...last])
    }

    /// `normalized` of an all-ASCII text on its bytes (letters and digits are then exactly
    /// the characters kept), or `nil` for any other text.
    private static func normalizedASCII(_ text: String) -> String? {
        var text = text
        return text.withUTF8 { bytes -> String? in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            func isKept(_ byte: UInt8) -> Bool {
                (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
            }
            guard let first = bytes.firstIndex(where: isKept), let last = bytes.lastIndex(where: isKept) else { return "" }
            return String(unsafeUninitializedCapacity: last - first + 1) { output in
                var length = 0
                var pendingSpace = false
                for byte in bytes[first...last] {
                    if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                        pendingSpace = true
                    } else {
                        if pendingSpace {
                            output[length] = 0x20
                            length += 1
                            pendingSpace = false
                        }
                        output[length] = byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte | 0x20 : byte
                        length += 1
                    }
                }
                return length
            }
        }
    }

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        let links = context.document.links
        guard !links.isEmpty else { return RuleResult(assessment: MetaText.notApplicable("no links")) }
        var findings: [RuleFinding] = []
        for link in links {
            // Generic anchors are short: longer link texts cannot be one, skip normalising them.
            guard link.text.utf8.count <= Self.longestAnchor + 16 else { continue }
            let key = Self.normalized(link.text)
            guard !key.isEmpty, Self.anchors.contains(key) else { continue }
            findings.append(RuleFinding(
                message: "The link text “\(link.text.collapsingWhitespace())” does not say where the link goes.",
                suggestion: "Use words that name the target, such as its title or topic, as the link text.",
                range: link.range))
        }
        return RuleResult(findings: findings, assessment: Assessment(
            score: .seo, rating: findings.isEmpty ? .good : .bad,
            measured: "\(MetaText.count(findings.count, "generic link text")) of \(MetaText.count(links.count, "link"))",
            target: "no generic link text"))
    }
}
