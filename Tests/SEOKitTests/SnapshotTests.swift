import Foundation
import SEOKit
import SEOKitTestSupport
import Testing

/// SHA-256, the URL list, snapshot folders and `CompetitorSource` without any network.
@Suite struct SnapshotTests {
    // MARK: SHA-256 (FIPS 180-4 examples and NIST vectors)

    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        ("abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
         "cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1"),
        ("The quick brown fox jumps over the lazy dog", "d7a8fbb307d7809469ca9abcb0082e4f8d5651e46d3cdb762d02d0bf37c9e592"),
    ])
    func sha256KnownVectors(input: String, expected: String) {
        #expect(SHA256.hex(Array(input.utf8)) == expected)
    }

    @Test func sha256MillionAs() {
        let million = [UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)
        #expect(SHA256.hex(million) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func sha256StreamingMatchesOneShot() {
        // Every split point around the 64-byte block and the 56-byte padding boundary.
        let message = (0..<200).map { UInt8(truncatingIfNeeded: $0 &* 7) }
        let expected = SHA256.hex(message)
        for length in [55, 56, 63, 64, 65, 119, 120, 128, 200] {
            let part = Array(message.prefix(length))
            for split in [0, 1, 55, 56, 63, 64, length] where split <= length {
                var hash = SHA256()
                hash.update(Array(part[..<split]))
                hash.update(Array(part[split...]))
                #expect(SHA256.hexString(hash.finalize()) == SHA256.hex(part), "length \(length) split \(split)")
            }
        }
        #expect(expected.count == 64)
    }

    // MARK: URL list

    @Test func urlListFormats() {
        let text = """
            \u{FEFF}# competitors for "sourdough starter"
            1 https://example.com/a
            https://example.org/b\t2

            https://example.net/c#section   # a fragment stays, the comment goes
            http://example.net/d  7\r
            HTTPS://Example.com/a
            mailto:someone@example.com
            3 4 https://x.example/
            https://[::1]:8080/v6
            """
        let (urls, problems) = CompetitorURLList.parse(text, path: "serp.txt")
        #expect(urls.map(\.url) == ["https://example.com/a", "https://example.org/b", "https://example.net/c#section", "http://example.net/d", "https://[::1]:8080/v6"])
        #expect(urls.map(\.rank) == [1, 2, 3, 7, 5])
        #expect(urls.map(\.hasExplicitRank) == [true, true, false, true, false])
        #expect(urls.map(\.line) == [2, 3, 5, 6, 10])
        #expect(problems == [
            "serp.txt:7: HTTPS://Example.com/a is listed twice; the first is used",
            "serp.txt:8: not an http or https URL: mailto:someone@example.com",
            "serp.txt:9: expected a URL, optionally with a rank (\"3 https://...\"): 3 4 https://x.example/",
        ])
    }

    @Test func parsedURLParts() throws {
        let url = try #require(ParsedURL("https://user:pw@Example.COM:8443/Path/To?q=1#frag"))
        #expect(url.scheme == "https")
        #expect(url.host == "example.com")
        #expect(url.port == 8443)
        #expect(url.path == "/Path/To")
        #expect(url.query == "q=1")
        #expect(ParsedURL("javascript:alert(1)") == nil)
        #expect(ParsedURL("https://") == nil)
        #expect(ParsedURL("https://a b/") == nil)
        #expect(ParsedURL("data:text/html,<script>") == nil)
    }

    // MARK: File names

    @Test func snapshotFileNames() {
        #expect(CompetitorSnapshot.fileName(position: 1, url: "https://www.Example.com/Blog/How-To_Feed%20a-Starter/") == "01-www.example.com-blog-how-to-feed-20a-starter.html")
        #expect(CompetitorSnapshot.fileName(position: 12, url: "http://example.org") == "12-example.org-index.html")
        #expect(CompetitorSnapshot.fileName(position: 3, url: "https://example.org/a?b=c", width: 3) == "003-example.org-a.html")
        #expect(CompetitorSnapshot.fileName(position: 2, url: "https://例え.jp/パン") == "02-jp-index.html")
        #expect(CompetitorSnapshot.fileName(position: 2, url: "https://e.com/../../etc/passwd") == "02-e.com-etc-passwd.html")
        let long = CompetitorSnapshot.fileName(position: 1, url: "https://e.com/" + String(repeating: "word-", count: 40))
        #expect(long.count <= 2 + 1 + 5 + 1 + 60 + 5)
    }

    // MARK: Snapshot folders

    struct FakeFetcher: CompetitorPageFetching {
        var bodies: [String: String]
        func fetch(_ urls: [CompetitorURL]) async -> [Result<FetchedPage, FetchFailure>] {
            urls.map { request in
                guard let body = bodies[request.url] else { return .failure(FetchFailure(request: request, cause: .httpStatus(404))) }
                return .success(FetchedPage(
                    request: request, finalURL: request.url, status: 200, contentType: "text/html", bytes: Array(body.utf8),
                    fetchedAt: "2025-01-31T12:00:00Z"))
            }
        }
    }

    static func save(_ bodies: [String: String], list: [String], into folder: TemporaryDirectory) async throws -> (snapshot: String, loaded: CompetitorSource.Loaded) {
        let listPath = try folder.write("urls-\(list.count).txt", list.joined(separator: "\n"))
        let snapshot = folder.url("snap")
        let loaded = try await CompetitorSource.load(urls: listPath, competitorsDirectory: nil, snapshot: snapshot, fetcher: FakeFetcher(bodies: bodies))
        return (snapshot, loaded)
    }

    @Test func indexIsVersionedAndComplete() async throws {
        let folder = try TemporaryDirectory()
        let (snapshot, loaded) = try await Self.save(["https://a.example/x": "<p>A</p>", "https://b.example/": "<p>B</p>"], list: ["https://a.example/x", "https://b.example/", "https://c.example/"], into: folder)
        #expect(loaded.problems == ["https://c.example/: HTTP 404 Not Found"])
        #expect(loaded.pages.map(\.path) == [snapshot + "/01-a.example-x.html", snapshot + "/02-b.example-index.html"])
        let json = try String(contentsOfFile: snapshot + "/snapshot.json", encoding: .utf8)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["format"] as? String == "seokit-competitor-snapshot")
        #expect(object["version"] as? Int == 1)
        #expect((object["generator"] as? String)?.hasPrefix("SEOKit/") == true)
        let pages = try #require(object["pages"] as? [[String: Any]])
        #expect(pages.count == 2)
        #expect(Set(pages[0].keys) == ["file", "rank", "url", "finalURL", "fetchedAt", "status", "contentType", "bytes", "sha256"])
        #expect(pages[0]["sha256"] as? String == SHA256.hex(Array("<p>A</p>".utf8)))
        #expect(pages[0]["fetchedAt"] as? String == "2025-01-31T12:00:00Z")
        #expect((object["failures"] as? [[String: Any]])?.first?["reason"] as? String == "HTTP 404 Not Found")
        // No temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: snapshot).filter { $0.hasPrefix(".") }.isEmpty)
    }

    @Test func rewritingReplacesTheIndexAndRemovesStalePages() async throws {
        let folder = try TemporaryDirectory()
        _ = try await Self.save(["https://a.example/old": "<p>old</p>", "https://b.example/": "<p>B</p>"], list: ["https://a.example/old", "https://b.example/"], into: folder)
        try Data("keep me".utf8).write(to: URL(fileURLWithPath: folder.url("snap/notes.txt")))
        let (snapshot, _) = try await Self.save(["https://b.example/": "<p>B2</p>"], list: ["https://b.example/"], into: folder)
        let names = try FileManager.default.contentsOfDirectory(atPath: snapshot).sorted()
        #expect(names == ["01-b.example-index.html", "notes.txt", "snapshot.json"])
        let reread = try await CompetitorSource.load(urls: nil, competitorsDirectory: nil, snapshot: snapshot)
        #expect(reread.pages.map { String(decoding: $0.bytes, as: UTF8.self) } == ["<p>B2</p>"])
    }

    @Test func nothingFetchedLeavesTheSnapshotAlone() async throws {
        let folder = try TemporaryDirectory()
        _ = try await Self.save(["https://a.example/": "<p>A</p>"], list: ["https://a.example/"], into: folder)
        let (snapshot, loaded) = try await Self.save([:], list: ["https://gone.example/", "https://a.example/"], into: folder)
        #expect(loaded.pages.isEmpty)
        #expect(loaded.problems.last == "\(snapshot): snapshot not written: no page was fetched")
        #expect(try await CompetitorSource.load(urls: nil, competitorsDirectory: nil, snapshot: snapshot).pages.count == 1)
    }

    @Test func unsafeAndMissingFilesInTheIndexAreSkipped() throws {
        let folder = try TemporaryDirectory()
        try folder.write("secret.html", "<p>outside</p>")
        let hash = SHA256.hex(Array("<p>outside</p>".utf8))
        try folder.write("snap/snapshot.json", """
            {"format": "seokit-competitor-snapshot", "version": 1, "pages": [
              {"file": "../secret.html", "rank": 1, "url": "https://a.example/", "sha256": "\(hash)"},
              {"file": "02-missing.html", "rank": 2, "url": "https://b.example/", "sha256": "\(hash)"},
              {"file": "03-ok.html", "rank": 3, "url": "https://c.example/", "sha256": "\(hash.uppercased())"}
            ]}
            """)
        try folder.write("snap/03-ok.html", "<p>outside</p>")
        let loaded = try CompetitorSource.load(urls: nil, competitorsDirectory: nil, snapshot: folder.url("snap"))
        #expect(loaded.pages.map(\.url) == ["https://c.example/"])
        #expect(loaded.problems.count == 2)
        #expect(loaded.problems[0].contains("\"../secret.html\" is not a plain name"))
        #expect(loaded.problems[1] == "\(folder.url("snap/02-missing.html")): no such file or directory; page https://b.example/ skipped")
    }

    @Test func badIndexesAreErrors() throws {
        let folder = try TemporaryDirectory()
        func message(_ index: String?) throws -> String? {
            let name = "s\(index?.count ?? 0)"
            try folder.makeFolder(name)
            if let index { try folder.write("\(name)/snapshot.json", index) }
            do {
                _ = try CompetitorSource.load(urls: nil, competitorsDirectory: nil, snapshot: folder.url(name))
                return nil
            } catch {
                return error.message
            }
        }
        #expect(try message(nil)?.hasSuffix("no snapshot.json here; save pages with --urls FILE --snapshot \(folder.url("s0")) first") == true)
        #expect(try message("{\"format\": \"seokit-competitor-snapshot\", \"version\": 2, \"pages\": []}")?.contains("snapshot version 2 is not supported") == true)
        #expect(try message("{\"format\": \"other\"}")?.contains("not a SEOKit competitor snapshot index") == true)
        #expect(try message("{\"format\": ")?.contains("invalid JSON at byte") == true)
    }

    // MARK: Options and folders

    @Test func optionCombinations() async throws {
        func message(urls: String?, directory: String?, snapshot: String?) async -> String? {
            do {
                _ = try await CompetitorSource.load(urls: urls, competitorsDirectory: directory, snapshot: snapshot, fetcher: FakeFetcher(bodies: [:]))
                return nil
            } catch {
                return error.message
            }
        }
        #expect(await message(urls: nil, directory: nil, snapshot: nil)?.hasPrefix("no competitors") == true)
        #expect(await message(urls: "u", directory: "d", snapshot: nil) == "--competitors and --urls cannot be used together")
        #expect(await message(urls: nil, directory: "d", snapshot: "s")?.hasPrefix("--snapshot saves fetched pages") == true)
        let folder = try TemporaryDirectory()
        let empty = try folder.write("empty.txt", "# nothing\n\nnot a url\n")
        #expect(await message(urls: empty, directory: nil, snapshot: nil) == "\(empty): no URL to fetch (1 line skipped)")
        #expect(await message(urls: folder.url("none.txt"), directory: nil, snapshot: nil) == "\(folder.url("none.txt")): no such file or directory")
    }

    @Test func competitorsFolderWithRanksFromNames() throws {
        let loaded = try CompetitorSource.load(urls: nil, competitorsDirectory: Repository.path("Corpora/competitors/sourdough-starter"), snapshot: nil, fetcher: nil)
        #expect(loaded.problems.isEmpty)
        #expect(loaded.pages.count == 7)
        #expect(loaded.pages.map(\.rank) == Array(1...7))
        #expect(loaded.pages.first?.path?.hasSuffix("/pages/01-crumb-and-crust-day-by-day.html") == true)
        #expect(loaded.pages.allSatisfy { $0.url == nil && $0.contentType == nil && !$0.bytes.isEmpty })
    }

    @Test func declaredCharsetOrder() throws {
        let latin1: [UInt8] = Array("<meta charset=\"utf-8\"><p>caf".utf8) + [0xE9] + Array("</p>".utf8)
        // The header's charset beats the page's declaration...
        let fromHeader = try TextDecoding.decode(latin1, format: .html, path: "p", declaredCharset: "latin1")
        #expect(String(decoding: fromHeader.bytes, as: UTF8.self).hasSuffix("<p>café</p>"))
        // ...a byte order mark beats both...
        let bom = try TextDecoding.decode([0xEF, 0xBB, 0xBF] + Array("<p>é</p>".utf8), format: .html, path: "p", declaredCharset: "latin1")
        #expect(String(decoding: bom.bytes, as: UTF8.self) == "<p>é</p>")
        // ...and an unknown label is noted and ignored.
        let unknown = try TextDecoding.decode(Array("<meta charset=\"latin1\"><p>x</p>".utf8), format: .html, path: "p", declaredCharset: "no-such-charset")
        #expect(unknown.encoding == "windows-1252")
        #expect(unknown.notes.map(\.message) == ["unknown charset 'no-such-charset' in the Content-Type header; ignored"])
    }

    @Test func contentTypeHeaders() {
        #expect(ContentType("Text/HTML; Charset=\"ISO-8859-1\"").charset == "ISO-8859-1")
        #expect(ContentType("text/html;charset=utf-8").isHTML)
        #expect(ContentType("application/xhtml+xml").isHTML)
        #expect(!ContentType("text/plain; charset=utf-8").isHTML)
        #expect(ContentType("text/html").charset == nil)
    }
}
