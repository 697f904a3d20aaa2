/// Dale–Chall familiarity: the list plus the regular forms its instructions accept.
///
/// Chall and Dale (1995) count as familiar the regular plurals and possessives of listed
/// words, their -ed, -ing, -er and -est forms, proper names and numbers. Only words missing
/// from the list reach these checks, so the extra lookups stay off the common path.
enum DaleChall {
    /// A listed word and its regular inflections: plural and third person (-s, -es, -ies),
    /// past (-ed, -d, -ied), -ing, comparatives (-er, -est, -ier, -iest), with a doubled final
    /// consonant where English doubles it. Bytes in, bytes out: this runs at every start.
    static func regularForms(of word: [UInt8]) -> [[UInt8]] {
        guard word.count > 1, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return [word] }
        func isVowel(_ byte: UInt8) -> Bool {
            byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75
        }
        func plus(_ base: [UInt8], _ suffix: StaticString) -> [UInt8] {
            base + suffix.withUTF8Buffer { Array($0) }
        }
        var forms = [word, plus(word, "s"), plus(word, "es"), plus(word, "ed"), plus(word, "ing"), plus(word, "er"), plus(word, "est")]
        let last = word[word.count - 1]
        if last == UInt8(ascii: "e") {
            let stem = Array(word.dropLast())
            forms += [plus(word, "d"), plus(word, "r"), plus(word, "st"), plus(stem, "ing")]
        }
        if last == UInt8(ascii: "y"), !isVowel(word[word.count - 2]) {
            let stem = Array(word.dropLast())
            forms += [plus(stem, "ies"), plus(stem, "ied"), plus(stem, "ier"), plus(stem, "iest")]
        }
        if word.count >= 3, !isVowel(last), last != UInt8(ascii: "w"), last != UInt8(ascii: "x"), last != UInt8(ascii: "y"),
           isVowel(word[word.count - 2]), !isVowel(word[word.count - 3]) {
            let doubled = word + [last]
            forms += [plus(doubled, "ed"), plus(doubled, "ing"), plus(doubled, "er"), plus(doubled, "est")]
        }
        return forms
    }

    /// Possessives, contractions and hyphenated compounds: the parts decide. Plain inflections
    /// are already in the lexicon (see `regularForms`).
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
        isListed(word, lexicon)
    }

    private static func isListed(_ word: [UInt8], _ lexicon: EnglishLexicon) -> Bool {
        word.withUnsafeBufferPointer { lexicon.entry($0).has(.daleChallFamiliar) }
    }

}

extension Array where Element == UInt8 {
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
