/// What the lexicon and the syllable rules said about each distinct short word seen so far.
///
/// Prose repeats itself: most tokens of a document are words it has already used. A small
/// direct-mapped cache keyed by the lowercased bytes (up to 16 of them, compared as two
/// machine words) answers those repeats without a lexicon probe or a syllable rule.
/// One cache per document or per worker thread; it is not shared between threads.
public final class WordCache {
    struct Line {
        var key0: UInt64 = 0
        var key1: UInt64 = 0
        /// Word length in the low byte, syllables in the next, then flags; 0 marks an empty line.
        var meta: UInt32 = 0
        var entry: UInt32 = 0
    }

    let lines: UnsafeMutablePointer<Line>
    let mask: Int

    /// A cache sized for a text of `bytes` bytes: from 1,024 lines for a short post to 65,536
    /// (1.5 MB) for a book and 262,144 (6 MB) for a whole corpus in one file, about one line
    /// per 128 bytes of text (a 50 MB corpus has a long tail of rare words).
    public convenience init(forTextOfSize bytes: Int) {
        self.init(capacity: min(262_144, max(1_024, bytes / 128)))
    }

    /// A cache of `capacity` lines (rounded up to a power of two). Workers that score many
    /// documents keep one of the default size.
    public init(capacity: Int = 16384) {
        var size = 64
        while size < capacity { size <<= 1 }
        lines = .allocate(capacity: size)
        lines.initialize(repeating: Line(), count: size)
        mask = size - 1
        pending = .allocate(capacity: WordCache.pendingCapacity)
        tokenBuffer = .allocate(capacity: TokenOutput.chunk + TokenOutput.headroom)
    }

    deinit {
        lines.deallocate()
        pending.deallocate()
        tokenBuffer.deallocate()
    }

    /// Where the tokenizer buffers tokens before it appends them to the caller's array (see
    /// `TokenOutput`); like the cache, used by one thread at a time.
    let tokenBuffer: UnsafeMutablePointer<Token>

    /// Words the tokenizer looks up in one batch.
    static let pendingCapacity = 256
    let pending: UnsafeMutablePointer<PendingWord>

    /// The key of a word of at most 16 bytes, zero-padded.
    @inline(__always)
    static func key(_ word: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64)? {
        let count = word.count
        guard count > 0, count <= 16 else { return nil }
        var key0: UInt64 = 0
        var key1: UInt64 = 0
        let base = word.baseAddress!
        if count >= 8 {
            key0 = UnsafeRawPointer(base).loadUnaligned(as: UInt64.self)
            if count == 16 {
                key1 = UnsafeRawPointer(base + 8).loadUnaligned(as: UInt64.self)
            } else {
                for index in 8..<count { key1 |= UInt64(base[index]) << UInt64((index - 8) * 8) }
            }
        } else {
            for index in 0..<count { key0 |= UInt64(base[index]) << UInt64(index * 8) }
        }
        return (key0, key1)
    }

    /// A view of the lines for the tokenizer's inner loop: plain pointers, no reference counting.
    var view: View { View(lines: lines, mask: mask) }

    struct View {
        let lines: UnsafeMutablePointer<Line>
        let mask: Int

        @inline(__always)
        func slot(_ key0: UInt64, _ key1: UInt64, _ length: Int) -> Int {
            let mixed = (key0 &* 0x9E37_79B9_7F4A_7C15) ^ (key1 &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(length)
            return Int(truncatingIfNeeded: mixed >> 40) & mask
        }

        /// The cached facts of a word, if present.
        @inline(__always)
        func lookup(_ key0: UInt64, _ key1: UInt64, length: Int) -> WordFacts? {
            let line = lines[slot(key0, key1, length)]
            guard line.meta & 0xFF == UInt32(length), line.key0 == key0, line.key1 == key1 else { return nil }
            return WordFacts(
                entry: EnglishLexicon.Entry(rawValue: line.entry), syllables: Int((line.meta >> 8) & 0xFF),
                inflectedToThree: line.meta & (1 << 16) != 0)
        }

        @inline(__always)
        func store(_ key0: UInt64, _ key1: UInt64, length: Int, facts: WordFacts) {
            let meta = UInt32(length) | UInt32(min(facts.syllables, 255)) << 8 | (facts.inflectedToThree ? 1 << 16 : 0)
            lines[slot(key0, key1, length)] = Line(key0: key0, key1: key1, meta: meta, entry: facts.entry.rawValue)
        }
    }
}

/// What SEOKit knows about a word independent of where it stands.
struct WordFacts {
    var entry: EnglishLexicon.Entry
    var syllables: Int
    var inflectedToThree: Bool
}
