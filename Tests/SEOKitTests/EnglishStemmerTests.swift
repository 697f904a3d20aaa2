import SEOKit
import Testing

/// The Porter2 stemmer against the Snowball reference (a fixture) and, rule by rule, against the
/// examples of the algorithm's description.
@Suite struct EnglishStemmerTests {

    // MARK: - Oracle fixture

    /// The fixture sits next to this file; it is located from `#filePath` so the test target
    /// needs no resources.
    static func fixturePairs() throws -> [(word: String, stem: String)] {
        let url = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent()
            .appendingPathComponent("Fixtures/porter2-sample.tsv")
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        var pairs: [(word: String, stem: String)] = []
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 2 else {
                Issue.record("malformed fixture line: \(line)")
                continue
            }
            pairs.append((String(fields[0]), String(fields[1])))
        }
        return pairs
    }

    @Test func agreesWithSnowballOnTheWholeFixture() throws {
        let pairs = try Self.fixturePairs()
        #expect(pairs.count >= 3_000)

        var output: [UInt8] = []
        var mismatches: [String] = []
        for (word, expected) in pairs {
            var word = word
            let byteStem = word.withUTF8 { bytes in
                EnglishStemmer.stem(bytes, into: &output)
                return String(decoding: output, as: UTF8.self)
            }
            let stringStem = EnglishStemmer.stem(word)
            if byteStem != expected || stringStem != expected {
                mismatches.append("\(word): expected \(expected), bytes gave \(byteStem), string gave \(stringStem)")
            }
        }
        // 100% agreement is required; list the first few disagreements to make a failure readable.
        #expect(mismatches.isEmpty, "\(mismatches.count) of \(pairs.count) differ: \(mismatches.prefix(20))")
    }

    // MARK: - Rules of the description

    private func expectStems(
        _ cases: KeyValuePairs<String, String>, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        for (word, stem) in cases {
            #expect(EnglishStemmer.stem(word) == stem, "\(word)", sourceLocation: sourceLocation)
        }
    }

    @Test func sampleVocabularyFromTheDescription() {
        expectStems([
            "consign": "consign", "consigned": "consign", "consigning": "consign",
            "consignment": "consign", "consist": "consist", "consisted": "consist",
            "consistency": "consist", "consistent": "consist", "consistently": "consist",
            "consists": "consist",
            "knack": "knack", "knackered": "knacker", "knackeries": "knackeri", "knacks": "knack",
            "kneaded": "knead", "kneeling": "kneel", "knees": "knee", "knightly": "knight",
            "knitting": "knit", "knives": "knive", "knocker": "knocker", "knocking": "knock",
        ])
    }

    @Test func exceptionalWordsAreStemmedAsAWhole() {
        expectStems([
            "skis": "ski", "skies": "sky", "sky": "sky",
            "idly": "idl", "gently": "gentl", "ugly": "ugli", "early": "earli", "only": "onli",
            "singly": "singl",
            // Invariant: not plurals, or not the word the rules would make them.
            "news": "news", "howe": "howe", "atlas": "atlas", "cosmos": "cosmos", "bias": "bias",
            "andes": "andes",
        ])
        // Only the exact word is exceptional.
        expectStems(["howes": "how", "newsy": "newsi", "'sky": "ski"])
    }

    @Test func ingExceptionsOfStep1b() {
        expectStems([
            "dying": "die", "lying": "lie", "tying": "tie", "vying": "vie", "hying": "hie",
            "dyings": "die",
            "inning": "inning", "innings": "inning", "outing": "outing", "canning": "canning",
            "herring": "herring", "herrings": "herring", "earring": "earring",
            "evening": "evening", "evenings": "evening",
            // The exceptions are for -ing only, not -ingly.
            "dyingly": "dy", "outingly": "out",
            // Two letters before y, or a vowel: the ordinary rules.
            "eying": "eye", "crying": "cri", "flying": "fli",
        ])
    }

    @Test func eedExceptionsOfStep1b() {
        expectStems([
            "proceed": "proceed", "proceeds": "proceed", "proceeded": "proceed",
            "proceeding": "proceed", "proceedings": "proceed", "proceedly": "proceed",
            "exceed": "exceed", "exceeding": "exceed", "exceedingly": "exceed",
            "succeed": "succeed", "succeeded": "succeed", "succeeding": "succeed",
            // Ordinary -eed: to -ee in R1 only.
            "agreed": "agre", "feed": "feed", "bleed": "bleed", "bleeding": "bleed",
        ])
    }

    @Test func prefixesThatFixR1() {
        expectStems([
            "generate": "generat", "generates": "generat", "generated": "generat",
            "generating": "generat", "general": "general", "generally": "general",
            "generic": "generic", "generically": "generic", "generous": "generous",
            "generously": "generous",
            "communism": "communism", "communication": "communic", "communal": "communal",
            "arsenal": "arsenal", "arsenic": "arsenic",
            "past": "past", "paste": "paste", "pastes": "paste", "pasted": "paste",
            "pasting": "paste",
            "universe": "univers", "universes": "univers", "universal": "universal",
            "universally": "universal", "university": "universiti", "universities": "universiti",
            "later": "later", "lateral": "lateral", "laterally": "lateral",
            "emerge": "emerg", "emergency": "emergenc", "emergent": "emergent",
            "organ": "organ", "organic": "organic", "organize": "organiz", "organization": "organiz",
            "internal": "internal", "interval": "interval", "international": "internat",
        ])
    }

    @Test func shortSyllableIncludesPast() {
        // "past" counts as a short syllable wherever it ends the stem, so the e stays.
        expectStems(["spaste": "spaste", "repaste": "repast"])
    }

    @Test func initialAndPostVowelYIsAConsonant() {
        expectStems([
            "youth": "youth", "yes": "yes", "yelled": "yell", "sayings": "say", "say": "say",
            "toy": "toy", "cry": "cri", "by": "by", "sayyy": "sayyy",
        ])
    }

    @Test func apostrophes() {
        expectStems([
            "dog's": "dog", "dogs'": "dog", "dog's'": "dog", "children's": "children",
            "'twas": "twas", "'quoted'": "quot", "''dog": "'dog", "dog''": "dog'", "'abs": "ab",
            // The typographic apostrophe is read as an ASCII one.
            "dog\u{2019}s": "dog", "o\u{2019}neill": "o'neil",
        ])
    }

    @Test func step1aPlurals() {
        expectStems([
            "caresses": "caress", "stresses": "stress", "ponies": "poni", "ties": "tie",
            "cries": "cri", "ied": "ie", "ies": "ie", "dies": "die", "tried": "tri",
            "gas": "gas", "this": "this", "gaps": "gap", "kiwis": "kiwi", "unis": "uni",
            "bus": "bus", "status": "status", "class": "class",
        ])
    }

    @Test func step1bEdAndIng() {
        expectStems([
            "luxuriating": "luxuri", "conflated": "conflat", "troubled": "troubl", "sized": "size",
            "hopping": "hop", "hoping": "hope", "filing": "file", "failed": "fail",
            // A double after exactly a, e or o stays (Snowball 3).
            "adding": "add", "egging": "egg", "offed": "off", "ebbing": "ebb",
            // No vowel before the suffix: nothing to remove.
            "bbing": "bbing", "sing": "sing", "bed": "bed",
        ])
    }

    @Test func step2() {
        expectStems([
            "relational": "relat", "conditional": "condit", "valenci": "valenc",
            "hesitanci": "hesit", "digitizer": "digit", "conformabli": "conform",
            "radicalli": "radic", "differentli": "differ", "vileli": "vile",
            "analogousli": "analog", "vietnamization": "vietnam", "predication": "predic",
            "operator": "oper", "feudalism": "feudal", "decisiveness": "decis",
            "hopefulness": "hope", "callousness": "callous", "formaliti": "formal",
            "sensitiviti": "sensit", "sensibiliti": "sensibl",
            "geologist": "geolog", "geology": "geolog", "analogist": "analog",
        ])
    }

    @Test func step3() {
        expectStems([
            "triplicate": "triplic", "formative": "format", "formalize": "formal",
            "electriciti": "electr", "electrical": "electr", "hopeful": "hope", "goodness": "good",
        ])
    }

    @Test func step4() {
        expectStems([
            "revival": "reviv", "allowance": "allow", "inference": "infer", "airliner": "airlin",
            "gyroscopic": "gyroscop", "adjustable": "adjust", "defensible": "defens",
            "irritant": "irrit", "replacement": "replac", "adjustment": "adjust",
            "dependent": "depend", "adoption": "adopt", "homologous": "homolog",
            "activate": "activ", "angulariti": "angular", "effective": "effect",
            "bowdlerize": "bowdler",
            // The longest suffix decides even when it is outside R2: no fallback to -ent.
            "agreement": "agreement",
        ])
    }

    @Test func step5() {
        expectStems(["probate": "probat", "rate": "rate", "cease": "ceas", "controll": "control", "roll": "roll"])
    }

    // MARK: - Entry points

    @Test func stringEntryLowercasesFirst() {
        expectStems(["Running": "run", "GENEROUSLY": "generous", "Dog's": "dog"])
    }

    @Test func shortAndEmptyWordsAreLeftAlone() {
        expectStems(["": "", "a": "a", "as": "as", "is": "is", "'s": "'s"])
    }

    @Test func nonASCIILettersCountAsNonVowels() {
        // Same results as the Snowball reference on these words.
        expectStems([
            "café": "café", "cafés": "café", "naïvely": "naïv", "résumés": "résumé",
            "señoras": "señora", "ñying": "ñie", "añy": "añi", "añing": "añe", "bañed": "bañe",
        ])
    }

    @Test func byteEntryReusesTheBufferAndReplacesItsContents() {
        var output: [UInt8] = Array("leftover contents".utf8)
        for (word, stem) in [("generously", "generous"), ("a", "a"), ("cats", "cat"), ("", "")] {
            var word = word
            word.withUTF8 { EnglishStemmer.stem($0, into: &output) }
            #expect(String(decoding: output, as: UTF8.self) == stem, "\(word)")
        }
    }

    @Test func invalidUTF8IsCopiedUnchanged() {
        let bytes: [UInt8] = [0x72, 0x75, 0x6E, 0xFF, 0x69, 0x6E, 0x67]
        var output: [UInt8] = []
        bytes.withUnsafeBufferPointer { EnglishStemmer.stem($0, into: &output) }
        #expect(output == bytes)
    }

    @Test func stemIsNeverLongerThanTheWord() throws {
        var output: [UInt8] = []
        for (word, _) in try Self.fixturePairs() {
            var word = word
            let count = word.utf8.count
            word.withUTF8 { EnglishStemmer.stem($0, into: &output) }
            #expect(output.count <= count, "\(word)")
        }
    }
}
