/// Dale–Chall familiarity: the list plus the regular forms its instructions accept.
///
/// Chall and Dale (1995) count as familiar the regular plurals and possessives of listed
/// words, their -ed, -ing, -er and -est forms, proper names and numbers. Only words missing
/// from the list reach these checks, so the extra lookups stay off the common path.
enum DaleChall {
    /// Calls `body` with a listed word and each of its regular inflections: plural and third
    /// person (-s, -es, -ies), past (-ed, -d, -ied), -ing, comparatives (-er, -est, -ier,
    /// -iest), with a doubled final consonant where English doubles it. Built in `scratch`:
    /// this runs at every start of the tool, for 3,000 words.
    static func forEachRegularForm(of word: UnsafeBufferPointer<UInt8>, scratch: inout [UInt8], _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        body(word)
        guard word.count > 1, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return }
        func isVowel(_ byte: UInt8) -> Bool {
            byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75
        }
        func emit(_ stem: UnsafeBufferPointer<UInt8>, _ suffix: StaticString, doubling: Bool = false) {
            scratch.removeAll(keepingCapacity: true)
            scratch.append(contentsOf: stem)
            if doubling, let last = stem.last { scratch.append(last) }
            suffix.withUTF8Buffer { scratch.append(contentsOf: $0) }
            scratch.withUnsafeBufferPointer(body)
        }
        for suffix: StaticString in ["s", "es", "ed", "ing", "er", "est"] { emit(word, suffix) }
        let last = word[word.count - 1]
        let stem = UnsafeBufferPointer(rebasing: word.dropLast())
        if last == UInt8(ascii: "e") {
            for suffix: StaticString in ["d", "r", "st"] { emit(word, suffix) }
            emit(stem, "ing")
        }
        if last == UInt8(ascii: "y"), !isVowel(word[word.count - 2]) {
            for suffix: StaticString in ["ies", "ied", "ier", "iest"] { emit(stem, suffix) }
        }
        if word.count >= 3, !isVowel(last), last != UInt8(ascii: "w"), last != UInt8(ascii: "x"), last != UInt8(ascii: "y"),
           isVowel(word[word.count - 2]), !isVowel(word[word.count - 3]) {
            for suffix: StaticString in ["ed", "ing", "er", "est"] { emit(word, suffix, doubling: true) }
        }
    }

    /// Possessives, contractions and hyphenated compounds: the parts decide. Plain inflections
    /// are already in the lexicon (see `forEachRegularForm`).
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
