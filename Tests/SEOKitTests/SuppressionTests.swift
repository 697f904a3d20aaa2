import Testing
@testable import SEOKit

/// Inline `seokit-disable` directives and front matter `seokit: {disable: [...]}`, in Markdown
/// and HTML, as the engine applies them.
struct SuppressionTests {
    static let h1 = RuleCatalog.rule(id: "headings.single-h1")!

    /// Lines of the single-H1 findings left, and how many were suppressed.
    func lint(_ text: String, format: InputFormat = .markdown) throws -> (lines: [Int], suppressed: Int) {
        let document = try DocumentReader().read(string: text, path: format == .html ? "page.html" : "post.md", format: format)
        let rule = ResolvedRule(rule: Self.h1, enabled: true, severity: .warning, options: RuleOptions(description: Self.h1.description))
        let report = LintEngine(catalog: [Self.h1]).lint(document, rules: [rule])
        return (report.findings.map(\.range.start.line), report.suppressedCount)
    }

    // MARK: Markdown

    @Test func withoutDirectivesEveryExtraH1IsReported() throws {
        let result = try lint("# One\n\n# Two\n\n# Three\n")
        #expect(result.lines == [3, 5])
        #expect(result.suppressed == 0)
    }

    @Test func disableAndEnableARangeInMarkdown() throws {
        let text = """
            # One

            <!-- seokit-disable headings.single-h1 -->

            # Two

            # Three

            <!-- seokit-enable headings.single-h1 -->

            # Four
            """
        let result = try lint(text)
        #expect(result.lines == [11])
        #expect(result.suppressed == 2)
    }

    @Test func disableWithoutRulesDisablesAllUntilEnable() throws {
        let text = "# One\n\n<!-- seokit-disable -->\n\n# Two\n\n<!-- seokit-enable -->\n\n# Three\n"
        let result = try lint(text)
        #expect(result.lines == [9])
        #expect(result.suppressed == 1)
    }

    @Test func disableToTheEndOfTheFile() throws {
        let result = try lint("# One\n\n# Two\n\n<!-- seokit-disable headings.single-h1 -->\n\n# Three\n\n# Four\n")
        #expect(result.lines == [3])
        #expect(result.suppressed == 2)
    }

    @Test(arguments: ["headings", "headings.*", "all", "meta.title-missing, headings.single-h1", "headings.single-h1 content.length"])
    func selectorsInDirectives(_ selectors: String) throws {
        let result = try lint("# One\n\n<!-- seokit-disable \(selectors) -->\n\n# Two\n")
        #expect(result.lines.isEmpty, "\(selectors)")
        #expect(result.suppressed == 1)
    }

    @Test(arguments: ["meta", "headings.skipped-level", "heading", "headings.single"])
    func otherRulesAreNotDisabled(_ selectors: String) throws {
        let result = try lint("# One\n\n<!-- seokit-disable \(selectors) -->\n\n# Two\n")
        #expect(result.lines == [5], "\(selectors)")
        #expect(result.suppressed == 0)
    }

    @Test func enablingOneRuleAfterDisablingAll() throws {
        let text = "# One\n\n<!-- seokit-disable -->\n\n# Two\n\n<!-- seokit-enable headings.single-h1 -->\n\n# Three\n"
        #expect(try lint(text).lines == [9])
    }

    @Test func enablingAnotherRuleKeepsThisOneDisabled() throws {
        let text = "# One\n\n<!-- seokit-disable headings.single-h1 -->\n\n# Two\n\n<!-- seokit-enable meta -->\n\n# Three\n"
        #expect(try lint(text).lines.isEmpty)
    }

    @Test func disableLineInMarkdown() throws {
        let text = "# One\n\n# Two <!-- seokit-disable-line headings.single-h1 -->\n\n# Three\n"
        let result = try lint(text)
        #expect(result.lines == [5])
        #expect(result.suppressed == 1)
    }

    @Test func inlineDisableInAParagraphStartsARange() throws {
        let text = "# One\n\n# Two\n\nSome text <!-- seokit-disable --> here.\n\n# Three\n"
        let result = try lint(text)
        #expect(result.lines == [3])
        #expect(result.suppressed == 1)
    }

    @Test func disableNextLineInMarkdown() throws {
        let text = "# One\n\n<!-- seokit-disable-next-line headings.single-h1 -->\n# Two\n\n# Three\n"
        let result = try lint(text)
        #expect(result.lines == [6])
        #expect(result.suppressed == 1)
    }

    @Test func disableNextLineSkipsBlankLines() throws {
        let text = "# One\n\n<!-- seokit-disable-next-line -->\n\n\n# Two\n\n# Three\n"
        let result = try lint(text)
        #expect(result.lines == [8])
        #expect(result.suppressed == 1)
    }

    @Test func directivesInCodeAreNotDirectives() throws {
        let text = "# One\n\n```html\n<!-- seokit-disable -->\n```\n\n# Two\n"
        #expect(try lint(text).lines == [7])
    }

    @Test func unknownDirectiveKeywordsAreIgnored() throws {
        let text = "# One\n\n<!-- seokit-disabled headings -->\n\n<!-- seokit disable -->\n\n# Two\n"
        #expect(try lint(text).lines == [7])
    }

    @Test(arguments: [
        "seokit:\n  disable: [headings.single-h1]",
        "seokit:\n  disable: headings",
        "seokit:\n  disable:\n    - meta\n    - headings.*",
        "seokit: {disable: [all]}",
    ])
    func frontMatterDisablesForTheWholeFile(_ settings: String) throws {
        let text = "---\ntitle: Bread\n\(settings)\n---\n\n# One\n\n# Two\n"
        let result = try lint(text)
        #expect(result.lines.isEmpty, "\(settings)")
        #expect(result.suppressed == 2)
    }

    @Test func frontMatterDisablingAnotherRuleChangesNothing() throws {
        // The title counts as the H1, so `# One` (line 7) is a second one.
        let result = try lint("---\ntitle: Bread\nseokit:\n  disable: [meta]\n---\n\n# One\n")
        #expect(result.lines == [7])
    }

    @Test func tomlFrontMatterDisables() throws {
        let result = try lint("+++\ntitle = \"Bread\"\n[seokit]\ndisable = [\"headings\"]\n+++\n\n# One\n")
        #expect(result.lines.isEmpty)
        #expect(result.suppressed == 1)
    }

    // MARK: HTML

    @Test func disableAndEnableARangeInHTML() throws {
        let html = """
            <html><body>
            <h1>One</h1>
            <!-- seokit-disable headings.single-h1 -->
            <h1>Two</h1>
            <!-- seokit-enable -->
            <h1>Three</h1>
            </body></html>
            """
        let result = try lint(html, format: .html)
        #expect(result.lines == [6])
        #expect(result.suppressed == 1)
    }

    @Test func disableLineInHTML() throws {
        let html = "<html><body>\n<h1>One</h1>\n<h1>Two</h1> <!-- seokit-disable-line headings -->\n<h1>Three</h1>\n</body></html>"
        let result = try lint(html, format: .html)
        #expect(result.lines == [4])
        #expect(result.suppressed == 1)
    }

    @Test func disableNextLineInHTML() throws {
        let html = "<html><body>\n<h1>One</h1>\n<!-- seokit-disable-next-line headings.* -->\n<h1>Two</h1>\n<h1>Three</h1>\n</body></html>"
        let result = try lint(html, format: .html)
        #expect(result.lines == [5])
        #expect(result.suppressed == 1)
    }

    @Test func aDirectiveInTheHeadCoversTheBody() throws {
        let html = "<html><head><!-- seokit-disable headings --><title>T</title></head>\n<body>\n<h1>One</h1>\n<h1>Two</h1>\n</body></html>"
        let result = try lint(html, format: .html)
        #expect(result.lines.isEmpty)
        #expect(result.suppressed == 1)
    }

    @Test func aMultiLineDirectiveInHTML() throws {
        let html = "<html><body>\n<h1>One</h1>\n<!--\n  seokit-disable\n  headings.single-h1\n-->\n<h1>Two</h1>\n</body></html>"
        let result = try lint(html, format: .html)
        #expect(result.lines.isEmpty)
        #expect(result.suppressed == 1)
    }

    // MARK: The comment positions directives rely on

    @Test(arguments: [InputFormat.markdown, .html])
    func aCommentOnItsOwnLineEndsOnThatLine(_ format: InputFormat) throws {
        let text = format == .markdown
            ? "# One\n\n<!-- seokit-disable-next-line -->\n# Two\n"
            : "<html><body>\n<h1>One</h1>\n<!-- seokit-disable-next-line -->\n<h1>Two</h1>\n</body></html>"
        let document = try DocumentReader().read(string: text, format: format)
        let comment = try #require(document.comments.first)
        #expect(comment.range.start.line == 3)
        // Ending on the next line would make next-line directives skip a line.
        #expect(comment.range.end.line == 3, "\(comment.range)")
    }
}
