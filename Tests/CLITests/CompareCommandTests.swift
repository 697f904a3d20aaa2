import Foundation
import SEOKitTestSupport
import Testing

/// `seokit compare` end to end: formats, determinism, --output, errors and exit status.
@Suite struct CompareCommandTests {
    static let draft = Repository.path("Corpora/competitors/sourdough-starter/draft.md")
    static let pages = Repository.path("Corpora/competitors/sourdough-starter/pages")

    @Test func topicFolderFallsBackToItsPages() throws {
        // Corpora/competitors/sourdough-starter holds the draft and pages/.
        let topic = Repository.path("Corpora/competitors/sourdough-starter")
        let result = try Seokit.run(["compare", Self.draft, "--competitors", topic, "--format", "json"])
        #expect(result.status == 0, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["competitors"] as? [[String: Any]])?.count == 7)
    }

    @Test func textReport() throws {
        let result = try Seokit.run(["compare", Self.draft, "--competitors", Self.pages])
        #expect(result.status == 0, "\(result)")
        #expect(result.stderr.isEmpty)
        let lines = result.stdoutLines
        #expect(lines.first?.hasPrefix(Self.draft + ": ") == true)
        #expect(lines.first?.contains("compared with 7 competitor pages (keyphrase: sourdough starter)") == true)
        #expect(lines.dropFirst().first?.hasPrefix("Content score: ") == true)
        #expect(lines.contains { $0.hasPrefix("Biggest gaps: ") })
        #expect(result.stdout.contains("Fix first (points each fix would add):"))
        #expect(result.stdout.contains("add \"hydration\""))
    }

    @Test func jsonReportIsDeterministic() throws {
        let first = try Seokit.run(["compare", Self.draft, "--competitors", Self.pages, "--format", "json", "--top-terms", "40"])
        #expect(first.status == 0, "\(first)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(first.stdout.utf8)) as? [String: Any])
        #expect(object["schemaVersion"] as? Int == 1)
        #expect((object["competitors"] as? [[String: Any]])?.count == 7)
        let terms = try #require(object["terms"] as? [[String: Any]])
        #expect(terms.count == 40)
        let hydration = try #require(terms.first { $0["term"] as? String == "hydration" })
        #expect(hydration["status"] as? String == "missing")
        #expect((hydration["pages"] as? [[String: Any]])?.count == hydration["documentFrequency"] as? Int)
        let score = try #require(object["score"] as? [String: Any])
        #expect((0...100).contains(score["value"] as? Int ?? -1))
        let second = try Seokit.run(["compare", Self.draft, "--competitors", Self.pages, "--format", "json", "--top-terms", "40"])
        #expect(first.stdout == second.stdout)
    }

    @Test func keyphraseOption() throws {
        let result = try Seokit.run(["compare", Self.draft, "--competitors", Self.pages, "--format", "json", "--keyphrase", "rye starter"])
        #expect(result.status == 0, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(object["keyphrases"] as? [String] == ["rye starter"])
    }

    @Test func outputFileIsWrittenWhole() throws {
        let directory = try TemporaryDirectory()
        let output = directory.url("report.txt")
        let result = try Seokit.run(["compare", Self.draft, "--competitors", Self.pages, "--output", output])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.isEmpty)
        let written = try String(contentsOfFile: output, encoding: .utf8)
        let direct = try Seokit.run(["compare", Self.draft, "--competitors", Self.pages])
        #expect(written == direct.stdout)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0 != "report.txt" }
        #expect(leftovers.isEmpty)
    }

    @Test func fewerThanThreeReadablePages() throws {
        let directory = try TemporaryDirectory()
        let folder = try directory.makeFolder("pages")
        for name in ["01-crumb-and-crust-day-by-day.html", "02-fermentation-lab-science.html"] {
            _ = try directory.write("pages/" + name, bytes: try Repository.bytes("Corpora/competitors/sourdough-starter/pages/" + name))
        }
        let broken = try directory.write("pages/03-broken.html", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 64))
        let result = try Seokit.run(["compare", Self.draft, "--competitors", folder])
        #expect(result.status == 2, "\(result)")
        #expect(!result.wasSignalled)
        #expect(result.stdout.isEmpty)
        #expect(result.stderrLines.contains { $0.hasPrefix("seokit: " + broken + ": ") })
        #expect(result.stderrLines.last == "seokit: compare needs at least 3 competitor pages; 2 could be read from \(folder)")
    }

    @Test func leftOutPageIsReportedAndTheReportStillWritten() throws {
        let directory = try TemporaryDirectory()
        let folder = try directory.makeFolder("pages")
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.pages) where name.hasSuffix(".html") {
            _ = try directory.write("pages/" + name, bytes: try Repository.bytes("Corpora/competitors/sourdough-starter/pages/" + name))
        }
        let thin = try directory.write("pages/08-thin.html", "<html><body><p>Nothing much here.</p></body></html>")
        let result = try Seokit.run(["compare", Self.draft, "--competitors", folder, "--format", "json"])
        #expect(result.status == 2, "\(result)")
        #expect(result.stderrLines.count == 1)
        #expect(result.stderrLines.first?.hasPrefix("seokit: \(thin): no main content found (") == true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["competitors"] as? [[String: Any]])?.count == 7)
        #expect((object["leftOut"] as? [[String: Any]])?.first?["source"] as? String == thin)
    }

    @Test func hostileFolderDoesNotCrash() throws {
        let hostile = Repository.path("Corpora/competitors/hostile")
        let result = try Seokit.run(["compare", Self.draft, "--competitors", hostile])
        #expect(!result.wasSignalled, "\(result)")
        #expect(result.status == 2)
        #expect(result.stderrLines.last == "seokit: compare needs at least 3 competitor pages; 1 could be read from \(hostile)")

        let directory = try TemporaryDirectory()
        let folder = try directory.makeFolder("pages")
        for index in 1...3 {
            _ = try directory.write("pages/0\(index)-hostile.html", bytes: try Repository.bytes("Corpora/competitors/hostile/01-hostile-page.html"))
        }
        for format in ["text", "json"] {
            let run = try Seokit.run(["compare", Self.draft, "--competitors", folder, "--format", format])
            #expect(run.status == 0, "\(run)")
            #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x2028 || $0.value == 0 })
        }
    }

    /// A local server with the competitor pages at /1, /2, ... (404 elsewhere), and their count.
    static func servedPages() throws -> (server: LocalHTTPServer, count: Int) {
        let names = try FileManager.default.contentsOfDirectory(atPath: pages).filter { $0.hasSuffix(".html") }.sorted()
        var bodies: [String: [UInt8]] = [:]
        for (index, name) in names.enumerated() {
            bodies["/\(index + 1)"] = try Repository.bytes("Corpora/competitors/sourdough-starter/pages/" + name)
        }
        let served = bodies
        let server = try LocalHTTPServer { request in
            guard let body = served[request.path] else { return .status(404) }
            return .bytes(body, contentType: "text/html; charset=utf-8")
        }
        return (server, names.count)
    }

    @Test func fetchedPagesSnapshotAndOfflineReread() throws {
        let (server, count) = try Self.servedPages()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        let list = (1...count).map { "\($0) " + server.url("/\($0)") } + ["8 " + server.url("/missing")]
        let urls = try directory.write("serp.txt", list.joined(separator: "\n") + "\n")
        let snapshot = directory.url("snapshot")
        let fetched = try Seokit.run(["compare", Self.draft, "--urls", urls, "--snapshot", snapshot, "--format", "json"])
        // The missing page is reported and left out; the seven others are compared.
        #expect(fetched.status == 2, "\(fetched)")
        #expect(fetched.stderrLines.count == 1)
        #expect(fetched.stderrLines.first?.contains("/missing") == true)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(fetched.stdout.utf8)) as? [String: Any])
        let competitors = try #require(object["competitors"] as? [[String: Any]])
        #expect(competitors.count == 7)
        #expect(competitors.first?["source"] as? String == server.url("/1"))

        // The same pages from the folder give the same terms and score.
        let local = try Seokit.run(["compare", Self.draft, "--competitors", Self.pages, "--format", "json"])
        let localObject = try #require(try JSONSerialization.jsonObject(with: Data(local.stdout.utf8)) as? [String: Any])
        #expect((object["score"] as? [String: Any])?["value"] as? Int == (localObject["score"] as? [String: Any])?["value"] as? Int)
        let terms = (object["terms"] as? [[String: Any]] ?? []).map { $0["term"] as? String ?? "" }
        #expect(terms == (localObject["terms"] as? [[String: Any]] ?? []).map { $0["term"] as? String ?? "" })

        // Reread offline from the snapshot.
        server.stop()
        let reread = try Seokit.run(["compare", Self.draft, "--snapshot", snapshot, "--format", "json"])
        #expect(reread.status == 0, "\(reread)")
        let rereadObject = try #require(try JSONSerialization.jsonObject(with: Data(reread.stdout.utf8)) as? [String: Any])
        #expect((rereadObject["terms"] as? [[String: Any]] ?? []).map { $0["term"] as? String ?? "" } == terms)
        #expect((rereadObject["competitors"] as? [[String: Any]])?.count == 7)
    }

    /// Without --snapshot, the pages are fetched into a temporary snapshot by seokit-fetch and
    /// read from there; the temporary folder is gone afterwards.
    @Test func urlsWithoutSnapshotLeaveNoTemporaryFolder() throws {
        let (server, count) = try Self.servedPages()
        defer { server.stop() }
        let directory = try TemporaryDirectory()
        let temporary = try TemporaryDirectory()
        let urls = try directory.write("serp.txt", (1...count).map { server.url("/\($0)") }.joined(separator: "\n") + "\n")
        let result = try Seokit.run(["compare", Self.draft, "--urls", urls, "--format", "json"], environment: ["TMPDIR": temporary.path])
        #expect(result.status == 0, "\(result)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((object["competitors"] as? [[String: Any]])?.count == count)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path).isEmpty)
    }

    /// The network stack is in seokit-fetch only: every other run starts without loading it.
    @Test func onlyTheFetchHelperLinksTheNetworkStack() throws {
        let binary = try Seokit.binaryPath()
        func libraries(_ path: String) throws -> String {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/ldd")
            process.arguments = [path]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let data = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: data, as: UTF8.self)
        }
        let seokit = try libraries(binary)
        #expect(seokit.contains("libFoundation"), "ldd works: \(seokit.prefix(300))")
        #expect(!seokit.contains("libFoundationNetworking"))
        #expect(!seokit.contains("libcurl"))
        let helper = try libraries((binary as NSString).deletingLastPathComponent + "/seokit-fetch")
        #expect(helper.contains("libFoundationNetworking"))
    }

    /// What stops the fetch altogether comes back from seokit-fetch as seokit's own error line.
    @Test func unreadableURLListIsOneErrorLine() throws {
        let folder = try TemporaryDirectory()
        let result = try Seokit.run(["compare", Self.draft, "--urls", folder.url("missing.txt")])
        #expect(result.status == 2)
        #expect(result.stderrLines == ["seokit: \(folder.url("missing.txt")): no such file or directory"], "\(result)")
        #expect(result.stdout.isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).isEmpty)
    }

    /// A seokit without its helper says what is missing.
    @Test func urlsWithoutTheHelperIsAClearError() throws {
        let folder = try TemporaryDirectory()
        let copy = folder.url("seokit")
        try FileManager.default.copyItem(atPath: try Seokit.binaryPath(), toPath: copy)
        let urls = try folder.write("serp.txt", "http://127.0.0.1:9/a\n")
        let result = try Seokit.run(["compare", Self.draft, "--urls", urls], environment: ["PATH": "/usr/bin:/bin"], binary: copy)
        #expect(result.status == 2)
        #expect(result.stderr.contains("--urls needs seokit-fetch"), "\(result)")
        #expect(result.stdout.isEmpty)
    }

    @Test func usageErrors() throws {
        let missing = try Seokit.run(["compare", Self.draft])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("--competitors"))
        let noDraft = try Seokit.run(["compare", Repository.path("Corpora/competitors/nope.md"), "--competitors", Self.pages])
        #expect(noDraft.status == 2)
        #expect(noDraft.stderr.contains("nope.md: no such file or directory"))
        let noFolder = try Seokit.run(["compare", Self.draft, "--competitors", Repository.path("Corpora/competitors/nope")])
        #expect(noFolder.status == 2)
        #expect(noFolder.stderrLines.count == 1)
        let badTop = try Seokit.run(["compare", Self.draft, "--competitors", Self.pages, "--top-terms", "0"])
        #expect(badTop.status == 2)
        let both = try Seokit.run(["compare", Self.draft, "--competitors", Self.pages, "--snapshot", Self.pages])
        #expect(both.status == 2)
        #expect(both.stderr.contains("--snapshot"))
    }

    @Test func htmlFormat() throws {
        let result = try Seokit.run(["compare", Self.draft, "--competitors", Self.pages, "--format", "html"])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.lowercased().hasPrefix("<!doctype html"))
        #expect(result.stdout.contains("</html>"))
        // Deterministic, and written whole with --output.
        let directory = try TemporaryDirectory()
        let output = directory.url("report.html")
        let written = try Seokit.run(["compare", Self.draft, "--competitors", Self.pages, "--format", "html", "--output", output])
        #expect(written.status == 0, "\(written)")
        #expect(try String(contentsOfFile: output, encoding: .utf8) == result.stdout)
    }
}
