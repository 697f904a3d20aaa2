import Foundation
import SEOKitTestSupport
import Testing

/// `seokit stats` end to end: the built binary on real files, standard input and bad inputs.
@Suite struct StatsCommandTests {
    /// A heading and two sentences, worked out by hand:
    ///
    /// | sentence | words (syllables, letters) |
    /// | heading | Cats (1,4) |
    /// | 1 | The (1,3) cat (1,3) sat (1,3) on (1,2) the (1,3) mat (1,3) |
    /// | 2 | It (1,2) was (1,3) a (1,1) sunny (2,5) day (1,3) |
    ///
    /// W = 12, S = 3, Sy = 13, letters = 35; no polysyllables, no difficult words.
    /// W/S = 4, Sy/W = 1.083333.
    static let expected: [String: Double] = [
        "words": 12, "sentences": 3, "syllables": 13,
        // 206.835 − 1.015 × 4 − 84.6 × 1.083333 = 206.835 − 4.06 − 91.65 = 111.125
        "fleschReadingEase": 111.125,
        // 0.39 × 4 + 11.8 × 1.083333 − 15.59 = 1.56 + 12.783333 − 15.59 = −1.246667
        "fleschKincaidGrade": -1.2467,
        // 0.4 × (4 + 0) = 1.6
        "gunningFog": 1.6,
        // 1.0430 × √(0 × 30/3) + 3.1291 = 3.1291
        "smog": 3.1291,
        // L = 35/12 × 100 = 291.6667, S′ = 25: 17.15 − 7.4 − 15.8 = −6.05
        "colemanLiau": -6.05,
        // 4.71 × 35/12 + 0.5 × 4 − 21.43 = 13.7375 + 2 − 21.43 = −5.6925
        "automatedReadabilityIndex": -5.6925,
        // 0% difficult: 0.0496 × 4 = 0.1984
        "daleChall": 0.1984,
        // 12 words at 238 per minute = 3.03 s, rounded up
        "readingTimeSeconds": 4,
    ]

    static let markdown = """
        ---
        title: Cats
        keyphrase: cat
        ---
        # Cats

        The cat sat on the mat. It was a sunny day.

        ```
        code = "is not counted at all"
        ```
        """

    static let html = """
        <!doctype html>
        <html><head><title>Cats</title><style>p { margin: 0 }</style></head>
        <body><h1>Cats</h1>
        <p>The cat sat on the mat.
           It was a sunny day.</p>
        <script>var words = "not counted";</script>
        <pre>not counted either</pre>
        </body></html>
        """

    /// In plain text, "Cats" is a paragraph of its own: one more paragraph, the same counts.
    static let text = "Cats\n\nThe cat sat on the mat. It was a sunny day.\n"

    static let documentedFields = [
        "path", "format", "words", "sentences", "syllables", "paragraphs", "characters", "letters", "complexWords",
        "polysyllables", "longWords", "difficultWords", "longSentences", "averageSentenceLength", "fleschReadingEase",
        "fleschKincaidGrade", "gunningFog", "smog", "colemanLiau", "automatedReadabilityIndex", "daleChall", "linsearWrite",
        "lix", "readingTimeSeconds", "unavailable", "notes",
    ]

    static func expectHandCheckedValues(_ document: [String: Any], sourceLocation: SourceLocation = #_sourceLocation) {
        for (key, value) in expected {
            let actual = StatsJSON.number(document, key)
            // JSON numbers are rounded to two decimals.
            #expect(actual.map { abs($0 - value) <= 0.006 } == true, "\(key): \(String(describing: actual)), expected \(value)", sourceLocation: sourceLocation)
        }
    }

    @Test func jsonForMarkdownHTMLAndText() throws {
        let directory = try TemporaryDirectory()
        let md = try directory.write("cats.md", Self.markdown)
        let html = try directory.write("cats.html", Self.html)
        let txt = try directory.write("cats.txt", Self.text)
        let result = try Seokit.run(["stats", "--format", "json", md, html, txt])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)

        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(object?["schemaVersion"] as? Int == 1)
        #expect((object?["tool"] as? [String: Any])?["name"] as? String == "seokit")

        let documents = try StatsJSON.documents(result)
        #expect(documents.map { $0["path"] as? String } == [md, html, txt])
        #expect(documents.map { $0["format"] as? String } == ["markdown", "html", "text"])
        #expect(documents.map { StatsJSON.number($0, "paragraphs") } == [1, 1, 2])
        for document in documents {
            Self.expectHandCheckedValues(document)
            #expect(Set(document.keys) == Set(Self.documentedFields))
            #expect((document["unavailable"] as? [String: Any])?.isEmpty == true)
            #expect((document["notes"] as? [Any])?.isEmpty == true)
        }
    }

    /// Fields come out in the documented order (the README's JSON example).
    @Test func jsonFieldOrder() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("cats.md", Self.markdown)
        let result = try Seokit.run(["stats", "--format", "json", path])
        var positions: [Int] = []
        for field in Self.documentedFields {
            guard let range = result.stdout.range(of: "\"\(field)\":") else {
                Issue.record("missing \(field)")
                continue
            }
            positions.append(result.stdout.distance(from: result.stdout.startIndex, to: range.lowerBound))
        }
        #expect(positions == positions.sorted())
    }

    @Test func unavailableFormulasAreNullWithAReason() throws {
        let result = try Seokit.run(["stats", "--format", "json", "-"], stdin: "One short sentence here. And another.\n")
        #expect(result.status == 0, "\(result)")
        let document = try StatsJSON.documents(result).first ?? [:]
        #expect(document["smog"] is NSNull)
        #expect((document["unavailable"] as? [String: String])?["smog"]?.contains("3 sentences") == true)

        let empty = try Seokit.run(["stats", "--format", "json", "-"], stdin: "\n")
        let emptyDocument = try StatsJSON.documents(empty).first ?? [:]
        #expect(StatsJSON.number(emptyDocument, "words") == 0)
        #expect(emptyDocument["fleschReadingEase"] is NSNull)
        #expect(emptyDocument["averageSentenceLength"] is NSNull)
        #expect((emptyDocument["unavailable"] as? [String: String])?["fleschReadingEase"] == "no words")
    }

    @Test func table() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("cats.md", Self.markdown)
        let result = try Seokit.run(["stats", path])
        #expect(result.status == 0, "\(result)")
        let lines = result.stdoutLines
        #expect(lines.count == 3)
        #expect(lines.first?.split(separator: " ") == ["file", "words", "sent.", "syll.", "para.", "Flesch", "FK", "Fog", "SMOG", "CLI", "ARI", "D–C", "read"])
        let row = lines.last?.split(separator: " ").map(String.init) ?? []
        #expect(row.count == 13)
        #expect(row.first == path)
        // words, sentences, syllables, paragraphs, Flesch, FK, Fog, SMOG, (CLI), ARI, D–C, reading time.
        #expect(Array(row[1...8]) == ["12", "3", "13", "1", "111.1", "-1.2", "1.6", "3.1"])
        #expect(Array(row[10...12]) == ["-5.7", "0.2", "0:04"])
        // Columns line up: every line of the table has the same display width.
        #expect(Set(lines.map(\.count)).count == 1)
    }

    @Test func tableShowsADashForMissingScores() throws {
        let result = try Seokit.run(["stats", "-"], stdin: "Two words.\n")
        #expect(result.status == 0, "\(result)")
        let row = result.stdoutLines.last?.split(separator: " ").map(String.init) ?? []
        #expect(row.first == "-")
        #expect(row[8] == "–")
    }

    @Test func standardInput() throws {
        let result = try Seokit.run(["stats", "--format", "json", "-"], stdin: Self.text)
        #expect(result.status == 0, "\(result)")
        let document = try StatsJSON.documents(result).first ?? [:]
        #expect(document["path"] as? String == "-")
        #expect(document["format"] as? String == "text")
        Self.expectHandCheckedValues(document)
    }

    @Test func standardInputAsMarkdown() throws {
        let result = try Seokit.run(["stats", "--format", "json", "--input-format", "md", "-"], stdin: Self.markdown)
        #expect(result.status == 0, "\(result)")
        let document = try StatsJSON.documents(result).first ?? [:]
        #expect(document["format"] as? String == "markdown")
        Self.expectHandCheckedValues(document)
    }

    @Test func missingFileAmongGoodOnes() throws {
        let directory = try TemporaryDirectory()
        let first = try directory.write("a.md", Self.markdown)
        let missing = directory.url("missing.md")
        let last = try directory.write("c.txt", Self.text)
        let result = try Seokit.run(["stats", "--format", "json", first, missing, last])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderrLines == ["seokit: \(missing): no such file or directory"])
        #expect(try StatsJSON.documents(result).map { $0["path"] as? String } == [first, last])
    }

    @Test func binaryFileWithMarkdownName() throws {
        let directory = try TemporaryDirectory()
        let good = try directory.write("good.md", Self.markdown)
        let png = try directory.write("photo.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 100))
        let result = try Seokit.run(["stats", "--format", "json", png, good])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderrLines == ["seokit: \(png): looks like a binary file (PNG image), not text"])
        #expect(try StatsJSON.documents(result).map { $0["path"] as? String } == [good])
    }

    @Test func directoryInput() throws {
        let directory = try TemporaryDirectory()
        try directory.write("site/b.md", Self.markdown)
        try directory.write("site/a/page.html", Self.html)
        try directory.write("site/z.txt", Self.text)
        try directory.write("site/skip.json", "{}")
        try directory.write("site/.hidden.md", Self.markdown)
        try directory.write("site/node_modules/x.md", Self.markdown)
        let result = try Seokit.run(["stats", "--format", "json", directory.url("site")])
        #expect(result.status == 0, "\(result)")
        let paths = try StatsJSON.documents(result).compactMap { $0["path"] as? String }
        #expect(paths == [directory.url("site/a/page.html"), directory.url("site/b.md"), directory.url("site/z.txt")])
    }

    @Test func includeAndExclude() throws {
        let directory = try TemporaryDirectory()
        try directory.write("site/b.md", Self.markdown)
        try directory.write("site/a/page.html", Self.html)
        try directory.write("site/drafts/c.md", Self.markdown)
        let included = try Seokit.run(["stats", "--format", "json", "--include", "*.md", "--exclude", "drafts/", directory.url("site")])
        #expect(included.status == 0, "\(included)")
        #expect(try StatsJSON.documents(included).compactMap { $0["path"] as? String } == [directory.url("site/b.md")])
    }

    @Test func emptyDirectory() throws {
        let directory = try TemporaryDirectory()
        let empty = try directory.makeFolder("empty")
        let result = try Seokit.run(["stats", empty])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderrLines == ["seokit: \(empty): contains no Markdown, HTML or text files"])
    }

    @Test func relativePathsAreReportedAsGiven() throws {
        let directory = try TemporaryDirectory()
        try directory.write("posts/cats.md", Self.markdown)
        let result = try Seokit.run(["stats", "--format", "json", "posts/cats.md", "posts/nope.md"], in: directory.path)
        #expect(result.status == 2)
        #expect(try StatsJSON.documents(result).first?["path"] as? String == "posts/cats.md")
        #expect(result.stderrLines == ["seokit: posts/nope.md: no such file or directory"])
    }

    @Test func repairedInputIsReportedWithItsPosition() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("bad.md", bytes: Array("# Title\n\nBad ".utf8) + [0xFF] + Array(" byte.\n".utf8))
        let result = try Seokit.run(["stats", "--format", "json", path])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderrLines == ["seokit: \(path):3:5: invalid UTF-8: 1 byte replaced with U+FFFD"])
        let document = try StatsJSON.documents(result).first ?? [:]
        #expect(document["notes"] as? [String] == ["3:5: invalid UTF-8: 1 byte replaced with U+FFFD"])
        // Title, Bad, byte: the replacement character is not a word.
        #expect(StatsJSON.number(document, "words") == 3)
    }

    @Test func tooLargeFile() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("big.txt", String(repeating: "word ", count: 100_000))
        let result = try Seokit.run(["stats", "--max-file-size", "0.1", path])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("seokit: \(path): is too large") == true)
    }

    @Test func unsupportedExtensionGivenExplicitly() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("notes.rst", "Text.")
        let result = try Seokit.run(["stats", path])
        #expect(result.status == 2)
        #expect(result.stderrLines.first?.hasPrefix("seokit: \(path): unsupported file type 'rst'") == true)
        let forced = try Seokit.run(["stats", "--input-format", "text", path])
        #expect(forced.status == 0, "\(forced)")
    }

    @Test func malformedFrontMatterNamesFileAndLine() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("post.md", "---\ntitle: ok\ndescription: this: breaks\n---\nBody.\n")
        let result = try Seokit.run(["stats", path])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("seokit: \(path): malformed front matter at line 3") == true)
    }

    // MARK: Usage

    @Test func helpExitsZero() throws {
        let result = try Seokit.run(["stats", "--help"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.contains("--format"))
        #expect(result.stdout.contains("--max-file-size"))
    }

    @Test(arguments: [["stats", "--bogus", "x.md"], ["stats", "--format", "xml", "x.md"], ["stats"], ["stats", "--max-file-size", "lots", "x.md"]])
    func usageErrorsExitTwo(arguments: [String]) throws {
        let result = try Seokit.run(arguments)
        #expect(result.status == 2, "\(result)")
        #expect(!result.stderr.isEmpty)
        #expect(result.stdout.isEmpty)
    }

    @Test func corpusDraftsAllRead() throws {
        let result = try Seokit.run(["stats", "--format", "json", Repository.path("Corpora/drafts")])
        #expect(result.status == 0, "\(result.stderr)")
        let documents = try StatsJSON.documents(result)
        #expect(documents.count == Repository.files(in: "Corpora/drafts", extensions: ["md", "mdx", "html", "txt"]).count)
        for document in documents {
            #expect((StatsJSON.number(document, "words") ?? 0) >= 100, "\(document["path"] ?? "")")
            #expect(document["fleschReadingEase"] is NSNumber)
        }
    }
}
