/// The HTML elements SEOKit distinguishes; everything else is `.other`.
public enum HTMLTag: UInt8, Sendable, CaseIterable {
    case other
    case html, head, body, title, meta, link, base
    case script, style, noscript, template, svg, math, iframe, object, embed, canvas, video, audio
    case form, input, button, select, option, textarea, label, fieldset
    case nav, header, footer, aside, main, article, section, div, span, address, details, summary, dialog, menu
    case p, h1, h2, h3, h4, h5, h6, hgroup
    case ul, ol, li, dl, dt, dd
    case blockquote, q, cite, pre, code, kbd, samp, `var`
    case table, thead, tbody, tfoot, tr, td, th, caption, colgroup, col
    case figure, figcaption, img, picture, source
    case a, br, hr, wbr, em, strong, b, i, u, s, small, sup, sub, mark, abbr, time, del, ins, font, center

    /// Heading level 1–6, or 0.
    public var headingLevel: Int {
        switch self {
        case .h1: return 1
        case .h2: return 2
        case .h3: return 3
        case .h4: return 4
        case .h5: return 5
        case .h6: return 6
        default: return 0
        }
    }

    /// Elements whose content is never prose.
    public var isNonProse: Bool {
        switch self {
        case .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas,
             .video, .audio, .select, .option, .textarea, .button, .head, .dialog:
            return true
        default:
            return false
        }
    }

    /// Elements that start a new block of text.
    public var isBlock: Bool {
        switch self {
        case .html, .body, .nav, .header, .footer, .aside, .main, .article, .section, .div, .address, .details,
             .summary, .menu, .p, .h1, .h2, .h3, .h4, .h5, .h6, .hgroup, .ul, .ol, .li, .dl, .dt, .dd,
             .blockquote, .pre, .table, .thead, .tbody, .tfoot, .tr, .td, .th, .caption, .figure, .figcaption,
             .form, .fieldset, .hr, .center, .title:
            return true
        default:
            return false
        }
    }

    /// Looks up a lowercase element name given as NUL-terminated bytes, without allocating.
    static func lookup(_ name: UnsafePointer<UInt8>) -> HTMLTag {
        var length = 0
        while name[length] != 0 && length < 16 { length += 1 }
        guard length > 0, length < 16 else { return .other }
        var hash: UInt64 = 0
        for index in 0..<length { hash = (hash << 5) &+ hash &+ UInt64(name[index] | 0x20) }
        let table = lookupTable
        let slot = Int(hash % UInt64(table.count))
        var probe = slot
        while true {
            let entry = table[probe]
            if entry.tag == .other && entry.name.isEmpty { return .other }
            if entry.hash == hash, entry.name.count == length {
                var same = true
                for index in 0..<length where entry.name[index] != name[index] | 0x20 { same = false; break }
                if same { return entry.tag }
            }
            probe = (probe + 1) % table.count
            if probe == slot { return .other }
        }
    }

    private struct Entry { var hash: UInt64; var name: [UInt8]; var tag: HTMLTag }

    private static let lookupTable: [Entry] = {
        var table = [Entry](repeating: Entry(hash: 0, name: [], tag: .other), count: 512)
        for tag in HTMLTag.allCases where tag != .other {
            let name = Array("\(tag)".utf8)
            var hash: UInt64 = 0
            for byte in name { hash = (hash << 5) &+ hash &+ UInt64(byte) }
            var slot = Int(hash % UInt64(table.count))
            while !table[slot].name.isEmpty { slot = (slot + 1) % table.count }
            table[slot] = Entry(hash: hash, name: name, tag: tag)
        }
        return table
    }()
}

/// The attributes SEOKit keeps; the others are dropped while parsing.
public enum HTMLAttributeName: UInt8, Sendable, CaseIterable {
    case id, `class`, role, href, rel, src, alt, title, name, content, property, lang, hidden, style
    case charset, itemprop, itemtype, datetime, type
    case ariaHidden, ariaLabel, dataSrc, httpEquiv

    var htmlName: String {
        switch self {
        case .ariaHidden: return "aria-hidden"
        case .ariaLabel: return "aria-label"
        case .dataSrc: return "data-src"
        case .httpEquiv: return "http-equiv"
        default: return "\(self)"
        }
    }

    static let byName: [String: HTMLAttributeName] = {
        var map: [String: HTMLAttributeName] = [:]
        for name in allCases { map[name.htmlName] = name }
        return map
    }()

    /// Looks up an attribute name without allocating for names SEOKit does not keep.
    static func lookup(_ name: UnsafePointer<UInt8>) -> HTMLAttributeName? {
        var length = 0
        while name[length] != 0 && length < 12 { length += 1 }
        guard length >= 2, length < 12 else { return nil }
        // Cheap pre-filter on the first byte before building a String.
        switch name[0] | 0x20 {
        case UInt8(ascii: "i"), UInt8(ascii: "c"), UInt8(ascii: "r"), UInt8(ascii: "h"), UInt8(ascii: "s"),
             UInt8(ascii: "a"), UInt8(ascii: "t"), UInt8(ascii: "n"), UInt8(ascii: "p"), UInt8(ascii: "l"),
             UInt8(ascii: "d"):
            let string = String(decoding: UnsafeBufferPointer(start: name, count: length), as: UTF8.self).lowercased()
            return byName[string]
        default:
            return nil
        }
    }
}
