/// Dale–Chall familiarity: the list plus the regular forms its instructions accept.
///
/// Chall and Dale (1995) count as familiar the regular plurals and possessives of listed
/// words, their -ed, -ing, -er and -est forms, proper names and numbers. Only words missing
/// from the list reach these checks, so the extra lookups stay off the common path.
enum DaleChall {
    /// Calls `body` with a listed word and each of its regular inflections: plural and third
    /// person (-s, -es, -ies), past (-ed, -d, -ied), -ing, comparatives (-er, -est, -ier,
    /// -iest), with a doubled final consonant where English doubles it. Built in `scratch`,
    /// which must hold the word and 5 bytes more: this runs at every start of the tool, for
    /// 3,000 words.
    static func forEachRegularForm(
        of word: UnsafeBufferPointer<UInt8>, scratch: UnsafeMutableBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        body(word)
        guard word.count > 1, word.count + 5 <= scratch.count, word.allSatisfy({ $0 >= 0x61 && $0 <= 0x7A }) else { return }
        func isVowel(_ byte: UInt8) -> Bool {
            byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75
        }
        let form = scratch.baseAddress!
        func emit(_ stem: UnsafeBufferPointer<UInt8>, _ suffix: StaticString, doubling: Bool = false) {
            form.update(from: stem.baseAddress!, count: stem.count)
            var length = stem.count
            if doubling { form[length] = stem[length - 1]; length += 1 }
            suffix.withUTF8Buffer { suffix in
                (form + length).update(from: suffix.baseAddress!, count: suffix.count)
                length += suffix.count
            }
            body(UnsafeBufferPointer(start: form, count: length))
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
    /// are already in the lexicon (see `forEachRegularForm`). Typographic apostrophes and
    /// hyphens count as their ASCII forms, as the tokenizer reads them. On the stack: this runs
    /// for every such word of a text.
    static func isFamiliarForm(_ token: Token, text: UnsafeBufferPointer<UInt8>, lexicon: EnglishLexicon) -> Bool {
        let length = Int(token.end - token.start)
        guard length > 2, length < 48 else { return length <= 2 }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length) { word in
            // Lowercased, typographic apostrophes and hyphens as the tokenizer reads them
            // (`wordJoinerASCII`); cut at the first apostrophe after the
            // first letter (possessives and contractions: the part before it decides).
            var count = 0
            var index = Int(token.start)
            let end = Int(token.end)
            while index < end {
                var byte = text[index]
                var size = 1
                if byte >= 0x80 {
                    let (scalar, scalarSize) = decodeScalar(text, index, end)
                    if let joiner = wordJoinerASCII(scalar.value) {
                        byte = joiner
                        size = scalarSize
                    }
                }
                if byte == UInt8(ascii: "'"), count > 0 { break }
                word[count] = byte.asciiLowercased
                count += 1
                index += size
            }
            // Hyphenated compounds are familiar when every part is.
            var partStart = 0
            for position in 0...count where position == count || word[position] == UInt8(ascii: "-") {
                if position > partStart, !lexicon.entry(UnsafeBufferPointer(rebasing: word[partStart..<position])).has(.daleChallFamiliar) {
                    return false
                }
                partStart = position + 1
            }
            return true
        }
    }
}

extension Array where Element == UInt8 {
    func hasSuffix(_ suffix: [UInt8]) -> Bool {
        count >= suffix.count && self[(count - suffix.count)...].elementsEqual(suffix)
    }
}
