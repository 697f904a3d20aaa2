import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import SEOKit

/// Fetches competitor pages over HTTP(S) for `seokit compare --urls FILE`.
///
/// Kept in its own module because `URLSession` lives in `FoundationNetworking` on Linux, which
/// loads libcurl: the core `SEOKit` library stays free of it.
///
/// - Each HTTP request (each redirect hop) has `timeout` seconds to finish, body included.
/// - Bodies are read up to `maxPageSize` bytes; past that reading stops and the page fails
///   (a `Content-Length` above the cap fails at once).
/// - Redirects (301, 302, 303, 307, 308) are followed by the fetcher itself, up to
///   `maxRedirects`, and only to http and https URLs.
/// - Only HTML is kept: `text/html` or `application/xhtml+xml`; a response without a
///   `Content-Type` is kept when it starts like an HTML page.
/// - At most `concurrency` URLs are fetched at a time; results come back in input order.
/// - Requests carry `User-Agent: SEOKit/<version> (+https://github.com/seokit/seokit; compare)`,
///   send no cookies and use no cache.
///
/// ```swift
/// let results = await CompetitorFetcher().fetch([CompetitorURL(url: "https://example.com/", rank: 1)])
/// ```
public struct CompetitorFetcher: CompetitorPageFetching {
    public struct Options: Sendable, Hashable {
        /// Seconds for one HTTP request, from sending it to the last byte of the body.
        public var timeout: Double
        /// Largest body kept, in bytes.
        public var maxPageSize: Int
        /// Redirects followed before giving up.
        public var maxRedirects: Int
        /// URLs fetched at the same time.
        public var concurrency: Int
        public var userAgent: String

        public init(
            timeout: Double = 20, maxPageSize: Int = 5 << 20, maxRedirects: Int = 5, concurrency: Int = 4,
            userAgent: String = CompetitorFetcher.defaultUserAgent
        ) {
            self.timeout = timeout
            self.maxPageSize = maxPageSize
            self.maxRedirects = maxRedirects
            self.concurrency = concurrency
            self.userAgent = userAgent
        }
    }

    public static let defaultUserAgent = "SEOKit/\(SEOKitVersion.string) (+https://github.com/seokit/seokit; compare)"

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// One result per URL, in the order given.
    public func fetch(_ urls: [CompetitorURL]) async -> [Result<FetchedPage, FetchFailure>] {
        guard !urls.isEmpty else { return [] }
        let width = max(1, min(options.concurrency, urls.count))
        let client = Client(options: options)

        var results = [Result<FetchedPage, FetchFailure>?](repeating: nil, count: urls.count)
        await withTaskGroup(of: (Int, Result<FetchedPage, FetchFailure>).self) { group in
            var next = 0
            while next < width {
                let index = next
                group.addTask { (index, await client.fetch(urls[index])) }
                next += 1
            }
            while let (index, result) = await group.next() {
                results[index] = result
                if next < urls.count {
                    let index = next
                    group.addTask { (index, await client.fetch(urls[index])) }
                    next += 1
                }
            }
        }
        return results.map { $0! }
    }
}

/// The fetch of one URL, hop by hop.
///
/// Each request gets its own `URLSession` (and so its own libcurl multi handle): in one shared
/// session, libcurl may hold a request back until another connection to the same host has
/// answered (to learn whether it can be multiplexed), so a slow page would delay a fast one.
private struct Client: Sendable {
    let options: CompetitorFetcher.Options

    func makeSession(delegate: FetchDelegate) -> URLSession {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = options.timeout
        configuration.timeoutIntervalForResource = options.timeout + 5
        configuration.httpMaximumConnectionsPerHost = 1
        configuration.httpShouldSetCookies = false
        configuration.httpCookieAcceptPolicy = .never
        configuration.urlCache = nil
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        let queue = OperationQueue()
        queue.maxConcurrentOperationCount = 1
        return URLSession(configuration: configuration, delegate: delegate, delegateQueue: queue)
    }

    func fetch(_ request: CompetitorURL) async -> Result<FetchedPage, FetchFailure> {
        var current = request.url
        var redirects: [String] = []
        guard let parsed = ParsedURL(current), parsed.isWeb, URL(string: current) != nil else {
            return .failure(FetchFailure(request: request, cause: .invalidURL))
        }
        while true {
            let hop = await self.hop(current)
            switch hop {
            case .failed(let cause):
                return .failure(FetchFailure(request: request, cause: cause, failedURL: current))
            case .redirect(let status, let location):
                guard let location else {
                    return .failure(FetchFailure(request: request, cause: .redirectWithoutLocation(status: status), failedURL: current))
                }
                guard let target = ParsedURL(location), target.isWeb, URL(string: location) != nil else {
                    let scheme = location.split(separator: ":", maxSplits: 1).first.map { $0.trimmed().lowercased() } ?? location
                    return .failure(FetchFailure(request: request, cause: .unsupportedScheme(scheme), failedURL: current))
                }
                redirects.append(current)
                if redirects.count > options.maxRedirects {
                    return .failure(FetchFailure(request: request, cause: .tooManyRedirects(limit: options.maxRedirects), failedURL: location))
                }
                current = location
            case .page(let status, let contentType, let bytes):
                if contentType == nil, !Self.looksLikeHTML(bytes) {
                    return .failure(FetchFailure(request: request, cause: .notHTML(contentType: "none, and the body does not look like HTML"), failedURL: current))
                }
                return .success(FetchedPage(
                    request: request, finalURL: current, redirects: redirects, status: status, contentType: contentType,
                    bytes: bytes, fetchedAt: ISO8601Time.now()))
            }
        }
    }

    /// One HTTP request, not following redirects.
    func hop(_ url: String) async -> HopOutcome {
        guard let target = URL(string: url) else { return .failed(.invalidURL) }
        var request = URLRequest(url: target, cachePolicy: .reloadIgnoringLocalCacheData, timeoutInterval: options.timeout)
        request.setValue(options.userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("text/html,application/xhtml+xml;q=0.9,*/*;q=0.1", forHTTPHeaderField: "Accept")
        let delegate = FetchDelegate()
        let session = makeSession(delegate: delegate)
        defer { session.finishTasksAndInvalidate() }
        let task = session.dataTask(with: request)
        let identifier = task.taskIdentifier
        let limit = options.maxPageSize
        let timeout = options.timeout
        let handle = TaskHandle(task: task)
        return await withCheckedContinuation { continuation in
            delegate.register(identifier, HopState(limit: limit, timeout: timeout, continuation: continuation))
            task.resume()
            // The deadline for the whole request, body included (URLSession's own timeout only
            // measures idle time between bytes). A Dispatch timer, not a Swift task, so that a
            // busy cooperative thread pool cannot delay it.
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                if delegate.finish(identifier, with: .failed(.timeout(seconds: timeout))) { handle.task.cancel() }
            }
        }
    }

    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(1024), as: UTF8.self).lowercased()
        let trimmed = head.drop { $0.isWhitespace || $0 == "\u{FEFF}" }
        return trimmed.hasPrefix("<!doctype html") || trimmed.hasPrefix("<html") || trimmed.hasPrefix("<head") || trimmed.hasPrefix("<body")
            || (trimmed.hasPrefix("<") && (head.contains("<html") || head.contains("<body") || head.contains("<p>")))
    }
}

enum HopOutcome: Sendable {
    case page(status: Int, contentType: String?, bytes: [UInt8])
    case redirect(status: Int, location: String?)
    case failed(FetchFailure.Cause)
}

/// What the delegate knows about one request in flight.
struct HopState: Sendable {
    var limit: Int
    var timeout: Double
    var continuation: CheckedContinuation<HopOutcome, Never>
    var bytes: [UInt8] = []
    var status = 0
    var contentType: String?

    init(limit: Int, timeout: Double, continuation: CheckedContinuation<HopOutcome, Never>) {
        self.limit = limit
        self.timeout = timeout
        self.continuation = continuation
    }
}

/// A task handed to the deadline timer.
struct TaskHandle: @unchecked Sendable {
    let task: URLSessionTask
}

/// The session delegate: collects bodies, enforces the size cap and the content type, stops
/// redirects so the fetcher follows them itself.
///
/// The outcome of a request is delivered once, as soon as it is known (`finish`): a request
/// decided early (error status, redirect, too large, not HTML, timed out) is answered at once
/// and its task cancelled; callbacks arriving afterwards find no state and do nothing.
final class FetchDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let states = Locked<[Int: HopState]>([:])

    func register(_ identifier: Int, _ state: HopState) {
        states.withLock { $0[identifier] = state }
    }

    /// Delivers the outcome of a request still running; `false` if it already had one.
    @discardableResult
    func finish(_ identifier: Int, with outcome: HopOutcome) -> Bool {
        guard let state = states.withLock({ $0.removeValue(forKey: identifier) }) else { return false }
        state.continuation.resume(returning: outcome)
        return true
    }

    func urlSession(
        _ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
        newRequest request: URLRequest, completionHandler: @escaping @Sendable (URLRequest?) -> Void
    ) {
        let location = response.value(forHTTPHeaderField: "Location").flatMap { raw -> String? in
            URL(string: raw.trimmingCharacters(in: .whitespaces), relativeTo: response.url)?.absoluteString
        } ?? request.url?.absoluteString
        completionHandler(nil)
        if finish(task.taskIdentifier, with: .redirect(status: response.statusCode, location: location)) { task.cancel() }
    }

    func urlSession(
        _ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
        completionHandler: @escaping @Sendable (URLSession.ResponseDisposition) -> Void
    ) {
        let http = response as? HTTPURLResponse
        let status = http?.statusCode ?? 0
        let contentType = http?.value(forHTTPHeaderField: "Content-Type")
        let declaredLength = response.expectedContentLength
        let decided = states.withLock { states -> HopOutcome?? in
            guard var state = states[dataTask.taskIdentifier] else { return .some(nil) }
            state.status = status
            state.contentType = contentType
            states[dataTask.taskIdentifier] = state
            if (300..<400).contains(status), status != 304 {
                let location = http?.value(forHTTPHeaderField: "Location").flatMap { raw -> String? in
                    URL(string: raw.trimmingCharacters(in: .whitespaces), relativeTo: response.url)?.absoluteString ?? raw
                }
                return .redirect(status: status, location: location)
            } else if status >= 400 || status < 200 || status == 304 {
                return .failed(.httpStatus(status))
            } else if let contentType, !ContentType(contentType).isHTML {
                return .failed(.notHTML(contentType: contentType))
            } else if declaredLength > state.limit {
                return .failed(.tooLarge(limit: state.limit))
            }
            return nil
        }
        switch decided {
        case .none:
            completionHandler(.allow)
        case .some(.none):
            completionHandler(.cancel)  // already answered
        case .some(.some(let outcome)):
            finish(dataTask.taskIdentifier, with: outcome)
            completionHandler(.cancel)
        }
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive data: Data) {
        let overflow = states.withLock { states -> Bool in
            guard var state = states[dataTask.taskIdentifier] else { return false }
            state.bytes.append(contentsOf: data)
            let over = state.bytes.count > state.limit
            if over { state.bytes = [] }
            states[dataTask.taskIdentifier] = state
            return over
        }
        guard overflow else { return }
        let limit = states.withLock { $0[dataTask.taskIdentifier]?.limit } ?? 0
        if finish(dataTask.taskIdentifier, with: .failed(.tooLarge(limit: limit))) { dataTask.cancel() }
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: (any Error)?) {
        guard let state = states.withLock({ $0[task.taskIdentifier] }) else { return }
        let outcome: HopOutcome
        if let error {
            outcome = .failed(Self.cause(of: error, timeout: state.timeout, url: task.originalRequest?.url))
        } else {
            outcome = .page(status: state.status, contentType: state.contentType, bytes: state.bytes)
        }
        finish(task.taskIdentifier, with: outcome)
    }

    static func cause(of error: any Error, timeout: Double, url: URL?) -> FetchFailure.Cause {
        let host = url?.host ?? "the server"
        guard let urlError = error as? URLError else { return .network(String(describing: error)) }
        switch urlError.code {
        case .timedOut: return .timeout(seconds: timeout)
        case .cannotFindHost, .dnsLookupFailed: return .network("cannot resolve host \(host)")
        case .cannotConnectToHost: return .network("cannot connect to \(host) (connection refused)")
        case .networkConnectionLost: return .network("connection to \(host) lost")
        case .notConnectedToInternet: return .network("no network connection")
        case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate, .serverCertificateNotYetValid,
             .serverCertificateHasUnknownRoot, .clientCertificateRejected:
            return .network("TLS error with \(host): \(urlError.localizedDescription)")
        case .badServerResponse: return .network("bad response from \(host)")
        case .unsupportedURL: return .invalidURL
        default: return .network("\(urlError.localizedDescription) (URLError \(urlError.code.rawValue))")
        }
    }
}

extension CompetitorSource {
    /// `load` with the network fetcher of this module (blocks: for synchronous callers).
    public static func load(
        urls: String?, competitorsDirectory: String?, snapshot: String?, options: CompetitorFetcher.Options = .init()
    ) throws(CompetitorSourceError) -> Loaded {
        try load(urls: urls, competitorsDirectory: competitorsDirectory, snapshot: snapshot, fetcher: CompetitorFetcher(options: options))
    }

    /// `load` with the network fetcher of this module, for async callers.
    public static func load(
        urls: String?, competitorsDirectory: String?, snapshot: String?, options: CompetitorFetcher.Options = .init()
    ) async throws(CompetitorSourceError) -> Loaded {
        try await load(urls: urls, competitorsDirectory: competitorsDirectory, snapshot: snapshot, fetcher: CompetitorFetcher(options: options))
    }
}
