/// GitHub's extended autolinks (GFM spec, section 6.9): `www.` addresses, `http://`,
/// `https://` and `ftp://` URLs and e-mail addresses written as plain text.
///
/// SEOKit finds them itself in cmark's text nodes rather than through cmark-gfm's autolink
/// extension: that extension switches characters on and off in a table cmark-gfm shares between
/// all parsers, so two documents parsed on two threads lost each other's links.
enum GFMAutolinks {
    /// One autolink: its bytes in the text and the URL it points to.
    struct Match: Equatable {
        var range: Range<Int>
        var url: String
    }

    /// The autolinks of a text node (read in cmark's memory), in order.
    static func find(in text: UnsafeBufferPointer<UInt8>) -> [Match] {
        // Every autolink has a '.' in its domain: most text nodes have none worth scanning.
        guard text.count >= 4, text.contains(UInt8(ascii: ".")) else { return [] }
        var matches: [Match] = []
        var index = 0
        var lastEnd = 0
        while index < text.count {
            let byte = text[index]
            if byte == UInt8(ascii: "@"), let match = email(around: index, in: text, notBefore: lastEnd) {
                matches.append(match)
                lastEnd = match.range.upperBound
                index = lastEnd
                continue
            }
            if byte == UInt8(ascii: "w") || byte == UInt8(ascii: "h") || byte == UInt8(ascii: "f"),
               let match = addressOrURL(at: index, in: text, after: index == 0 ? nil : text[index - 1]) {
                matches.append(match)
                lastEnd = match.range.upperBound
                index = lastEnd
                continue
            }
            index += 1
        }
        return matches
    }

    /// Characters after which an autolink may start: whitespace and `*`, `_`, `~`, `(`.
    private static func opensLink(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x20, 0x09, 0x0A, 0x0D, UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "("): return true
        default: return false
        }
    }

    private static func hasPrefix(_ text: UnsafeBufferPointer<UInt8>, at index: Int, _ prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { prefix in
            guard index + prefix.count <= text.count else { return false }
            for offset in 0..<prefix.count where text[index + offset] != prefix[offset] { return false }
            return true
        }
    }

    /// `www.` addresses and URLs with a scheme. A `www.` address starts after whitespace or
    /// `*_~(`; a scheme only needs no letter before it (`builds:https://…` is a link, as
    /// cmark-gfm has it, `xhttps://…` is not).
    private static func addressOrURL(at start: Int, in text: UnsafeBufferPointer<UInt8>, after previous: UInt8?) -> Match? {
        let domainStart: Int
        let prefix: String
        if let previous, (previous | 0x20) >= UInt8(ascii: "a"), (previous | 0x20) <= UInt8(ascii: "z") { return nil }
        if hasPrefix(text, at: start, "www.") {
            if let previous, !opensLink(previous) { return nil }
            domainStart = start
            prefix = "http://"
        } else if hasPrefix(text, at: start, "https://") {
            domainStart = start + 8
            prefix = ""
        } else if hasPrefix(text, at: start, "http://") {
            domainStart = start + 7
            prefix = ""
        } else if hasPrefix(text, at: start, "ftp://") {
            domainStart = start + 6
            prefix = ""
        } else {
            return nil
        }
        guard let domainEnd = validDomain(in: text, from: domainStart) else { return nil }
        var end = domainEnd
        while end < text.count, !isWhitespace(text[end]), text[end] != UInt8(ascii: "<") { end += 1 }
        end = trimmed(text, start: start, end: end)
        guard end > domainStart else { return nil }
        return Match(range: start..<end, url: prefix + String(decoding: text[start..<end], as: UTF8.self))
    }

    /// The end of a valid domain: segments of letters, digits, `_` and `-` separated by
    /// periods, at least one period, no `_` in the last two segments.
    private static func validDomain(in text: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        var index = start
        var periods = 0
        var underscoreInSegment = [false]
        while index < text.count {
            let byte = text[index]
            if isAlphanumeric(byte) || byte == UInt8(ascii: "-") {
                index += 1
            } else if byte == UInt8(ascii: "_") {
                underscoreInSegment[underscoreInSegment.count - 1] = true
                index += 1
            } else if byte == UInt8(ascii: "."), index + 1 < text.count, isDomainByte(text[index + 1]) {
                periods += 1
                underscoreInSegment.append(false)
                index += 1
            } else {
                break
            }
        }
        guard periods > 0, index > start else { return nil }
        if underscoreInSegment.suffix(2).contains(true) { return nil }
        return index
    }

    /// Trailing punctuation, unbalanced closing parentheses and a trailing entity reference are
    /// not part of the link.
    private static func trimmed(_ text: UnsafeBufferPointer<UInt8>, start: Int, end: Int) -> Int {
        var end = end
        while end > start {
            let last = text[end - 1]
            switch last {
            case UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ":"),
                 UInt8(ascii: "*"), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "'"), UInt8(ascii: "\""):
                end -= 1
            case UInt8(ascii: ")"):
                var opening = 0
                var closing = 0
                for byte in text[start..<end] {
                    if byte == UInt8(ascii: "(") { opening += 1 } else if byte == UInt8(ascii: ")") { closing += 1 }
                }
                guard closing > opening else { return end }
                end -= 1
            case UInt8(ascii: ";"):
                var ampersand = end - 2
                while ampersand > start, isAlphanumeric(text[ampersand]) { ampersand -= 1 }
                guard ampersand > start, ampersand < end - 2, text[ampersand] == UInt8(ascii: "&") else { return end }
                end = ampersand
            default:
                return end
            }
        }
        return end
    }

    /// An e-mail address around the `@` at `at`: letters, digits and `.+-_` before it, a domain
    /// with at least one period after it, not ending in `-` or `_`.
    private static func email(around at: Int, in text: UnsafeBufferPointer<UInt8>, notBefore limit: Int) -> Match? {
        var start = at
        while start > limit, isLocalByte(text[start - 1]) { start -= 1 }
        guard start < at else { return nil }
        // The local part must start the word: "a/b@c.d" is not an address.
        if start > 0, !isWhitespace(text[start - 1]), !opensLink(text[start - 1]) { return nil }
        var end = at + 1
        var periods = 0
        while end < text.count {
            let byte = text[end]
            if isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") {
                end += 1
            } else if byte == UInt8(ascii: "."), end + 1 < text.count, isAlphanumeric(text[end + 1]) {
                periods += 1
                end += 1
            } else {
                break
            }
        }
        guard periods > 0, end > at + 1 else { return nil }
        let last = text[end - 1]
        guard last != UInt8(ascii: "-"), last != UInt8(ascii: "_") else { return nil }
        return Match(range: start..<end, url: "mailto:" + String(decoding: text[start..<end], as: UTF8.self))
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= 0x30 && byte <= 0x39
    }

    private static func isDomainByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private static func isLocalByte(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || byte == UInt8(ascii: ".") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C
    }
}
