/// English syllable counts: the pronunciation lexicon first, rules for every other word.
///
/// - The lexicon (`Corpora/lexicons/syllable-exceptions.txt`, in `EnglishLexicon`) holds only the
///   CMUdict words whose count differs from the rules; it is generated from the rules by
///   `Corpora/tools/build_syllable_exceptions.py`, so rerun that script after changing them.
/// - The rules count vowel groups on the bytes of the word, with rules for silent e, -le/-re,
///   -ed/-es, syllable suffixes (-ly, -ment, -ness...), vowel pairs that split (ia, eo, -ing...)
///   or not (-tion, -geous...), y and u by context, prefixes before a vowel (re-, co-, pre-...),
///   silent e in compounds, apostrophes, hyphens, digits and accented letters.
/// - Accuracy against CMUdict and speed: `Benchmarks/accuracy/syllables/README.md`
///   (rules alone: about 95% exact on held-out words; lexicon + rules: exact on CMUdict).
///
/// The word-level entry points allocate nothing for ordinary words: letters are classified into
/// a 64-bit vowel mask and counted with bit operations; words with apostrophes, hyphens, digits
/// or non-ASCII letters are first normalised into a stack buffer.
public enum Syllables {
    /// Syllables of a lowercase word whose lexicon entry the caller already looked up.
    ///
    /// A hyphenated compound the lexicon does not hold is the sum of its parts, each looked up
    /// in the lexicon and counted by rule otherwise; a curly apostrophe is read as a straight one.
    @inline(__always)
    public static func count(_ lowercaseWord: UnsafeBufferPointer<UInt8>, entry: EnglishLexicon.Entry) -> Int {
        let override = entry.syllableOverride
        if override > 0 { return override }
        var simple = true
        var parts = false
        for byte in lowercaseWord where byte &- 0x61 > 25 {
            simple = false
            if byte == 0x2D || byte == 0xE2 { parts = true; break }
        }
        if simple { return lowercaseWord.isEmpty ? 0 : max(1, Rules.letters(lowercaseWord)) }
        if parts { return countParts(lowercaseWord) }
        return Rules.mixed(lowercaseWord)
    }

    /// Syllables of any word (lowercased here; convenient, not for hot paths).
    public static func count(_ word: String) -> Int {
        var bytes = Array(word.lowercased().utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            let word = UnsafeBufferPointer(buffer)
            return count(word, entry: EnglishLexicon.shared.entry(word))
        }
    }

    /// Syllables by rule alone, without the lexicon.
    public static func countByRules(_ lowercaseWord: UnsafeBufferPointer<UInt8>) -> Int {
        if lowercaseWord.isEmpty { return 0 }
        for byte in lowercaseWord where byte &- 0x61 > 25 { return Rules.mixed(lowercaseWord) }
        return max(1, Rules.letters(lowercaseWord))
    }

    /// Hyphenated words and curly apostrophes: each part through the lexicon, then the rules.
    static func countParts(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { buffer in
            let out = buffer.baseAddress!
            var length = 0
            var i = 0
            var changed = false
            var hyphens = false
            while i < word.count {
                let b = word[i]
                if b == 0xE2, i + 2 < word.count, word[i + 1] == 0x80 {
                    let c = word[i + 2]
                    if c == 0x98 || c == 0x99 { out[length] = 0x27; length += 1; i += 3; changed = true; continue }
                    if c == 0x90 || c == 0x91 { out[length] = 0x2D; length += 1; i += 3; hyphens = true; continue }
                }
                if b == 0x2D { hyphens = true }
                out[length] = b
                length += 1
                i += 1
            }
            let normalised = UnsafeBufferPointer(start: out, count: length)
            let lexicon = EnglishLexicon.shared
            if changed {
                let override = lexicon.entry(normalised).syllableOverride
                if override > 0 { return override }
            }
            guard hyphens else { return countByRules(normalised) }
            var total = 0
            var start = 0
            for k in 0...length where k == length || out[k] == 0x2D {
                if k > start {
                    let part = UnsafeBufferPointer(start: out + start, count: k - start)
                    let override = lexicon.entry(part).syllableOverride
                    total += override > 0 ? override : countByRules(part)
                }
                start = k + 1
            }
            return max(total, 1)
        }
    }
}

// MARK: - Rules

/// Letter codes inside the rules: ASCII lowercase letters as themselves; accented vowels
/// (acute, grave, circumflex, ring, tilde) as the uppercase base vowel, which is never silent;
/// vowels with a diaeresis or umlaut as `0x80 | base`, which start a new syllable after a vowel.
@usableFromInline
enum Rules {
    // a e i o u
    @inline(__always) static func plainVowel(_ c: UInt8) -> Bool {
        let d = c &- 0x61
        return d < 26 && (0x104111 as UInt32) >> UInt32(d) & 1 != 0
    }

    // a e i o u (any accent), not y
    @inline(__always) static func vowelLetter(_ c: UInt8) -> Bool {
        if c >= 0x80 { return c != 0xF9 }  // 0x80|'y' is ÿ: treated like y below
        let d = c &- 0x61
        if d < 26 { return (0x104111 as UInt32) >> UInt32(d) & 1 != 0 }
        let u = c &- 0x41
        return u < 26 && (0x104111 as UInt32) >> UInt32(u) & 1 != 0
    }

    @inline(__always) static func base(_ c: UInt8) -> UInt8 {
        if c >= 0x80 { return c & 0x7F }
        if c &- 0x41 < 26 { return c | 0x20 }
        return c
    }

    @inline(__always) static func isY(_ c: UInt8) -> Bool { c == 0x79 || c == 0x59 || c == 0xF9 }

    /// Letters only (codes above). Returns 0 when there is nothing to pronounce.
    static func letters(_ w: UnsafeBufferPointer<UInt8>) -> Int {
        if w.count <= 64 { return Core(w).count() }
        // Not a word: count it in slices the vowel mask can hold.
        var total = 0
        var start = 0
        while start < w.count {
            let stop = min(start + 64, w.count)
            total += Core(UnsafeBufferPointer(rebasing: w[start..<stop])).count()
            start = stop
        }
        return total
    }

    /// Words with apostrophes, hyphens, digits or non-ASCII letters.
    static func mixed(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: word.count) { buffer in
            let length = normalise(word, into: buffer.baseAddress!)
            let codes = UnsafeBufferPointer(start: buffer.baseAddress!, count: length)
            var total = 0
            var start = 0
            var i = 0
            while i <= length {
                if i == length || codes[i] == 0x2D {
                    if i > start { total += part(UnsafeBufferPointer(rebasing: codes[start..<i])) }
                    start = i + 1
                }
                i += 1
            }
            return max(total, 1)
        }
    }

    /// Maps UTF-8 to letter codes, `'` for apostrophes, digits, and `-` for any separator.
    static func normalise(_ word: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var length = 0
        var i = 0
        let n = word.count
        while i < n {
            let b = word[i]
            if b < 0x80 {
                if b &- 0x61 < 26 || b &- 0x30 < 10 || b == 0x27 {
                    out[length] = b
                } else if b &- 0x41 < 26 {
                    out[length] = b | 0x20
                } else {
                    out[length] = 0x2D
                }
                length += 1
                i += 1
                continue
            }
            // Multi-byte sequence: decode the scalar.
            var scalar: UInt32
            var size: Int
            if b & 0xE0 == 0xC0 { scalar = UInt32(b & 0x1F); size = 2 }
            else if b & 0xF0 == 0xE0 { scalar = UInt32(b & 0x0F); size = 3 }
            else if b & 0xF8 == 0xF0 { scalar = UInt32(b & 0x07); size = 4 }
            else { i += 1; continue }  // stray continuation byte
            if i + size > n { break }
            for k in 1..<size { scalar = scalar << 6 | UInt32(word[i + k] & 0x3F) }
            i += size
            let code = letterCode(scalar)
            if code != 0 { out[length] = code; length += 1 }
        }
        return length
    }

    /// Letter code for a non-ASCII scalar; 0 to drop it.
    static func letterCode(_ s: UInt32) -> UInt8 {
        switch s {
        case 0x2019, 0x2018, 0x02BC: return 0x27  // ’ ‘ ʼ
        case 0x2010, 0x2011: return 0x2D  // hyphens
        case 0xC0...0xFF:
            let lower = s | 0x20  // Latin-1 capitals sit 0x20 below their small letters
            switch lower {
            case 0xE0, 0xE1, 0xE2, 0xE3, 0xE5: return 0x41  // à á â ã å
            case 0xE4: return 0x80 | 0x61  // ä
            case 0xE6: return 0x45  // æ
            case 0xE7: return 0x63  // ç
            case 0xE8, 0xE9, 0xEA: return 0x45  // è é ê
            case 0xEB: return 0x80 | 0x65  // ë
            case 0xEC, 0xED, 0xEE: return 0x49  // ì í î
            case 0xEF: return 0x80 | 0x69  // ï
            case 0xF0, 0xFE: return 0x74  // ð þ
            case 0xF1: return 0x6E  // ñ
            case 0xF2, 0xF3, 0xF4, 0xF5, 0xF8: return 0x4F  // ò ó ô õ ø
            case 0xF6: return 0x80 | 0x6F  // ö
            case 0xF9, 0xFA, 0xFB: return 0x55  // ù ú û
            case 0xFC: return 0x80 | 0x75  // ü
            case 0xFD: return 0x59  // ý
            case 0xFF: return 0x80 | 0x79  // ÿ
            case 0xDF: return 0x73  // ß
            default: return 0x2D  // × ÷
            }
        case 0x100...0x105: return 0x41  // ā ă ą
        case 0x112...0x11B: return 0x45  // ē ĕ ė ę ě
        case 0x128...0x131: return 0x49  // ĩ ī ĭ į ı
        case 0x14C...0x151: return 0x4F  // ō ŏ ő
        case 0x152, 0x153: return 0x45  // œ
        case 0x168...0x173: return 0x55  // ũ ū ŭ ů ű ų
        case 0x176...0x178: return 0x59  // ŷ Ÿ
        case 0x106...0x17F: return 0x78  // other Latin Extended-A letters: consonants
        default: return 0  // other scripts: not counted here
        }
    }

    /// A hyphen-free part: letter runs (with apostrophes) and digit runs.
    static func part(_ p: UnsafeBufferPointer<UInt8>) -> Int {
        var total = 0
        var i = 0
        let n = p.count
        var afterDigits = false
        while i < n {
            let c = p[i]
            if c &- 0x30 < 10 {
                // Digits inside a word are read one by one: zero and seven have two syllables.
                total += (c == 0x30 || c == 0x37) ? 2 : 1
                afterDigits = true
                i += 1
                continue
            }
            var j = i
            while j < n && p[j] &- 0x30 >= 10 { j += 1 }
            let run = UnsafeBufferPointer(rebasing: p[i..<j])
            if afterDigits && isOrdinalSuffix(run) {
                // 20th, 1st, 1990s: the letters belong to the number.
            } else {
                total += apostrophes(run)
            }
            afterDigits = false
            i = j
        }
        return total
    }

    static func isOrdinalSuffix(_ r: UnsafeBufferPointer<UInt8>) -> Bool {
        if r.count == 1 { return r[0] == 0x73 }  // s
        guard r.count == 2 else { return false }
        let a = r[0], b = r[1]
        return (a == 0x73 && b == 0x74) || (a == 0x6E && b == 0x64) || (a == 0x72 && b == 0x64) || (a == 0x74 && b == 0x68)
    }

    /// A letter run that may hold apostrophes (`don't`, `children's`, `rock'n'roll`, `'em`).
    static func apostrophes(_ run: UnsafeBufferPointer<UInt8>) -> Int {
        var start = 0
        var end = run.count
        while start < end && run[start] == 0x27 { start += 1 }
        while end > start && run[end - 1] == 0x27 { end -= 1 }
        if start == end { return 0 }
        var total = 0
        // goin', doin': a dropped g after a vowel keeps the -ing syllable.
        if end < run.count, end - start >= 3, run[end - 1] == 0x6E, run[end - 2] == 0x69, vowelLetter(run[end - 3]) { total += 1 }
        var segmentStart = start
        var previous: UnsafeBufferPointer<UInt8>? = nil
        var i = start
        while i <= end {
            if i == end || run[i] == 0x27 {
                if i > segmentStart {
                    let segment = UnsafeBufferPointer(rebasing: run[segmentStart..<i])
                    if let prev = previous {
                        total += clitic(segment, after: prev)
                    } else if segment.count == 1 && i < end && !vowelLetter(segment[0]) {
                        // d'Artagnan, l'amour, y'all: an elided word
                    } else {
                        total += letters(segment)
                    }
                    previous = segment
                }
                segmentStart = i + 1
            }
            i += 1
        }
        return total
    }

    /// Syllables a segment after an apostrophe adds.
    static func clitic(_ s: UnsafeBufferPointer<UInt8>, after prev: UnsafeBufferPointer<UInt8>) -> Int {
        let last = prev[prev.count - 1]
        let lastIsVowel = vowelLetter(last) || isY(last) || last == 0x77  // how'd, they'll
        if s.count == 1 {
            switch s[0] {
            case 0x73:  // 's: a syllable after a hissing sound
                if last == 0x73 || last == 0x78 || last == 0x7A { return 1 }
                if prev.count >= 2 {
                    let before = prev[prev.count - 2]
                    if last == 0x68 && (before == 0x63 || before == 0x73) { return 1 }
                    if last == 0x65 && (before == 0x63 || before == 0x67 || before == 0x73 || before == 0x7A) { return 1 }
                }
                return 0
            case 0x74:  // n't: syllabic n after a consonant (didn't, isn't), none after a vowel (don't)
                if last == 0x6E && prev.count >= 2 {
                    let before = prev[prev.count - 2]
                    return vowelLetter(before) || isY(before) ? 0 : 1
                }
                return 0
            case 0x64, 0x6D:  // 'd 'm
                return lastIsVowel ? 0 : 1
            case 0x6E:  // 'n'
                return 1
            default:
                return letters(s)
            }
        }
        if s.count == 2 {
            let a = s[0], b = s[1]
            if (a == 0x6C && b == 0x6C) || (a == 0x76 && b == 0x65) { return lastIsVowel ? 0 : 1 }  // 'll 've
            if a == 0x72 && b == 0x65 { return 0 }  // 're
        }
        return letters(s)
    }
}

// MARK: - The core rules on one run of letters

@usableFromInline
struct Core {
    let w: UnsafeBufferPointer<UInt8>
    /// Bit i set when letter i is a vowel in this word (at most 64 letters).
    let mask: UInt64
    /// Bit i set when letter i is a plain e.
    let eMask: UInt64

    @inline(__always) init(_ w: UnsafeBufferPointer<UInt8>) {
        self.w = w
        var mask: UInt64 = 0
        var eMask: UInt64 = 0
        var context: UInt64 = 0  // letters whose vowel status depends on their neighbours
        var previous: UInt8 = 0
        for i in 0..<w.count {
            let c = w[i]
            let d = c &- 0x61
            let bit: UInt64 = 1 << UInt64(i)
            if d < 26 {
                if (0x104111 as UInt32) >> UInt32(d) & 1 != 0 { mask |= bit }  // a e i o u
                if c == 0x65 { eMask |= bit }
                if c == 0x79 || (c == 0x75 && (previous == 0x71 || previous == 0x67)) { context |= bit }  // y, qu, gu
            } else {
                context |= bit  // accented letters
            }
            previous = c
        }
        while context != 0 {
            let i = context.trailingZeroBitCount
            let bit: UInt64 = 1 << UInt64(i)
            if Core.vowelInContext(w, i) { mask |= bit } else { mask &= ~bit }
            context &= context - 1
        }
        self.mask = mask
        self.eMask = eMask
    }

    @inline(__always) func at(_ i: Int) -> UInt8 { i >= 0 && i < w.count ? w[i] : 0 }

    /// Whether the letter at `i` is a vowel in this word.
    @inline(__always) func isVowel(_ i: Int) -> Bool {
        i >= 0 && i < 64 && (mask >> UInt64(i)) & 1 != 0
    }

    /// Vowels among letters `0..<end`.
    @inline(__always) func vowels(below end: Int) -> UInt64 {
        end >= 64 ? mask : mask & ((1 << UInt64(end)) - 1)
    }

    /// Whether the letter at `i` is a vowel (y and u depend on their neighbours).
    static func vowelInContext(_ w: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let c = w[i]
        if Rules.isY(c) {
            let nextVowel = i + 1 < w.count && Rules.vowelLetter(w[i + 1])
            if !nextVowel { return true }
            if i == 0 { return false }  // yes, you
            let p = w[i - 1]
            if Rules.vowelLetter(p) { return false }  // player, buying, beyond
            if p == 0x77 && i >= 2 && Rules.vowelLetter(w[i - 2]) { return false }  // lawyer, sawyer
            if w[i + 1] == 0x61 && i + 3 < w.count && w[i + 2] == 0x72 && w[i + 3] == 0x64 { return false }  // backyard
            if p == 0x6E && !(w[i + 1] == 0x69 && i + 3 < w.count && w[i + 2] == 0x6E && w[i + 3] == 0x67) { return false }  // canyon, kenya; not denying
            return true
        }
        if c == 0x75, i > 0 {  // u
            let p = w[i - 1]
            if p == 0x71 { return false }  // qu
            if p == 0x67, i + 1 < w.count, Rules.vowelLetter(w[i + 1]) {  // guard, league
                let argue = i >= 3 && w[i - 2] == 0x72 && w[i - 3] == 0x61
                let guous = w[i + 1] == 0x6F && i + 2 < w.count && w[i + 2] == 0x75  // ambiguous
                if !argue && !guous { return false }
            }
        }
        return Rules.vowelLetter(c)
    }

    func count() -> Int {
        let n = w.count
        if n == 0 { return 0 }
        if mask == 0 { return spelled() }

        var end = n
        var extra = 0
        // Inflection: -s, -es, -ed.
        enum Mode { case none, s, d }
        var mode = Mode.none
        if end >= 3 && w[end - 1] == 0x73 && w[end - 2] != 0x73 {
            end -= 1; mode = .s
        } else if end >= 3 && w[end - 1] == 0x64 && w[end - 2] == 0x65 && w[end - 3] != 0x65 {
            end -= 1; mode = .d
        }
        // Suffixes that are a syllable of their own and leave the stem's final e silent.
        if mode != .d {
            var rounds = 0
            while rounds < 3 {
                let cut = suffix(end)
                if cut == 0 { break }
                end -= cut
                extra += 1
                mode = .none
                rounds += 1
            }
        }
        // Final e.
        var extraFinal = 0
        if end >= 2 && w[end - 1] == 0x65 && silentE(end, s: mode == .s, d: mode == .d) {
            end -= 1
            // fire, desire, required: the r is a syllable of its own.
            if extra == 0, end >= 3, w[end - 1] == 0x72, w[end - 2] == 0x69, !isVowel(end - 3), isVowel(end - 2),
               !(w[end - 3] == 0x68 && at(end - 4) == 0x73) {
                extraFinal = 1
            }
        }

        // Vowel groups: runs of vowels, plus the pairs inside a run that belong to two syllables.
        var m = vowels(below: end)
        // A y that ends the stem before a suffix is a vowel whatever follows (any|one).
        if end < n, end >= 2, Rules.isY(w[end - 1]), !Rules.vowelLetter(w[end - 2]) { m |= 1 << UInt64(end - 1) }
        var groups = (m & ~(m << 1)).nonzeroBitCount
        var pairs = m & (m >> 1)
        if pairs != 0 {
            let boundary = prefixBoundary()
            while pairs != 0 {
                let i = pairs.trailingZeroBitCount
                if i == boundary || splits(i, end) { groups += 1 }
                pairs &= pairs - 1
            }
        }
        // Silent e inside a compound: an e standing alone between consonants, not last.
        let lone = m & ~(m << 1) & ~(m >> 1) & eMask & ~1
        if end >= 6 && lone & ((1 << UInt64(end - 2)) - 1) != 0, compoundE(end) > 0 {
            groups -= 1
        } else if end >= 6 && w[end - 1] == 0x6E && w[end - 2] == 0x61 && w[end - 3] == 0x6D && w[end - 4] == 0x65 && !isVowel(end - 5)
                    && !(w[end - 5] == 0x6C && !isVowel(end - 6)) {  // not gentleman
            groups -= 1  // -eman: wildeman, freeman is ee
        }
        // Vowel + s, b or d + -ler (heisler, gobbler, idler): the l is a syllable.
        if end >= 5 && w[end - 1] == 0x72 && w[end - 2] == 0x65 && w[end - 3] == 0x6C && isVowel(end - 5) {
            let c = w[end - 4]
            if c == 0x73 || c == 0x62 || c == 0x64 { groups += 1 }
        }
        // our, hour, flour, sour, devour, ourselves: ou-r is two syllables.
        if twoSyllableOur(end) { groups += 1 }
        // every- in compounds reads ev-ry: everyone, everything.
        if n > 5 && has("every", at: 0) { groups -= 1 }
        // mc- reads mac-.
        if n > 3 && w[0] == 0x6D && w[1] == 0x63 && !isVowel(2) { groups += 1 }
        // -ically reads -ic-ly.
        if end >= 7 && w[end - 1] == 0x6C && w[end - 2] == 0x61 && w[end - 3] == 0x63 && w[end - 4] == 0x69 && extra > 0 && n == end + 2 { groups -= 1 }
        // Syllabic m: -ism, -asm, rhythm.
        if end >= 3 && w[end - 1] == 0x6D {
            let p = w[end - 2]
            if p == 0x73 && isVowel(end - 3) { groups += 1 }
            else if p == 0x68 && w[end - 3] == 0x74 { groups += 1 }
        }
        return groups + extra + extraFinal
    }

    /// Whether an `our` ending the stem is two syllables: our, ours, ourselves, hour, flour,
    /// sour, scour, devour (not four, your, tour, pour).
    func twoSyllableOur(_ end: Int) -> Bool {
        if has("our", at: 0) { return end == 3 || has("selves", at: 3) }
        guard end >= 4, has("our", at: end - 3) else { return false }
        let i = end - 3
        switch w[i - 1] {
        case 0x68, 0x6C: return true  // hour, flour
        case 0x76: return i >= 2 && w[i - 2] == 0x65  // devour; not savour
        case 0x73: return i == 1 || !isVowel(i - 2)  // sour
        case 0x63: return i >= 2 && w[i - 2] == 0x73  // scour
        default: return false
        }
    }

    /// Whether the letters from `i` spell `text` (ASCII).
    @inline(__always) func has(_ text: StaticString, at i: Int) -> Bool {
        let count = text.utf8CodeUnitCount
        guard i >= 0, i + count <= w.count else { return false }
        let p = text.utf8Start
        for k in 0..<count where w[i + k] != p[k] { return false }
        return true
    }

    /// Index of the last letter of a prefix that ends in a vowel before another vowel
    /// (re-elect, co-operate, pre-empt), or -1.
    func prefixBoundary() -> Int {
        let n = w.count
        guard n >= 4 else { return -1 }
        switch w[0] {
        case 0x72:  // re
            guard w[1] == 0x65 else { return -1 }
            switch w[2] {
            case 0x61:  // rea
                if has("ff", at: 3) || has("pp", at: 3) || has("ss", at: 3) || has("rr", at: 3) || has("tt", at: 3)
                    || has("ct", at: 3) || has("dj", at: 3) || has("dm", at: 3) || has("dd", at: 3) || has("w", at: 3)
                    || has("cq", at: 3) || has("nal", at: 3) || has("lig", at: 3) || has("llo", at: 3) || has("cc", at: 3) { return 1 }
            case 0x65:  // ree
                if has("st", at: 3) || has("m", at: 3) || has("v", at: 3) || has("x", at: 3) || has("nt", at: 3)
                    || has("na", at: 3) || has("ng", at: 3) || has("lec", at: 3) || has("val", at: 3) { return 1 }
            case 0x69:  // rei
                if has("nc", at: 3) || has("nf", at: 3) || has("nv", at: 3) || has("nt", at: 3) || has("mb", at: 3)
                    || has("mp", at: 3) || has("ss", at: 3) || (n >= 7 && has("ns", at: 3)) { return 1 }
            case 0x6F:  // reo: reopen, reorder
                return 1
            case 0x75:  // reu
                if has("ni", at: 3) || has("se", at: 3) || has("sa", at: 3) || has("p", at: 3) || has("ti", at: 3) { return 1 }
            default: break
            }
        case 0x70:  // pre, pro
            if w[1] == 0x72 && w[2] == 0x65 && Rules.plainVowel(w[3]) && !has("ach", at: 3) { return 2 }
            if has("roact", at: 1) { return 2 }
        case 0x63:  // co
            guard w[1] == 0x6F else { return -1 }
            if has("operat", at: 2) || has("opt", at: 2) || has("ord", at: 2) || has("au", at: 2) || has("ag", at: 2)
                || has("ale", at: 2) || has("ali", at: 2) || has("axi", at: 2) || has("inc", at: 2) || (n >= 8 && has("ins", at: 2))
                || has("en", at: 2) || has("ex", at: 2) || has("erc", at: 2) || (n == 4 && has("ed", at: 2)) { return 1 }
        case 0x64:  // de
            guard w[1] == 0x65 else { return -1 }
            if has("act", at: 2) || has("ism", at: 2) || has("ist", at: 2) || has("if", at: 2) || has("esc", at: 2) || has("emph", at: 2) { return 1 }
        case 0x62:  // bi
            if w[1] == 0x69 && has("enn", at: 2) { return 1 }
        case 0x74:  // tri
            if has("rienn", at: 1) { return 2 }
        case 0x61, 0x73, 0x6D:  // anti, semi, multi
            if (has("anti", at: 0) || has("semi", at: 0)) && Rules.plainVowel(w[4]) { return 3 }
            if has("multi", at: 0) && n > 5 && Rules.plainVowel(w[5]) { return 4 }
        case 0x7A:  // zoo
            if has("ool", at: 1) { return 1 }
        default: break
        }
        return -1
    }

    /// Index of the final e of a known first element of compounds (fore-, home-, life-...), or -1.
    func compoundFirst() -> Int {
            switch w[0] {
        case 0x62:  // b
            if has("base", at: 0) { return 3 }
            if has("bare", at: 0) { return 3 }
            if has("brace", at: 0) { return 4 }
            if has("brake", at: 0) { return 4 }
            if has("bride", at: 0) { return 4 }
            if has("bridge", at: 0) { return 5 }
        case 0x63:  // c
            if has("cheese", at: 0) { return 5 }
        case 0x65:  // e
            if has("edge", at: 0) { return 3 }
            if has("eye", at: 0) { return 2 }
        case 0x66:  // f
            if has("fore", at: 0) { return has("st", at: 4) || has("ver", at: 4) ? -1 : 3 }  // not forest, forever
            if has("fire", at: 0) { return 3 }
        case 0x67:  // g
            if has("game", at: 0) { return 3 }
            if has("goose", at: 0) { return 4 }
            if has("grape", at: 0) { return 4 }
            if has("guide", at: 0) { return 4 }
        case 0x68:  // h
            if has("hedge", at: 0) { return 4 }
            if has("home", at: 0) { return 3 }
            if has("horse", at: 0) { return 4 }
            if has("house", at: 0) { return 4 }
        case 0x69:  // i
            if has("ice", at: 0) { return 2 }
        case 0x6C:  // l
            if has("lake", at: 0) { return 3 }
            if has("lease", at: 0) { return 4 }
            if has("life", at: 0) { return 3 }
            if has("like", at: 0) { return 3 }
            if has("lone", at: 0) { return 3 }
        case 0x6D:  // m
            if has("make", at: 0) { return 3 }
            if has("mouse", at: 0) { return 4 }
        case 0x6E:  // n
            if has("name", at: 0) { return 3 }
            if has("nine", at: 0) { return 3 }
            if has("nose", at: 0) { return 3 }
            if has("note", at: 0) { return 3 }
        case 0x70:  // p
            if has("peace", at: 0) { return 4 }
            if has("pipe", at: 0) { return 3 }
            if has("plate", at: 0) { return 4 }
            if has("police", at: 0) { return 5 }
        case 0x72:  // r
            if has("race", at: 0) { return 3 }
        case 0x73:  // s
            if has("safe", at: 0) { return 3 }
            if has("sale", at: 0) { return 3 }
            if has("scare", at: 0) { return 4 }
            if has("score", at: 0) { return 4 }
            if has("share", at: 0) { return 4 }
            if has("shore", at: 0) { return 4 }
            if has("side", at: 0) { return 3 }
            if has("snake", at: 0) { return 4 }
            if has("some", at: 0) { return 3 }
            if has("space", at: 0) { return 4 }
            if has("spoke", at: 0) { return 4 }
            if has("stage", at: 0) { return 4 }
            if has("state", at: 0) { return 4 }
            if has("stone", at: 0) { return 4 }
            if has("store", at: 0) { return 4 }
        case 0x74:  // t
            if has("trade", at: 0) { return 4 }
            if has("there", at: 0) && (at(5) == 0x66 || at(5) == 0x62 || at(5) == 0x77) { return 4 }  // therefore, thereby
            if has("time", at: 0) { return 3 }
            if has("type", at: 0) { return 3 }
        case 0x76:  // v
            if has("voice", at: 0) { return 4 }
        case 0x77:  // w
            if has("wake", at: 0) { return 3 }
            if has("where", at: 0) && (at(5) == 0x66 || at(5) == 0x62 || at(5) == 0x77) { return 4 }  // wherefore, whereby
            if has("wire", at: 0) { return 3 }
            if has("ware", at: 0) { return 3 }
            if has("waste", at: 0) { return 4 }
            if has("wedge", at: 0) { return 4 }
            if has("white", at: 0) { return 4 }
            if has("whole", at: 0) { return 4 }
            if has("wise", at: 0) { return 3 }
            default: break
            }
        return -1
    }

    /// Index of a silent e closing the first part of a compound (homework, lifeboat), or -1.
    func compoundE(_ end: Int) -> Int {
        let n = w.count
        guard n >= 6 else { return -1 }
        let k = compoundFirst()
        if k > 0 {
            return k + 2 < end && !isVowel(k + 1) && w[k + 1] != 0x72 ? k : -1
        }
        // First syllable spelled vowel + consonant + e before w, b or h: baseball, gateway, household.
        var i = 0
        while i < n && !isVowel(i) { i += 1 }
        guard i < n else { return -1 }
        let v = w[i]
        var j = i + 1
        if j < n && isVowel(j) {
            let d = w[j]
            let pair = (v == 0x6F && (d == 0x75 || d == 0x69 || d == 0x6F)) || (v == 0x65 && (d == 0x61 || d == 0x65))
                || (v == 0x75 && (d == 0x69 || d == 0x61)) || (v == 0x61 && d == 0x69)
            guard pair else { return -1 }
            j += 1
        } else if v == 0x65 || !Rules.plainVowel(v) {
            return -1
        }
        guard j < n else { return -1 }
        let c = w[j]
        if c == 0x64 && j + 1 < n && w[j + 1] == 0x67 { j += 1 }  // dg
        else if c == 0x68 || c == 0x6A || c == 0x71 || c == 0x72 || c == 0x77 || c == 0x78 || c == 0x79 || isVowel(j) { return -1 }
        let e = j + 1
        guard e + 3 < end, w[e] == 0x65 else { return -1 }
        let next = w[e + 1]
        return next == 0x77 || next == 0x62 || next == 0x68 ? e : -1
    }

    /// Length of a syllable suffix (-ly, -ment, -ness, -less, -ful, -some) ending at `end`, or 0.
    func suffix(_ end: Int) -> Int {
        guard end >= 4 else { return 0 }
        let a = w[end - 1], b = w[end - 2]
        var cut = 0
        if a == 0x79 && b == 0x6C { cut = 2 }  // ly
        else if a == 0x6C && b == 0x75 && end >= 5 && w[end - 3] == 0x66 { cut = 3 }  // ful
        else if a == 0x74 && b == 0x6E && end >= 6 && w[end - 3] == 0x65 && w[end - 4] == 0x6D {  // ment
            // element, tenement: the e before -ment is a vowel of the stem
            let s = end - 4
            if s >= 3 && w[s - 1] == 0x65 && w[s - 3] == 0x65 && !isVowel(s - 2) && !isVowel(s - 4) { return 0 }
            cut = 4
        }
        else if a == 0x73 && b == 0x73 && end >= 6 && w[end - 3] == 0x65 {
            if w[end - 4] == 0x6E { cut = 4 }  // ness
            else if w[end - 4] == 0x6C { cut = 4 }  // less
        } else if a == 0x65 && b == 0x6D && end >= 6 && w[end - 3] == 0x6F && w[end - 4] == 0x73 { cut = 4 }  // some
        else if a == 0x65 && b == 0x6E && w[end - 3] == 0x6F && (w[end - 4] == 0x79 || w[end - 4] == 0x65) { cut = 3 }  // anyone, someone
        if cut == 0 { return 0 }
        let stem = end - cut
        // The stem must hold a vowel of its own.
        return vowels(below: stem) != 0 && stem >= 2 ? cut : 0
    }

    /// Whether the e at `end - 1` is silent.
    func silentE(_ end: Int, s: Bool, d: Bool) -> Bool {
        let e = end - 1
        let p = e - 1
        if isVowel(p) { return false }  // part of a vowel group: free, toe, blue
        if vowels(below: p) == 0 { return false }  // the, be, she
        let c = w[p]
        if s {
            if c == 0x73 || c == 0x78 || c == 0x7A || c == 0x63 || c == 0x67 { return false }  // -ses -xes -zes -ces -ges
            if c == 0x68, p >= 1, w[p - 1] == 0x63 || w[p - 1] == 0x73 { return false }  // -ches -shes
        }
        if d, c == 0x74 || c == 0x64 { return false }  // -ted -ded
        if c == 0x74, !d, p >= 2, w[p - 1] == 0x6E {  // -ante, -ente, -onte: Romance names
            let v = w[p - 2]
            if v == 0x61 || v == 0x65 || v == 0x6F { return false }
        }
        if c == 0x6C || c == 0x72, p >= 1 {  // -ble, -tle, -cre, -tre
            let q = p - 1
            if c == 0x6C && w[q] == 0x73 && q >= 1 && w[q - 1] == 0x69 { return true }  // isle, aisle
            if !isVowel(q) && w[q] != 0x6C && w[q] != 0x72 && w[q] != 0x77 { return false }
        }
        return true
    }

    /// Whether a vowel pair at `i`, `i + 1` belongs to two syllables.
    func splits(_ i: Int, _ end: Int) -> Bool {
        let c1 = w[i], c2 = w[i + 1]
        if c2 >= 0x80 && c2 != 0xF9 { return true }  // diaeresis: naïve, Zoë
        let a = Rules.base(c1), b = Rules.base(c2)
        let before = at(i - 1)
        let after = i + 2 < end ? w[i + 2] : 0
        let atEnd = i + 2 >= end
        // vowel + -ing
        if b == 0x69 && after == 0x6E && i + 3 < w.count && w[i + 3] == 0x67 && i + 4 >= end { return true }
        switch (a, b) {
        case (0x69, 0x61):  // ia
            if after == 0x74 || after == 0x6B { return true }  // -iate, -iation, -iak
            if after == 0x73 && (at(i + 3) == 0x6D || at(i + 3) == 0x74) { return true }  // enthusiasm, -iast
            if after == 0x68 && i + 3 >= end { return true }  // messiah
            if after == 0x67 && before == 0x72 && at(i - 2) == 0x72 { return false }  // marriage, carriage
            if before == 0x6C && at(i - 2) == 0x6C && after == 0x6D { return false }  // william
            if after == 0x6E && at(i + 3) == 0x6F { return true }  // -iano
            if before == 0x63 || before == 0x74 || before == 0x73 || (before == 0x78 && !atEnd) { return false }
            if before == 0x67 && (atEnd || (after == 0x6E && at(i + 3) != 0x74) || after == 0x6C) { return false }  // belgian; not giant
            return true
        case (0x69, 0x6F):  // io
            if (before == 0x74 || before == 0x73 || before == 0x63 || before == 0x78 || before == 0x67) && (after == 0x6E || after == 0x75) { return false }
            if after == 0x6E && (before == 0x6E || (before == 0x6C && at(i - 2) == 0x6C)) { return false }  // onion, million
            if after == 0x6E && before == 0x68 && at(i - 2) == 0x73 { return false }  // fashion, cushion
            if after == 0x72 && i + 3 >= end && (before == 0x76 || before == 0x6E) { return false }  // behavior, senior
            return true
        case (0x75, 0x61):  // ua
            return !(after == 0x62 && at(i + 3) == 0x6C)  // actual; not valuable
        case (0x69, 0x75), (0x69, 0x69), (0x75, 0x6F), (0x61, 0x6F):
            return true
        case (0x69, 0x65):  // ie
            if atEnd { return false }
            if after == 0x74 { return true }  // diet, quiet, society
            if after == 0x6E {
                if i + 3 >= end || at(i + 3) == 0x6E { return true }  // lucien, o'brien, biennial, etienne
                if at(i + 3) == 0x74 || at(i + 3) == 0x63 {  // -ient, -ience
                    if before == 0x63 { return at(i - 2) == 0x73 }  // science; not ancient
                    if before == 0x74 { return false }  // patient
                    if before == 0x6E || before == 0x6C || before == 0x73 { return vowels(below: i) == 0 }  // client; not lenient
                    return true
                }
            }
            if after == 0x72 && i + 3 >= end { return i >= 3 }  // happier
            if after == 0x73 && at(i + 3) == 0x74 { return vowels(below: i) != 0 }  // happiest; not priest
            return false
        case (0x65, 0x6F):  // eo
            if after == 0x70 { return false }  // people, leopard
            if i == 1 && before == 0x67 { return after != 0x72 }  // geography, geometry; not george
            if before == 0x67 || before == 0x63 || (before == 0x68 && at(i - 2) == 0x63) { return false }  // surgeon, gorgeous, luncheon
            return true
        case (0x65, 0x61):  // ea
            if after == 0x74 && before == 0x72 && at(i - 2) == 0x63 && at(i + 3) != 0x75 { return true }  // create; not creature
            if after == 0x6C {
                let k = at(i + 3)
                if k == 0x69 && (at(i + 4) == 0x7A || at(i + 4) == 0x73 || at(i + 4) == 0x74) { return true }  // realize, idealist
                if k == 0x74 && before == 0x72 { return true }  // realtor
                if i + 3 >= end {  // venereal, arboreal
                    var groups = 0
                    var k = 0
                    while k < i { if isVowel(k) && (k == 0 || !isVowel(k - 1)) { groups += 1 }; k += 1 }
                    return groups >= 2
                }
            }
            if atEnd || (after == 0x6E && i + 3 >= end) {  // idea, area, korean; not sea, ocean
                if after == 0x6E && (before == 0x63 || before == 0x67) { return false }
                if after != 0x6E && (before == 0x73 || before == 0x74) { return false }  // overseas, chelsea
                return i >= 2 && (0..<(i - 1)).contains(where: { isVowel($0) })
            }
            return false
        case (0x65, 0x75):  // eu
            if after == 0x6D && i + 3 >= end { return true }  // museum
            return false
        case (0x65, 0x69):  // ei
            if after == 0x74 && at(i + 3) == 0x79 { return true }  // deity
            if after == 0x73 && (at(i + 3) == 0x74 || at(i + 3) == 0x6D) && before == 0x68 { return true }  // atheist, theism
            return false
        case (0x75, 0x65):  // ue
            if after == 0x6E { return at(i + 3) == 0x74 || at(i + 3) == 0x63 }  // fluent, influence
            if after == 0x6C || after == 0x74 { return i + 3 >= end && before != 0x6D }  // fuel, duet; not samuel
            if after == 0x72 { return i + 3 >= end }  // bauer, truer
            return false
        case (0x75, 0x69):  // ui
            if after == 0x74 {
                if at(i + 3) == 0x69 { return at(i + 4) == 0x6F }  // tuition; not recruiting
                if at(i + 3) == 0x79 { return vowels(below: i) != 0 }  // continuity; not fruity
                return false  // fruit, suit
            }
            if after == 0x63 || after == 0x73 || after == 0x6C { return false }  // juice, cruise, build
            return true
        case (0x6F, 0x61):  // oa
            return atEnd || (after == 0x68 && i + 3 >= end)  // boa, noah
        case (0x6F, 0x65):  // oe
            return after == 0x6D || after == 0x74 || after == 0x76  // poem, poet, whoever
        case (0x6F, 0x69):  // oi
            return after == 0x63 && i + 3 == w.count  // heroic; not voice
        case (0x61, 0x69):  // ai
            return after == 0x63 && i + 3 == w.count  // mosaic; not praise
        default:
            if a == 0x79 { return !(atEnd && b == 0x65) }  // y as a vowel before another: dryer, embryo, libya; not bye
            return false
        }
    }

    /// Letters read one by one (acronyms); interjections (hmm, shh, brr, psst, tsk) are one syllable.
    func spelled() -> Int {
        var collapsed: UInt64 = 0  // up to 8 letters, repeats folded: hmmm -> hm
        var letters = 0
        var previous: UInt8 = 0
        for c in w where c != previous {
            previous = c
            letters += 1
            if letters > 8 { break }
            collapsed = collapsed << 8 | UInt64(c)
        }
        if letters <= 4 {
            @inline(__always) func code(_ s: StaticString) -> UInt64 {
                var v: UInt64 = 0
                for k in 0..<s.utf8CodeUnitCount { v = v << 8 | UInt64(s.utf8Start[k]) }
                return v
            }
            switch collapsed {
            case code("hm"), code("m"), code("sh"), code("br"), code("gr"), code("pst"), code("pst"), code("tsk"),
                 code("z"), code("pft"), code("nth"), code("ps"), code("mhm"), code("hmph"):
                return 1
            default: break
            }
        }
        var total = 0
        var n = w.count
        if n >= 3 && w[n - 1] == 0x73 { n -= 1 }  // cds
        for i in 0..<n { total += w[i] == 0x77 ? 3 : 1 }
        return total
    }
}
