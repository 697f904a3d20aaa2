/// Dale–Chall familiarity: the list plus the regular forms its instructions accept.
///
/// Chall and Dale (1995) count as familiar the regular plurals and possessives of listed
/// words, their -ed, -ing, -er and -est forms, proper names and numbers. Only words missing
/// from the list reach these checks, so the extra lookups stay off the common path.
enum DaleChall {
    static func isFamiliarForm(_ token: Token, text: UnsafeBufferPointer<UInt8>, lexicon: EnglishLexicon) -> Bool {
        let length = Int(token.end - token.start)
        guard length > 2, length < 48 else { return length <= 2 }
        var word = [UInt8](repeating: 0, count: length)
        var apostrophe = -1
        for offset in 0..<length {
            var byte = text[Int(token.start) + offset]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte == UInt8(ascii: "'") && apostrophe < 0 { apostrophe = offset }
            word[offset] = byte
        }
        // Possessives and contractions: judge the part before the apostrophe.
        if apostrophe > 0 { word.removeSubrange(apostrophe...) }
        // Hyphenated compounds are familiar when every part is.
        if word.contains(UInt8(ascii: "-")) {
            return word.split(separator: UInt8(ascii: "-")).allSatisfy { familiar(Array($0), lexicon: lexicon) }
        }
        return familiar(word, lexicon: lexicon)
    }

    private static func familiar(_ word: [UInt8], lexicon: EnglishLexicon) -> Bool {
        if isListed(word, lexicon) { return true }
        for (suffix, replacements) in inflections where word.count > suffix.count + 1 && word.hasSuffix(suffix) {
            let stem = Array(word[..<(word.count - suffix.count)])
            for replacement in replacements {
                if isListed(stem + replacement, lexicon) { return true }
            }
            // Doubled final consonant: "stopped" → "stop", "bigger" → "big".
            if stem.count >= 3, stem[stem.count - 1] == stem[stem.count - 2], isListed(Array(stem.dropLast()), lexicon) { return true }
        }
        return false
    }

    private static func isListed(_ word: [UInt8], _ lexicon: EnglishLexicon) -> Bool {
        word.withUnsafeBufferPointer { lexicon.entry($0).has(.daleChallFamiliar) }
    }

    /// Suffix → what may replace it to reach the listed form.
    private static let inflections: [([UInt8], [[UInt8]])] = [
        (Array("ies".utf8), [Array("y".utf8)]),
        (Array("ied".utf8), [Array("y".utf8)]),
        (Array("ier".utf8), [Array("y".utf8)]),
        (Array("iest".utf8), [Array("y".utf8)]),
        (Array("es".utf8), [[], Array("e".utf8)]),
        (Array("s".utf8), [[]]),
        (Array("ed".utf8), [[], Array("e".utf8)]),
        (Array("d".utf8), [[]]),
        (Array("ing".utf8), [[], Array("e".utf8)]),
        (Array("er".utf8), [[], Array("e".utf8)]),
        (Array("est".utf8), [[], Array("e".utf8)]),
    ]
}

extension Array where Element == UInt8 {
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
