/// Candidate terms of one document: every run of 1–3 words that may name a topic, grouped by
/// the Porter2 stems of its words.
///
/// Rules (README, "compare"):
/// - Words are the tokenizer's `.word` tokens of every prose block (headings included, code
///   excluded), lowercased, with `’` read as `'`. A *term word* has at least two letters, no
///   digit and no internal period (`e.g`), and is not a listed abbreviation; any other token
///   (numbers, punctuation, links, symbols, one-letter words) breaks the run, so a term never
///   spans a comma or a sentence end.
/// - A term is 1 to 3 consecutive term words. It never starts or ends with a function word
///   (`function-words.txt`) or a one-word stop term (`comparison-stop-terms.txt`), both compared
///   by stem; function words may stand inside (`flour and water`). A term equal to a
///   several-word stop term (`privacy policy`) is dropped.
/// - Word forms are grouped by stem: `starter` and `starters` are one term, shown in its most
///   frequent surface form.
struct TermProfile: Sendable {
    /// Words of the document (``TextStatistics/words``), the denominator of "per 1,000 words".
    var words: Int
    /// Term key (space-separated stems) → occurrences.
    var counts: [String: Int] = [:]
    /// Term key → surface form → occurrences.
    var surfaces: [String: [String: Int]] = [:]
    /// Term key → word position of each occurrence's first word.
    var starts: [String: [Int32]] = [:]
    /// Number of word positions (term words and breaks) in the document.
    var positions: Int = 0
    /// Keys that occur in headings of level 2 or 3.
    var subheadingKeys: Set<String> = []
    /// Keys that occur in headings of any level.
    var headingKeys: Set<String> = []
    /// Stems of the content words (term words that are not function words) anywhere in the
    /// document.
    var contentStems: Set<String> = []
    /// Headings with their content-word stems, in document order.
    var headings: [ProfileHeading] = []
}

/// A heading of a document as the topic clustering sees it.
struct ProfileHeading: Sendable {
    var level: Int
    var text: String
    /// Distinct stems of its term words that are not function words (stop terms stay: a
    /// heading such as "What you need" is all about "need"), sorted.
    var stems: [String]
    /// Stem → surface form as written (lowercased), first occurrence.
    var surfaces: [String: String]
}

/// Reads documents into ``TermProfile``s, caching what it learns about each word form.
struct TermExtractor {
    struct WordInfo {
        var stem: String
        var surface: String
        var isTermWord: Bool
        /// Function word or one-word stop term: may not start or end a term.
        var blocksEdge: Bool
        var isFunctionWord: Bool
    }

    let maximumLength: Int
    let stopStems: Set<String>
    let stopPhrases: Set<String>
    private(set) var cache: [String: WordInfo] = [:]
    /// Term key → which of its words are function words (for the inverse frequency).
    private(set) var functionMasks: [String: [Bool]] = [:]
    private var stemBuffer: [UInt8] = []

    init(maximumLength: Int, stopTerms: ComparisonStopTerms = .shared) {
        self.maximumLength = min(max(maximumLength, 1), 3)
        stopStems = stopTerms.wordStems
        stopPhrases = stopTerms.phraseKeys
    }

    mutating func info(token: Token, bytes: UnsafeBufferPointer<UInt8>) -> WordInfo {
        let raw = String(decoding: UnsafeBufferPointer(rebasing: bytes[token.range]), as: UTF8.self)
        if let known = cache[raw] { return known }
        let surface = Self.normalized(raw)
        let flags = token.wordFlags
        let isTermWord = token.kind == .word && token.letters >= 2 && !flags.contains(.hasDigit) && !flags.contains(.dotted)
            && !token.entry.has(.abbreviation)
        var utf8 = Array(surface.utf8)
        utf8.withUnsafeMutableBufferPointer { EnglishStemmer.stem(UnsafeBufferPointer($0), into: &stemBuffer) }
        let stem = String(decoding: stemBuffer, as: UTF8.self)
        let isFunction = token.entry.has(.functionWord)
        let info = WordInfo(
            stem: stem, surface: surface, isTermWord: isTermWord, blocksEdge: isFunction || stopStems.contains(stem),
            isFunctionWord: isFunction)
        cache[raw] = info
        return info
    }

    /// The stem of a word typed by a person (stop terms, tests).
    static func stem(_ word: String) -> String { EnglishStemmer.stem(normalized(word)) }

    /// Lowercased, with the typographic apostrophe read as `'`.
    static func normalized(_ word: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in word.lowercased().unicodeScalars { scalars.append(scalar == "\u{2019}" ? "'" : scalar) }
        return String(scalars)
    }

    mutating func profile(of document: Document, analysis: TextAnalysis, words: Int) -> TermProfile {
        var profile = TermProfile(words: words)
        var position: Int32 = 0
        var run: [WordInfo] = []
        var runStart: Int32 = 0
        document.text.bytes.withUnsafeBufferPointer { bytes in
            for (blockIndex, block) in document.blocks.enumerated() where block.isProse {
                let span = analysis.blocks[blockIndex]
                let isHeading = block.kind == .heading
                var headingStems: [String: String] = [:]
                for sentence in analysis.sentences[span.sentenceRange] {
                    run.removeAll(keepingCapacity: true)
                    for tokenIndex in sentence.tokenRange {
                        let token = analysis.tokens[tokenIndex]
                        let word: WordInfo? = token.kind == .word ? info(token: token, bytes: bytes) : nil
                        guard let word, word.isTermWord else {
                            flush(&run, start: runStart, into: &profile, heading: isHeading ? block.level : nil)
                            position += 1
                            runStart = position
                            continue
                        }
                        if !word.isFunctionWord {
                            profile.contentStems.insert(word.stem)
                            if isHeading, headingStems[word.stem] == nil { headingStems[word.stem] = word.surface }
                        }
                        run.append(word)
                        position += 1
                    }
                    flush(&run, start: runStart, into: &profile, heading: isHeading ? block.level : nil)
                    position += 1
                    runStart = position
                }
                if isHeading {
                    let text = document.text(of: block).collapsingWhitespace()
                    profile.headings.append(ProfileHeading(
                        level: block.level, text: text, stems: headingStems.keys.sorted(), surfaces: headingStems))
                }
            }
        }
        profile.positions = Int(position)
        return profile
    }

    /// Records every term of a run of term words starting at word position `start`.
    private mutating func flush(_ run: inout [WordInfo], start: Int32, into profile: inout TermProfile, heading level: Int?) {
        defer { run.removeAll(keepingCapacity: true) }
        guard !run.isEmpty else { return }
        for first in run.indices where !run[first].blocksEdge {
            for length in 1...maximumLength {
                let last = first + length - 1
                guard last < run.count else { break }
                guard !run[last].blocksEdge else { continue }
                let words = run[first...last]
                let key = words.map(\.stem).joined(separator: " ")
                if length > 1, stopPhrases.contains(key) { continue }
                let surface = words.map(\.surface).joined(separator: " ")
                profile.counts[key, default: 0] += 1
                profile.surfaces[key, default: [:]][surface, default: 0] += 1
                profile.starts[key, default: []].append(start + Int32(first))
                if let level {
                    profile.headingKeys.insert(key)
                    if level == 2 || level == 3 { profile.subheadingKeys.insert(key) }
                }
                if functionMasks[key] == nil { functionMasks[key] = words.map(\.isFunctionWord) }
            }
        }
    }
}

/// The stop terms of `Corpora/lexicons/comparison-stop-terms.txt`, by stem.
public struct ComparisonStopTerms: Sendable {
    public static let shared = ComparisonStopTerms(list: EmbeddedLexicons.comparisonStopTerms.withUTF8Buffer { String(decoding: $0, as: UTF8.self) })

    /// Stems of the one-word entries: such a word never starts or ends a term.
    public let wordStems: Set<String>
    /// Stem keys of the entries of several words: such a term is dropped.
    public let phraseKeys: Set<String>

    /// Reads a list of one entry per line (`#` lines and blank lines ignored).
    public init(list: String) {
        var words: Set<String> = []
        var phrases: Set<String> = []
        for line in list.split(separator: "\n") where !line.hasPrefix("#") {
            let parts = line.split(separator: " ").map { TermExtractor.stem(String($0)) }.filter { !$0.isEmpty }
            if parts.count == 1 { words.insert(parts[0]) } else if parts.count > 1 { phrases.insert(parts.joined(separator: " ")) }
        }
        wordStems = words
        phraseKeys = phrases
    }
}
