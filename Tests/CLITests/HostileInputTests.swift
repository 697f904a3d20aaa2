import Foundation
import SEOKitTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Hostile inputs through the real binary. For each: no crash, no hang (a wall-clock limit this
/// side enforces, see `HostileLimits`), peak memory under a stated bound (the child's own rusage),
/// one line naming the file and the cause, the other files still processed, the documented exit
/// code (0 ok, 1 findings or low scores, 2 input errors and repaired inputs).
///
/// Serialized: the big cases each take seconds of the shared machine, and running them side by
/// side would make the time and memory figures meaningless. Big inputs are generated here, in a
/// temporary folder, never committed.
@Suite(.serialized) struct HostileInputTests {
    // MARK: - Helpers

    /// A short, valid draft that must still be processed next to the hostile one.
    static let goodDraft = """
        ---
        title: A perfectly ordinary draft about watering a lawn
        ---
        # Watering a lawn

        Water early in the morning. The grass dries before the evening, and less water evaporates.

        """

    /// The `documents` (stats, score) or `files` (lint) of JSON output, by path.
    static func jsonEntries(_ output: String) throws -> [String: [String: Any]] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(output.utf8)) as? [String: Any], "not JSON: \(output.prefix(500))")
        let list = (object["documents"] ?? object["files"]) as? [[String: Any]] ?? []
        var byPath: [String: [String: Any]] = [:]
        for entry in list { if let path = entry["path"] as? String { byPath[path] = entry } }
        return byPath
    }

    /// Words of one document in `stats --format json` output (or lint JSON's statistics).
    static func words(_ entry: [String: Any]?) -> Int? {
        guard let entry else { return nil }
        if let words = entry["words"] as? NSNumber { return words.intValue }
        return ((entry["statistics"] as? [String: Any])?["words"] as? NSNumber)?.intValue
    }

    /// Lines that report a problem with `path`: the lint text report's "path: error: ..." and
    /// "path:L:C: note: ..." lines on standard output, and "seokit: path...: ..." on standard error.
    static func errorLines(_ text: String, path: String) -> [String] {
        text.split(separator: "\n").map(String.init).filter {
            $0.hasPrefix("\(path): error: ") || $0.hasPrefix("seokit: \(path):")
                || ($0.hasPrefix("\(path):") && $0.contains(": note: "))
        }
    }

    /// One line (per output stream) names the file, and says the cause.
    static func expectNamedError(_ result: BoundedProcess.Result, path: String, cause: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        let out = errorLines(result.stdout, path: path)
        let err = errorLines(result.stderr, path: path)
        #expect(!(out + err).isEmpty, "no line names \(path): \(result)", sourceLocation: sourceLocation)
        #expect(out.count <= 1 && err.count <= 1, "one line per stream expected: \(out + err)", sourceLocation: sourceLocation)
        for line in out + err {
            #expect(line.contains(cause), "expected '\(cause)' in '\(line)'", sourceLocation: sourceLocation)
        }
    }

    // MARK: - Small malformed inputs

    @Test func emptyFile() throws {
        let folder = try TemporaryDirectory()
        try folder.write("empty.md", "")
        try folder.write("good.md", Self.goodDraft)
        let stats = try BoundedProcess.run(["stats", "--format", "json", "empty.md", "good.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(stats, status: 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        let entries = try Self.jsonEntries(stats.stdout)
        #expect(Self.words(entries["empty.md"]) == 0)
        #expect(Self.words(entries["good.md"]) == 18)
        // An empty page has no title: an error-level finding, so lint exits 1 (not a crash, not 2).
        let lint = try BoundedProcess.run(["lint", "empty.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(lint, status: 1, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        #expect(lint.stdout.contains("empty.md:1:1: error: The page has no title. [meta.title-missing]"), "\(lint)")
    }

    @Test func onlyFrontMatter() throws {
        let folder = try TemporaryDirectory()
        try folder.write("matter.md", "---\ntitle: Only front matter here\nkeyphrase: front matter\n---\n")
        try folder.write("matter-toml.md", "+++\ntitle = \"Only front matter here\"\n+++")
        let stats = try BoundedProcess.run(["stats", "--format", "json", "matter.md", "matter-toml.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(stats, status: 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        let entries = try Self.jsonEntries(stats.stdout)
        #expect(Self.words(entries["matter.md"]) == 0)
        #expect(Self.words(entries["matter-toml.md"]) == 0)
        let lint = try BoundedProcess.run(["lint", "--format", "json", "matter.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(lint, status: 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        #expect(try Self.jsonEntries(lint.stdout)["matter.md"] != nil)
    }

    @Test(arguments: [
        // (name, text, line of the error)
        ("bad-yaml.md", "---\ntitle: [unclosed\nfoo: : bar\n---\nBody text here.\n", 3),
        ("bad-yaml-tab.md", "---\ntitle: x\n\tdescription: y\n---\nBody.\n", 3),
        ("bad-toml.md", "+++\ntitle = \"x\nbad = = \n+++\nBody.\n", 2),
        ("bad-toml-duplicate.md", "+++\ntitle = \"a\"\ntitle = \"b\"\n+++\nBody.\n", 3),
    ])
    func malformedFrontMatter(name: String, text: String, line: Int) throws {
        let folder = try TemporaryDirectory()
        try folder.write(name, text)
        try folder.write("good.md", Self.goodDraft)
        let lint = try BoundedProcess.run(["lint", name, "good.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(lint, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        Self.expectNamedError(lint, path: name, cause: "malformed front matter at line \(line)")
        #expect(lint.stdout.contains("good.md: SEO "), "the good file must still be linted: \(lint)")

        let score = try BoundedProcess.run(["score", "--format", "csv", "--quiet", name, "good.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(score, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        Self.expectNamedError(score, path: name, cause: "malformed front matter at line \(line)")
        let rows = score.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("good.md,ok,") }, "\(score)")
        #expect(rows.contains { $0.hasPrefix("\(name),error,") }, "\(score)")
    }

    /// TOML table headers that toml++ (inside TOMLKit 0.6.0, which SEOKit used then) asserted on
    /// and abort()ed the whole process: without a name, found by the markdown fuzz target
    /// ("+++\n[\n+++"), and with three or more brackets, a way past the first guard found
    /// checking the fix. SEOKit reads TOML itself now: "malformed front matter at line 2", exit
    /// 2, the good file still linted.
    @Test(arguments: ["[", "[ ", "[[", "[=a]", "[.a]", "[#", "[[[a]]]", "[[[ a ]]]", "[[[\"a\"]]]"])
    func tomlTableHeaderThatAbortedToml(header: String) throws {
        let folder = try TemporaryDirectory()
        try folder.write("header.md", "+++\n\(header)\n+++\nBody text.\n")
        try folder.write("good.md", Self.goodDraft)
        let lint = try BoundedProcess.run(["lint", "header.md", "good.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(lint, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        Self.expectNamedError(lint, path: "header.md", cause: "malformed front matter at line 2")
        #expect(lint.stdout.contains("good.md: SEO "), "\(lint)")
    }

    /// Valid TOML whose lines start with `[` without being table headers: a nested empty array in
    /// a multi-line array, a line of a multi-line string. The guard follows strings and brackets
    /// now, so only real table headers are checked.
    @Test(arguments: [
        "title = \"Arrays\"\nmatrix = [\n  [],\n  [1, 2],\n]",
        "title = \"Strings\"\nnote = \"\"\"\n[\nnot a header\n\"\"\"",
        "title = \"Tables\"\npoints = [\n  [{ x = 1 }],\n]",
    ])
    func validTOMLWithLinesStartingWithABracket(matter: String) throws {
        let folder = try TemporaryDirectory()
        try folder.write("valid.md", "+++\n\(matter)\n+++\nBody text here.\n")
        let stats = try BoundedProcess.run(["stats", "--format", "json", "valid.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(stats, status: 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        #expect(Self.words((try? Self.jsonEntries(stats.stdout))?["valid.md"]) == 3, "\(stats)")
    }

    /// Globs in a `.seokit.yml` (found by the config fuzz target: a 1.2 KB file took 50 s and
    /// 1.6 GB for one draft). `Glob` used to expand every `{a,b}` group eagerly (2^n
    /// alternatives) and to backtrack exponentially on repeated `**`. Now a glob past 256
    /// alternatives is refused as a configuration error, and `**` is matched by dynamic
    /// programming: either way at once.
    @Test(arguments: [
        ("braces", "exclude: \"" + String(repeating: "{a,b}", count: 24) + "\"\n"),
        ("globstars", "exclude: \"" + String(repeating: "**/", count: 10) + "y\"\n"),
    ])
    func pathologicalGlobsInTheConfiguration(kind: String, configuration: String) throws {
        let folder = try TemporaryDirectory()
        try folder.write(".seokit.yml", configuration)
        try folder.write(String(repeating: "s/", count: 26) + "deep.md", Self.goodDraft)
        let limit = 10 * HostileLimits.scale
        let lint = try BoundedProcess.run(["lint", "."], in: folder.path, timeout: limit)
        print("hostile: \(kind) glob: \(String(format: "%.1f", lint.seconds)) s, \(lint.megabytes) MB\(lint.timedOut ? " (killed at the limit)" : "")")
        #expect(!lint.timedOut && lint.signal == nil, "\(lint)")
        #expect([0, 1, 2].contains(lint.status), "\(lint)")
    }

    /// A "billion laughs" in YAML front matter: 400 bytes of anchors and aliases, 9 aliases of the
    /// level below on each of 7 levels (43 million leaves once expanded). Known bug:
    /// `FrontMatter.convert` walks every alias in full (Yams.compose shares the nodes, the walk
    /// does not): 25 s and 3.1 GB for 7 levels, each level 9 times more, so 8 levels exhaust a CI
    /// machine. Now every value counts against a budget (10,000): the file is refused as
    /// malformed front matter at once, memory flat.
    @Test func yamlAliasBombInFrontMatter() throws {
        let folder = try TemporaryDirectory()
        var lines = ["---", "a0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]"]
        for level in 1...7 {
            lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ",") + "]")
        }
        lines += ["title: A bomb in the front matter", "---", "Body text.", ""]
        try folder.write("bomb.md", lines.joined(separator: "\n"))
        try folder.write("good.md", Self.goodDraft)
        // A short leash: the bug would take 25 s and 3 GB here; killed at the limit.
        let limit = 10 * HostileLimits.scale
        let stats = try BoundedProcess.run(["stats", "--format", "json", "bomb.md", "good.md"], in: folder.path, timeout: limit)
        print("hostile: YAML alias bomb (7 levels): \(String(format: "%.1f", stats.seconds)) s, \(stats.megabytes) MB\(stats.timedOut ? " (killed at the limit)" : "")")
        #expect(!stats.timedOut && stats.signal == nil, "\(stats)")
        #expect(stats.peakMemory < HostileLimits.smallMemory, "\(stats.megabytes) MB")
        #expect(Self.words((try? Self.jsonEntries(stats.stdout))?["good.md"]) == 18)
        // Refused as malformed front matter, one line naming the file; the other file still read.
        #expect(stats.status == 2)
        #expect(stats.stderr.contains("bomb.md") && stats.stderr.contains("front matter"))
    }

    // MARK: - Encodings

    @Test func invalidUTF8IsRepairedAndReported() throws {
        let folder = try TemporaryDirectory()
        // é in Latin-1, a lone continuation byte, a truncated 3-byte sequence, an overlong NUL.
        let bytes: [UInt8] = Array("# Caf".utf8) + [0xE9] + Array(" menu\n\nThe ".utf8) + [0x80] + Array(" soup is ".utf8)
            + [0xE2, 0x82] + Array(" hot. Order at the ".utf8) + [0xC0, 0x80] + Array(" counter.\n".utf8)
        try folder.write("invalid.md", bytes: bytes)
        try folder.write("good.md", Self.goodDraft)
        let stats = try BoundedProcess.run(["stats", "--format", "json", "invalid.md", "good.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        // A repaired input is reported and exits 2 (documented: "could not be read or was repaired").
        expectCleanExit(stats, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        Self.expectNamedError(stats, path: "invalid.md", cause: "invalid UTF-8")
        let entries = try Self.jsonEntries(stats.stdout)
        #expect((Self.words(entries["invalid.md"]) ?? 0) >= 10, "\(stats)")
        #expect(Self.words(entries["good.md"]) == 18)
    }

    @Test func utf16WithByteOrderMarkReadsLikeUTF8() throws {
        let folder = try TemporaryDirectory()
        let text = "# Über den Kaffee\n\nHello world. This is UTF-16 text with “quotes” and 😀.\n"
        try folder.write("utf8.md", text)
        try folder.write("utf16le.md", bytes: [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        try folder.write("utf16be.md", bytes: [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        let stats = try BoundedProcess.run(["stats", "--format", "json", "utf8.md", "utf16le.md", "utf16be.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(stats, status: 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        let entries = try Self.jsonEntries(stats.stdout)
        let reference = try #require(entries["utf8.md"])
        for name in ["utf16le.md", "utf16be.md"] {
            let entry = try #require(entries[name])
            for key in ["words", "sentences", "syllables", "characters", "letters"] {
                #expect((entry[key] as? NSNumber) == (reference[key] as? NSNumber), "\(name) \(key)")
            }
        }
        #expect(Self.words(reference) == 12)
    }

    @Test func latin1PageWithMetaCharset() throws {
        let folder = try TemporaryDirectory()
        let page = { (charset: String, body: String) in
            "<html><head><meta charset=\"\(charset)\"><title>Le café de la gare</title></head><body><article><h1>Le café</h1><p>\(body)</p></article></body></html>"
        }
        let body = "Le café est très bon. Voilà une crème brûlée, déjà prête à emporter."
        try folder.write("utf8.html", page("utf-8", body))
        let latin1 = page("iso-8859-1", body).unicodeScalars.map { UInt8($0.value) }
        try folder.write("latin1.html", bytes: latin1)
        let stats = try BoundedProcess.run(["stats", "--format", "json", "utf8.html", "latin1.html"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(stats, status: 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        let entries = try Self.jsonEntries(stats.stdout)
        for key in ["words", "sentences", "syllables", "letters"] {
            #expect((entries["latin1.html"]?[key] as? NSNumber) == (entries["utf8.html"]?[key] as? NSNumber), "\(key)")
        }
        let extract = try BoundedProcess.run(["extract", "latin1.html"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(extract, status: 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        #expect(extract.stdout.contains("crème brûlée, déjà prête"), "\(extract)")
        #expect(!extract.stdout.contains("\u{FFFD}"))
    }

    @Test func nulBytes() throws {
        let folder = try TemporaryDirectory()
        // A few NULs in a page of text: repaired (U+FFFD) and reported, the text still counted.
        var bytes = Array(String(repeating: "The baker folds the dough twice before noon. ", count: 40).utf8)
        for position in [100, 900, 1500] { bytes[position] = 0 }
        try folder.write("some-nul.md", bytes: bytes)
        // Mostly NULs: taken for binary and refused.
        try folder.write("mostly-nul.md", bytes: Array("Hello".utf8) + [UInt8](repeating: 0, count: 4096) + Array(" world.".utf8))
        try folder.write("good.md", Self.goodDraft)
        let stats = try BoundedProcess.run(["stats", "--format", "json", "some-nul.md", "mostly-nul.md", "good.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(stats, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        Self.expectNamedError(stats, path: "some-nul.md", cause: "NUL")
        Self.expectNamedError(stats, path: "mostly-nul.md", cause: "looks like a binary file")
        let entries = try Self.jsonEntries(stats.stdout)
        #expect((Self.words(entries["some-nul.md"]) ?? 0) >= 300, "\(stats)")
        #expect(entries["mostly-nul.md"] == nil)
        #expect(Self.words(entries["good.md"]) == 18)
    }

    @Test func binaryFilesWithTextNames() throws {
        let folder = try TemporaryDirectory()
        // The test binary itself (ELF), a PNG signature, a gzip stream, and random bytes.
        let executable = Array(try Data(contentsOf: URL(fileURLWithPath: "/proc/self/exe")).prefix(65536))
        try folder.write("program.md", bytes: executable)
        try folder.write("image.html", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 7, count: 300))
        try folder.write("archive.txt", bytes: [0x1F, 0x8B, 0x08, 0x00] + [UInt8](repeating: 0x41, count: 300))
        var generator = SplitMix64(seed: 42)
        try folder.write("noise.md", bytes: (0..<20000).map { _ in UInt8(truncatingIfNeeded: generator.next()) })
        try folder.write("good.md", Self.goodDraft)
        let names = ["program.md", "image.html", "archive.txt", "noise.md"]
        let lint = try BoundedProcess.run(["lint"] + names + ["good.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(lint, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        for name in names { Self.expectNamedError(lint, path: name, cause: "looks like a binary file") }
        #expect(lint.stdout.contains("good.md: SEO "), "\(lint)")
        #expect(lint.stdout.contains("in 1 of 1 file; 4 input errors"), "\(lint)")
    }

    // MARK: - Size and depth

    /// 50 MB of prose on one line, 13 words per sentence.
    static func fiftyMegabyteLine(in folder: TemporaryDirectory) throws -> (path: String, words: Int) {
        let sentence = "The quick brown fox jumps over seven lazy dogs while tired bakers argue. "
        let repeats = (50 << 20) / sentence.utf8.count + 1
        var bytes = Array("# Big\n\n".utf8)
        bytes.reserveCapacity(repeats * sentence.utf8.count + 16)
        let unit = Array(sentence.utf8)
        for _ in 0..<repeats { bytes.append(contentsOf: unit) }
        bytes.append(UInt8(ascii: "\n"))
        return (try folder.write("big.md", bytes: bytes), 1 + 13 * repeats)
    }

    @Test func fiftyMegabyteLineIsRefusedByTheDefaultCap() throws {
        let folder = try TemporaryDirectory()
        _ = try Self.fiftyMegabyteLine(in: folder)
        try folder.write("good.md", Self.goodDraft)
        let lint = try BoundedProcess.run(["lint", "big.md", "good.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        // Refused before reading: fast, and no more memory than a small run.
        expectCleanExit(lint, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        Self.expectNamedError(lint, path: "big.md", cause: "is too large (50.0 MB; the limit is 20.0 MB, see --max-file-size)")
        #expect(lint.stdout.contains("good.md: SEO "), "\(lint)")
    }

    @Test func fiftyMegabyteLineIsReadWithALargerCap() throws {
        let folder = try TemporaryDirectory()
        let (_, words) = try Self.fiftyMegabyteLine(in: folder)
        let lint = try BoundedProcess.run(["lint", "--max-file-size", "64", "--format", "json", "big.md"], in: folder.path, timeout: HostileLimits.largeSeconds)
        // Read and linted: one 9-million-word paragraph is an error-level finding
        // (readability.paragraph-length), so exit 1.
        expectCleanExit(lint, status: 1, seconds: HostileLimits.largeSeconds, memory: HostileLimits.largeMemory)
        #expect(lint.stdout.contains("readability.paragraph-length"))
        #expect(Self.words(try Self.jsonEntries(lint.stdout)["big.md"]) == words)
        print("hostile: 50 MB line, lint --max-file-size 64: \(String(format: "%.1f", lint.seconds)) s, \(lint.megabytes) MB")
    }

    @Test func hundredThousandNestedElements() throws {
        let folder = try TemporaryDirectory()
        let depth = 100_000
        let page = "<html><body>" + String(repeating: "<div>", count: depth) + "<p>Deep text here.</p>"
            + String(repeating: "</div>", count: depth) + "<p>After the nest comes more prose.</p></body></html>"
        try folder.write("nested.html", page)
        // Unclosed: 50,000 levels of <div><span> never closed.
        try folder.write("unclosed.html", "<html><body>" + String(repeating: "<div><span>", count: 50_000) + "<p>Deep text here.</p><p>After the nest comes more prose.</p>")
        let stats = try BoundedProcess.run(["stats", "--format", "json", "nested.html", "unclosed.html"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(stats, status: 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        let entries = try Self.jsonEntries(stats.stdout)
        // Nothing lost at depth and nothing lost after it: 3 + 6 words.
        #expect(Self.words(entries["nested.html"]) == 9)
        #expect(Self.words(entries["unclosed.html"]) == 9)
        for command in [["lint", "nested.html", "unclosed.html"], ["extract", "nested.html", "unclosed.html"]] {
            let result = try BoundedProcess.run(command, in: folder.path, timeout: HostileLimits.smallSeconds)
            expectCleanExit(result, status: command[0] == "lint" ? 1 : 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
            print("hostile: 100,000 nested elements, \(command[0]): \(String(format: "%.2f", result.seconds)) s, \(result.megabytes) MB")
        }
    }

    @Test func tenThousandLevelsOfMarkdownNesting() throws {
        let folder = try TemporaryDirectory()
        // "- - - x" nests a list per marker on one line (no quadratic indentation needed).
        let text = String(repeating: "- ", count: 10_000) + "item\n\nAfter the nest comes more prose.\n\n"
            + String(repeating: "> ", count: 10_000) + "quoted\n\nEnd para words.\n\n"
            + String(repeating: "1. ", count: 5_000) + "x\n\n" + String(repeating: "* ", count: 10_000) + "\n"
        try folder.write("nested.md", text)
        let stats = try BoundedProcess.run(["stats", "--format", "json", "nested.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(stats, status: 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        // item + 6 + quoted + 3 + x
        #expect(Self.words(try Self.jsonEntries(stats.stdout)["nested.md"]) == 12, "\(stats)")
        let lint = try BoundedProcess.run(["lint", "nested.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(lint, status: 1, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        print("hostile: 10,000-level Markdown nesting, lint: \(String(format: "%.2f", lint.seconds)) s, \(lint.megabytes) MB")
    }

    @Test func millionLinks() throws {
        let folder = try TemporaryDirectory()
        var page = "<html><head><title>A page of one million links</title></head><body><h1>Links</h1><p>"
        page.reserveCapacity(30 << 20)
        // Anchor text that no rule flags: a generic "link" would give one finding per link (a
        // million findings: 570 MB of JSON, 2 GB of memory, 42 s; findings are not capped).
        for index in 0..<1_000_000 { page += "<a href=\"/p\(index)\">Zanzibar</a> " }
        page += "</p></body></html>"
        try folder.write("links.html", page)
        // About 28 MB: over the default cap, so say so, then read it with a larger one.
        let refused = try BoundedProcess.run(["lint", "links.html"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(refused, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        Self.expectNamedError(refused, path: "links.html", cause: "is too large")
        let lint = try BoundedProcess.run(["lint", "--max-file-size", "64", "--format", "json", "links.html"], in: folder.path, timeout: HostileLimits.largeSeconds)
        expectCleanExit(lint, status: 1, seconds: HostileLimits.largeSeconds, memory: HostileLimits.largeMemory)
        // "Links" (h1) + one word per link.
        #expect(Self.words(try Self.jsonEntries(lint.stdout)["links.html"]) == 1_000_001)
        print("hostile: 1,000,000 links, lint --max-file-size 64: \(String(format: "%.1f", lint.seconds)) s, \(lint.megabytes) MB")
    }

    // MARK: - Files that go away, loop or cannot be read

    @Test func unreadableFileInABatch() throws {
        let folder = try TemporaryDirectory()
        try folder.write("site/a.md", Self.goodDraft)
        try folder.write("site/b.md", Self.goodDraft)
        // Listed by the directory walk, gone when read: the same failure as a file removed between
        // discovery and reading (open(2) says ENOENT).
        try folder.symlink("site/gone.md", to: "removed-long-ago.md")
        var unreadable: [(name: String, cause: String)] = [("site/gone.md", "no such file or directory")]
        // chmod 000 only makes a file unreadable for a user without CAP_DAC_OVERRIDE; the tests
        // often run as root (CI here does), where the file would simply be read.
        try folder.write("site/secret.md", Self.goodDraft)
        chmod(folder.url("site/secret.md"), 0)
        defer { chmod(folder.url("site/secret.md"), 0o644) }
        let rootCanRead = access(folder.url("site/secret.md"), R_OK) == 0
        if !rootCanRead { unreadable.append(("site/secret.md", "cannot be read (Permission denied)")) }

        let score = try BoundedProcess.run(["score", "--format", "csv", "--quiet", "--jobs", "2", "site"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(score, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        for (name, cause) in unreadable { Self.expectNamedError(score, path: name, cause: cause) }
        let rows = score.stdout.split(separator: "\n").map(String.init)
        #expect(rows.contains { $0.hasPrefix("site/a.md,ok,") } && rows.contains { $0.hasPrefix("site/b.md,ok,") }, "\(score)")
        #expect(rows.contains { $0.hasPrefix("site/secret.md,ok,") } == rootCanRead, "\(score)")

        // Named explicitly: a folder called x.md (nothing to read in it) and the dangling link.
        try folder.makeFolder("x.md")
        let lint = try BoundedProcess.run(["lint", "x.md", "site/gone.md", "site/a.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(lint, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        Self.expectNamedError(lint, path: "x.md", cause: "contains no Markdown, HTML or text files")
        Self.expectNamedError(lint, path: "site/gone.md", cause: "no such file or directory")
        #expect(lint.stdout.contains("site/a.md: SEO "), "\(lint)")
    }

    /// A file deleted while a long single-threaded batch runs: whichever moment it goes, the run
    /// ends normally, every other file is scored, and the deleted one is either scored (read
    /// before the deletion) or reported as gone, with the exit code to match.
    @Test func fileRemovedWhileTheBatchRuns() throws {
        let folder = try TemporaryDirectory()
        let count = 1500
        for index in 0..<count { try folder.write(String(format: "site/%04d.md", index), Self.goodDraft) }
        let victim = "site/1400.md"
        let process = try BoundedProcess(["score", "--format", "csv", "--quiet", "--jobs", "1", "site"], in: folder.path)
        usleep(300_000)
        try FileManager.default.removeItem(atPath: folder.url(victim))
        let result = process.wait(timeout: HostileLimits.largeSeconds)
        #expect(!result.timedOut && result.signal == nil, "\(result)")
        let rows = result.stdout.split(separator: "\n").dropFirst().map(String.init)
        let others = rows.filter { !$0.hasPrefix(victim + ",") }
        #expect(others.count == count - 1 && others.allSatisfy { $0.contains(",ok,") }, "\(others.count) other rows")
        let row = rows.first { $0.hasPrefix(victim + ",") }
        if let row, row.hasPrefix(victim + ",error,") {
            // Listed, then gone when read.
            #expect(result.status == 2, "\(result)")
            Self.expectNamedError(result, path: victim, cause: "no such file or directory")
        } else {
            // Read before the deletion (ok), or deleted before the folder was listed (absent).
            #expect(row == nil || row!.hasPrefix(victim + ",ok,"), "\(row ?? "")")
            #expect(result.status == 0, "\(result)")
        }
    }

    @Test func symbolicLinkLoops() throws {
        let folder = try TemporaryDirectory()
        try folder.write("site/a.md", Self.goodDraft)
        try folder.symlink("site/loop1.md", to: "loop2.md")
        try folder.symlink("site/loop2.md", to: "loop1.md")
        // Folder links that lead back up: the walk must not go round (or list a.md twice).
        try folder.makeFolder("site/sub")
        try folder.symlink("site/sub/up", to: "..")
        try folder.symlink("site/sub/self", to: ".")
        let score = try BoundedProcess.run(["score", "--format", "csv", "--quiet", "site"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(score, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        Self.expectNamedError(score, path: "site/loop1.md", cause: "symbolic link loop")
        Self.expectNamedError(score, path: "site/loop2.md", cause: "symbolic link loop")
        let rows = score.stdout.split(separator: "\n").map(String.init)
        #expect(rows.filter { $0.contains("a.md,ok,") }.count == 1, "\(score)")
        let lint = try BoundedProcess.run(["lint", "site/loop1.md", "site/a.md"], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(lint, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        Self.expectNamedError(lint, path: "site/loop1.md", cause: "symbolic link loop")
    }

    @Test func pathsWithSpacesCommasAndNonASCII() throws {
        let folder = try TemporaryDirectory()
        let name = "Entwürfe 2024/naïve café, “draft” — ü.md"
        try folder.write(name, Self.goodDraft)
        let missing = "Entwürfe 2024/gelöscht später.md"
        let score = try BoundedProcess.run(["score", "--format", "csv", "--quiet", "Entwürfe 2024", missing], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(score, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        // CSV quotes the cell with a comma and a quote in it.
        #expect(score.stdout.contains("\"\(name.replacingOccurrences(of: "\"", with: "\"\""))\",ok,"), "\(score)")
        Self.expectNamedError(score, path: missing, cause: "no such file or directory")
        let stats = try BoundedProcess.run(["stats", "--format", "json", name], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(stats, status: 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        #expect(Self.words(try Self.jsonEntries(stats.stdout)[name]) == 18)
        let lint = try BoundedProcess.run(["lint", name], in: folder.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(lint, status: 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        #expect(lint.stdout.contains("\(name): SEO "), "\(lint)")
    }

    /// A FIFO named like a draft, given on the command line. Nothing ever writes to it.
    ///
    /// `InputFile.read` used to open it with a blocking `open(2)`, waiting for a writer forever:
    /// one stray FIFO hung a whole CI job. It opens without blocking now and refuses anything
    /// but a regular file at once, with one line ("…: is not a regular file").
    @Test func fifoNamedLikeADraft() throws {
        let folder = try TemporaryDirectory()
        try folder.write("good.md", Self.goodDraft)
        #expect(mkfifo(folder.url("pipe.md"), 0o644) == 0)
        // In a folder, the walk skips it (not a regular file): no hang, good.md linted.
        let walk = try BoundedProcess.run(["lint", "."], in: folder.path, timeout: HostileLimits.smallSeconds)
        #expect(!walk.timedOut && walk.signal == nil, "\(walk)")
        #expect(walk.stdout.contains("good.md: SEO "), "\(walk)")
        // Named explicitly.
        let named = try BoundedProcess.run(["lint", "pipe.md", "good.md"], in: folder.path, timeout: 3)
        #expect(!named.timedOut, "\(named)")
        #expect(named.status == 2, "\(named)")
        #expect(named.stdout.contains("good.md: SEO "), "\(named)")
        #expect((named.stdout + named.stderr).contains("is not a regular file"), "\(named)")
    }
}

/// A small deterministic generator for test bytes (Swift has no seeded generator of its own).
struct SplitMix64: RandomNumberGenerator {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
