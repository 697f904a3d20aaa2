/// Escaping for the HTML report. Everything that comes from a draft or a competitor page goes
/// through one of these functions before it reaches the output; the report's own markup is the
/// only unescaped text.
///
/// - Text and attribute values: `&`, `<`, `>`, `"` and `'` become references, so no input can
///   open or close a tag or leave an attribute (and `</` from input never appears as such).
/// - Characters that have no business in a report become U+FFFD (NUL and the other C0/C1
///   controls except tab and newline); U+2028 and U+2029 are written as references.
/// - Bidirectional overrides and isolates stay in the text (they are part of what was written)
///   but every piece of input sits in an element with `unicode-bidi: isolate`, so an override
///   cannot reorder the report around it (see the `.u` class of the stylesheet).
/// - Links: only `http` and `https` URLs become `href`s (`javascript:`, `data:`, relative or
///   malformed URLs are shown as text).
enum HTMLEscape {
    /// Escapes text for element content or a double- or single-quoted attribute value.
    static func text(_ string: String) -> String {
        var output = ""
        output.reserveCapacity(string.utf8.count + 16)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            case "'": output += "&#39;"
            case "\u{2028}": output += "&#x2028;"
            case "\u{2029}": output += "&#x2029;"
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case "\r": output += "\n"
            default:
                let value = scalar.value
                if value < 0x20 || (value >= 0x7F && value < 0xA0) || (value >= 0xFDD0 && value <= 0xFDEF) || value & 0xFFFE == 0xFFFE {
                    output += "\u{FFFD}"
                } else {
                    output.unicodeScalars.append(scalar)
                }
            }
        }
        return output
    }

    /// Escaped text wrapped in an isolating span: `<span class="u">…</span>`.
    static func isolated(_ string: String) -> String {
        "<span class=\"u\">" + text(string) + "</span>"
    }

    /// The URL when it is an absolute http or https URL safe to put in an `href`, else `nil`.
    static func safeURL(_ string: String) -> String? {
        let trimmed = string.trimmed()
        guard !trimmed.isEmpty, trimmed.count <= 2048 else { return nil }
        // No whitespace, controls or characters that browsers strip or reinterpret in URLs.
        for scalar in trimmed.unicodeScalars {
            let value = scalar.value
            if value <= 0x20 || value == 0x7F || (value >= 0x80 && value < 0xA0) || scalar == "\\" || scalar == "<" || scalar == ">"
                || scalar == "\"" || scalar == "'" || scalar == "`" || scalar.properties.isBidiControl || scalar.properties.isDefaultIgnorableCodePoint {
                return nil
            }
        }
        let lower = trimmed.lowercased()
        guard lower.hasPrefix("http://") || lower.hasPrefix("https://") else { return nil }
        guard let parsed = ParsedURL(trimmed), parsed.isWeb, !parsed.host.isEmpty else { return nil }
        return trimmed
    }

    /// A link for an http(s) URL, else the text alone.
    static func link(_ url: String, label: String? = nil) -> String {
        let shown = isolated(label ?? url)
        guard let safe = safeURL(url) else { return shown }
        return "<a href=\"\(text(safe))\" rel=\"noopener noreferrer nofollow\">\(shown)</a>"
    }
}

/// Base64 (RFC 4648, with padding), for the Content-Security-Policy hashes.
enum Base64 {
    static func encode(_ bytes: [UInt8]) -> String {
        let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
        var output = [UInt8]()
        output.reserveCapacity((bytes.count + 2) / 3 * 4)
        var index = 0
        while index + 3 <= bytes.count {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8 | UInt32(bytes[index + 2])
            output += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)], alphabet[Int(value & 63)]]
            index += 3
        }
        let rest = bytes.count - index
        if rest == 1 {
            let value = UInt32(bytes[index]) << 16
            output += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], UInt8(ascii: "="), UInt8(ascii: "=")]
        } else if rest == 2 {
            let value = UInt32(bytes[index]) << 16 | UInt32(bytes[index + 1]) << 8
            output += [alphabet[Int(value >> 18 & 63)], alphabet[Int(value >> 12 & 63)], alphabet[Int(value >> 6 & 63)], UInt8(ascii: "=")]
        }
        return String(decoding: output, as: UTF8.self)
    }

    /// `'sha256-…'` source expression for a CSP.
    static func cspHash(_ text: String) -> String {
        "'sha256-" + encode(SHA256.digest(Array(text.utf8))) + "'"
    }
}
