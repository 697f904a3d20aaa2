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
        let trimmed = url.trimmed()
        if trimmed.isEmpty { return .empty }
        if trimmed.hasPrefix("#") { return .fragment }
        if let scheme = Self.scheme(of: trimmed) {
            guard ["http", "https", "ftp"].contains(scheme) else { return .other(scheme: scheme) }
            guard let host = Self.host(of: trimmed) else { return .internal }
            return siteHosts.contains(host) ? .internal : .outbound(host: host)
        }
        if trimmed.hasPrefix("//") {
            guard let host = Self.host(of: trimmed) else { return .internal }
            return siteHosts.contains(host) ? .internal : .outbound(host: host)
        }
        if trimmed.lowercased().hasPrefix("www."), let host = Self.host(of: "//" + trimmed) {
            return siteHosts.contains(host) ? .internal : .outbound(host: host)
        }
        return .internal
    }

    /// The scheme of an absolute URL, lowercased (`https`, `mailto`), or `nil` for a relative one.
    /// Byte-level: link rules classify every link of every document in a batch.
    static func scheme(of url: String) -> String? {
        var bytes: [UInt8] = []
        for byte in url.utf8 {
            if byte == UInt8(ascii: ":") { return bytes.isEmpty ? nil : String(decoding: bytes, as: UTF8.self) }
            let lower = byte | 0x20
            let isLetter = lower >= 0x61 && lower <= 0x7A && byte < 0x80
            let isOther = byte >= 0x30 && byte <= 0x39 || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")
            guard isLetter || (!bytes.isEmpty && isOther) else { return nil }
            bytes.append(isLetter ? lower : byte)
        }
        return nil
    }

    /// The normalised host of an absolute (`scheme://host/...`) or protocol-relative
    /// (`//host/...`) URL: lowercase, no user info, port, trailing dot or leading `www.`.
    static func host(of url: String) -> String? {
        let bytes = Array(url.utf8)
        // Where "//" is: at the start, or right after "scheme:".
        var authorityStart: Int
        if bytes.count >= 2, bytes[0] == UInt8(ascii: "/"), bytes[1] == UInt8(ascii: "/") {
            authorityStart = 2
        } else {
            guard let colon = bytes.firstIndex(of: UInt8(ascii: ":")), scheme(of: url) != nil,
                  colon + 2 < bytes.count, bytes[colon + 1] == UInt8(ascii: "/"), bytes[colon + 2] == UInt8(ascii: "/") else { return nil }
            authorityStart = colon + 3
        }
        var authorityEnd = authorityStart
        while authorityEnd < bytes.count {
            let byte = bytes[authorityEnd]
            if byte == UInt8(ascii: "/") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "#") || byte == UInt8(ascii: "\\") { break }
            authorityEnd += 1
        }
        if let at = bytes[authorityStart..<authorityEnd].lastIndex(of: UInt8(ascii: "@")) { authorityStart = at + 1 }
        var hostEnd = authorityEnd
        if authorityStart < authorityEnd, bytes[authorityStart] == UInt8(ascii: "["),
           let close = bytes[authorityStart..<authorityEnd].firstIndex(of: UInt8(ascii: "]")) {
            hostEnd = close + 1
        } else if let colon = bytes[authorityStart..<authorityEnd].firstIndex(of: UInt8(ascii: ":")) {
            hostEnd = colon
        }
        while hostEnd > authorityStart, bytes[hostEnd - 1] == UInt8(ascii: ".") { hostEnd -= 1 }
        var host = bytes[authorityStart..<hostEnd].map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
        if host.starts(with: Array("www.".utf8)) { host.removeFirst(4) }
        return host.isEmpty ? nil : String(decoding: host, as: UTF8.self)
    }
}
