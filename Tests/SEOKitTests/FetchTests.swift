import Foundation
import SEOKit
import SEOKitFetch
import SEOKitTestSupport
import Testing

/// `CompetitorFetcher` against `LocalHTTPServer` on 127.0.0.1: no other address is contacted.
/// Serialized: the timing tests (timeouts, concurrency) must not compete with each other for
/// the CPU.
@Suite(.serialized) struct FetchTests {
    static let page = "<!DOCTYPE html><html><head><title>Starter</title></head><body><h1>Feeding a starter</h1><p>Flour and water.</p></body></html>"

    static func fetch(_ urls: [String], options: CompetitorFetcher.Options = .init()) async -> [Result<FetchedPage, FetchFailure>] {
        await CompetitorFetcher(options: options).fetch(urls.enumerated().map { CompetitorURL(url: $1, rank: $0 + 1) })
    }

    static func page(_ result: Result<FetchedPage, FetchFailure>) -> FetchedPage? {
        if case .success(let page) = result { return page }
        return nil
    }

    static func cause(_ result: Result<FetchedPage, FetchFailure>) -> FetchFailure.Cause? {
        if case .failure(let failure) = result { return failure.cause }
        return nil
    }

    @Test func fetchesAPage() async throws {
        let server = try LocalHTTPServer { request in
            request.path == "/starter" ? .html(Self.page) : .status(404)
        }
        defer { server.stop() }
        let results = await Self.fetch([server.url("/starter")])
        let page = try #require(Self.page(results[0]))
        #expect(page.bytes == Array(Self.page.utf8))
        #expect(page.status == 200)
        #expect(page.finalURL == server.url("/starter"))
        #expect(page.redirects.isEmpty)
        #expect(page.contentType == "text/html; charset=utf-8")
        #expect(page.fetchedAt.count == 20 && page.fetchedAt.hasSuffix("Z"))
        // A clear user agent naming SEOKit and its version.
        let agent = try #require(server.requests.first?.userAgent)
        #expect(agent == "SEOKit/\(SEOKitVersion.string) (+https://github.com/seokit/seokit; compare)")
        #expect(server.requests.first?.headers["accept"]?.hasPrefix("text/html") == true)
    }

    @Test func followsARedirectChain() async throws {
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/old": return .redirect(to: "/moved", status: 301)
            case "/moved": return .redirect(to: "final?x=1", status: 302)  // relative to /moved
            case "/final?x=1": return .redirect(to: "http://127.0.0.1:\(request.headers["host"]!.split(separator: ":").last!)/end", status: 307)
            case "/end": return .html(Self.page)
            default: return .status(404)
            }
        }
        defer { server.stop() }
        let results = await Self.fetch([server.url("/old")])
        let page = try #require(Self.page(results[0]), "\(results)")
        #expect(page.finalURL == server.url("/end"))
        #expect(page.redirects == [server.url("/old"), server.url("/moved"), server.url("/final?x=1")])
        #expect(page.request.url == server.url("/old"))
        #expect(page.bytes == Array(Self.page.utf8))
        #expect(server.requests.map(\.path) == ["/old", "/moved", "/final?x=1", "/end"])
    }

    @Test func stopsAfterTooManyRedirects() async throws {
        let server = try LocalHTTPServer { request in
            let number = Int(request.path.dropFirst(2)) ?? 0
            return .redirect(to: "/r\(number + 1)")
        }
        defer { server.stop() }
        let results = await Self.fetch([server.url("/r0")], options: .init(maxRedirects: 3))
        #expect(Self.cause(results[0]) == .tooManyRedirects(limit: 3))
        // The original request and three redirects were followed; the fourth was not.
        #expect(server.requests.map(\.path) == ["/r0", "/r1", "/r2", "/r3"])
        guard case .failure(let failure) = results[0] else { return }
        #expect(failure.description == "\(server.url("/r0")): more than 3 redirects (at \(server.url("/r4")))")
    }

    @Test func refusesRedirectsToOtherSchemes() async throws {
        let server = try LocalHTTPServer { _ in .redirect(to: "javascript:alert(1)") }
        defer { server.stop() }
        let results = await Self.fetch([server.url("/x")])
        #expect(Self.cause(results[0]) == .unsupportedScheme("javascript"))
    }

    @Test(arguments: [404, 410, 500, 503])
    func httpErrorsFail(status: Int) async throws {
        let server = try LocalHTTPServer { _ in .status(status) }
        defer { server.stop() }
        let results = await Self.fetch([server.url("/missing")])
        #expect(Self.cause(results[0]) == .httpStatus(status))
        guard case .failure(let failure) = results[0] else { return }
        #expect(failure.description.hasPrefix("\(server.url("/missing")): HTTP \(status)"))
        #expect(!failure.description.contains("\n"))
    }

    @Test func slowServerTimesOut() async throws {
        let server = try LocalHTTPServer { request in
            request.path == "/slow" ? .html(Self.page, delay: 8) : .html(Self.page)
        }
        defer { server.stop() }
        let start = Date()
        let results = await Self.fetch([server.url("/slow"), server.url("/fast")], options: .init(timeout: 1.5))
        let elapsed = Date().timeIntervalSince(start)
        #expect(Self.cause(results[0]) == .timeout(seconds: 1.5))
        #expect(Self.page(results[1]) != nil, "\(results[1]); server saw \(server.requests.map(\.path))")  // the rest go on
        // The cause above is the check; this only bounds the wait (generously: test machines
        // are busy, and no timing here may fail a correct fetcher).
        #expect(elapsed < 30)
    }

    @Test func tricklingBodyTimesOutAsAWhole() async throws {
        // Bytes keep coming (so no idle timeout fires), but the whole body takes far too long.
        let body = Array(String(repeating: "<p>slow</p>", count: 60).utf8)
        let server = try LocalHTTPServer { _ in
            LocalHTTPServer.Response(headers: [("Content-Type", "text/html")], body: body, chunkDelay: 0.1)
        }
        defer { server.stop() }
        let start = Date()
        let results = await Self.fetch([server.url("/trickle")], options: .init(timeout: 1))
        #expect(Self.cause(results[0]) == .timeout(seconds: 1))
        // A bound, not a timing: the trickle itself would last minutes.
        #expect(Date().timeIntervalSince(start) < 30)
    }

    @Test func stopsReadingPastTheSizeCap() async throws {
        // 64 KB chunks, 1 GB in all, without Content-Length: the fetcher must stop on its own.
        let chunk = Array(String(repeating: "<p>big page</p>", count: 4096).utf8)
        let server = try LocalHTTPServer { request in
            if request.path == "/declared" {
                return LocalHTTPServer.Response(headers: [("Content-Type", "text/html")], body: chunk, repeatCount: 100)
            }
            return LocalHTTPServer.Response(headers: [("Content-Type", "text/html")], body: chunk, repeatCount: 16_384, declaresLength: false)
        }
        defer { server.stop() }
        let start = Date()
        // A request timeout far above the default: this test is about the cap, and under
        // ThreadSanitizer beside the CPU-bound interrupt suite one request once took over 20 s.
        let results = await Self.fetch([server.url("/endless"), server.url("/declared")], options: .init(timeout: 60, maxPageSize: 256 << 10))
        #expect(Self.cause(results[0]) == .tooLarge(limit: 256 << 10))
        #expect(Self.cause(results[1]) == .tooLarge(limit: 256 << 10))
        // A bound, not a timing: reading the whole gigabyte would take far longer, even on a
        // loaded machine.
        #expect(Date().timeIntervalSince(start) < 120)
        guard case .failure(let failure) = results[0] else { return }
        #expect(failure.reason == "larger than 256 KB; stopped reading")
    }

    @Test func pageAtTheCapIsKept() async throws {
        let body = [UInt8](repeating: UInt8(ascii: "a"), count: 1000)
        let server = try LocalHTTPServer { _ in .bytes(Array("<p>".utf8) + body, contentType: "text/html") }
        defer { server.stop() }
        let results = await Self.fetch([server.url("/")], options: .init(maxPageSize: 1003))
        #expect(Self.page(results[0])?.bytes.count == 1003)
    }

    @Test func charsetFromTheContentTypeHeader() async throws {
        // Latin-1 bytes, no declaration in the page: only the header says how to read them.
        let html = "<html><body><h1>Crème brûlée</h1><p>Ça coûte 5 £, ½ prix, 30 °C.</p></body></html>"
        let latin1 = Array(html.unicodeScalars.map { $0.value < 256 ? UInt8($0.value) : UInt8(ascii: "?") })
        // And a page whose header contradicts its own (wrong) declaration: the header wins.
        let lying = Array("<html><head><meta charset=\"utf-8\"></head><body><p>Gr".utf8) + [0xFC, 0xDF, 0x65] + Array("</p></body></html>".utf8)
        let server = try LocalHTTPServer { request in
            request.path == "/latin1"
                ? .bytes(latin1, contentType: "text/html; charset=ISO-8859-1")
                : .bytes(lying, contentType: "text/html;charset=\"windows-1252\"")
        }
        defer { server.stop() }
        let list = try TemporaryDirectory()
        let path = try list.write("urls.txt", "\(server.url("/latin1"))\n\(server.url("/lying"))\n")
        let loaded = try await CompetitorSource.load(urls: path, competitorsDirectory: nil, snapshot: nil)
        #expect(loaded.problems.isEmpty)
        let first = try #require(loaded.pages.first)
        #expect(first.bytes == latin1)  // kept as received
        #expect(first.httpCharset == "ISO-8859-1")
        let decoded = try first.decoded()
        #expect(decoded.encoding == "windows-1252")
        #expect(String(decoding: decoded.bytes, as: UTF8.self) == html)
        let document = try first.document()
        #expect(document.blocks.map { document.text(of: $0) }.first == "Crème brûlée")
        let second = try loaded.pages[1].decoded()
        #expect(String(decoding: second.bytes, as: UTF8.self).contains("<p>Grüße</p>"))
    }

    @Test func nonHTMLIsLeftOut() async throws {
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/pdf": return .bytes([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31], contentType: "application/pdf")
            case "/json": return .bytes(Array("{\"a\":1}".utf8), contentType: "application/json; charset=utf-8")
            case "/untyped-html": return .bytes(Array(Self.page.utf8), contentType: nil)
            case "/untyped-binary": return .bytes([0x89, 0x50, 0x4E, 0x47, 0, 0, 0], contentType: nil)
            case "/xhtml": return .bytes(Array(Self.page.utf8), contentType: "application/xhtml+xml")
            default: return .status(404)
            }
        }
        defer { server.stop() }
        let results = await Self.fetch(["/pdf", "/json", "/untyped-html", "/untyped-binary", "/xhtml"].map(server.url))
        #expect(Self.cause(results[0]) == .notHTML(contentType: "application/pdf"))
        #expect(Self.cause(results[1]) == .notHTML(contentType: "application/json; charset=utf-8"))
        #expect(Self.page(results[2]) != nil)
        if case .notHTML = Self.cause(results[3]) {} else { Issue.record("untyped binary accepted: \(results[3])") }
        #expect(Self.page(results[4]) != nil)
    }

    @Test func concurrencyLimitIsRespectedAndOrderKept() async throws {
        // Later URLs answer faster, so completion order differs from input order.
        let server = try LocalHTTPServer { request in
            let number = Int(request.path.dropFirst(6)) ?? 0
            return .html("<html><body><p>page \(number)</p></body></html>", delay: 0.15 + Double(8 - number) * 0.03)
        }
        defer { server.stop() }
        let urls = (0..<8).map { server.url("/page-\($0)") }
        let results = await Self.fetch(urls, options: .init(concurrency: 3))
        #expect(server.maxConcurrentRequests == 3)
        #expect(results.map { Self.page($0)?.finalURL } == urls)
        #expect(results.map { Self.page($0).map { String(decoding: $0.bytes, as: UTF8.self) } } == (0..<8).map { "<html><body><p>page \($0)</p></body></html>" })
        #expect(results.map { Self.page($0)?.request.rank } == Array(1...8))
    }

    @Test func failuresAreReportedAndTheRestGoOn() async throws {
        let closed = try LocalHTTPServer { _ in .status(200) }
        let closedURL = closed.url("/gone")
        closed.stop()
        let server = try LocalHTTPServer { request in request.path == "/ok" ? .html(Self.page) : .status(404) }
        defer { server.stop() }
        let list = try TemporaryDirectory()
        let path = try list.write("urls.txt", """
            # competitors
            1 \(server.url("/ok"))
            \(server.url("/missing"))\t2
            3 \(closedURL)
            ftp://127.0.0.1/file
            \(server.url("/ok")) 4
            """)
        let loaded = try await CompetitorSource.load(urls: path, competitorsDirectory: nil, snapshot: nil)
        #expect(loaded.pages.map(\.url) == [server.url("/ok")])
        #expect(loaded.pages.map(\.rank) == [1])
        #expect(loaded.problems.count == 4, "\(loaded.problems)")
        #expect(loaded.problems.contains("\(path):5: not an http or https URL: ftp://127.0.0.1/file"))
        #expect(loaded.problems.contains("\(path):6: \(server.url("/ok")) is listed twice; the first is used"))
        #expect(loaded.problems.contains("\(server.url("/missing")): HTTP 404 Not Found"))
        #expect(loaded.problems.contains { $0.hasPrefix(closedURL + ": cannot connect") })
        #expect(loaded.problems.allSatisfy { !$0.contains("\n") })
    }

    @Test func synchronousLoadFromAPlainThread() async throws {
        // The commands are synchronous: they call the blocking `load` from the main thread.
        let server = try LocalHTTPServer { _ in .html(Self.page) }
        defer { server.stop() }
        let list = try TemporaryDirectory()
        let path = try list.write("urls.txt", server.url("/a") + "\n" + server.url("/b") + "\n")
        let loaded: CompetitorSource.Loaded = try await withCheckedThrowingContinuation { continuation in
            Thread.detachNewThread {
                do {
                    let result: CompetitorSource.Loaded = try CompetitorSource.load(urls: path, competitorsDirectory: nil, snapshot: nil)
                    continuation.resume(returning: result)
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
        #expect(loaded.pages.map(\.url) == [server.url("/a"), server.url("/b")])
        #expect(loaded.problems.isEmpty)
    }

    @Test func snapshotIsWrittenThenReadOffline() async throws {
        let pages = (1...3).map { "<html><body><h1>Page \($0)</h1><p>Body \($0) é</p></body></html>" }
        let server = try LocalHTTPServer { request in
            switch request.path {
            case "/guide/How-To-Feed": return .html(pages[0])
            case "/": return .bytes(Array(pages[1].utf8), contentType: "text/html; charset=iso-8859-1")
            case "/short": return .redirect(to: "/blog/rye-starter?ref=1")
            case "/blog/rye-starter?ref=1": return .html(pages[2])
            default: return .status(404)
            }
        }
        let directory = try TemporaryDirectory()
        let list = try directory.write("urls.txt", "3 \(server.url("/guide/How-To-Feed"))\n1 \(server.url("/"))\n\(server.url("/nope"))\n2 \(server.url("/short"))\n")
        let snapshot = directory.url("snap")
        let online = try await CompetitorSource.load(urls: list, competitorsDirectory: nil, snapshot: snapshot)
        server.stop()
        #expect(online.problems == ["\(server.url("/nope")): HTTP 404 Not Found"])
        let names = try FileManager.default.contentsOfDirectory(atPath: snapshot).sorted()
        #expect(names == [
            "01-127.0.0.1-guide-how-to-feed.html", "02-127.0.0.1-index.html", "04-127.0.0.1-blog-rye-starter.html", "snapshot.json",
        ])
        let index = try CompetitorSnapshot.readIndex(directory: snapshot)
        #expect(index.pages.map(\.rank) == [3, 1, 2])
        #expect(index.pages[2].url == server.url("/short"))
        #expect(index.pages[2].finalURL == server.url("/blog/rye-starter?ref=1"))
        #expect(index.pages[1].contentType == "text/html; charset=iso-8859-1")
        #expect(index.pages.allSatisfy { $0.status == 200 && $0.fetchedAt.hasSuffix("Z") })
        #expect(index.failures.map(\.reason) == ["HTTP 404 Not Found"])
        for (entry, page) in zip(index.pages, pages) {
            #expect(entry.sha256 == SHA256.hex(Array(page.utf8)))
            #expect(entry.byteCount == page.utf8.count)
        }

        // The server is gone: the snapshot alone gives the same pages, byte for byte.
        let offline = try await CompetitorSource.load(urls: nil, competitorsDirectory: nil, snapshot: snapshot)
        #expect(offline.problems.isEmpty)
        #expect(offline.pages.map(\.bytes) == online.pages.map(\.bytes))
        #expect(offline.pages.map(\.bytes) == pages.map { Array($0.utf8) })
        #expect(offline.pages.map(\.rank) == online.pages.map(\.rank))
        #expect(offline.pages.map(\.url) == online.pages.map(\.url))
        #expect(offline.pages.map(\.finalURL) == online.pages.map(\.finalURL))
        #expect(offline.pages.map(\.httpCharset) == ["utf-8", "iso-8859-1", "utf-8"])
        #expect(offline.pages.map { SHA256.hex($0.bytes) } == index.pages.map(\.sha256))

        // A changed file is detected and left out; the others are still read.
        let tampered = snapshot + "/02-127.0.0.1-index.html"
        try Data("<html><body><h1>Page 2</h1><p>Edited</p></body></html>".utf8).write(to: URL(fileURLWithPath: tampered))
        let checked = try await CompetitorSource.load(urls: nil, competitorsDirectory: nil, snapshot: snapshot)
        #expect(checked.pages.map(\.rank) == [3, 2])
        #expect(checked.problems.count == 1)
        #expect(checked.problems.first?.hasPrefix("\(tampered): content changed since the snapshot (SHA-256 ") == true)
        #expect(checked.problems.first?.hasSuffix("page \(server.url("/")) skipped") == true)
    }
}
