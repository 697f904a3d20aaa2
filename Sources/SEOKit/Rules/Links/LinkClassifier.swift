/// Sorts link targets into internal (same site), outbound (another host) and the rest.
///
/// - **Internal**: a relative URL (`/guides/bread`, `../bread`, `bread.html`, `?page=2`), or an
///   absolute or protocol-relative URL whose host is the site's: the canonical URL's host or a
///   configured site URL's. Hosts compare case-insensitively, without a leading `www.`, a
///   port or a trailing dot; subdomains are other hosts (`shop.example.com` is not
///   `example.com`).
/// - **Outbound**: an `http`, `https` or `ftp` URL (or `//host/...`) on another host, and a
///   relative-looking `www.example.com/...` (browsers would resolve it as a path, but the
///   writer meant the host).
/// - **Fragment**: `#section`, a place on the same page.
/// - **Other**: `mailto:`, `tel:`, `javascript:`, `data:` and other schemes: not pages.
/// - **Empty**: no URL at all.
struct LinkClassifier: Sendable {
    enum Target: Sendable, Hashable {
        case `internal`
        case outbound(host: String)
        case fragment
        case other(scheme: String)
        case empty
    }

    /// The site's hosts, normalised.
    let siteHosts: Set<String>

    init(canonical: String?, siteURLs: [String]) {
        var hosts: Set<String> = []
        for url in [canonical].compactMap({ $0 }) + siteURLs {
            let trimmed = url.trimmed()
            guard !trimmed.isEmpty else { continue }
            // A bare host ("example.com") is accepted for the option.
            let host = Self.host(of: trimmed) ?? (Self.scheme(of: trimmed) == nil ? Self.host(of: "//" + trimmed) : nil)
            if let host { hosts.insert(host) }
        }
        siteHosts = hosts
    }

    /// The options and metadata of a document.
    init(context: LintContext, options: RuleOptions) {
        self.init(canonical: context.document.metadata.canonical, siteURLs: options.list("site-url"))
    }

    func classify(_ url: String) -> Target {
        var trimmed = url.trimmed()
        return trimmed.withUTF8 { classify(bytes: $0) }
    }

    /// Byte-level: link rules classify every link of every document in a batch.
    private func classify(bytes: UnsafeBufferPointer<UInt8>) -> Target {
        if bytes.isEmpty { return .empty }
        if bytes[0] == UInt8(ascii: "#") { return .fragment }
        func site(_ host: String?) -> Target {
            guard let host else { return .internal }
            return siteHosts.contains(host) ? .internal : .outbound(host: host)
        }
        if let colon = Self.schemeEnd(in: bytes) {
            let scheme = UnsafeBufferPointer(rebasing: bytes[..<colon])
            guard Self.isWebScheme(scheme) else { return .other(scheme: String(asciiLowercasing: scheme)) }
            return site(Self.host(in: bytes, authorityStart: Self.authorityStart(in: bytes, schemeEnd: colon)))
        }
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "/"), bytes[1] == UInt8(ascii: "/") {
            return site(Self.host(in: bytes, authorityStart: 2))
        }
        if bytes.hasASCIIPrefix(ignoringCase: "www."), let host = Self.host(in: bytes, authorityStart: 0) {
            return site(host)
        }
        return .internal
    }

    /// The scheme of an absolute URL, lowercased (`https`, `mailto`), or `nil` for a relative one.
    static func scheme(of url: String) -> String? {
        var url = url
        return url.withUTF8 { bytes in
            schemeEnd(in: bytes).map { String(asciiLowercasing: UnsafeBufferPointer(rebasing: bytes[..<$0])) }
        }
    }

    /// The normalised host of an absolute (`scheme://host/...`) or protocol-relative
    /// (`//host/...`) URL: lowercase, no user info, port, trailing dot or leading `www.`.
    static func host(of url: String) -> String? {
        var url = url
        return url.withUTF8 { bytes -> String? in
            if bytes.count >= 2, bytes[0] == UInt8(ascii: "/"), bytes[1] == UInt8(ascii: "/") {
                return host(in: bytes, authorityStart: 2)
            }
            guard let colon = schemeEnd(in: bytes), let start = authorityStart(in: bytes, schemeEnd: colon) else { return nil }
            return host(in: bytes, authorityStart: start)
        }
    }

    /// Where the `:` after a scheme is: a letter, then letters, digits, `+`, `.` or `-`.
    private static func schemeEnd(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ":") { return index == 0 ? nil : index }
            let lower = byte | 0x20
            let isLetter = lower >= 0x61 && lower <= 0x7A && byte < 0x80
            let isOther = byte >= 0x30 && byte <= 0x39 || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            guard isLetter || (index > 0 && isOther) else { return nil }
        }
        return nil
    }

    /// Past `scheme://`, or `nil` when the scheme is not followed by `//`.
    private static func authorityStart(in bytes: UnsafeBufferPointer<UInt8>, schemeEnd colon: Int) -> Int? {
        guard colon + 2 < bytes.count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
        return colon + 3
    }

    /// The normalised host of the authority starting at `authorityStart`.
    private static func host(in bytes: UnsafeBufferPointer<UInt8>, authorityStart: Int?) -> String? {
        guard var start = authorityStart else { return nil }
        var authorityEnd = start
        while authorityEnd < bytes.count {
            let byte = bytes[authorityEnd]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\\") { break }
            authorityEnd += 1
        }
        if let at = bytes[start..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) { start = at + 1 }
        var hostEnd = authorityEnd
        if start < authorityEnd, bytes[start] == UInt8(ascii: "["),
           let close = bytes[start..<authorityEnd].firstIndex(of: UInt8(ascii: "]")) {
            hostEnd = close + 1
        } else if let colon = bytes[start..<authorityEnd].firstIndex(of: UInt8(ascii: ":")) {
            hostEnd = colon
        }
        while hostEnd > start, bytes[hostEnd - 1] == UInt8(ascii: ".") { hostEnd -= 1 }
        var host = UnsafeBufferPointer(rebasing: bytes[start..<hostEnd])
        if host.hasASCIIPrefix(ignoringCase: "www.") {
            host = UnsafeBufferPointer(rebasing: host[4...])
        }
        return host.isEmpty ? nil : String(asciiLowercasing: host)
    }

    /// `http`, `https` or `ftp`, in any case.
    private static func isWebScheme(_ scheme: UnsafeBufferPointer<UInt8>) -> Bool {
        switch scheme.count {
        case 3: return scheme.hasASCIIPrefix(ignoringCase: "ftp")
        case 4: return scheme.hasASCIIPrefix(ignoringCase: "http")
        case 5: return scheme.hasASCIIPrefix(ignoringCase: "https")
        default: return false
        }
    }
}
