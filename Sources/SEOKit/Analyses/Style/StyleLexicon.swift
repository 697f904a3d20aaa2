/// The small word tables behind the style analyses (passive voice, transitions, wordy phrases,
/// sentence openings), built once with the `EnglishLexicon`: each word of this vocabulary has
/// its index in the lexicon's entry (`Entry.styleIndex`), so the tokenizer's one lookup per word
/// (cached per distinct word) tells every analysis what it needs, and no `String` is made and
/// no second table probed per token.
///
/// Sources: `passive-exceptions.txt`, `wordy-phrases.txt` and the multi-word transitions of
/// `transition-words.txt` (all in `Corpora/lexicons`), plus the closed grammatical sets below
/// (forms of "be" and "get", adverbs that may stand between an auxiliary and its participle,
/// determiners), which are facts of English grammar written here.
struct StyleLexicon: Sendable {
    /// What the table knows about a word: bits 0–15 are flags, bits 16–31 the word's id in the
    /// phrase vocabulary (0 when no phrase uses it).
    struct Bits: OptionSet, Sendable {
        let rawValue: UInt32
        /// A form of "be" that can carry a passive: is, was, been, isn't, they're, I'm...
        static let be = Bits(rawValue: 1 << 0)
        /// A form of "get" (get, gets, got, gotten, getting): the "get" passive.
        static let get = Bits(rawValue: 1 << 1)
        /// A pronoun with 's (it's, that's, he's): "is" or "has".
        static let sContraction = Bits(rawValue: 1 << 2)
        /// "there": "there are limited options" is existential, not passive.
        static let there = Bits(rawValue: 1 << 3)
        /// A short adverb that may stand between the auxiliary and the participle (not, also).
        static let between = Bits(rawValue: 1 << 4)
        /// An article, demonstrative or number word: a sentence opening is read with the next word.
        static let opener = Bits(rawValue: 1 << 5)
        /// A word that starts an object ("the", "three", "me"): after "'s" + participle it shows
        /// the perfect ("she's written three books"), not the passive.
        static let objectStart = Bits(rawValue: 1 << 6)
        /// Passive exception: an adjective after "be"/"get" unless "by" follows.
        static let adjective = Bits(rawValue: 1 << 7)
        /// Passive exception: ends in -ed but is no participle.
        static let notParticiple = Bits(rawValue: 1 << 8)
        /// Passive exception: an idiom after "get" only.
        static let afterGet = Bits(rawValue: 1 << 9)
        static let by = Bits(rawValue: 1 << 10)
        static let to = Bits(rawValue: 1 << 11)
        static let used = Bits(rawValue: 1 << 12)

        static let flagMask: UInt32 = 0xFFFF
    }

    /// Phrases matched as sequences of word ids.
    struct PhraseSet: Sendable {
        /// Word ids of each phrase.
        var words: [[UInt32]] = []
        /// Each phrase as written in the lexicon, and its alternative (wordy phrases only).
        var texts: [String] = []
        var alternatives: [String] = []
        /// For each word id, the phrases starting with it, longest first.
        var byFirstWord: [[Int32]] = []

        /// The longest phrase starting at `index` inside `range`, as (phrase, end), if any.
        @inline(__always)
        func longestMatch(at index: Int, in range: Range<Int>, payloads: UnsafeBufferPointer<UInt32>) -> (phrase: Int, end: Int)? {
            let id = Int(payloads[index] >> 16)
            guard id != 0, id < byFirstWord.count else { return nil }
            for candidate in byFirstWord[id] {
                let phrase = words[Int(candidate)]
                let end = index + phrase.count
                guard end <= range.upperBound else { continue }
                var position = 1
                while position < phrase.count, payloads[index + position] >> 16 == phrase[position] { position += 1 }
                if position == phrase.count { return (Int(candidate), end) }
            }
            return nil
        }
    }

    static var shared: StyleLexicon { EnglishLexicon.shared.style }

    /// The vocabulary, in index order, and each word's payload (`Bits` and phrase id).
    let words: [String]
    let payloadByIndex: [UInt32]
    let wordyPhrases: PhraseSet
    /// Transitions of two or more words (single words carry the lexicon's `.transition` flag).
    let transitionPhrases: PhraseSet

    /// Built by `EnglishLexicon` with its multi-word transitions.
    init(transitionPhrases: [[String]]) {
        var payloads: [String: UInt32] = [:]
        func add(_ words: String, _ bits: Bits) {
            for word in StyleLexicon.words(of: words) { payloads[word, default: 0] |= bits.rawValue }
        }
        // Forms of "be" (with their contractions) and "get" (grammar facts).
        add("am is are was were be been being isn't aren't wasn't weren't ain't i'm you're we're they're who're what're", .be)
        add("get gets got gotten getting", .get)
        add("it's that's he's she's what's who's where's", .sContraction)
        add("there there's there're", .there)
        // Short adverbs of negation, frequency, time and focus that may stand between the auxiliary
        // and the participle ("was not always used", "is also known"). Degree words (very, too, so,
        // quite, more) are left out on purpose: they modify adjectives, so "is very tired" is not passive.
        add("not never also always often still just already all both each even ever further sometimes seldom once soon then now thus hence therefore well", .between)
        add("a an the this that these those one two three four five six seven eight nine ten", .opener)
        add("""
            a an the this that these those my your his her its our their some any no every each all many much several \
            few me you him us them one two three four five six seven eight nine ten
            """, .objectStart)
        add("by", .by)
        add("to", .to)
        add("used", .used)
        // The lexicon files are read on their bytes (they are built at every start, with the
        // `EnglishLexicon`); `check_lexicons.py` keeps them lowercase and trimmed.
        StyleLexicon.forEachEntry(EmbeddedLexicons.passiveExceptions) { word, kind in
            switch kind {
            case "adjective": add(word, .adjective)
            case "not-participle": add(word, .notParticiple)
            case "after-get": add(word, .afterGet)
            default: break
            }
        }

        // The phrase vocabulary: every word of a wordy phrase or a multi-word transition gets an id.
        var ids: [String: UInt32] = [:]
        func id(_ word: String) -> UInt32 {
            if let known = ids[word] { return known }
            let next = UInt32(ids.count + 1)
            ids[word] = next
            return next
        }
        var wordy = PhraseSet()
        StyleLexicon.forEachEntry(EmbeddedLexicons.wordyPhrases) { phrase, alternative in
            let words = StyleLexicon.words(of: phrase).map(id)
            guard !words.isEmpty else { return }
            wordy.words.append(words)
            wordy.texts.append(phrase)
            wordy.alternatives.append(alternative)
        }
        var transitions = PhraseSet()
        for words in transitionPhrases where words.count > 1 {
            transitions.words.append(words.map(id))
            transitions.texts.append(words.joined(separator: " "))
            transitions.alternatives.append("")
        }
        precondition(ids.count < 0xFFFF, "phrase vocabulary too large for 16-bit ids")
        for (word, wordID) in ids { payloads[word, default: 0] |= wordID << 16 }
        StyleLexicon.index(&wordy, vocabularySize: ids.count)
        StyleLexicon.index(&transitions, vocabularySize: ids.count)

        // Sorted, so indices (and every lexicon built) are the same from run to run.
        let vocabulary = payloads.sorted { $0.key < $1.key }
        words = vocabulary.map(\.key)
        payloadByIndex = vocabulary.map(\.value)
        self.wordyPhrases = wordy
        self.transitionPhrases = transitions
    }

    private static func index(_ set: inout PhraseSet, vocabularySize: Int) {
        var byFirst = [[Int32]](repeating: [], count: vocabularySize + 1)
        for (index, words) in set.words.enumerated() { byFirst[Int(words[0])].append(Int32(index)) }
        for first in byFirst.indices {
            byFirst[first].sort { set.words[Int($0)].count > set.words[Int($1)].count }
        }
        set.byFirstWord = byFirst
    }

    /// The space-separated words of a phrase, split on bytes.
    private static func words(of phrase: String) -> [String] {
        phrase.utf8.split(separator: 0x20).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The two tab-separated fields of each line of a lexicon (lines without exactly one tab,
    /// the comments among them, are skipped).
    private static func forEachEntry(_ text: StaticString, _ body: (String, String) -> Void) {
        EnglishLexicon.forEachLine(text) { line in
            guard let tab = line.firstIndex(of: 0x09), !line[(tab + 1)...].contains(0x09) else { return }
            body(String(decoding: line[..<tab], as: UTF8.self), String(decoding: line[(tab + 1)...], as: UTF8.self))
        }
    }

    // MARK: Per-document payloads

    /// The payload of every token of a document (0 for non-words and unknown words), read
    /// through each token's lexicon entry: no hashing, no allocation per token. Words with
    /// accented letters have 0: the vocabulary is ASCII, and their entry is that of the word
    /// with the accents folded.
    func payloads(tokens: [Token]) -> [UInt32] {
        var result = [UInt32](repeating: 0, count: tokens.count)
        payloadByIndex.withUnsafeBufferPointer { payloads in
            tokens.withUnsafeBufferPointer { tokens in
                for index in tokens.indices {
                    let token = tokens[index]
                    let style = token.entry.styleIndex
                    guard style != 0, token.kind == .word, token.detail & Token.WordFlags.nonASCII.rawValue == 0 else { continue }
                    result[index] = payloads[style - 1]
                }
            }
        }
        return result
    }

    /// Whether a word ends in the two ASCII letters given (lowercase), in any case.
    @inline(__always)
    static func word(_ token: Token, in text: UnsafeBufferPointer<UInt8>, endsWith first: UInt8, _ second: UInt8) -> Bool {
        let end = Int(token.end)
        guard end - Int(token.start) >= 2 else { return false }
        return text[end - 2] | 0x20 == first && text[end - 1] | 0x20 == second
    }
}
