/// The English (Porter2) stemmer of the Snowball project, working directly on UTF-8 bytes.
///
/// Written from Martin Porter's published description of the algorithm ("The English (Porter2)
/// stemming algorithm", snowballstem.org), in the revision shipped with Snowball 3.x. That includes:
///
/// - the exceptional words (`skis` → `ski`, `skies` → `sky`, `news`, `howe`, `atlas`, the `-ly`
///   short words...),
/// - the prefixes that fix the start of R1 (`gener`, `commun`, `arsen`, `past`, `univers`,
///   `later`, `emerg`, `organ`, `inter`),
/// - the `-ing` exceptions of Step 1b (`dying` → `die`, `herring`, `evening`, `inning`...),
/// - the `-eed` exceptions (`proceed`, `exceed`, `succeed`),
/// - apostrophe handling (`'s`, `s'`, a leading apostrophe) and initial / post-vowel `y`.
///
/// Its output agrees with the Snowball project's own implementation (the `snowballstemmer` 3.1.1
/// package) on the fixture in
/// `Tests/SEOKitTests/Fixtures/porter2-sample.tsv`.
///
/// Two entry points: ``stem(_:)`` for convenience, and
/// ``stem(_:into:)`` for hot paths, which reuses the caller's buffer and does not allocate once
/// that buffer has grown to the longest word.
///
/// Characters outside ASCII are kept and take part in the algorithm as non-vowels, exactly as in
/// the reference implementation (`cafés` → `café`). The one exception is the typographic
/// apostrophe U+2019 (’), which is read as `'` so that `dog’s` stems like `dog's`: copy from word
/// processors and CMSs writes its apostrophes that way. Such a word's stem spells it `'`.
public enum EnglishStemmer {

    /// The Porter2 stem of one English word.
    ///
    /// The word is lowercased first (`Running` → `run`). It should be a single token, without
    /// surrounding punctuation other than apostrophes.
    ///
    /// ```swift
    /// EnglishStemmer.stem("generously")  // "generous"
    /// EnglishStemmer.stem("consigning")  // "consign"
    /// ```
    public static func stem(_ word: String) -> String {
        var lowered = word.lowercased()
        var output: [UInt8] = []
        output.reserveCapacity(lowered.utf8.count)
        lowered.withUTF8 { stem($0, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// Stems one word given as UTF-8 bytes, writing the stem into `output`.
    ///
    /// Meant for hot loops: `output` is cleared but keeps its capacity, so a caller that reuses one
    /// buffer pays no allocation per word. The stem is never longer than the input.
    ///
    /// - Parameters:
    ///   - lowercaseWord: the word, already lowercase. ASCII takes the fast path; other UTF-8 is
    ///     handled correctly but more slowly (non-ASCII characters count as non-vowels, and U+2019
    ///     as an apostrophe). Invalid UTF-8 is copied unchanged. Uppercase ASCII is not folded: it
    ///     counts as a consonant, so lowercase first.
    ///   - output: receives the stem; its previous contents are discarded.
    public static func stem(_ lowercaseWord: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        output.removeAll(keepingCapacity: true)
        let count = lowercaseWord.count
        guard count > 0, let base = lowercaseWord.baseAddress else { return }
        var isASCII = true
        for index in 0..<count where base[index] >= 0x80 {
            isASCII = false
            break
        }
        guard isASCII else {
            stemNonASCII(lowercaseWord, into: &output)
            return
        }
        output.append(contentsOf: lowercaseWord)
        let length = output.withUnsafeMutableBufferPointer { buffer in
            Porter2.stem(buffer.baseAddress!, count)
        }
        if length < count { output.removeLast(count - length) }
    }

    /// Non-ASCII words: each non-ASCII scalar becomes one placeholder byte (a non-vowel that no rule
    /// matches), the ASCII algorithm runs, and the placeholders are swapped back. This is exact
    /// because the rules only ever rewrite ASCII suffix letters, so placeholders survive in order.
    private static func stemNonASCII(_ word: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var scalars: [Unicode.Scalar] = []
        var work: [UInt8] = []
        work.reserveCapacity(word.count)
        var decoder = UTF8()
        var iterator = word.makeIterator()
        decoding: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar.isASCII {
                    work.append(UInt8(scalar.value))
                } else if scalar == "\u{2019}" {
                    work.append(Porter2.apostrophe)
                } else {
                    work.append(Porter2.placeholder)
                    scalars.append(scalar)
                }
            case .emptyInput:
                break decoding
            case .error:
                output.append(contentsOf: word)
                return
            }
        }
        let count = work.count
        let length = work.withUnsafeMutableBufferPointer { buffer in
            Porter2.stem(buffer.baseAddress!, count)
        }
        var next = 0
        for byte in work[0..<length] {
            if byte == Porter2.placeholder {
                UTF8.encode(scalars[next]) { output.append($0) }
                next += 1
            } else {
                output.append(byte)
            }
        }
    }
}

extension EnglishStemmer {
    /// The algorithm proper, on a mutable ASCII buffer. Every rule shortens the word or keeps its
    /// length, so it runs in place. Positions p1 and p2 (the starts of R1 and R2) are computed once
    /// and not moved when the word shrinks, as in the reference definition.
    enum Porter2 {
        static let apostrophe: UInt8 = 0x27
        /// Stands for one non-ASCII character: not a vowel, and not a letter any rule looks for.
        static let placeholder: UInt8 = 0x80

        // Letters as constants, so the rules below read like the description.
        private static let a: UInt8 = 0x61, b: UInt8 = 0x62, c: UInt8 = 0x63, d: UInt8 = 0x64
        private static let e: UInt8 = 0x65, g: UInt8 = 0x67, h: UInt8 = 0x68, i: UInt8 = 0x69
        private static let l: UInt8 = 0x6C, m: UInt8 = 0x6D
        private static let n: UInt8 = 0x6E, o: UInt8 = 0x6F, p: UInt8 = 0x70, r: UInt8 = 0x72
        private static let s: UInt8 = 0x73, t: UInt8 = 0x74, u: UInt8 = 0x75, w: UInt8 = 0x77
        private static let x: UInt8 = 0x78, y: UInt8 = 0x79
        /// A `y` that acts as a consonant (initial, or after a vowel); lowercased again at the end.
        private static let capitalY: UInt8 = 0x59

        /// a e i o u y — a bit set over the letters, so the test is one shift and no branch per letter.
        @inline(__always)
        static func isVowel(_ byte: UInt8) -> Bool {
            let index = byte &- 0x61
            return index < 26 && (UInt32(0x0110_4111) >> UInt32(index)) & 1 != 0
        }

        /// bb dd ff gg mm nn pp rr tt
        @inline(__always)
        private static func isDouble(_ first: UInt8, _ second: UInt8) -> Bool {
            guard first == second else { return false }
            let index = first &- 0x61
            // b d f g m n p r t
            return index < 26 && (UInt32(0x000A_B06A) >> UInt32(index)) & 1 != 0
        }

        /// c d e g h k m n r t: the letters after which `-li` is removed.
        @inline(__always)
        private static func isValidLiEnding(_ byte: UInt8) -> Bool {
            let index = byte &- 0x61
            return index < 26 && (UInt32(0x000A_34DC) >> UInt32(index)) & 1 != 0
        }

        @inline(__always)
        private static func ends(_ word: UnsafeMutablePointer<UInt8>, _ length: Int, _ suffix: StaticString) -> Bool {
            let count = suffix.utf8CodeUnitCount
            guard count <= length else { return false }
            let bytes = suffix.utf8Start
            let start = word + (length - count)
            for index in 0..<count where start[index] != bytes[index] { return false }
            return true
        }

        @inline(__always)
        private static func equals(_ word: UnsafeMutablePointer<UInt8>, _ length: Int, _ text: StaticString) -> Bool {
            length == text.utf8CodeUnitCount && ends(word, length, text)
        }

        /// Replaces the last `removing` bytes with `replacement`; returns the new length.
        @inline(__always)
        private static func replace(
            _ word: UnsafeMutablePointer<UInt8>, _ length: Int, removing: Int, with replacement: StaticString
        ) -> Int {
            let start = length - removing
            let bytes = replacement.utf8Start
            for index in 0..<replacement.utf8CodeUnitCount { word[start + index] = bytes[index] }
            return start + replacement.utf8CodeUnitCount
        }

        /// Whether `word[0..<length]` ends in a short syllable: consonant–vowel–consonant (the last not
        /// w, x or Y), a two-letter word vowel–consonant, or — since Snowball 3 — `past`, so that
        /// `pasting` and `pastes` meet `paste` rather than `past`.
        @inline(__always)
        private static func endsInShortSyllable(_ word: UnsafeMutablePointer<UInt8>, _ length: Int) -> Bool {
            if length >= 3 {
                let last = word[length - 1]
                if !isVowel(last) && last != w && last != x && last != capitalY
                    && isVowel(word[length - 2]) && !isVowel(word[length - 3]) {
                    return true
                }
                return length >= 4 && ends(word, length, "past")
            }
            return length == 2 && isVowel(word[0]) && !isVowel(word[1])
        }

        /// Stems `word[0..<length]` in place and returns the stem's length.
        static func stem(_ word: UnsafeMutablePointer<UInt8>, _ length: Int) -> Int {
            // Two letters or fewer are left as they are.
            guard length > 2 else { return length }
            if let special = exceptionalForm(word, length) { return special }

            var length = length
            // A leading apostrophe is quoting, not part of the word.
            if word[0] == apostrophe {
                for index in 1..<length { word[index - 1] = word[index] }
                length -= 1
            }

            // y at the start or after a vowel is a consonant: mark it Y so the vowel tests skip it.
            var foundY = false
            if length > 0 && word[0] == y {
                word[0] = capitalY
                foundY = true
            }
            if length > 1 {
                for index in 1..<length where word[index] == y && isVowel(word[index - 1]) {
                    word[index] = capitalY
                    foundY = true
                }
            }

            let (p1, p2) = regions(word, length)

            length = step0(word, length)
            length = step1a(word, length)
            length = step1b(word, length, p1: p1)
            step1c(word, length)
            length = step2(word, length, p1: p1)
            length = step3(word, length, p1: p1, p2: p2)
            length = step4(word, length, p2: p2)
            length = step5(word, length, p1: p1, p2: p2)

            if foundY {
                for index in 0..<length where word[index] == capitalY { word[index] = y }
            }
            return length
        }

        /// Whole words with a fixed stem, tested before anything else (the description's `exception1`).
        /// Returns the new length, or nil when the word is not one of them.
        @inline(__always)
        private static func exceptionalForm(_ word: UnsafeMutablePointer<UInt8>, _ length: Int) -> Int? {
            // Only lengths 3...6 occur, and the first letter rules out most words at once.
            guard length <= 6 else { return nil }
            switch word[0] {
            case s:
                if equals(word, length, "skies") { return replace(word, length, removing: 3, with: "y") }
                if equals(word, length, "skis") { return length - 1 }
                if equals(word, length, "sky") { return length }
                if equals(word, length, "singly") { return length - 1 }
            case i:
                if equals(word, length, "idly") { return length - 1 }
            case g:
                if equals(word, length, "gently") { return length - 1 }
            case u:
                if equals(word, length, "ugly") { return replace(word, length, removing: 1, with: "i") }
            case e:
                if equals(word, length, "early") { return replace(word, length, removing: 1, with: "i") }
            case o:
                if equals(word, length, "only") { return replace(word, length, removing: 1, with: "i") }
            case n:
                // "news" is not the plural of "new".
                if equals(word, length, "news") { return length }
            case h:
                // A surname, kept apart from "how".
                if equals(word, length, "howe") { return length }
            case a:
                // Not plurals.
                if equals(word, length, "atlas") || equals(word, length, "andes") { return length }
            case c:
                if equals(word, length, "cosmos") { return length }
            case b:
                if equals(word, length, "bias") { return length }
            default:
                break
            }
            return nil
        }

        /// R1 starts after the first consonant that follows a vowel, R2 likewise within R1. A few
        /// prefixes fix R1 at their end instead, so that e.g. `generous` and `general` stay apart.
        @inline(__always)
        private static func regions(_ word: UnsafeMutablePointer<UInt8>, _ length: Int) -> (Int, Int) {
            let p1 = r1Prefix(word, length) ?? afterVowelConsonant(word, from: 0, length)
            return (p1, afterVowelConsonant(word, from: p1, length))
        }

        @inline(__always)
        private static func afterVowelConsonant(
            _ word: UnsafeMutablePointer<UInt8>, from start: Int, _ length: Int
        ) -> Int {
            var index = start
            while index < length && !isVowel(word[index]) { index += 1 }
            while index < length && isVowel(word[index]) { index += 1 }
            return index < length ? index + 1 : length
        }

        @inline(__always)
        private static func r1Prefix(_ word: UnsafeMutablePointer<UInt8>, _ length: Int) -> Int? {
            func starts(_ prefix: StaticString) -> Bool {
                let count = prefix.utf8CodeUnitCount
                guard count <= length else { return false }
                let bytes = prefix.utf8Start
                for index in 0..<count where word[index] != bytes[index] { return false }
                return true
            }
            switch word[0] {
            case g: return starts("gener") ? 5 : nil
            case c: return starts("commun") ? 6 : nil
            case a: return starts("arsen") ? 5 : nil
            case p: return starts("past") ? 4 : nil
            case u: return starts("univers") ? 7 : nil
            case l: return starts("later") ? 5 : nil
            case i: return starts("inter") ? 5 : nil
            case e: return starts("emerg") ? 5 : nil
            case o: return starts("organ") ? 5 : nil
            default: return nil
            }
        }

        /// Step 0: the possessive endings `'s'`, `'s` and `'`.
        @inline(__always)
        private static func step0(_ word: UnsafeMutablePointer<UInt8>, _ length: Int) -> Int {
            guard length > 0 else { return length }
            let last = word[length - 1]
            if last == apostrophe {
                return ends(word, length, "'s'") ? length - 3 : length - 1
            }
            if last == s && length >= 2 && word[length - 2] == apostrophe { return length - 2 }
            return length
        }

        /// Step 1a: plurals (`sses`, `ies`/`ied`, `s`), keeping `ss` and `us`.
        @inline(__always)
        private static func step1a(_ word: UnsafeMutablePointer<UInt8>, _ length: Int) -> Int {
            guard length > 0 else { return length }
            switch word[length - 1] {
            case s:
                if ends(word, length, "sses") { return length - 2 }
                if ends(word, length, "ies") { return iesOrIed(length) }
                if ends(word, length, "ss") || ends(word, length, "us") { return length }
                // Drop the s only if a vowel comes before the letter preceding it: gaps → gap, gas stays.
                if length >= 3 {
                    for index in 0..<(length - 2) where isVowel(word[index]) { return length - 1 }
                }
                return length
            case d:
                return ends(word, length, "ied") ? iesOrIed(length) : length
            default:
                return length
            }
        }

        /// `ies`/`ied` become `i` after two or more letters (cries → cri) and `ie` after one (ties → tie).
        @inline(__always)
        private static func iesOrIed(_ length: Int) -> Int {
            length - 3 > 1 ? length - 2 : length - 1
        }

        /// Step 1b: `eed`, `ed`, `ing` and their `-ly` forms.
        @inline(__always)
        private static func step1b(_ word: UnsafeMutablePointer<UInt8>, _ length: Int, p1: Int) -> Int {
            guard length > 1 else { return length }
            let stemLength: Int
            switch word[length - 1] {
            case d:
                if ends(word, length, "eed") { return eed(word, length, suffixLength: 3, p1: p1) }
                guard ends(word, length, "ed") else { return length }
                stemLength = length - 2
            case g:
                guard ends(word, length, "ing") else { return length }
                stemLength = length - 3
                if stemLength == 2 && word[1] == y && !isVowel(word[0]) {
                    // dying → die, lying → lie, tying → tie, vying → vie.
                    word[1] = i
                    word[2] = e
                    return 3
                }
                switch stemLength {
                // inning, outing, canning, herring, earring, evening are words in their own right.
                case 3: if ends(word, 3, "inn") || ends(word, 3, "out") { return length }
                case 4:
                    if ends(word, 4, "cann") || ends(word, 4, "herr") || ends(word, 4, "earr")
                        || ends(word, 4, "even") { return length }
                default: break
                }
            case y:
                if ends(word, length, "eedly") { return eed(word, length, suffixLength: 5, p1: p1) }
                if ends(word, length, "ingly") {
                    stemLength = length - 5
                } else if ends(word, length, "edly") {
                    stemLength = length - 4
                } else {
                    return length
                }
            default:
                return length
            }

            // The suffix goes only if what precedes it has a vowel (so "bed", "sing" stay).
            var hasVowel = false
            for index in 0..<stemLength where isVowel(word[index]) {
                hasVowel = true
                break
            }
            guard hasVowel else { return length }

            let newLength = stemLength
            if ends(word, newLength, "at") || ends(word, newLength, "bl") || ends(word, newLength, "iz") {
                // luxuriat → luxuriate
                word[newLength] = e
                return newLength + 1
            }
            if newLength >= 2 && isDouble(word[newLength - 2], word[newLength - 1]) {
                // hopp → hop, but add, egg, off keep their double letter.
                if newLength == 3 && (word[0] == a || word[0] == e || word[0] == o) { return newLength }
                return newLength - 1
            }
            if p1 >= newLength && endsInShortSyllable(word, newLength) {
                // hop → hope
                word[newLength] = e
                return newLength + 1
            }
            return newLength
        }

        /// `eed`/`eedly` → `ee` in R1, except in proceed, exceed and succeed, which are not participles.
        @inline(__always)
        private static func eed(_ word: UnsafeMutablePointer<UInt8>, _ length: Int, suffixLength: Int, p1: Int) -> Int {
            let stemLength = length - suffixLength
            if stemLength == 4 && (ends(word, 4, "proc") || ends(word, 4, "succ")) { return length }
            if stemLength == 3 && ends(word, 3, "exc") { return length }
            return stemLength >= p1 ? stemLength + 2 : length
        }

        /// Step 1c: a final y after a consonant that is not the first letter becomes i (cry → cri, by stays).
        @inline(__always)
        private static func step1c(_ word: UnsafeMutablePointer<UInt8>, _ length: Int) {
            guard length >= 3 else { return }
            let last = word[length - 1]
            if (last == y || last == capitalY) && !isVowel(word[length - 2]) { word[length - 1] = i }
        }

        /// Step 2: derivational suffixes in R1. The longest matching suffix decides; if it is not in R1
        /// nothing happens (a shorter suffix is not tried), as in the reference. Within each final
        /// letter the candidates are listed longest first, so the first match is the longest.
        private static func step2(_ word: UnsafeMutablePointer<UInt8>, _ length: Int, p1: Int) -> Int {
            guard length > 2 else { return length }
            @inline(__always) func rule(_ suffix: StaticString, _ replacement: StaticString) -> Int? {
                guard ends(word, length, suffix) else { return nil }
                let count = suffix.utf8CodeUnitCount
                return length - count >= p1 ? replace(word, length, removing: count, with: replacement) : length
            }
            switch word[length - 1] {
            case l:
                if let result = rule("ational", "ate") { return result }
                if let result = rule("tional", "tion") { return result }
            case i:
                if let result = rule("biliti", "ble") { return result }
                if let result = rule("lessli", "less") { return result }
                if let result = rule("fulli", "ful") { return result }
                if let result = rule("ousli", "ous") { return result }
                if let result = rule("entli", "ent") { return result }
                if let result = rule("aliti", "al") { return result }
                if let result = rule("iviti", "ive") { return result }
                if let result = rule("enci", "ence") { return result }
                if let result = rule("anci", "ance") { return result }
                if let result = rule("abli", "able") { return result }
                if let result = rule("alli", "al") { return result }
                if let result = rule("bli", "ble") { return result }
                if ends(word, length, "ogi") {
                    // -logi → -log (analogi); other -ogi stays.
                    guard length - 3 >= p1, length >= 4, word[length - 4] == l else { return length }
                    return length - 1
                }
                if ends(word, length, "li") {
                    guard length - 2 >= p1, length >= 3, isValidLiEnding(word[length - 3]) else { return length }
                    return length - 2
                }
            case r:
                if let result = rule("izer", "ize") { return result }
                if let result = rule("ator", "ate") { return result }
            case n:
                if let result = rule("ization", "ize") { return result }
                if let result = rule("ation", "ate") { return result }
            case m:
                if let result = rule("alism", "al") { return result }
            case s:
                if let result = rule("fulness", "ful") { return result }
                if let result = rule("ousness", "ous") { return result }
                if let result = rule("iveness", "ive") { return result }
            case t:
                // geologist → geolog, meeting geology → geolog.
                if let result = rule("ogist", "og") { return result }
            default:
                break
            }
            return length
        }

        /// Step 3: more derivational suffixes in R1; `ative` only in R2.
        private static func step3(_ word: UnsafeMutablePointer<UInt8>, _ length: Int, p1: Int, p2: Int) -> Int {
            guard length > 2 else { return length }
            @inline(__always) func rule(_ suffix: StaticString, _ replacement: StaticString) -> Int? {
                guard ends(word, length, suffix) else { return nil }
                let count = suffix.utf8CodeUnitCount
                return length - count >= p1 ? replace(word, length, removing: count, with: replacement) : length
            }
            switch word[length - 1] {
            case l:
                if let result = rule("ational", "ate") { return result }
                if let result = rule("tional", "tion") { return result }
                if let result = rule("ical", "ic") { return result }
                if let result = rule("ful", "") { return result }
            case e:
                if let result = rule("alize", "al") { return result }
                if let result = rule("icate", "ic") { return result }
                if ends(word, length, "ative") { return length - 5 >= p2 ? length - 5 : length }
            case i:
                if let result = rule("iciti", "ic") { return result }
            case s:
                if let result = rule("ness", "") { return result }
            default:
                break
            }
            return length
        }

        /// Step 4: residual suffixes, deleted in R2 (`ion` only after s or t). Longest match decides,
        /// as in Step 2: `agreement` keeps its `ement` (not in R2) rather than losing `ent`.
        private static func step4(_ word: UnsafeMutablePointer<UInt8>, _ length: Int, p2: Int) -> Int {
            guard length > 1 else { return length }
            @inline(__always) func delete(_ suffix: StaticString) -> Int? {
                guard ends(word, length, suffix) else { return nil }
                let start = length - suffix.utf8CodeUnitCount
                return start >= p2 ? start : length
            }
            switch word[length - 1] {
            case l:
                if let result = delete("al") { return result }
            case e:
                if let result = delete("ance") { return result }
                if let result = delete("ence") { return result }
                if let result = delete("able") { return result }
                if let result = delete("ible") { return result }
                if let result = delete("ate") { return result }
                if let result = delete("ive") { return result }
                if let result = delete("ize") { return result }
            case r:
                if let result = delete("er") { return result }
            case c:
                if let result = delete("ic") { return result }
            case t:
                if let result = delete("ement") { return result }
                if let result = delete("ment") { return result }
                if let result = delete("ant") { return result }
                if let result = delete("ent") { return result }
            case m:
                if let result = delete("ism") { return result }
            case i:
                if let result = delete("iti") { return result }
            case s:
                if let result = delete("ous") { return result }
            case n:
                guard ends(word, length, "ion") else { return length }
                let start = length - 3
                guard start >= p2, start >= 1, word[start - 1] == s || word[start - 1] == t else { return length }
                return start
            default:
                break
            }
            return length
        }

        /// Step 5: a final e in R2, or in R1 unless it follows a short syllable (so `hope` keeps it);
        /// a final double l in R2 loses one l.
        @inline(__always)
        private static func step5(_ word: UnsafeMutablePointer<UInt8>, _ length: Int, p1: Int, p2: Int) -> Int {
            guard length > 0 else { return length }
            let start = length - 1
            switch word[start] {
            case e:
                if start >= p2 || (start >= p1 && !endsInShortSyllable(word, start)) { return start }
                return length
            case l:
                if start >= p2 && start >= 1 && word[start - 1] == l { return start }
                return length
            default:
                return length
            }
        }
    }
}
