#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder of fetched competitor pages, so a comparison can be rerun later without the network
/// and give the same result.
///
/// Layout of `DIR/`:
///
///     01-example.com-how-to-feed-a-starter.html   raw bytes as received
///     03-example.org-index.html                   (02 failed: no file)
///     snapshot.json                               the index, written last
///
/// `NN` is the URL's position in the list (two digits; three past 99), then the host, then a
/// slug of the path (lowercase ASCII letters and digits, `-` between words, at most 60 characters;
/// `index` for `/`).
///
/// `snapshot.json` (version 1):
///
/// ```json
/// {
///   "format": "seokit-competitor-snapshot",
///   "version": 1,
///   "generator": "SEOKit/0.1.0",
///   "createdAt": "2025-01-31T12:00:05Z",
///   "pages": [
///     {
///       "file": "01-example.com-how-to-feed-a-starter.html",
///       "rank": 1,
///       "url": "https://example.com/feed",
///       "finalURL": "https://example.com/how-to-feed-a-starter",
///       "fetchedAt": "2025-01-31T12:00:01Z",
///       "status": 200,
///       "contentType": "text/html; charset=utf-8",
///       "bytes": 48211,
///       "sha256": "3b1f…"
///     }
///   ],
///   "failures": [ { "url": "https://example.net/x", "rank": 2, "reason": "HTTP 404 Not Found" } ]
/// }
/// ```
///
/// Every file is written atomically (temporary file in the folder, `fsync`, rename); the index
/// is written last, so a folder whose index names a file always has that file complete. Files
/// a previous index named and the new one does not are removed after the new index is in place.
public enum CompetitorSnapshot {
    public static let indexName = "snapshot.json"
    public static let format = "seokit-competitor-snapshot"
    public static let version = 1

    /// One page of the index.
    public struct Entry: Sendable, Hashable {
        public var file: String
        public var rank: Int
        public var url: String
        public var finalURL: String
        public var fetchedAt: String
        public var status: Int
        public var contentType: String?
        public var byteCount: Int
        /// SHA-256 of the file's bytes, lowercase hexadecimal.
        public var sha256: String

        public init(file: String, rank: Int, url: String, finalURL: String, fetchedAt: String, status: Int, contentType: String?, byteCount: Int, sha256: String) {
            self.file = file
            self.rank = rank
            self.url = url
            self.finalURL = finalURL
            self.fetchedAt = fetchedAt
            self.status = status
            self.contentType = contentType
            self.byteCount = byteCount
            self.sha256 = sha256
        }
    }

    /// A URL that gave no page, recorded in the index for the record.
    public struct Failure: Sendable, Hashable {
        public var url: String
        public var rank: Int
        public var reason: String
    }

    /// A parsed index.
    public struct Index: Sendable, Hashable {
        public var createdAt: String
        public var generator: String
        public var pages: [Entry]
        public var failures: [Failure]
    }

    // MARK: Writing

    /// Saves fetched pages and the index into `directory` (created if missing). `positions` gives
    /// each page's number in the file name (its position in the URL list, 1-based); by default
    /// the position of the page's request in `pages`.
    @discardableResult
    public static func write(
        pages: [(position: Int, page: FetchedPage)], failures: [FetchFailure], to directory: String, createdAt: String = ISO8601Time.now()
    ) throws(CompetitorSourceError) -> Index {
        try makeDirectory(directory)
        let previous = try? readIndex(directory: directory)
        let width = max(2, String(pages.map(\.position).max() ?? 0).count)
        var entries: [Entry] = []
        var used: Set<String> = []
        for (position, page) in pages {
            var name = fileName(position: position, url: page.finalURL, width: width)
            var suffix = 2
            while used.contains(name) {
                name = fileName(position: position, url: page.finalURL, width: width, suffix: suffix)
                suffix += 1
            }
            used.insert(name)
            try writeAtomically(page.bytes, to: directory + "/" + name)
            entries.append(Entry(
                file: name, rank: page.request.rank, url: page.request.url, finalURL: page.finalURL, fetchedAt: page.fetchedAt,
                status: page.status, contentType: page.contentType, byteCount: page.bytes.count, sha256: SHA256.hex(page.bytes)))
        }
        let index = Index(
            createdAt: createdAt, generator: "SEOKit/\(SEOKitVersion.string)", pages: entries,
            failures: failures.map { Failure(url: $0.request.url, rank: $0.request.rank, reason: $0.reason) })
        try writeAtomically(Array((serialize(index) + "\n").utf8), to: directory + "/" + indexName)
        if let previous {
            for entry in previous.pages where !used.contains(entry.file) && isPlainFileName(entry.file) {
                unlink(directory + "/" + entry.file)
            }
        }
        return index
    }

    /// The index as JSON, fields in the documented order.
    public static func serialize(_ index: Index) -> String {
        let pages: [JSONValue] = index.pages.map { entry in
            .object([
                ("file", .string(entry.file)), ("rank", .int(entry.rank)), ("url", .string(entry.url)),
                ("finalURL", .string(entry.finalURL)), ("fetchedAt", .string(entry.fetchedAt)), ("status", .int(entry.status)),
                ("contentType", .optional(entry.contentType)), ("bytes", .int(entry.byteCount)), ("sha256", .string(entry.sha256)),
            ])
        }
        let failures: [JSONValue] = index.failures.map {
            .object([("url", .string($0.url)), ("rank", .int($0.rank)), ("reason", .string($0.reason))])
        }
        return JSONValue.object([
            ("format", .string(format)), ("version", .int(version)), ("generator", .string(index.generator)),
            ("createdAt", .string(index.createdAt)), ("pages", .array(pages)), ("failures", .array(failures)),
        ]).pretty()
    }

    /// `NN-host-slug.html`.
    public static func fileName(position: Int, url: String, width: Int = 2, suffix: Int? = nil) -> String {
        let number = String(position)
        var name = String(repeating: "0", count: max(0, width - number.count)) + number
        let parsed = ParsedURL(url)
        let host = slug(parsed?.host ?? "page", keepDots: true, limit: 60)
        name += "-" + (host.isEmpty ? "page" : host)
        var path = slug(parsed?.path ?? "", keepDots: false, limit: 60)
        if path.isEmpty { path = "index" }
        name += "-" + path
        if let suffix { name += "-\(suffix)" }
        return name + ".html"
    }

    /// Lowercase ASCII letters and digits; every other run becomes one `-`; ends trimmed.
    static func slug(_ text: String, keepDots: Bool, limit: Int) -> String {
        var output = ""
        var pendingDash = false
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let isAlphanumeric = (value >= 0x30 && value <= 0x39) || (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A)
            if isAlphanumeric || (keepDots && value == 0x2E) {
                let dash = pendingDash && !output.isEmpty
                if output.unicodeScalars.count + (dash ? 2 : 1) > limit { break }
                if dash { output += "-" }
                pendingDash = false
                output.unicodeScalars.append(Unicode.Scalar(UInt8(value)).properties.lowercaseMapping.unicodeScalars.first!)
            } else {
                pendingDash = true
            }
        }
        while output.hasSuffix("-") || output.hasSuffix(".") { output.removeLast() }
        while output.hasPrefix(".") { output.removeFirst() }
        return output
    }

    // MARK: Reading

    /// Reads the index of a snapshot folder.
    public static func readIndex(directory: String) throws(CompetitorSourceError) -> Index {
        let path = directory + "/" + indexName
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path: path, sizeLimit: 16 << 20)
        } catch {
            if case .notFound = error.cause {
                throw CompetitorSourceError("\(directory): no \(indexName) here; save pages with --urls FILE --snapshot \(directory) first")
            }
            throw CompetitorSourceError("\(path): \(error.reason)")
        }
        let json: JSONValue
        do {
            json = try MiniJSON.parse(bytes)
        } catch {
            throw CompetitorSourceError("\(path): \(error)")
        }
        guard json[field: "format"]?.stringValue == format else {
            throw CompetitorSourceError("\(path): not a SEOKit competitor snapshot index (no \"format\": \"\(format)\")")
        }
        guard let found = json[field: "version"]?.intValue, found == version else {
            let shown = json[field: "version"].map { $0.serialized() } ?? "none"
            throw CompetitorSourceError("\(path): snapshot version \(shown) is not supported (this SEOKit reads version \(version))")
        }
        var entries: [Entry] = []
        for (number, item) in (json[field: "pages"]?.arrayValue ?? []).enumerated() {
            guard let file = item[field: "file"]?.stringValue, let url = item[field: "url"]?.stringValue,
                  let sha = item[field: "sha256"]?.stringValue else {
                throw CompetitorSourceError("\(path): page \(number + 1) lacks \"file\", \"url\" or \"sha256\"")
            }
            entries.append(Entry(
                file: file, rank: item[field: "rank"]?.intValue ?? number + 1, url: url,
                finalURL: item[field: "finalURL"]?.stringValue ?? url, fetchedAt: item[field: "fetchedAt"]?.stringValue ?? "",
                status: item[field: "status"]?.intValue ?? 200, contentType: item[field: "contentType"]?.stringValue,
                byteCount: item[field: "bytes"]?.intValue ?? -1, sha256: sha.lowercased()))
        }
        let failures = (json[field: "failures"]?.arrayValue ?? []).compactMap { item -> Failure? in
            guard let url = item[field: "url"]?.stringValue else { return nil }
            return Failure(url: url, rank: item[field: "rank"]?.intValue ?? 0, reason: item[field: "reason"]?.stringValue ?? "")
        }
        return Index(
            createdAt: json[field: "createdAt"]?.stringValue ?? "", generator: json[field: "generator"]?.stringValue ?? "",
            pages: entries, failures: failures)
    }

    /// The pages of a snapshot folder, read without the network. Each file's SHA-256 must match
    /// the index: a page whose file is missing, unsafe to open or changed is left out and reported.
    public static func load(directory: String) throws(CompetitorSourceError) -> (pages: [CompetitorPage], problems: [String]) {
        let index = try readIndex(directory: directory)
        var pages: [CompetitorPage] = []
        var problems: [String] = []
        for entry in index.pages {
            guard isPlainFileName(entry.file) else {
                problems.append("\(directory)/\(indexName): file name \"\(entry.file)\" is not a plain name in the folder; page \(entry.url) skipped")
                continue
            }
            let path = directory + "/" + entry.file
            let bytes: [UInt8]
            do {
                bytes = try InputFile.read(path: path, sizeLimit: 0)
            } catch {
                problems.append("\(path): \(error.reason); page \(entry.url) skipped")
                continue
            }
            let hash = SHA256.hex(bytes)
            guard hash == entry.sha256 else {
                problems.append("\(path): content changed since the snapshot (SHA-256 \(hash.prefix(12))…, expected \(entry.sha256.prefix(12))…); page \(entry.url) skipped")
                continue
            }
            pages.append(CompetitorPage(
                label: entry.url, url: entry.url, finalURL: entry.finalURL, path: path, rank: entry.rank, bytes: bytes,
                contentType: entry.contentType))
        }
        return (pages, problems)
    }

    /// A name with no folder part that stays inside the folder.
    static func isPlainFileName(_ name: String) -> Bool {
        !name.isEmpty && name != "." && name != ".." && !name.contains("/") && !name.contains("\0") && !name.hasPrefix(".")
    }

    // MARK: Files

    static func makeDirectory(_ path: String) throws(CompetitorSourceError) {
        var info = stat()
        if stat(path, &info) == 0 {
            guard (info.st_mode & S_IFMT) == S_IFDIR else { throw CompetitorSourceError("\(path): not a folder") }
            return
        }
        // Create missing parents too.
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/") {
            prefix += component
            if mkdir(prefix, 0o755) != 0, errno != EEXIST {
                throw CompetitorSourceError("\(path): cannot create the snapshot folder (\(String(cString: strerror(errno))))")
            }
            prefix += "/"
        }
    }

    /// Written with `AtomicFile`: complete or not at all.
    static func writeAtomically(_ data: [UInt8], to path: String) throws(CompetitorSourceError) {
        do {
            try AtomicFile.write(data, to: path)
        } catch {
            throw CompetitorSourceError("\(error)")
        }
    }
}
