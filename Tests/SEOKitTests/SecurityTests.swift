import Foundation
import SEOKit
import SEOKitTestSupport
import Testing

/// What a hostile page or draft must never make SEOKit do: read a local file, reach the network,
/// expand entities without bound, or write machine-readable output that a consumer misreads
/// (raw control characters in JSON and SARIF, formulas in CSV cells).
@Suite struct SecurityTests {
    /// A file whose content must never show up in anything SEOKit produces.
    static let canary = "CANARY-7f3a9c-SECRET-CONTENT"

    /// Everything a reader produced from a page, as one string to search.
    static func everything(_ document: Document) -> String {
        var parts = [String(decoding: document.text.bytes, as: UTF8.self)]
        parts.append(document.metadata.title ?? "")
        parts.append(document.metadata.description ?? "")
        parts += document.links.map { $0.url + " " + $0.text }
        parts += document.images.map { $0.source + " " + ($0.alt ?? "") }
        parts += document.blocks.map { document.text(of: $0) }
        return parts.joined(separator: "\n")
    }

    /// Pages that, in a permissive XML/HTML stack, would pull in `file` or `url`.
    static func hostilePages(file: String, url: String) -> [(name: String, html: String)] {
        [
            ("doctype-system", """
                <!DOCTYPE html SYSTEM "file://\(file)"><html><head><title>Doctype</title></head><body><p>Body text.</p></body></html>
                """),
            ("doctype-system-http", """
                <!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "\(url)/dtd"><html><body><p>Body text.</p></body></html>
                """),
            ("xxe-general-entity", """
                <?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "file://\(file)">]><html><body><p>Before &xxe; after.</p><p title="&xxe;">x</p></body></html>
                """),
            ("xxe-http-entity", """
                <!DOCTYPE html [<!ENTITY net SYSTEM "\(url)/entity">]><html><body><p>Before &net; after.</p></body></html>
                """),
            ("xxe-parameter-entity", """
                <!DOCTYPE html [<!ENTITY % p SYSTEM "file://\(file)"> %p; <!ENTITY % q SYSTEM "\(url)/param"> %q;]><html><body><p>Body text.</p></body></html>
                """),
            ("xinclude", """
                <html xmlns:xi="http://www.w3.org/2001/XInclude"><body><p>Before</p><xi:include href="file://\(file)" parse="text"/><xi:include href="\(url)/xinclude" parse="text"/><p>After</p></body></html>
                """),
            ("resources", """
                <html><head><link rel="stylesheet" href="file://\(file)"><script src="\(url)/script.js"></script><base href="\(url)/"></head>
                <body><article><h1>Resources</h1><p>An image and frames that must not be fetched.</p>
                <img src="file://\(file)" alt="picture"><img src="\(url)/img.png"><iframe src="file://\(file)"></iframe>
                <object data="\(url)/object"></object><embed src="file://\(file)"><video src="\(url)/video" poster="file://\(file)"></video>
                <svg><image href="file://\(file)"/><use href="\(url)/sprite.svg#a"/></svg></article></body></html>
                """),
            ("meta-refresh", """
                <html><head><meta http-equiv="refresh" content="0; url=file://\(file)"></head><body><p>Body text.</p></body></html>
                """),
        ]
    }

    @Test func libxml2NeverLoadsExternalResources() throws {
        let folder = try TemporaryDirectory()
        let secret = try folder.write("secret.txt", Self.canary + "\n")
        try folder.write("secret.dtd", "<!ENTITY leak \"\(Self.canary)\">\n")
        let server = try LocalHTTPServer { _ in .html("<p>\(Self.canary)</p>") }
        defer { server.stop() }
        for (name, html) in Self.hostilePages(file: secret, url: server.url("")) {
            let path = folder.url("\(name).html")
            let bytes = Array(html.utf8)
            let read = try DocumentReader().read(bytes: bytes, path: path, format: .html)
            let decoded = try TextDecoding.decode(bytes, format: .html, path: path)
            let extracted = MainContentExtractor.extract(decoded, path: path)
            let tree = HTMLTree.parse(bytes)
            for (what, text) in [("reader", Self.everything(read)), ("extractor", Self.everything(extracted)),
                                 ("tree", String(decoding: tree.text, as: UTF8.self))] {
                #expect(!text.contains(Self.canary), "\(name): \(what) read the local file or the server: \(text.prefix(300))")
            }
            // The prose around the references is still read.
            if html.contains("Body text.") { #expect(Self.everything(read).contains("Body text."), "\(name)") }
        }
        // Also as raw HTML inside Markdown (HTML blocks go through the same parser).
        let markdown = "# Title\n\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file://\(secret)\">]>\n\n<p>&e;</p>\n\n<img src=\"\(server.url("/md.png"))\">\n"
        let document = try DocumentReader().read(string: markdown, path: folder.url("draft.md"), format: .markdown)
        #expect(!Self.everything(document).contains(Self.canary))
        // Nothing reached the network (all local: a listener on 127.0.0.1).
        #expect(server.requests.isEmpty, "requests: \(server.requests)")
    }

    /// Internal entities nested to expand to gigabytes ("billion laughs"): the HTML parser must
    /// not expand them (HTML has no user-defined entities), in bounded time and memory.
    @Test func entityExpansionBomb() throws {
        var declarations = "<!ENTITY l0 \"lol lol lol lol lol lol lol lol lol lol \">"
        for level in 1...10 {
            declarations += "<!ENTITY l\(level) \"" + String(repeating: "&l\(level - 1);", count: 10) + "\">"
        }
        let page = "<?xml version=\"1.0\"?><!DOCTYPE html [\(declarations)]><html><body><p>Start &l10; end.</p></body></html>"
        let started = Date()
        let document = try DocumentReader().read(string: page, path: "bomb.html", format: .html)
        let elapsed = Date().timeIntervalSince(started)
        #expect(elapsed < 5, "took \(elapsed) s")
        #expect(document.text.count < 10_000, "expanded to \(document.text.count) bytes")
        #expect(Self.everything(document).contains("Start"))
    }

    // MARK: - Machine-readable outputs

    /// Every C0 control character, DEL, the JavaScript line separators, a lone surrogate's
    /// replacement and a quote and backslash.
    static let controlText = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) }.joined() + "\u{7F}\u{2028}\u{2029}\"\\</script>"

    /// A report whose path and title carry every control character.
    static func hostileRun() throws -> (run: LintRun, path: String, title: String) {
        // A path cannot hold NUL; every other control character can be in a Linux file name.
        let path = "drafts/evil\u{1B}[31m\n\u{07}\t\(controlText.filter { $0 != "\0" }).md"
        let title = "Title with \(controlText) inside"
        // Double-quoted YAML: escapes for every control character.
        let escapedTitle = title.unicodeScalars.map { scalar -> String in
            switch scalar.value {
            case 0x22: return "\\\""
            case 0x5C: return "\\\\"
            case 0..<0x20, 0x7F, 0x2028, 0x2029: return String(format: "\\u%04X", scalar.value)
            default: return String(scalar)
            }
        }.joined()
        let draft = "---\ntitle: \"\(escapedTitle)\"\n---\n# A heading\n\nSome text.\n"
        let document: Document
        do {
            document = try DocumentReader().read(string: draft, path: path, format: .markdown)
        } catch {
            Issue.record("cannot read the draft: \(error.reason)")
            throw error
        }
        #expect(document.metadata.title == title, "the front matter did not carry the controls")
        let report = LintEngine().lint(document)
        let failure = InputError(path: path, cause: .malformedFrontMatter(line: 2, detail: controlText))
        return (LintRun(reports: [report], inputErrors: [failure]), path, title)
    }

    /// Control bytes other than the layout ones (tab, newline) of pretty-printed JSON.
    static func rawControls(_ text: String) -> [UInt8] {
        text.utf8.filter { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 && $0 != 0x0D }
    }

    /// All string values in a parsed JSON document.
    static func strings(in value: Any) -> [String] {
        switch value {
        case let text as String: return [text]
        case let array as [Any]: return array.flatMap { strings(in: $0) }
        case let object as [String: Any]: return object.keys.map { $0 } + object.values.flatMap { strings(in: $0) }
        default: return []
        }
    }

    @Test(arguments: ["json", "sarif"])
    func jsonOutputsEscapeControlCharacters(format: String) throws {
        let (run, path, title) = try Self.hostileRun()
        let text = format == "json" ? JSONLintFormatter().render(run) : SARIFLintFormatter().render(run)
        #expect(Self.rawControls(text).isEmpty, "raw control bytes: \(Self.rawControls(text))")
        // JSONSerialization rejects raw control characters inside strings: parsing proves that
        // tabs and newlines in values are escaped too.
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let values = Self.strings(in: object)
        // The values round-trip exactly: escaped, not dropped or mangled.
        // The values round-trip: escaped, not dropped. JSON keeps the path as it is; SARIF gives it
        // as a percent-encoded URI (and as is in the input error's message).
        if format == "json" {
            #expect(values.contains(path), "the path did not round-trip")
        } else {
            #expect(values.contains { $0.removingPercentEncoding == path }, "the artifact URI does not decode to the path")
        }
        // Messages quote the title with its whitespace collapsed; the other controls stay.
        let kept = "Title with \0\u{01}\u{02}\u{03}\u{04}\u{05}\u{06}\u{07}\u{08} \u{0E}"
        #expect(values.contains { $0.contains(kept) && $0.contains("\u{1B}\u{1C}\u{1D}\u{1E}\u{1F}\u{7F}") }, "the title did not round-trip")
        #expect(values.contains { $0.contains(Self.controlText) }, "the error detail did not round-trip")
    }

    @Test func jsonValueEscapesEveryControlCharacter() throws {
        for scalar in (0..<0x20).map({ UnicodeScalar(UInt8($0)) }) + ["\u{7F}", "\u{2028}", "\u{2029}", "\"", "\\"] {
            let value = "a\(scalar)b"
            let serialized = JSONValue.object([("k", .string(value))]).serialized()
            #expect(Self.rawControls(serialized).isEmpty && !serialized.contains("\n"), "U+\(String(scalar.value, radix: 16)): \(serialized.debugDescription)")
            let parsed = try JSONSerialization.jsonObject(with: Data(serialized.utf8)) as? [String: String]
            #expect(parsed?["k"] == value, "U+\(String(scalar.value, radix: 16))")
        }
    }

    // MARK: - CSV

    /// Cells a spreadsheet would run as a formula (OWASP "CSV injection"): `=`, `+`, `-`, `@`,
    /// tab and carriage return first.
    static let formulas = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)", "\t=1", "\r=1", "=cmd|' /C calc'!A0"]

    /// Splits one CSV record (RFC 4180 quoting) into cells.
    static func csvCells(_ line: String) -> [String] {
        var cells: [String] = []
        var cell = ""
        var quoted = false
        var iterator = Array(line).makeIterator()
        var pending: Character? = nil
        while let character = pending ?? iterator.next() {
            pending = nil
            if quoted {
                if character == "\"" {
                    if let next = iterator.next() {
                        if next == "\"" { cell.append("\"") } else { quoted = false; pending = next }
                    } else { quoted = false }
                } else { cell.append(character) }
            } else if character == "\"" && cell.isEmpty {
                quoted = true
            } else if character == "," {
                cells.append(cell); cell = ""
            } else { cell.append(character) }
        }
        cells.append(cell)
        return cells
    }

    @Test(arguments: formulas)
    func csvNeutralisesFormulaCells(formula: String) throws {
        // In the path of a failed file, and in the message.
        let failure = ScoreRecord(failure: InputError(path: formula, cause: .malformedFrontMatter(line: 1, detail: formula)))
        let row = ScoreRendering.csvRow(failure)
        let cells = Self.csvCells(String(row.dropLast()))
        #expect(cells.count == ScoreRendering.csvColumns.count, "\(row.debugDescription)")
        let path = try #require(cells.first)
        #expect(path == "'" + formula, "path cell \(path.debugDescription)")
        for cell in cells {
            if let first = cell.first { #expect(!"=+-@\t\r".contains(first), "formula cell \(cell.debugDescription) in \(row.debugDescription)") }
        }
        // In a scored document's path: numbers stay numbers (a negative grade is not quoted).
        let document = try DocumentReader().read(string: "# Short\n\nA b c.\n", path: formula + ".md", format: .markdown)
        let scored = ScoreRendering.csvRow(ScoreRecord(report: LintEngine().lint(document)))
        let scoredCells = Self.csvCells(String(scored.dropLast()))
        #expect(scoredCells.first == "'" + formula + ".md", "\(scored.debugDescription)")
        let grade = try #require(ScoreRendering.csvColumns.firstIndex(of: "grade"))
        #expect(Double(scoredCells[grade]) != nil, "grade cell \(scoredCells[grade].debugDescription)")
    }
}
