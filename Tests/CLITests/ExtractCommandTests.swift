import Foundation
import SEOKitTestSupport
import Testing

/// `seokit extract` end to end: formats, output folder, errors and exit status.
@Suite struct ExtractCommandTests {
    static let page = """
        <html><head><title>Tide tables | Coast Walks</title></head><body>
        <nav><a href="/">Home</a> <a href="/walks">Walks</a> <a href="/about">About</a></nav>
        <article>
        <h1>How to read a tide table</h1>
        <p>Every year, walkers get cut off by the tide on beaches they know well, often with the answer in their pocket.</p>
        <p>A tide table lists the times and heights of high and low water for one place, usually a harbour nearby.</p>
        <div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
        </article>
        <footer><p>Copyright 2024 Coast Walks. All rights reserved, on every coast we know of.</p></footer>
        </body></html>
        """

    @Test func textToStandardOutput() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("tides.html", Self.page)
        let result = try Seokit.run(["extract", path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdoutLines == [
            "How to read a tide table",
            "Every year, walkers get cut off by the tide on beaches they know well, often with the answer in their pocket.",
            "A tide table lists the times and heights of high and low water for one place, usually a harbour nearby.",
        ])
        let bodyOnly = try Seokit.run(["extract", "--no-title", path])
        #expect(bodyOnly.stdoutLines.count == 2)
    }

    @Test func jsonAndMarkdown() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("tides.html", Self.page)
        let json = try Seokit.run(["extract", "--format", "json", path])
        #expect(json.status == 0, "\(json)")
        let object = try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any]
        #expect(object?["title"] as? String == "How to read a tide table")
        let blocks = object?["blocks"] as? [[String: Any]] ?? []
        #expect(blocks.count == 3)
        #expect(blocks.first?["line"] as? Int == 4)
        let markdown = try Seokit.run(["extract", "--format", "markdown", path])
        #expect(markdown.stdout.hasPrefix("# How to read a tide table\n\nEvery year"))
    }

    @Test func outputFolderAndErrors() throws {
        let directory = try TemporaryDirectory()
        let first = try directory.write("a/tides.html", Self.page)
        let second = try directory.write("b/tides.html", Self.page)
        let binary = try directory.write("image.html", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64))
        let output = directory.url("out")
        let result = try Seokit.run(["extract", "--output-dir", output, first, directory.url("missing.html"), binary, second])
        #expect(result.status == 2, "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.count == 2)
        #expect(result.stderrLines.contains { $0.hasPrefix(directory.url("missing.html") + ": ") })
        #expect(result.stderrLines.contains { $0.hasPrefix(binary + ": ") })
        let files = try FileManager.default.contentsOfDirectory(atPath: output).sorted()
        #expect(files == ["tides-2.txt", "tides.txt"])
        let text = try String(contentsOfFile: output + "/tides.txt", encoding: .utf8)
        #expect(text.hasPrefix("How to read a tide table\n"))
    }
}
