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
    static func scheme(of url: String) -> String? {
        var scheme = ""
        for character in url {
            if character == ":" { return scheme.isEmpty ? nil : scheme.lowercased() }
            let allowed = character.isASCII && (character.isLetter || (!scheme.isEmpty && (character.isNumber || "+.-".contains(character))))
            guard allowed else { return nil }
            scheme.append(character)
        }
        return nil
    }

    /// The normalised host of an absolute (`scheme://host/...`) or protocol-relative
    /// (`//host/...`) URL: lowercase, no user info, port, trailing dot or leading `www.`.
    static func host(of url: String) -> String? {
        guard let marker = url.firstRange(of: "//") else { return nil }
        if marker.lowerBound != url.startIndex {
            // Only "scheme://".
            guard scheme(of: url) != nil, url[..<marker.lowerBound].hasSuffix(":") else { return nil }
        }
        var authority = url[marker.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != "\\" }
        if let at = authority.lastIndex(of: "@") { authority = authority[authority.index(after: at)...] }
        var host: Substring
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            host = authority[...close]
        } else {
            host = authority.prefix { $0 != ":" }
        }
        while host.hasSuffix(".") { host = host.dropLast() }
        var normalised = host.lowercased()
        if normalised.hasPrefix("www.") { normalised.removeFirst(4) }
        return normalised.isEmpty ? nil : normalised
    }
}
