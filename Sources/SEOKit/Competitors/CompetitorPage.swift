#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One competitor page ready to analyse: its bytes as received (or as stored), where it came
/// from and its rank. Built by `CompetitorSource.load`.
public struct CompetitorPage: Sendable, Hashable {
    /// What the messages name the page by: the URL for a fetched or snapshot page, the path for a file.
    public var label: String
    /// The URL asked for (`nil` for a local file).
    public var url: String?
    /// The URL after redirects (`nil` for a local file).
    public var finalURL: String?
    /// The file the bytes were read from: a local page or a snapshot file (`nil` when fetched).
    public var path: String?
    /// Rank in the search results (1 = first).
    public var rank: Int
    /// The raw bytes, undecoded.
    public var bytes: [UInt8]
    /// The `Content-Type` header (`nil` for a local file).
    public var contentType: String?

    public init(label: String, url: String? = nil, finalURL: String? = nil, path: String? = nil, rank: Int, bytes: [UInt8], contentType: String? = nil) {
        self.label = label
        self.url = url
        self.finalURL = finalURL
        self.path = path
        self.rank = rank
        self.bytes = bytes
        self.contentType = contentType
    }

    /// The charset named by the `Content-Type` header, if any.
    public var httpCharset: String? { contentType.flatMap { ContentType($0).charset } }

    /// The page as valid UTF-8: a byte order mark first, then the `Content-Type` charset, then
    /// the page's own declaration, then UTF-8 (the order browsers use).
    public func decoded() throws(InputError) -> DecodedInput {
        try TextDecoding.decode(bytes, format: .html, path: label, declaredCharset: httpCharset)
    }

    /// The page read into a `Document` (the whole page; use `MainContentExtractor.extract(decoded(), ...)`
    /// for the main content only).
    public func document(options: ReadOptions = ReadOptions()) throws(InputError) -> Document {
        HTMLReader.read(try decoded(), path: label, options: options)
    }
}

/// A page fetched over HTTP(S).
public struct FetchedPage: Sendable, Hashable {
    /// The list entry that asked for the page.
    public var request: CompetitorURL
    /// The URL the body came from, after redirects.
    public var finalURL: String
    /// Each URL redirected from, in order (the requested URL first); empty without redirects.
    public var redirects: [String]
    /// HTTP status of the final response (2xx).
    public var status: Int
    /// The final response's `Content-Type` header.
    public var contentType: String?
    /// The body exactly as received (after any transfer or content decoding done by HTTP).
    public var bytes: [UInt8]
    /// When the response arrived, ISO 8601 in UTC (`2025-01-31T12:00:00Z`).
    public var fetchedAt: String

    public init(request: CompetitorURL, finalURL: String, redirects: [String] = [], status: Int, contentType: String?, bytes: [UInt8], fetchedAt: String) {
        self.request = request
        self.finalURL = finalURL
        self.redirects = redirects
        self.status = status
        self.contentType = contentType
        self.bytes = bytes
        self.fetchedAt = fetchedAt
    }
}

/// Why a competitor URL gave no page. `description` is one line: `URL: cause`.
public struct FetchFailure: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Cause: Sendable, Hashable {
        case invalidURL
        /// A redirect to something other than http or https.
        case unsupportedScheme(String)
        /// DNS, connection, TLS... as the HTTP library says it.
        case network(String)
        case timeout(seconds: Double)
        case httpStatus(Int)
        case tooLarge(limit: Int)
        case notHTML(contentType: String)
        case tooManyRedirects(limit: Int)
        case redirectWithoutLocation(status: Int)
    }

    public var request: CompetitorURL
    public var cause: Cause
    /// The URL that failed when it is not the one asked for (a redirect target).
    public var failedURL: String?

    public init(request: CompetitorURL, cause: Cause, failedURL: String? = nil) {
        self.request = request
        self.cause = cause
        self.failedURL = failedURL
    }

    public var reason: String {
        switch cause {
        case .invalidURL: return "not a valid URL"
        case .unsupportedScheme(let scheme): return "redirects to a '\(scheme)' URL; only http and https are followed"
        case .network(let detail): return detail
        case .timeout(let seconds): return "timed out after \(Self.seconds(seconds))"
        case .httpStatus(let status): return "HTTP \(status)\(Self.statusText(status).map { " \($0)" } ?? "")"
        case .tooLarge(let limit): return "larger than \(ByteCount.describe(limit)); stopped reading"
        case .notHTML(let type): return "not an HTML page (Content-Type: \(type))"
        case .tooManyRedirects(let limit): return "more than \(limit) redirects"
        case .redirectWithoutLocation(let status): return "HTTP \(status) redirect without a Location header"
        }
    }

    public var description: String {
        if let failedURL, failedURL != request.url { return "\(request.url): \(reason) (at \(failedURL))" }
        return "\(request.url): \(reason)"
    }

    static func seconds(_ value: Double) -> String {
        value == value.rounded() ? "\(Int(value)) s" : "\(value) s"
    }

    static func statusText(_ status: Int) -> String? {
        switch status {
        case 400: return "Bad Request"
        case 401: return "Unauthorized"
        case 403: return "Forbidden"
        case 404: return "Not Found"
        case 410: return "Gone"
        case 429: return "Too Many Requests"
        case 500: return "Internal Server Error"
        case 502: return "Bad Gateway"
        case 503: return "Service Unavailable"
        case 504: return "Gateway Timeout"
        default: return nil
        }
    }
}

/// Fetches competitor URLs. `CompetitorFetcher` in the `SEOKitFetch` module is the real one;
/// tests may pass their own.
public protocol CompetitorPageFetching: Sendable {
    /// One result per URL, in the order given.
    func fetch(_ urls: [CompetitorURL]) async -> [Result<FetchedPage, FetchFailure>]
}

/// A `Content-Type` header value read into its media type and charset.
public struct ContentType: Sendable, Hashable {
    /// Lowercased media type (`text/html`), empty when missing.
    public var mediaType: String
    /// The `charset` parameter, unquoted, or `nil`.
    public var charset: String?

    public init(_ header: String) {
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        mediaType = parts.first.map { $0.trimmed().lowercased() } ?? ""
        charset = nil
        for parameter in parts.dropFirst() {
            guard let equals = parameter.firstIndex(of: "=") else { continue }
            let name = parameter[..<equals].trimmed().lowercased()
            guard name == "charset" else { continue }
            var value = parameter[parameter.index(after: equals)...].trimmed()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            if !value.isEmpty { charset = value }
            break
        }
    }

    /// Whether the media type is one an HTML reader takes (`text/html`, `application/xhtml+xml`).
    public var isHTML: Bool { mediaType == "text/html" || mediaType == "application/xhtml+xml" }
}

/// Time stamps for snapshots.
public enum ISO8601Time {
    /// The current time in UTC, to the second: `2025-01-31T12:00:00Z`.
    public static func now() -> String {
        format(time(nil))
    }

    public static func format(_ seconds: time_t) -> String {
        var value = seconds
        var parts = tm()
        gmtime_r(&value, &parts)
        func pad(_ number: Int32, _ width: Int) -> String {
            let text = String(number)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2))Z"
    }
}
