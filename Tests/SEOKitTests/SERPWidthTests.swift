import Testing
@testable import SEOKit

/// Widths computed by hand from Liberation Sans advances (font units, 2048 to the em):
/// width in px = Σ advances × 20 / 2048.
struct SERPWidthTests {
    let widths = SERPWidth.shared

    @Test func tableIsLoaded() {
        #expect(widths.unitsPerEm == 2048)
        #expect(widths.count > 1_000)
        // Arial metrics: H 0.722 em, i 0.222 em, W 0.944 em, space 0.278 em.
        #expect(widths.measuredAdvance(of: "H") == 1479)
        #expect(widths.measuredAdvance(of: "i") == 455)
        #expect(widths.measuredAdvance(of: "W") == 1933)
        #expect(widths.measuredAdvance(of: " ") == 569)
        // Latin-1, Latin Extended-A and punctuation are covered.
        #expect(widths.measuredAdvance(of: "é") == 1139)
        #expect(widths.measuredAdvance(of: "ł") != nil)
        #expect(widths.measuredAdvance(of: "—") == 2048)
        #expect(widths.measuredAdvance(of: "€") != nil)
    }

    @Test func handComputedWidths() {
        // H 1479 + i 455 = 1934 units.
        #expect(widths.units(of: "Hi") == 1934)
        #expect(widths.width(of: "Hi") == 1934.0 * 20 / 2048)
        // S 1366 + r 682 + o u d o u g h 7 × 1139 = 10021 units = 97.86 px.
        #expect(widths.units(of: "Sourdough") == 10021)
        #expect(abs(widths.width(of: "Sourdough") - 97.861328125) < 1e-9)
        // "WWW" is a little over four times as wide as "iii".
        #expect(widths.units(of: "WWW") == 3 * 1933)
        #expect(widths.units(of: "iii") == 3 * 455)
        // Another font size scales linearly.
        #expect(widths.width(of: "Hi", fontSize: 10) == 1934.0 * 10 / 2048)
    }

    @Test func whitespaceIsCollapsedAndTrimmed() {
        #expect(widths.units(of: "  a \n\t b  ") == widths.units(of: "a b"))
        #expect(widths.units(of: "a b") == 1139 + 569 + 1139)
    }

    @Test func specialCharacters() {
        // A combining accent is drawn over its letter: e + U+0301 is as wide as e.
        #expect(widths.units(of: "e\u{301}") == 1139)
        // Emoji: 1.25 em, whatever the sequence (skin tone, ZWJ family, flag, keycap).
        #expect(widths.units(of: "🍞") == 2560)
        #expect(widths.units(of: "👍🏽") == 2560)
        #expect(widths.units(of: "👨‍👩‍👧") == 2560)
        #expect(widths.units(of: "🇫🇷") == 2560)
        #expect(widths.units(of: "1️⃣") == 2560)
        // Wide East Asian characters: 1 em each.
        #expect(widths.units(of: "日本") == 4096)
        // Not in the table (Arabic): the default advance, the mean of a–z and A–Z.
        #expect(widths.units(of: "ب") == widths.defaultAdvance)
        #expect(widths.defaultAdvance > 1000 && widths.defaultAdvance < 1300)
        // Zero-width and soft hyphen are invisible.
        #expect(widths.units(of: "a\u{200B}b\u{00AD}c") == widths.units(of: "abc"))
        // A non-breaking hyphen is as wide as a hyphen.
        #expect(widths.units(of: "a\u{2011}b") == widths.units(of: "a-b"))
    }

    @Test func visiblePrefixCutsAtAWordAndFits() {
        let title = "The Complete Beginner's Guide to Baking Sourdough Bread at Home in 2025"
        #expect(widths.width(of: title) > 600)
        let visible = widths.visiblePrefix(of: title)
        #expect(title.hasPrefix(visible))
        #expect(!visible.hasSuffix(" "))
        #expect(title.dropFirst(visible.count).first == " ")
        #expect(widths.width(of: visible + " ...") <= 600)
        // One more word would not fit.
        let next = title.dropFirst(visible.count + 1).prefix { $0 != " " }
        #expect(widths.width(of: visible + " " + next + " ...") > 600)
        // A title that fits is kept whole.
        #expect(widths.visiblePrefix(of: "Sourdough at home") == "Sourdough at home")
    }
}
