/// Finds a keyphrase in a text the way a writer expects, and says where.
///
/// A matcher indexes one text once: the body of a document (its ``TextAnalysis``) or a short
/// string (a title, a meta description, an alt text). Each distinct word of the text is folded
/// and stemmed once (see ``KeyphraseNormalization``), and every word of the text becomes small
/// integer keys, so searching for a keyphrase compares integers.
///
/// ## What counts as a match
///
/// - **Any order, one sentence.** A sentence matches a keyphrase when it contains every content
///   word of the keyphrase (function words are ignored), in any order and any word form:
///   `best shoes for running` matches "Running in the best shoes is easy." Words are compared
///   by stem, after case, diacritics, apostrophes and hyphens are normalised.
/// - **Hyphens.** A hyphenated keyphrase word matches its parts as consecutive words and the
///   joined word: `e-mail` matches `e-mail`, `e mail` and `email`. A plain keyphrase word also
///   matches the joined form and any part of a hyphenated text word: `email` matches `e-mail`,
///   `marketing` matches `content-marketing`.
/// - **Exact phrases.** A quoted keyphrase (`"new york pizza"`) matches only its words,
///   function words included, consecutive and in the same order, compared by folded form (no
///   word forms, no joined hyphen forms). Punctuation between the words is not compared.
///
/// ## How matches are counted
///
/// Within one sentence, each content word of the keyphrase is counted (a text word counts at
/// most once per keyphrase word); the sentence holds as many matches as its *least* frequent
/// keyphrase word. "Cheap car insurance is car insurance that is cheap." holds 2 matches of
/// `cheap car insurance` (cheap ×2, car ×2, insurance ×2); "Cheap cars need cheap insurance."
/// holds 1 (insurance ×1). An exact phrase counts its non-overlapping occurrences. A text's
/// count is the sum over its sentences.
///
/// When several phrases are searched together (a keyphrase and its synonyms), a sentence's
/// count is the largest of their counts, so a sentence that matches both the keyphrase and a
/// synonym containing it is not counted twice.
public struct KeyphraseMatcher: Sendable {
    /// The tokens the matcher indexed; match token ranges index this array.
    public let tokens: [Token]
    /// The sentences the matcher indexed; matches name them by index here.
    public let sentences: [Sentence]

    /// One word of the text.
    struct Slot: Sendable {
        var token: Int32
        var unitStart: Int32
        var unitCount: Int32
        var joinedStem: Int32
        var joinedFolded: Int32
        var isFunctionWord: Bool
    }

    /// One hyphen-separated part of a word (the whole word when it has no hyphen).
    struct Unit: Sendable {
        var stem: Int32
        var folded: Int32
        var slot: Int32
    }

    let slots: [Slot]
    let units: [Unit]
    /// For each sentence, its range of `slots`.
    let sentenceSlots: [Range<Int>]
    /// Interned keys: folded forms and stems share one table.
    let vocabulary: [String: Int32]
    /// Distinct word forms the text holds (for tests and statistics).
    public let distinctWordCount: Int

    /// Indexes the body of a document: every prose sentence of its text analysis.
    public init(document: Document, analysis: TextAnalysis) {
        self.init(bytes: document.text.bytes, tokens: analysis.tokens, sentences: analysis.sentences)
    }

    /// Indexes a short text such as a title or a meta description (tokenized and split into
    /// sentences here).
    public init(string: String, lexicon: EnglishLexicon = .shared) {
        let bytes = Array(string.utf8)
        var tokens: [Token] = []
        var sentences: [Sentence] = []
        bytes.withUnsafeBufferPointer { buffer in
            Tokenizer(lexicon: lexicon).tokenize(buffer, range: 0..<buffer.count, into: &tokens)
            SentenceSegmenter().segment(tokens, range: 0..<tokens.count, text: buffer, blockIndex: 0, into: &sentences)
        }
        self.init(bytes: bytes, tokens: tokens, sentences: sentences)
    }

    /// Indexes tokens and sentences of a UTF-8 text.
    public init(bytes: [UInt8], tokens: [Token], sentences: [Sentence]) {
        self.tokens = tokens
        self.sentences = sentences
        var vocabulary: [String: Int32] = [:]
        vocabulary.reserveCapacity(tokens.count / 2)
        func intern(_ key: String) -> Int32 {
            if let id = vocabulary[key] { return id }
            let id = Int32(vocabulary.count)
            vocabulary[key] = id
            return id
        }
        // Each distinct spelling is folded and stemmed once; its keys are kept here.
        struct Form {
            var unitStart: Int
            var unitCount: Int
            var joinedStem: Int32
            var joinedFolded: Int32
        }
        var formIndex = SpellingIndex(capacity: tokens.count)
        var forms: [Form] = []
        var formUnits: [(stem: Int32, folded: Int32)] = []
        var slots: [Slot] = []
        var units: [Unit] = []
        var sentenceSlots: [Range<Int>] = []
        slots.reserveCapacity(tokens.count)
        units.reserveCapacity(tokens.count)
        sentenceSlots.reserveCapacity(sentences.count)
        bytes.withUnsafeBufferPointer { text in
            for sentence in sentences {
                let first = slots.count
                for tokenIndex in sentence.tokenRange {
                    let token = tokens[tokenIndex]
                    guard token.isWord else { continue }
                    let spellingBytes = UnsafeBufferPointer(rebasing: text[token.range])
                    let formNumber: Int
                    if let known = formIndex.find(spellingBytes, in: text) {
                        formNumber = known
                    } else {
                        let keys = KeyphraseNormalization.WordKeys(String(decoding: spellingBytes, as: UTF8.self))
                        let start = formUnits.count
                        for part in keys.parts { formUnits.append((intern(part.stem), intern(part.folded))) }
                        // A word without hyphens is its own joined form: no second lookup.
                        let joined: (stem: Int32, folded: Int32) = keys.parts.count == 1 ? formUnits[start] : (intern(keys.joinedStem), intern(keys.joinedFolded))
                        forms.append(Form(unitStart: start, unitCount: keys.parts.count, joinedStem: joined.stem, joinedFolded: joined.folded))
                        formNumber = forms.count - 1
                        formIndex.insert(token.range, formNumber, in: text)
                    }
                    let form = forms[formNumber]
                    let slotNumber = Int32(slots.count)
                    slots.append(Slot(
                        token: Int32(tokenIndex), unitStart: Int32(units.count), unitCount: Int32(form.unitCount),
                        joinedStem: form.joinedStem, joinedFolded: form.joinedFolded,
                        isFunctionWord: token.kind == .word && token.entry.has(.functionWord)))
                    for offset in 0..<form.unitCount {
                        let keys = formUnits[form.unitStart + offset]
                        units.append(Unit(stem: keys.stem, folded: keys.folded, slot: slotNumber))
                    }
                }
                sentenceSlots.append(first..<slots.count)
            }
        }
        self.slots = slots
        self.units = units
        self.sentenceSlots = sentenceSlots
        self.vocabulary = vocabulary
        distinctWordCount = forms.count
    }

    /// Number of sentences indexed.
    public var sentenceCount: Int { sentences.count }

    /// Number of words indexed.
    public var wordCount: Int { slots.count }

    // MARK: Matching

    /// The sentences that match a phrase, with how many times each does.
    public func matches(of phrase: Keyphrase) -> [KeyphraseMatch] {
        matches(of: phrase, inSentences: 0..<sentences.count)
    }

    /// The sentences in a range that match a phrase.
    public func matches(of phrase: Keyphrase, inSentences range: Range<Int>) -> [KeyphraseMatch] {
        let resolved = resolve(phrase)
        guard !resolved.words.isEmpty else { return [] }
        var result: [KeyphraseMatch] = []
        for sentence in range.clamped(to: 0..<sentences.count) {
            if let match = match(resolved, sentence: sentence) { result.append(match) }
        }
        return result
    }

    /// The sentences that match any of several phrases (a keyphrase and its synonyms); a
    /// sentence's count is the largest count among the phrases.
    public func matches(ofAny phrases: [Keyphrase], inSentences range: Range<Int>? = nil) -> [KeyphraseMatch] {
        let resolved = phrases.map(resolve).filter { !$0.words.isEmpty }
        guard !resolved.isEmpty else { return [] }
        var result: [KeyphraseMatch] = []
        for sentence in (range ?? 0..<sentences.count).clamped(to: 0..<sentences.count) {
            var best: KeyphraseMatch?
            for phrase in resolved {
                if let match = match(phrase, sentence: sentence), match.count > (best?.count ?? 0) { best = match }
            }
            if let best { result.append(best) }
        }
        return result
    }

    /// Total matches of a phrase in the text (see the counting rule above).
    public func count(of phrase: Keyphrase) -> Int {
        matches(of: phrase).reduce(0) { $0 + $1.count }
    }

    /// How many of the phrase's searched words (content words, or all words of an exact phrase)
    /// occur anywhere in a range of sentences, not necessarily in one sentence. An exact phrase
    /// counts all its words when the phrase occurs, none otherwise.
    public func wordsFound(of phrase: Keyphrase, inSentences range: Range<Int>? = nil) -> Int {
        let resolved = resolve(phrase)
        let sentenceRange = (range ?? 0..<sentences.count).clamped(to: 0..<sentences.count)
        guard !resolved.words.isEmpty, !sentenceRange.isEmpty else { return 0 }
        if resolved.isExact {
            for sentence in sentenceRange where match(resolved, sentence: sentence) != nil { return resolved.words.count }
            return 0
        }
        let slotRange = sentenceSlots[sentenceRange.lowerBound].lowerBound..<sentenceSlots[sentenceRange.upperBound - 1].upperBound
        var found = 0
        var scratch: [Int32] = []
        for word in resolved.words where occurrences(of: word, in: slotRange, tokens: &scratch) > 0 { found += 1 }
        return found
    }

    /// The first place where the whole phrase occurs as a phrase: all its words (function
    /// words included), consecutive and in order. Word forms count for a keyphrase without
    /// quotes (`running plans` finds "Running Plan"), not for an exact one.
    public func phraseOccurrence(of phrase: Keyphrase) -> PhraseOccurrence? {
        let resolved = resolve(phrase, allWords: true)
        guard !resolved.words.isEmpty else { return nil }
        for (sentence, slotRange) in sentenceSlots.enumerated() where !slotRange.isEmpty {
            let unitRange = Int(slots[slotRange.lowerBound].unitStart)..<unitEnd(of: slotRange)
            for start in unitRange {
                guard isFirstUnit(start), let end = sequenceEnd(resolved, from: start, limit: unitRange.upperBound) else { continue }
                let firstSlot = Int(units[start].slot)
                let lastSlot = Int(units[end - 1].slot)
                let before = slots[slotRange.lowerBound..<firstSlot]
                return PhraseOccurrence(
                    sentence: sentence,
                    tokenRange: Int(slots[firstSlot].token)..<Int(slots[lastSlot].token) + 1,
                    wordsBefore: before.count,
                    contentWordsBefore: before.lazy.filter { !$0.isFunctionWord }.count,
                    isFirstSentence: sentence == sentenceSlots.firstIndex { !$0.isEmpty })
            }
        }
        return nil
    }

    // MARK: Internals

    /// A phrase's words as keys of this text (`-1`: a key the text does not have).
    struct ResolvedWord {
        var stems: [Int32]
        var folded: [Int32]
        var joinedStem: Int32
        var joinedFolded: Int32
        var isCompound: Bool { stems.count > 1 }
    }

    struct ResolvedPhrase {
        var words: [ResolvedWord]
        var isExact: Bool
    }

    func resolve(_ phrase: Keyphrase) -> ResolvedPhrase {
        resolve(phrase, allWords: false)
    }

    func resolve(_ phrase: Keyphrase, allWords: Bool) -> ResolvedPhrase {
        func key(_ string: String) -> Int32 { vocabulary[string] ?? -1 }
        let words = (allWords ? phrase.words : phrase.searchedWords).map { word in
            ResolvedWord(
                stems: word.keys.parts.map { key($0.stem) }, folded: word.keys.parts.map { key($0.folded) },
                joinedStem: key(word.keys.joinedStem), joinedFolded: key(word.keys.joinedFolded))
        }
        return ResolvedPhrase(words: words, isExact: phrase.isExact)
    }

    @inline(__always)
    func unitEnd(of slotRange: Range<Int>) -> Int {
        guard let last = slotRange.last else { return 0 }
        return Int(slots[last].unitStart + slots[last].unitCount)
    }

    @inline(__always)
    func isFirstUnit(_ unit: Int) -> Bool {
        Int(slots[Int(units[unit].slot)].unitStart) == unit
    }

    /// The matches of a resolved phrase in one sentence.
    func match(_ phrase: ResolvedPhrase, sentence: Int) -> KeyphraseMatch? {
        let slotRange = sentenceSlots[sentence]
        guard !slotRange.isEmpty else { return nil }
        if phrase.isExact {
            var count = 0
            var firstToken = Int.max
            var lastToken = -1
            let unitRange = Int(slots[slotRange.lowerBound].unitStart)..<unitEnd(of: slotRange)
            var start = unitRange.lowerBound
            while start < unitRange.upperBound {
                if let end = exactEnd(phrase, from: start, limit: unitRange.upperBound) {
                    count += 1
                    firstToken = min(firstToken, Int(slots[Int(units[start].slot)].token))
                    lastToken = max(lastToken, Int(slots[Int(units[end - 1].slot)].token))
                    start = end
                } else {
                    start += 1
                }
            }
            return count > 0 ? KeyphraseMatch(sentence: sentence, count: count, tokenRange: firstToken..<lastToken + 1) : nil
        }
        var count = Int.max
        var matched: [Int32] = []
        for word in phrase.words {
            let found = occurrences(of: word, in: slotRange, tokens: &matched)
            count = min(count, found)
            if count == 0 { return nil }
        }
        let firstToken = Int(matched.min()!)
        let lastToken = Int(matched.max()!)
        return KeyphraseMatch(sentence: sentence, count: count, tokenRange: firstToken..<lastToken + 1)
    }

    /// Occurrences of one keyphrase word (by stem) among some words of the text; the tokens
    /// taking part are appended to `tokens`.
    func occurrences(of word: ResolvedWord, in slotRange: Range<Int>, tokens: inout [Int32]) -> Int {
        var count = 0
        if !word.isCompound {
            let key = word.stems[0]
            guard key >= 0 || word.joinedStem >= 0 else { return 0 }
            for index in slotRange {
                let slot = slots[index]
                var hit = slot.joinedStem == key
                if !hit, slot.unitCount > 1 {
                    for unit in Int(slot.unitStart)..<Int(slot.unitStart + slot.unitCount) where units[unit].stem == key {
                        hit = true
                        break
                    }
                }
                if hit {
                    count += 1
                    tokens.append(slot.token)
                }
            }
            return count
        }
        // A compound: the joined word (`email`, or `e-mail` as one token)...
        if word.joinedStem >= 0 {
            for index in slotRange where slots[index].joinedStem == word.joinedStem {
                count += 1
                tokens.append(slots[index].token)
            }
        }
        // ...or its parts as consecutive words (`e mail`, or inside `e-mail-marketing`).
        guard !word.stems.contains(-1) else { return count }
        let parts = word.stems
        let unitRange = Int(slots[slotRange.lowerBound].unitStart)..<unitEnd(of: slotRange)
        var start = unitRange.lowerBound
        while start + parts.count <= unitRange.upperBound {
            var equal = true
            for offset in 0..<parts.count where units[start + offset].stem != parts[offset] {
                equal = false
                break
            }
            guard equal else {
                start += 1
                continue
            }
            let firstSlot = units[start].slot
            let lastSlot = units[start + parts.count - 1].slot
            // Already counted as the joined word when the parts are exactly one hyphenated word.
            let isWholeWord = firstSlot == lastSlot && slots[Int(firstSlot)].joinedStem == word.joinedStem
            if !isWholeWord {
                count += 1
                tokens.append(slots[Int(firstSlot)].token)
                tokens.append(slots[Int(lastSlot)].token)
            }
            start += parts.count
        }
        return count
    }

    /// Where an exact phrase starting at unit `start` ends (unit by unit, folded forms).
    func exactEnd(_ phrase: ResolvedPhrase, from start: Int, limit: Int) -> Int? {
        var position = start
        for word in phrase.words {
            for part in word.folded {
                guard position < limit, units[position].folded == part else { return nil }
                position += 1
            }
        }
        return position
    }

    /// Where the whole phrase starting at unit `start` ends: word forms allowed, a compound
    /// keyphrase word matching its parts or its joined form, a plain word matching a
    /// hyphenated text word's joined form. Exact phrases compare folded forms only.
    func sequenceEnd(_ phrase: ResolvedPhrase, from start: Int, limit: Int) -> Int? {
        if phrase.isExact { return exactEnd(phrase, from: start, limit: limit) }
        var position = start
        for word in phrase.words {
            guard position < limit else { return nil }
            let slot = slots[Int(units[position].slot)]
            let atWordStart = Int(slot.unitStart) == position
            if atWordStart, slot.joinedStem == word.joinedStem, word.joinedStem >= 0 {
                position += Int(slot.unitCount)
                continue
            }
            var equal = position + word.stems.count <= limit
            if equal {
                for offset in 0..<word.stems.count where units[position + offset].stem != word.stems[offset] {
                    equal = false
                    break
                }
            }
            guard equal else { return nil }
            position += word.stems.count
        }
        return position
    }
}

/// The matches of a keyphrase in one sentence.
public struct KeyphraseMatch: Sendable, Hashable {
    /// Index of the sentence in the matcher's `sentences`.
    public var sentence: Int
    /// How many matches the sentence holds (see ``KeyphraseMatcher``).
    public var count: Int
    /// Tokens (indices into the matcher's `tokens`) from the first to the last word taking part.
    public var tokenRange: Range<Int>

    public init(sentence: Int, count: Int, tokenRange: Range<Int>) {
        self.sentence = sentence
        self.count = count
        self.tokenRange = tokenRange
    }
}

/// Where a keyphrase occurs as a whole phrase.
public struct PhraseOccurrence: Sendable, Hashable {
    public var sentence: Int
    /// Tokens of the phrase.
    public var tokenRange: Range<Int>
    /// Words of the sentence before the phrase.
    public var wordsBefore: Int
    /// Of those, the ones that are not function words.
    public var contentWordsBefore: Int
    /// Whether the phrase is in the text's first sentence.
    public var isFirstSentence: Bool

    /// Whether the phrase opens the text: first sentence, nothing but function words before it
    /// ("The cast iron guide" starts with `cast iron`).
    public var isAtStart: Bool { isFirstSentence && contentWordsBefore == 0 }
}

/// Distinct spellings of one text, keyed by their bytes in the text: most words of a text are
/// repeats, and finding them this way costs no `String` and no SipHash per word.
struct SpellingIndex {
    private var slots: [(hash: UInt32, start: Int32, length: Int32, form: Int32)]
    private let mask: Int

    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: (0, 0, 0, -1), count: size)
        mask = size - 1
    }

    /// The form number of a spelling seen before.
    func find(_ spelling: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let hash = WordTable.hash(spelling)
        var index = Int(hash) & mask
        while slots[index].form >= 0 {
            let slot = slots[index]
            if slot.hash == hash, Int(slot.length) == spelling.count,
               UnsafeBufferPointer(rebasing: text[Int(slot.start)..<(Int(slot.start) + spelling.count)]).elementsEqual(spelling) {
                return Int(slot.form)
            }
            index = (index + 1) & mask
        }
        return nil
    }

    /// Records the spelling at `range` of `text` (not seen before) as form `form`.
    mutating func insert(_ range: Range<Int>, _ form: Int, in text: UnsafeBufferPointer<UInt8>) {
        let hash = WordTable.hash(UnsafeBufferPointer(rebasing: text[range]))
        var index = Int(hash) & mask
        while slots[index].form >= 0 { index = (index + 1) & mask }
        slots[index] = (hash, Int32(range.lowerBound), Int32(range.count), Int32(form))
    }
}
