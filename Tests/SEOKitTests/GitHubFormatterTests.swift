import Testing
@testable import SEOKit

struct GitHubFormatterTests {
    @Test func escapesDataAndProperties() {
        #expect(GitHubLintFormatter.escapeData("100% done\r\nnext: a, b") == "100%25 done%0D%0Anext: a, b")
        #expect(GitHubLintFormatter.escapeProperty("a:b,c%d\ne\rf") == "a%3Ab%2Cc%25d%0Ae%0Df")
        // Already-escaped text is escaped again, so it shows literally.
        #expect(GitHubLintFormatter.escapeData("%0A") == "%250A")
        #expect(GitHubLintFormatter.escapeProperty("café ✓") == "café ✓")
    }

    @Test func commandPutsPropertiesBeforeTheMessage() {
        let command = GitHubLintFormatter.command("warning", [("file", "docs/a,b:c.md"), ("title", "x.y")], "50% of it:\nfix, then go")
        #expect(command == "::warning file=docs/a%2Cb%3Ac.md,title=x.y::50%25 of it:%0Afix, then go")
        #expect(GitHubLintFormatter.command("notice", [], "m") == "::notice::m")
    }

    @Test func findingsBecomeAnnotationsOnTheirLines() throws {
        let text = "# Title\n\nSome text, here.\n\n# Second\nheading\n"
        let word = try FormatterFixtures.offset(of: "text", in: text)
        let second = try FormatterFixtures.offset(of: "# Second", in: text)
        let paragraph = try FormatterFixtures.offset(of: "Some", in: text)
        let report = try FormatterFixtures.report(text, path: "/repo/content/my post,1.md", findings: [
            ("style.word", .info, "Avoid 100% of \"text\".", nil, word, word + 4),
            // Ends at column 1 of the next line: shown as ending on its own line.
            ("headings.single-h1", .error, "A second H1.", "Make it an H2.", second, second + 9),
            ("content.paragraph", .warning, "Spans lines.", nil, paragraph, second + 3),
        ])
        let run = LintRun(reports: [report], inputErrors: [InputError(path: "/repo/gone.md", cause: .notFound)], rootPath: "/repo")
        let lines = GitHubLintFormatter(workingDirectory: "/repo").render(run).split(separator: "\n").map(String.init)
        #expect(lines == [
            "::notice file=content/my post%2C1.md,line=3,col=6,endLine=3,endColumn=10,title=style.word::Avoid 100%25 of \"text\".",
            "::error file=content/my post%2C1.md,line=5,col=1,endLine=5,endColumn=9,title=headings.single-h1::A second H1.%0AMake it an H2.",
            "::warning file=content/my post%2C1.md,line=3,endLine=5,title=content.paragraph::Spans lines.",
            "::error file=gone.md,title=seokit::/repo/gone.md: no such file or directory",
        ])
    }

    @Test func pathsOutsideTheRootAndStandardInput() throws {
        let outside = try FormatterFixtures.report("Text.\n", path: "/elsewhere/a.md", findings: [("a.b", .warning, "m", nil, 0, 4)])
        let standardInput = try FormatterFixtures.report("Text.\n", path: "-", findings: [("a.b", .warning, "m", nil, 0, 4)])
        let relative = try FormatterFixtures.report("Text.\n", path: "./docs/b.md", findings: [("a.b", .warning, "m", nil, 0, 4)])
        let output = GitHubLintFormatter(workingDirectory: "/repo/site").render(
            LintRun(reports: [outside, standardInput, relative], rootPath: "/repo"))
        #expect(output == """
            ::warning file=/elsewhere/a.md,line=1,col=1,endLine=1,endColumn=5,title=a.b::m
            ::warning line=1,col=1,endLine=1,endColumn=5,title=a.b::m
            ::warning file=site/docs/b.md,line=1,col=1,endLine=1,endColumn=5,title=a.b::m

            """)
    }

    @Test func readerNotesBecomeWarnings() throws {
        let report = try FormatterFixtures.report(
            "Text.\n", path: "a.md", findings: [],
            notes: [ReadNote(message: "invalid UTF-8, replaced", location: SEOKit.SourceLocation(line: 1, column: 3, offset: 2))])
        let output = GitHubLintFormatter(workingDirectory: "/r").render(LintRun(reports: [report], rootPath: "/r"))
        #expect(output == "::warning file=a.md,line=1,col=3,title=seokit::invalid UTF-8, replaced\n")
    }

    @Test func corpusGolden() throws {
        let run = try FormatterFixtures.corpusRun()
        let output = GitHubLintFormatter(workingDirectory: FormatterFixtures.fakeRoot).render(run)
        #expect(output == GitHubLintFormatter(workingDirectory: FormatterFixtures.fakeRoot).render(run))
        for line in output.split(separator: "\n") {
            #expect(line.hasPrefix("::error ") || line.hasPrefix("::warning ") || line.hasPrefix("::notice "), "\(line)")
        }
        try Golden.check(output, "corpus.github.txt")
    }
}
