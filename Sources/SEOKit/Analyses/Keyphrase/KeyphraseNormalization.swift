/// How SEOKit compares a keyphrase's words with the words of a text.
///
/// Two words are the same when they agree after these steps, in order:
///
/// 1. **Case**: Unicode lowercasing (`Pizza` = `pizza`, `ÉCOLE` = `école`).
/// 2. **Diacritics**: Latin letters with accents lose them (`café` = `cafe`, `Zürich` =
///    `zurich`), in precomposed and decomposed spelling alike (combining marks are dropped);
///    `ß` → `ss`, `æ` → `ae`, `œ` → `oe`.
/// 3. **Apostrophes**: the typographic `’`, the modifier letter `ʼ` and the prime `′` are the
///    straight `'` (`dog’s` = `dog's`).
/// 4. **Hyphens**: `‐` and the non-breaking `‑` are `-`. A hyphenated word is compared part by
///    part, so `e-mail` matches `e mail`, and also as the joined word, so `e-mail` matches
///    `email` (see ``KeyphraseMatcher``).
/// 5. **Word forms** (not for quoted, exact keyphrases): the Porter2 stem of the result
///    (`running`, `runs` and `run` are all `run`; `dog's` is `dog`). See ``EnglishStemmer``.
///
/// Steps 1–4 give the *folded* form, used for exact phrases; step 5 gives the *stem*.
public enum KeyphraseNormalization {
    /// A word lowercased, without diacritics, with straight apostrophes and ASCII hyphens.
    ///
    /// ```swift
    /// KeyphraseNormalization.fold("Café’s")  // "cafe's"
    /// ```
    public static func fold(_ word: some StringProtocol) -> String {
        var output = String.UnicodeScalarView()
        var isASCII = true
        for scalar in word.unicodeScalars where scalar.value >= 0x80 {
            isASCII = false
            break
        }
        if isASCII { return String(word).lowercased() }
        for scalar in String(word).lowercased().unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                output.append(scalar)
                continue
            }
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark:
                continue
            default:
                break
            }
            switch value {
            case 0x2019, 0x2018, 0x02BC, 0x2032:
                output.append("'")
            case 0x2010, 0x2011:
                output.append("-")
            case 0x00DF:
                output.append(contentsOf: "ss".unicodeScalars)
            case 0x00E6:
                output.append(contentsOf: "ae".unicodeScalars)
            case 0x0153:
                output.append(contentsOf: "oe".unicodeScalars)
            case 0x00AD:
                continue  // soft hyphen: invisible
            default:
                if let ascii = foldedLatin(value) {
                    output.append(Unicode.Scalar(ascii))
                } else {
                    output.append(scalar)
                }
            }
        }
        return String(output)
    }

    /// The folded word's Porter2 stem: the key for word-form matching.
    ///
    /// ```swift
    /// KeyphraseNormalization.stem("Running")  // "run"
    /// KeyphraseNormalization.stem("cafés")    // "cafe"
    /// ```
    public static func stem(_ word: some StringProtocol) -> String {
        stem(folded: fold(word))
    }

    /// The stem of a word already folded.
    static func stem(folded: String) -> String {
        var folded = folded
        var output: [UInt8] = []
        output.reserveCapacity(folded.utf8.count)
        folded.withUTF8 { EnglishStemmer.stem($0, into: &output) }
        return String(decoding: output, as: UTF8.self)
    }

    /// The comparison keys of one word: its folded form and stem, and for a hyphenated word
    /// the keys of each part and of the parts joined (`e-mails` → parts `e`, `mail`; joined
    /// `email`).
    struct WordKeys: Sendable, Hashable {
        struct Part: Sendable, Hashable {
            var folded: String
            var stem: String
        }

        /// Folded and stemmed key of each part; one part for a word without hyphens.
        var parts: [Part]
        /// The word with its hyphens removed (the word itself when it has none).
        var joinedFolded: String
        var joinedStem: String

        init(_ word: some StringProtocol) {
            let folded = fold(word)
            // Most words have no hyphen: no split, one stem.
            guard folded.utf8.contains(UInt8(ascii: "-")) else {
                let stem = KeyphraseNormalization.stem(folded: folded)
                parts = [Part(folded: folded, stem: stem)]
                joinedFolded = folded
                joinedStem = stem
                return
            }
            let pieces = folded.split(separator: "-", omittingEmptySubsequences: true).map(String.init)
            if pieces.count <= 1 {
                let single = pieces.first ?? folded
                let stem = KeyphraseNormalization.stem(folded: single)
                parts = [Part(folded: single, stem: stem)]
                joinedFolded = single
                joinedStem = stem
            } else {
                parts = pieces.map { Part(folded: $0, stem: KeyphraseNormalization.stem(folded: $0)) }
                joinedFolded = pieces.joined()
                joinedStem = KeyphraseNormalization.stem(folded: joinedFolded)
            }
        }
    }
}
