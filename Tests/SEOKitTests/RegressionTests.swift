import Foundation
import SEOKit
import SEOKitTestSupport
import Testing

/// Inputs that crashed SEOKit once, found by the fuzz targets in `Fuzz/` (scripts/fuzz.sh),
/// minimized by libFuzzer and kept here verbatim. Each test reads the input the way the target
/// did and checks the result is sane, so the crash cannot come back unnoticed.
@Suite struct RegressionTests {
    /// Reads bytes as the fuzz targets do, through the whole pipeline: reader, text engine, rules.
    private func readAndLint(_ bytes: [UInt8], path: String, format: InputFormat) throws -> (Document, LintReport) {
        let document = try DocumentReader().read(bytes: bytes, path: path, format: format)
        let report = LintEngine().lint(document, keyphrases: ["fuzz keyphrase"])
        return (document, report)
    }

    private func checkRanges(_ document: Document, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for block in document.blocks {
            #expect(block.textRange.lowerBound >= 0 && block.textRange.upperBound <= document.text.count, sourceLocation: sourceLocation)
        }
    }

    /// markdown target, crash-c985fe23 minimized to 4 bytes: an opening code fence on the last
    /// line, followed by the newline. cmark ends the empty block before the line after the fence,
    /// and `MarkdownReader.Walker.codeBlock` built `contentStart..<end` with end < start: "Range
    /// requires lowerBound <= upperBound", the whole process killed (any batch with such a draft).
    @Test(arguments: [
        ("```\n", []),
        ("~~~\n", []),
        ("# Title\n\nSome text.\n\n```\n", ["Title", "Some text."]),
        ("# Title\n\nSome text.\n\n```swift\n", ["Title", "Some text."]),
        ("---\ntitle: T\n---\n```\n", []),
        ("+++\ntitle = \"T\"\n+++\n```\n", []),
        ("- item\n\n  ```\n", ["item"]),
        ("> ```\n", []),
        ("```\r\n", []),
    ] as [(String, [String])])
    func emptyFenceOnTheLastLine(_ text: String, prose expected: [String]) throws {
        for path in ["draft.md", "draft.mdx"] {
            let (document, report) = try readAndLint(Array(text.utf8), path: path, format: .markdown)
            checkRanges(document)
            // The empty block holds no text (the builder drops it); the prose before it stays.
            #expect(document.blocks.filter { $0.kind == .code }.allSatisfy { $0.textRange.isEmpty })
            let prose = document.blocks.filter(\.isProse).map { document.text(of: $0) }
            #expect(prose == expected, "\(text.debugDescription) in \(path)")
            #expect(report.path == path)
        }
    }

    /// markdown target, crash-3990f4d2 minimized to 9 bytes: TOML front matter whose only line is
    /// `[`. toml++ (inside TOMLKit, used then) asserted in `parse_key` and abort()ed the process; SEOKit now
    /// refuses a table header without a name first. Only inputs the guard stops are read here, in
    /// process (one that reached the assertion would kill the test runner; see
    /// HostileInputTests.tomlTableHeaderThatAbortedToml for the one that still does).
    @Test(arguments: [
        "+++\n[\n+++",
        "+++\n[\n+++\n\nBody.\n",
        "+++\ntitle = \"T\"\n[ \n+++\n",
        "+++\n[[\n+++\n",
        "+++\n[=a]\n+++\n",
    ])
    func tomlTableHeaderWithoutAName(_ text: String) throws {
        do {
            _ = try DocumentReader().read(bytes: Array(text.utf8), path: "draft.md", format: .markdown)
            Issue.record("read without an error: \(text.debugDescription)")
        } catch {
            guard case .malformedFrontMatter(let line, _) = error.cause else {
                Issue.record("unexpected error \(error)")
                return
            }
            #expect(line != nil && line! >= 2, "\(error)")
            #expect(error.description.hasPrefix("draft.md: malformed front matter at line "))
        }
    }

    /// text target, timeout-d297f0bb (2 KB of prose, minimized by hand to the cause): U+02BC
    /// MODIFIER LETTER APOSTROPHE after a word and before anything that is not a letter. The word
    /// stopped before it; U+02BC is a letter to Unicode, so the tokenizer started a word there,
    /// the word scanner refused an apostrophe at a word's start, and the tokenizer looped on the
    /// same byte forever (a hang: the batch never finished).
    @Test(arguments: ["Z\u{02BC}\u{FFFD}ich", "Z\u{02BC}\u{00A0}ich", "\u{02BC}", "a \u{02BC} b", "don\u{02BC}t stop\u{02BC}"])
    func modifierApostropheOutsideAWord(_ text: String) throws {
        let (document, _) = try readAndLint(Array(text.utf8), path: "fuzz.txt", format: .text)
        checkRanges(document)
        let analysis = TextAnalysis(document: document)
        var previous = 0
        for token in analysis.tokens {
            #expect(token.start < token.end && Int(token.start) >= previous)
            previous = Int(token.end)
        }
        // Every non-space byte belongs to a token.
        let covered = analysis.tokens.reduce(0) { $0 + Int($1.end - $1.start) }
        let spaces = text.unicodeScalars.filter { $0 == " " || $0 == "\u{00A0}" }.map { String($0).utf8.count }.reduce(0, +)
        #expect(covered == document.text.count - spaces, "\(analysis.tokens)")
    }
}
