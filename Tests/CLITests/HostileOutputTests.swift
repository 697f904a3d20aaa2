import Foundation
import SEOKitTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Where and how the binary writes, under hostile names: files only where the user said, and
/// one report line per problem whatever the file names hold.
@Suite(.serialized) struct HostileOutputTests {
    static let page = "<html><head><title>A page</title></head><body><article><h1>A page</h1><p>Some prose for the extractor to keep, long enough to count as an article body. It has two sentences.</p></article></body></html>"

    /// Every file under `folder`, as relative paths.
    static func tree(_ folder: String) -> Set<String> {
        var result = Set<String>()
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
        while let item = enumerator.nextObject() as? String { result.insert(item) }
        return result
    }

    @Test func extractWritesOnlyIntoTheOutputFolder() throws {
        let root = try TemporaryDirectory()
        try root.write("escape.html", Self.page)
        try root.write("site/page.html", Self.page)
        try root.write("site/deep/..html", Self.page)
        try root.write("site/deep/...html", Self.page)
        try root.write("site/deep/%2e%2e%2fevil.html", Self.page)
        try root.makeFolder("site/out")
        let before = Self.tree(root.path)
        let pages = ["../escape.html", "./page.html", "deep/../page.html", "deep/..html", "deep/...html", "deep/%2e%2e%2fevil.html", "../site/deep/../../escape.html"]
        let result = try BoundedProcess.run(["extract", "--output-dir", "out"] + pages, in: root.url("site"), timeout: HostileLimits.smallSeconds)
        expectCleanExit(result, status: 0, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        let added = Self.tree(root.path).subtracting(before)
        // Everything new is directly inside site/out, one file per page, none hidden or temporary.
        #expect(added.allSatisfy { $0.hasPrefix("site/out/") && !$0.dropFirst("site/out/".count).contains("/") }, "\(added.sorted())")
        #expect(added.count == pages.count, "\(added.sorted())")
        #expect(!added.contains { $0.hasPrefix("site/out/.") || $0.contains(".tmp") }, "\(added.sorted())")
        for name in added {
            let text = try String(contentsOfFile: root.url(name), encoding: .utf8)
            #expect(text.contains("Some prose for the extractor"), "\(name)")
        }
        // Nothing outside the output folder changed.
        for name in before where !name.hasPrefix("site/out") {
            #expect(FileManager.default.fileExists(atPath: root.url(name)))
        }
        #expect(try String(contentsOfFile: root.url("escape.html"), encoding: .utf8) == Self.page)
    }

    @Test func lintAndScoreWriteOnlyTheNamedFiles() throws {
        let root = try TemporaryDirectory()
        try root.write("site/a.md", "# A title long enough for the checks\n\nSome text.\n")
        try root.write("site/b.md", "---\ntitle: [broken\n---\nBody.\n")
        let before = Self.tree(root.path)
        let lint = try BoundedProcess.run(["lint", "site", "--format", "sarif:reports/x.sarif,json:reports/x.json"], in: root.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(lint, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        let score = try BoundedProcess.run(["score", "site", "--quiet", "--format", "csv", "--output", "reports/x.csv"], in: root.path, timeout: HostileLimits.smallSeconds)
        expectCleanExit(score, status: 2, seconds: HostileLimits.smallSeconds, memory: HostileLimits.smallMemory)
        #expect(Self.tree(root.path).subtracting(before) == ["reports", "reports/x.sarif", "reports/x.json", "reports/x.csv"])
        // A folder where the output file should go: refused with one line, nothing written.
        try root.makeFolder("taken.csv")
        let refused = try BoundedProcess.run(["score", "site/a.md", "--quiet", "--format", "csv", "--output", "taken.csv"], in: root.path, timeout: HostileLimits.smallSeconds)
        #expect(refused.status == 2 && refused.signal == nil, "\(refused)")
        #expect(refused.stderr.contains("taken.csv"), "\(refused)")
        #expect(Self.tree(root.path).filter { $0.contains(".tmp") }.isEmpty, "\(Self.tree(root.path).sorted())")
    }

    /// A file name holding a newline and terminal escape sequences (legal on Linux, easy to
    /// commit to a repository): each problem must stay one line, and the text reports must not
    /// pass escape sequences to the terminal or CI log.
    ///
    /// The text formats (lint text, score and stats tables, the "seokit: path: cause" lines on
    /// standard error) escape control characters in paths (they used to print them raw). A name like "a\n" + "b.md:1:1: error: ..."
    /// forges findings for another file in the log, and ESC ] 0 ; … BEL retitles the terminal.
    /// The JSON, SARIF, CSV and GitHub formats escape them (tested in SecurityTests and here).
    @Test func controlCharactersInFileNames() throws {
        let root = try TemporaryDirectory()
        let name = "evil\u{1B}]0;pwned\u{07}\nforged.md:9:9: error: fake finding [meta.title-missing]\n.md"
        try root.write("site/" + name, "# Title\n\nText.\n")
        try root.write("site/broken\u{1B}[2J\nx.md", "---\ntitle: [x\n---\n")
        let github = try BoundedProcess.run(["lint", "site", "--format", "github"], in: root.path, timeout: HostileLimits.smallSeconds)
        #expect(github.signal == nil && github.status == 2, "\(github)")
        // GitHub workflow commands: one command per line, the newline escaped as %0A.
        #expect(github.stdout.split(separator: "\n").allSatisfy { $0.hasPrefix("::") }, "\(github.stdout.prefix(2000))")
        let csv = try BoundedProcess.run(["score", "site", "--quiet", "--format", "csv"], in: root.path, timeout: HostileLimits.smallSeconds)
        #expect(csv.signal == nil && csv.status == 2, "\(csv)")

        let text = try BoundedProcess.run(["lint", "site"], in: root.path, timeout: HostileLimits.smallSeconds)
        #expect(text.signal == nil && text.status == 2, "\(text)")
        #expect(!text.stdout.contains("\u{1B}") && !text.stderr.contains("\u{1B}"), "escape sequences reach the terminal")
        #expect(!text.stdout.split(separator: "\n").contains { $0.hasPrefix("forged.md:9:9:") }, "a forged finding line")
        #expect(!text.stdout.contains("\u{07}"))
    }

    /// `extract --output-dir` used to write through `NAME.tmp-PID` opened without O_EXCL or
    /// O_NOFOLLOW: a symbolic link planted under that name in a shared output folder made seokit
    /// truncate and overwrite the link's target (any file the user can write). It now writes with
    /// AtomicFile (mkstemp). The PID is guessed from the last PID handed out, so on a busy machine
    /// the plant can miss and the test pass without proving anything; it never fails wrongly.
    @Test func extractDoesNotFollowAPlantedTemporaryLink() throws {
        let root = try TemporaryDirectory()
        try root.write("page.html", Self.page)
        let victim = try root.write("victim.txt", "precious\n")
        try root.makeFolder("out")
        // Probe the next PIDs: start a short process, plant links for the PIDs just after it.
        let probe = try BoundedProcess(["--version"])
        let base = probe.pid
        _ = probe.wait(timeout: 10)
        for pid in (base + 1)...(base + 400) {
            try root.symlink("out/page.txt.tmp-\(pid)", to: victim)
        }
        let result = try BoundedProcess.run(["extract", "--output-dir", "out", "page.html"], in: root.path, timeout: HostileLimits.smallSeconds)
        #expect(result.signal == nil, "\(result)")
        #expect(result.status == 0, "\(result)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "precious\n", "the victim file was overwritten")
        #expect(try String(contentsOfFile: root.url("out/page.txt"), encoding: .utf8).contains("Some prose for the extractor"))
    }
}
