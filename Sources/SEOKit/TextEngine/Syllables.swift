/// English syllable counts: the pronunciation lexicon first, rules for every other word.
///
/// (Interim rules: vowel groups. The full rule set replaces `countByRules`.)
public enum Syllables {
    /// Syllables of a lowercase word whose lexicon entry the caller already looked up.
    @inline(__always)
    public static func count(_ lowercaseWord: UnsafeBufferPointer<UInt8>, entry: EnglishLexicon.Entry) -> Int {
        let override = entry.syllableOverride
        if override > 0 { return override }
        return countByRules(lowercaseWord)
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
        var groups = 0
        var previousVowel = false
        for byte in lowercaseWord {
            let vowel = byte == 0x61 || byte == 0x65 || byte == 0x69 || byte == 0x6F || byte == 0x75 || byte == 0x79
            if vowel && !previousVowel { groups += 1 }
            previousVowel = vowel
        }
        if lowercaseWord.count > 2, lowercaseWord.last == 0x65, groups > 1 { groups -= 1 }
        return max(groups, 1)
    }
}
