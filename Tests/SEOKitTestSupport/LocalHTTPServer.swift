import Foundation
import SEOKit

/// A tiny HTTP/1.1 server on 127.0.0.1 (an ephemeral port) for the fetcher tests: POSIX
/// sockets, one thread per connection, one request per connection (`Connection: close`).
/// It never listens on any other address.
///
///     let server = try LocalHTTPServer { request in
///         request.path == "/page" ? .html("<h1>Hi</h1>") : .status(404)
///     }
///     defer { server.stop() }
///     let url = server.url("/page")
///
/// Responses can wait before the headers (slow servers), stream a body slowly, send a body of
/// any size in chunks (stopping when the client hangs up), and carry any status and headers.
/// The server records every request and the largest number of requests it was answering at once.
public final class LocalHTTPServer: Sendable {
    public struct Request: Sendable, Hashable {
        public var method: String
        /// The request target (`/page?x=1`).
        public var path: String
        /// Header names lowercased, in order received.
        public var headers: [String: String]

        public var userAgent: String? { headers["user-agent"] }
    }

    public struct Response: Sendable {
        public var status: Int
        public var headers: [(String, String)]
        public var body: [UInt8]
        /// Seconds to wait before sending anything.
        public var delay: Double
        /// When set, the body is sent as `repeatCount` copies of `body` (no `Content-Length` when
        /// `declaresLength` is false), stopping early if the client closes the connection.
        public var repeatCount: Int
        public var declaresLength: Bool
        /// Seconds to wait between chunks of the body (a slow, trickling server).
        public var chunkDelay: Double

        public init(status: Int = 200, headers: [(String, String)] = [], body: [UInt8] = [], delay: Double = 0, repeatCount: Int = 1, declaresLength: Bool = true, chunkDelay: Double = 0) {
            self.status = status
            self.headers = headers
            self.body = body
            self.delay = delay
            self.repeatCount = repeatCount
            self.declaresLength = declaresLength
            self.chunkDelay = chunkDelay
        }

        /// A 200 page with `Content-Type: text/html; charset=utf-8` (or the given type).
        public static func html(_ text: String, contentType: String = "text/html; charset=utf-8", delay: Double = 0) -> Response {
            Response(headers: [("Content-Type", contentType)], body: Array(text.utf8), delay: delay)
        }

        /// A 200 response with raw bytes and a content type.
        public static func bytes(_ bytes: [UInt8], contentType: String?) -> Response {
            Response(headers: contentType.map { [("Content-Type", $0)] } ?? [], body: bytes)
        }

        /// A redirect to `location` (absolute or relative).
        public static func redirect(to location: String, status: Int = 302) -> Response {
            Response(status: status, headers: [("Location", location), ("Content-Type", "text/html")], body: Array("<a href=\"\(location)\">moved</a>".utf8))
        }

        /// An error page with this status.
        public static func status(_ status: Int) -> Response {
            Response(status: status, headers: [("Content-Type", "text/html")], body: Array("<h1>\(status)</h1>".utf8))
        }
    }

    public typealias Handler = @Sendable (Request) -> Response

    /// The port the server listens on.
    public let port: Int
    private let listener: Int32
    private let handler: Handler
    private let state = Locked(State())

    private struct State {
        var requests: [Request] = []
        var active = 0
        var maxActive = 0
        var stopped = false
    }

    /// Starts listening on 127.0.0.1 at a port the system picks.
    public init(handler: @escaping Handler) throws {
        self.handler = handler
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ServerError.socket(String(cString: strerror(errno))) }
        var yes: Int32 = 1
        setsockopt(descriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(descriptor, 64) == 0 else {
            let reason = String(cString: strerror(errno))
            close(descriptor)
            throw ServerError.socket(reason)
        }
        var actual = sockaddr_in()
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &actual) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
        }
        port = Int(UInt16(bigEndian: actual.sin_port))
        listener = descriptor
        let server = self
        Thread.detachNewThread { server.acceptLoop() }
    }

    deinit { stop() }

    public enum ServerError: Error, CustomStringConvertible {
        case socket(String)
        public var description: String {
            switch self { case .socket(let reason): return "LocalHTTPServer: \(reason)" }
        }
    }

    /// `http://127.0.0.1:PORT` + path.
    public func url(_ path: String) -> String { "http://127.0.0.1:\(port)" + path }

    /// Every request received so far, in arrival order.
    public var requests: [Request] { state.withLock { $0.requests } }

    /// The largest number of requests being answered at the same time.
    public var maxConcurrentRequests: Int { state.withLock { $0.maxActive } }

    /// Stops accepting connections (connections in progress finish on their own).
    ///
    /// Only shuts the listening socket down, which wakes the accept loop; the loop closes it.
    /// Closing it here would free its descriptor number while the loop may still call
    /// `accept` on it, and the number is soon reused by another socket of the process
    /// (another test's server or an HTTP client's connection).
    public func stop() {
        let first = state.withLock { state -> Bool in
            defer { state.stopped = true }
            return !state.stopped
        }
        guard first else { return }
        shutdown(listener, Int32(SHUT_RDWR))
    }

    private func acceptLoop() {
        defer { close(listener) }
        while true {
            let connection = accept(listener, nil, nil)
            if connection < 0 {
                if errno == EINTR, !state.withLock({ $0.stopped }) { continue }
                return
            }
            if state.withLock({ $0.stopped }) {
                close(connection)
                return
            }
            let server = self
            Thread.detachNewThread { server.serve(connection) }
        }
    }

    private func serve(_ connection: Int32) {
        defer { close(connection) }
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(connection, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        guard let request = readRequest(connection) else { return }
        state.withLock { state in
            state.requests.append(request)
            state.active += 1
            state.maxActive = max(state.maxActive, state.active)
        }
        defer { state.withLock { $0.active -= 1 } }
        let response = handler(request)
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        var head = "HTTP/1.1 \(response.status) \(Self.reason(response.status))\r\n"
        for (name, value) in response.headers { head += "\(name): \(value)\r\n" }
        if response.declaresLength { head += "Content-Length: \(response.body.count * response.repeatCount)\r\n" }
        head += "Connection: close\r\n\r\n"
        guard send(connection, Array(head.utf8)) else { return }
        if request.method == "HEAD" { return }
        for _ in 0..<response.repeatCount {
            if response.chunkDelay > 0 {
                // Trickle: a few bytes at a time.
                var offset = 0
                while offset < response.body.count {
                    let end = min(offset + 16, response.body.count)
                    guard send(connection, Array(response.body[offset..<end])) else { return }
                    offset = end
                    Thread.sleep(forTimeInterval: response.chunkDelay)
                }
            } else {
                guard send(connection, response.body) else { return }
            }
        }
    }

    /// Reads the request line and headers (the tests send no bodies).
    private func readRequest(_ connection: Int32) -> Request? {
        var buffer = [UInt8]()
        var chunk = [UInt8](repeating: 0, count: 4096)
        let terminator: [UInt8] = [13, 10, 13, 10]
        while buffer.count < 65536 {
            let count = chunk.withUnsafeMutableBytes { recv(connection, $0.baseAddress, $0.count, 0) }
            if count <= 0 { return nil }
            buffer.append(contentsOf: chunk[0..<count])
            if let end = Self.find(terminator, in: buffer) {
                let text = String(decoding: buffer[0..<end], as: UTF8.self)
                var lines = text.components(separatedBy: "\r\n")
                let requestLine = lines.removeFirst().split(separator: " ")
                guard requestLine.count >= 2 else { return nil }
                var headers: [String: String] = [:]
                for line in lines {
                    guard let colon = line.firstIndex(of: ":") else { continue }
                    headers[line[..<colon].lowercased()] = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
                }
                return Request(method: String(requestLine[0]), path: String(requestLine[1]), headers: headers)
            }
        }
        return nil
    }

    private static func find(_ needle: [UInt8], in haystack: [UInt8]) -> Int? {
        guard haystack.count >= needle.count else { return nil }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if Array(haystack[start..<(start + needle.count)]) == needle { return start }
        }
        return nil
    }

    /// Sends everything; `false` when the client has gone.
    private func send(_ connection: Int32, _ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBytes { raw -> Bool in
            guard var pointer = raw.baseAddress else { return true }
            var remaining = raw.count
            while remaining > 0 {
                let sent = Glibc.send(connection, pointer, remaining, Int32(MSG_NOSIGNAL))
                if sent < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                remaining -= sent
                pointer += sent
            }
            return true
        }
    }

    static func reason(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 303: return "See Other"
        case 307: return "Temporary Redirect"
        case 308: return "Permanent Redirect"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        default: return "Status"
        }
    }
}
