/// How wide a text is when a search engine shows it: the estimated pixel width of a result title.
///
/// Google sets desktop result titles in Arial at 20 px and cuts them at about 600 px. Arial's
/// advance widths are taken from Liberation Sans, which is metric-compatible with Arial by
/// design (`Corpora/lexicons/liberation-sans-widths.txt`, built by
/// `Corpora/tools/build_serp_widths.py`). The width of a text is
///
///     width (px) = Σ advance(character) / unitsPerEm × fontSize
///
/// with these rules, all explainable by hand:
///
/// - whitespace runs count as one space (browsers collapse them), ends are trimmed;
/// - characters in the table use their advance (2048 font units to the em);
/// - combining marks, variation selectors and other invisible format characters are 0 wide;
/// - an emoji (a character with emoji presentation, or one followed by U+FE0F, including
///   flags and ZWJ sequences) is 1.25 em, as colour emoji fonts draw them;
/// - wide East Asian characters (CJK ideographs, kana, Hangul, full-width forms) are 1 em;
/// - anything else takes the table's default advance, the mean advance of a–z and A–Z.
///
/// Kerning is not applied (titles with many kerning pairs such as "AV" or "To" render a few
/// pixels narrower), and fractional widths are summed without rounding each glyph.
public struct SERPWidth: Sendable {
    /// The shared table, read once from the embedded data.
    public static let shared = SERPWidth()

    /// Google's desktop result title: Arial, 20 px.
    public static let titleFontSize = 20.0
    /// About how much of a desktop result title Google shows, in pixels.
    public static let titleMaxWidth = 600.0

    /// Font units per em of the source font.
    public let unitsPerEm: Int
    /// Advance used for characters the table lacks, in font units.
    public let defaultAdvance: Int
    /// Emoji advance in font units (1.25 em).
    public var emojiAdvance: Int { unitsPerEm * 5 / 4 }
    private let advances: [UInt32: Int]
    /// `advance(of:)` of each ASCII character.
    private var asciiAdvances: [Int]

    init() {
        var unitsPerEm = 2048
        var defaultAdvance = 1195
        var advances: [UInt32: Int] = [:]
        advances.reserveCapacity(1600)
        // Read on bytes in place: this runs at every start of a lint.
        EnglishLexicon.forEachLine(EmbeddedLexicons.liberationSansWidths) { line in
            guard let tab = line.firstIndex(of: 0x09) else { return }
            var value = 0
            var digits = 0
            for byte in line[(tab + 1)...] {
                guard byte >= 0x30 && byte <= 0x39 else { return }
                value = value * 10 + Int(byte - 0x30)
                digits += 1
            }
            guard digits > 0 else { return }
            let key = UnsafeBufferPointer(rebasing: line[..<tab])
            if key.elementsEqual("units-per-em".utf8) {
                unitsPerEm = value
            } else if key.elementsEqual("default-advance".utf8) {
                defaultAdvance = value
            } else {
                var codePoint: UInt32 = 0
                for byte in key {
                    let nibble: UInt8
                    switch byte {
                    case 0x30...0x39: nibble = byte - 0x30
                    case 0x41...0x46: nibble = byte - 0x41 + 10
                    case 0x61...0x66: nibble = byte - 0x61 + 10
                    default: return
                    }
                    codePoint = codePoint << 4 | UInt32(nibble)
                }
                if !key.isEmpty { advances[codePoint] = value }
            }
        }
        self.unitsPerEm = unitsPerEm
        self.defaultAdvance = defaultAdvance
        self.advances = advances
        asciiAdvances = []
        asciiAdvances = (0..<128).map { advance(of: Character(Unicode.Scalar(UInt8($0)))) }
    }

    /// Number of code points with a measured advance.
    public var count: Int { advances.count }

    /// The measured advance of a code point in font units, or `nil` when the table lacks it.
    public func measuredAdvance(of scalar: Unicode.Scalar) -> Int? { advances[scalar.value] }

    /// The advance of one character (grapheme cluster) in font units, following the rules above.
    public func advance(of character: Character) -> Int {
        let scalars = character.unicodeScalars
        if Self.isEmoji(character) { return emojiAdvance }
        var total = 0
        for scalar in scalars {
            total += advance(of: scalar)
        }
        return total
    }

    /// The advance of one code point in font units.
    public func advance(of scalar: Unicode.Scalar) -> Int {
        if scalar.properties.isWhitespace { return advances[0x20] ?? defaultAdvance }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if (0xFE00...0xFE0F).contains(scalar.value) || (0xE0100...0xE01EF).contains(scalar.value) { return 0 }
        if let advance = advances[scalar.value] { return advance }
        // A non-breaking hyphen looks like a hyphen.
        if scalar.value == 0x2011, let hyphen = advances[0x2D] { return hyphen }
        if Self.isWide(scalar) { return unitsPerEm }
        return defaultAdvance
    }

    /// Width of a text in font units (whitespace collapsed, ends trimmed).
    public func units(of text: String) -> Int {
        var collapsed = text.collapsingWhitespace()
        // ASCII: one character per byte, advances from a table of 128.
        if let units = collapsed.withUTF8({ bytes -> Int? in
            var total = 0
            for byte in bytes {
                guard byte < 0x80 else { return nil }
                total += asciiAdvances[Int(byte)]
            }
            return total
        }) {
            return units
        }
        return collapsed.reduce(0) { $0 + advance(of: $1) }
    }

    /// Width of a text in pixels at a font size (default: Google's desktop title, 20 px).
    public func width(of text: String, fontSize: Double = SERPWidth.titleFontSize) -> Double {
        pixels(units(of: text), fontSize: fontSize)
    }

    /// Font units to pixels.
    public func pixels(_ units: Int, fontSize: Double = SERPWidth.titleFontSize) -> Double {
        Double(units) * fontSize / Double(unitsPerEm)
    }

    /// The longest start of a text, cut at a word boundary, that fits a width together with
    /// the " ..." a search engine appends when it truncates; the whole text when it fits.
    public func visiblePrefix(of text: String, maxWidth: Double = SERPWidth.titleMaxWidth, fontSize: Double = SERPWidth.titleFontSize) -> String {
        let collapsed = text.collapsingWhitespace()
        if width(of: collapsed, fontSize: fontSize) <= maxWidth { return collapsed }
        let ellipsis = pixels(units(of: " ..."), fontSize: fontSize)
        var used = 0.0
        var lastWordEnd = collapsed.startIndex
        var index = collapsed.startIndex
        while index < collapsed.endIndex {
            let character = collapsed[index]
            let next = pixels(advance(of: character), fontSize: fontSize)
            if used + next + ellipsis > maxWidth { break }
            used += next
            index = collapsed.index(after: index)
            if index == collapsed.endIndex || collapsed[index] == " " { lastWordEnd = index }
        }
        // A single word longer than the width is cut inside the word.
        let end = lastWordEnd == collapsed.startIndex ? index : lastWordEnd
        return String(collapsed[..<end])
    }

    /// Whether a character is drawn as an emoji.
    static func isEmoji(_ character: Character) -> Bool {
        // ASCII first: asking for Unicode properties costs a table search per scalar.
        if character.isASCII { return false }
        var sawEmoji = false
        for scalar in character.unicodeScalars {
            if scalar.value == 0xFE0F { return true }
            if scalar.properties.isEmojiPresentation { sawEmoji = true }
        }
        return sawEmoji
    }

    /// Wide East Asian characters, drawn 1 em wide.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
