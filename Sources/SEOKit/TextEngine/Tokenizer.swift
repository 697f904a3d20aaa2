/// Splits prose into tokens, working on UTF-8 bytes with an ASCII fast path.
///
/// Words keep their apostrophes (`don't`, `rock 'n' roll`), hyphens (`state-of-the-art`) and
/// internal periods (`U.S.A`, `e.g`); numbers keep their separators (`3.14`, `1,000`); URLs,
/// e-mail addresses, @handles and #hashtags are single non-word tokens; emoji and symbols are
/// not words; each CJK character is a word. Every word is looked up once in the English
/// lexicon, and its syllables are counted then, so later passes never touch the bytes again.
public struct Tokenizer: @unchecked Sendable {
    public let lexicon: EnglishLexicon
    /// `byteClass` for all 256 bytes, as a table read through a plain pointer.
    private let classes: UnsafePointer<ByteClass>

    public init(lexicon: EnglishLexicon = .shared) {
        self.lexicon = lexicon
        self.classes = Tokenizer.classTable
    }

    /// Allocated once and never freed: every tokenizer shares it.
    nonisolated(unsafe) private static let classTable: UnsafePointer<ByteClass> = {
        let table = UnsafeMutablePointer<ByteClass>.allocate(capacity: 256)
        for byte in 0..<256 { table[byte] = byteClass(UInt8(byte)) }
        return UnsafePointer(table)
    }()

    /// Appends the tokens of `text[range]` to `tokens`.
    public func tokenize(_ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, into tokens: inout [Token], cache: WordCache? = nil) {
        // The cache object outlives this call (the caller holds it); its view is plain pointers.
        var scratch = Scratch(cache: cache)
        // Tokens go to a buffer first, then to the array a chunk at a time: an array append
        // checks the storage's uniqueness on every token. The buffer has a slot per byte of a
        // short block (no token is empty), so the block goes over in one piece. It is the
        // cache's when there is one (a worker tokenizes many blocks), else on the stack.
        let capacity = min(range.count, TokenOutput.chunk) + TokenOutput.headroom
        if let cache {
            var output = TokenOutput(base: cache.tokenBuffer, capacity: capacity)
            tokenize(text, range: range, through: &output, into: &tokens, scratch: &scratch)
        } else {
            withUnsafeTemporaryAllocation(of: Token.self, capacity: capacity) { buffer in
                var output = TokenOutput(base: buffer.baseAddress!, capacity: capacity)
                tokenize(text, range: range, through: &output, into: &tokens, scratch: &scratch)
            }
        }
    }

    private func tokenize(
        _ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, through output: inout TokenOutput, into tokens: inout [Token], scratch: inout Scratch
    ) {
        scan(text, range: range, into: &output, scratch: &scratch, flushingTo: &tokens)
        flush(&output, to: &tokens, scratch: &scratch)
    }

    /// Hands the buffered tokens to `tokens`, their pending word facts filled in first (the
    /// pending words point into the buffer).
    private func flush(_ output: inout TokenOutput, to tokens: inout [Token], scratch: inout Scratch) {
        resolvePending(into: &output, scratch: &scratch)
        tokens.append(contentsOf: UnsafeBufferPointer(start: output.base, count: output.count))
        output.count = 0
    }

    private func scan(
        _ text: UnsafeBufferPointer<UInt8>, range: Range<Int>, into tokens: inout TokenOutput, scratch: inout Scratch, flushingTo array: inout [Token]
    ) {
        var index = range.lowerBound
        let end = range.upperBound
        while index < end {
            // One step below appends at most a few tokens.
            if tokens.count > tokens.capacity - TokenOutput.headroom { flush(&tokens, to: &array, scratch: &scratch) }
            let byte = text[index]
            if byte < 0x80 {
                switch classes[Int(byte)] {
                case .space:
                    index += 1
                case .letter:
                    index = word(text, from: index, end: end, into: &tokens, scratch: &scratch)
                case .digit:
                    index = numberOrWord(text, from: index, end: end, into: &tokens, scratch: &scratch)
                case .period:
                    index = periods(text, from: index, end: end, into: &tokens)
                case .strong:
                    var stop = index + 1
                    while stop < end, text[stop] == UInt8(ascii: "!") || text[stop] == UInt8(ascii: "?") { stop += 1 }
                    tokens.append(punctuationToken(index, stop, .terminal, Token.Terminal.strong.rawValue))
                    index = stop
                case .quote:
                    index = quote(text, from: index, end: end, into: &tokens, scratch: &scratch)
                case .at, .hash:
                    index = handle(text, from: index, end: end, into: &tokens)
                case .openBracket:
                    tokens.append(punctuationToken(index, index + 1, .punctuation, Token.Punctuation.openBracket.rawValue))
                    index += 1
                case .closeBracket:
                    tokens.append(punctuationToken(index, index + 1, .punctuation, Token.Punctuation.closeBracket.rawValue))
                    index += 1
                case .hyphen:
                    var stop = index + 1
                    while stop < end, text[stop] == UInt8(ascii: "-") { stop += 1 }
                    // A hyphen followed by a digit right after a space reads as a minus sign.
                    if stop == index + 1, stop < end, byteClass(text[stop]) == .digit,
                       index == range.lowerBound || byteClass(text[index - 1]) == .space {
                        index = numberOrWord(text, from: index + 1, end: end, into: &tokens, scratch: &scratch, startingAt: index)
                        continue
                    }
                    tokens.append(punctuationToken(index, stop, .punctuation, Token.Punctuation.dash.rawValue))
                    index = stop
                case .punctuation:
                    tokens.append(punctuationToken(index, index + 1, .punctuation, Token.Punctuation.other.rawValue))
                    index += 1
                case .symbol:
                    tokens.append(punctuationToken(index, index + 1, .symbol, 0))
                    index += 1
                }
            } else {
                let next = nonASCII(text, from: index, end: end, into: &tokens, scratch: &scratch)
                // Every scalar must be consumed: a mark that no rule takes becomes a symbol, never
                // a loop on the same byte.
                if next > index {
                    index = next
                } else {
                    let size = decodeScalar(text, index, end).1
                    tokens.append(punctuationToken(index, index + size, .symbol, 0))
                    index += size
                }
            }
        }
    }

    // MARK: Token builders

    @inline(__always)
    private func punctuationToken(_ start: Int, _ end: Int, _ kind: Token.Kind, _ detail: UInt8) -> Token {
        Token(start: Int32(start), end: Int32(end), entry: EnglishLexicon.Entry(rawValue: 0), kind: kind, detail: detail, syllables: 0, letters: 0)
    }

    /// A word starting with a letter at `start`.
    @inline(__always)
    private func word(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, into tokens: inout TokenOutput, scratch: inout Scratch) -> Int {
        var word = WordScan()
        scratch.clearKey()
        let stop = scanWord(text, from: start, end: end, into: &word, scratch: &scratch)
        // A link is a word stopped by '@' or "://", or a dotted word that runs on into one
        // ("first.last+tag@example.org") or starts with "www." (also at the end of a block).
        // A colon alone is common in prose, so "://" is checked before the full scan.
        let atSchemeOrAt = stop < end && (text[stop] == UInt8(ascii: "@")
            || stop + 2 < end && text[stop] == UInt8(ascii: ":") && text[stop + 1] == UInt8(ascii: "/") && text[stop + 2] == UInt8(ascii: "/"))
        if atSchemeOrAt || word.flags.contains(.dotted), let linkEnd = linkLikeRun(text, from: start, end: end) {
            tokens.append(punctuationToken(start, linkEnd, .link, 0))
            return linkEnd
        }
        finishWord(text, start, stop, word, into: &tokens, scratch: &scratch)
        return stop
    }

    /// What a word scan learns on its way: flags, letter counts and the lowercased bytes.
    struct WordScan {
        var flags: Token.WordFlags = []
        var letters = 0
        var uppercase = 0
        var length = 0
    }

    /// Scans to the end of a word — letters and digits, joined by apostrophes, hyphens and
    /// periods when a letter or digit follows — lowercasing into `scratch` in the same pass.
    @inline(__always)
    private func scanWord(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, into word: inout WordScan, scratch: inout Scratch) -> Int {
        var index = start
        let capacity = Scratch.capacity
        return withUnsafeMutableBytes(of: &scratch.bytes) { raw -> Int in
            let lower = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            var length = word.length
            defer { word.length = length }
            if index < end, text[index] &- 0x41 < 26, index == start, word.length == 0 { word.flags.insert(.capitalized) }
            while index < end {
                // ASCII letters: the common case, in a tight loop of its own.
                var letters = 0
                var uppercase = 0
                // Eight bytes at a time while the text and the scratch have room for them.
                while index &+ 8 <= end, length &+ 8 <= capacity {
                    let run = Tokenizer.asciiLetterRun(at: text.baseAddress! + index)
                    UnsafeMutableRawPointer(lower + length).storeBytes(of: run.folded, as: UInt64.self)
                    letters &+= run.count
                    uppercase &+= run.uppercase
                    length &+= run.count
                    index &+= run.count
                    if run.count < 8 { break }
                }
                while index < end {
                    let byte = text[index]
                    let folded = byte | 0x20
                    guard folded &- 0x61 < 26 else { break }
                    letters &+= 1
                    uppercase &+= byte < 0x61 ? 1 : 0
                    if length < capacity { lower[length] = folded; length &+= 1 }
                    index &+= 1
                }
                word.letters += letters
                word.uppercase += uppercase
                guard index < end else { break }
                let byte = text[index]
                if byte < 0x80 {
                    if byte >= 0x30 && byte <= 0x39 {
                        word.flags.insert(.hasDigit)
                        if length < capacity { lower[length] = byte; length += 1 }
                        index += 1
                        continue
                    }
                    guard index + 1 < end, index > start else { break }
                    let next = text[index + 1]
                    let nextIsAlnum = next >= 0x80 ? isLetterAt(text, index + 1, end) : (classes[Int(next)] == .letter || classes[Int(next)] == .digit)
                    var joins = false
                    switch byte {
                    case UInt8(ascii: "'"):
                        joins = nextIsAlnum
                        if joins { word.flags.insert(.apostrophe) }
                    case UInt8(ascii: "-"):
                        joins = nextIsAlnum
                        if joins { word.flags.insert(.hyphenated) }
                    case UInt8(ascii: "."):
                        joins = nextIsAlnum
                        if joins { word.flags.insert(.dotted) }
                    case UInt8(ascii: "_"):
                        joins = nextIsAlnum
                    case UInt8(ascii: "&"):
                        // AT&T, R&D: only between capitals.
                        joins = next >= 0x41 && next <= 0x5A && text[index - 1] >= 0x41 && text[index - 1] <= 0x5A
                    default:
                        joins = false
                    }
                    guard joins else { break }
                    if length < capacity { lower[length] = byte; length += 1 }
                    index += 1
                    continue
                }
                // Non-ASCII: letters and marks continue the word; ’ and hyphens join like ' and -.
                let (scalar, size) = decodeScalar(text, index, end)
                let value = scalar.value
                if let joiner = wordJoinerASCII(value) {
                    guard index > start, index + size < end, isAlnumAt(text, index + size, end) else { break }
                    word.flags.insert(joiner == UInt8(ascii: "'") ? .apostrophe : .hyphenated)
                    if length < capacity { lower[length] = joiner; length += 1 }
                    index += size
                    continue
                }
                if value == 0x00AD { index += size; continue } // soft hyphen: invisible
                let (bits, _) = ScalarClasses.bits(scalar)
                guard bits.contains(.wordScalar) else { break }
                word.flags.insert(.nonASCII)
                if bits.contains(.alphabetic) {
                    word.letters += 1
                    if bits.contains(.uppercase) {
                        word.uppercase += 1
                        if index == start { word.flags.insert(.capitalized) }
                    }
                }
                // Fold Latin letters with diacritics to ASCII so `café` finds `cafe`.
                if let folded = foldedLatin(value) {
                    if length < capacity { lower[length] = folded; length += 1 }
                } else {
                    for offset in 0..<size where length < capacity {
                        lower[length] = text[index + offset]
                        length += 1
                    }
                }
                index += size
            }
            return index
        }
    }

    /// The ASCII letters at the start of the eight bytes at `bytes`: how many (up to the first
    /// byte that is not one), how many of those are uppercase, and the eight bytes with those
    /// letters lowercased and the rest zeroed (a word's cache key is zero-padded).
    @inline(__always)
    static func asciiLetterRun(at bytes: UnsafePointer<UInt8>) -> (count: Int, uppercase: Int, folded: UInt64) {
        let word = UInt64(littleEndian: UnsafeRawPointer(bytes).loadUnaligned(as: UInt64.self))
        let folded = word | 0x2020_2020_2020_2020
        let low = folded & 0x7F7F_7F7F_7F7F_7F7F
        // Per byte, the top bit: at least "a" after folding, past "z", or not ASCII at all.
        let atLeastA = low &+ 0x1F1F_1F1F_1F1F_1F1F
        let pastZ = low &+ 0x0505_0505_0505_0505
        let letters = atLeastA & ~pastZ & ~word & 0x8080_8080_8080_8080
        let others = ~letters & 0x8080_8080_8080_8080
        let count = others == 0 ? 8 : others.trailingZeroBitCount >> 3
        let kept: UInt64 = count == 8 ? ~0 : (1 &<< UInt64(count &* 8)) &- 1
        let uppercase = (~word & 0x2020_2020_2020_2020 & kept).nonzeroBitCount
        return (count, uppercase, (folded & kept).littleEndian)
    }

    /// Records a scanned word: lexicon entry and syllables come from the lowercased bytes.
    @inline(__always)
    private func finishWord(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int, _ scan: WordScan, into tokens: inout TokenOutput, scratch: inout Scratch) {
        var flags = scan.flags
        if scan.uppercase >= 2, scan.uppercase == scan.letters { flags.insert(.allCaps) }
        let letters = scan.letters
        let cache = scratch.cache
        // The first 16 bytes of the scratch were zeroed before the scan: they are the cache key.
        let key0 = scratch.bytes.0
        let key1 = scratch.bytes.1
        let facts = withUnsafeBytes(of: &scratch.bytes) { raw -> WordFacts? in
            let word = UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: scan.length)
            if scan.flags.contains(.nonASCII) {
                // Keys are folded bytes ("rosé" → "rose"): mark non-ASCII words apart.
                let markedKey1 = key1 ^ 0x8000_0000_0000_0000
                if let cache, word.count <= 16, word.count > 0, let hit = cache.lookup(key0, markedKey1, length: word.count) { return hit }
                let computed = accentedFacts(folded: word, original: text, start..<stop, letters: letters)
                if let cache, word.count <= 16, word.count > 0 { cache.store(key0, markedKey1, length: word.count, facts: computed) }
                return computed
            }
            guard cache != nil, word.count <= 16, word.count > 0 else {
                return lookUpFacts(of: word, letters: letters)
            }
            return nil
        }
        guard let facts else {
            // A cacheable word: its facts are filled in by `resolvePending`, in a batch.
            scratch.pending![scratch.pendingCount] = PendingWord(key0: key0, key1: key1, token: tokens.count, length: scan.length, letters: letters)
            scratch.pendingCount += 1
            tokens.append(Token(
                start: Int32(start), end: Int32(stop), entry: EnglishLexicon.Entry(rawValue: 0), kind: .word, detail: flags.rawValue,
                syllables: 0, letters: UInt8(letters)))
            if scratch.pendingCount == WordCache.pendingCapacity { resolvePending(into: &tokens, scratch: &scratch) }
            return
        }
        if facts.inflectedToThree { flags.insert(.inflectedToThree) }
        tokens.append(Token(
            start: Int32(start), end: Int32(stop), entry: facts.entry, kind: .word, detail: flags.rawValue,
            syllables: UInt8(min(facts.syllables, 255)), letters: UInt8(min(letters, 255))))
    }

    /// Fills in the facts of the words `finishWord` deferred. The cache lines of a whole batch
    /// are read in one tight loop whose iterations do not depend on each other, so the CPU
    /// overlaps their memory latency instead of waiting on each word in turn (a cache larger
    /// than L2 made that wait a tenth of all the time spent on plain text).
    private func resolvePending(into output: inout TokenOutput, scratch: inout Scratch) {
        guard scratch.pendingCount > 0, let cache = scratch.cache, let pending = scratch.pending else { return }
        let tokens = output.base
        for item in UnsafeBufferPointer(start: pending, count: scratch.pendingCount) {
            var facts: WordFacts
            if let hit = cache.lookup(item.key0, item.key1, length: item.length) {
                facts = hit
            } else {
                // The key is the lowercased word itself, zero-padded.
                var key = (item.key0, item.key1)
                facts = withUnsafeBytes(of: &key) { raw in
                    lookUpFacts(of: UnsafeBufferPointer(start: raw.baseAddress!.assumingMemoryBound(to: UInt8.self), count: item.length), letters: item.letters)
                }
                cache.store(item.key0, item.key1, length: item.length, facts: facts)
            }
            tokens[item.token].entry = facts.entry
            tokens[item.token].syllables = UInt8(min(facts.syllables, 255))
            if facts.inflectedToThree { tokens[item.token].detail |= Token.WordFlags.inflectedToThree.rawValue }
        }
        scratch.pendingCount = 0
    }

    /// What the lexicon and the rules say about a lowercase word; cached per distinct word.
    @inline(__always)
    private func lookUpFacts(of word: UnsafeBufferPointer<UInt8>, letters: Int) -> WordFacts {
        let entry = lexicon.entry(word)
        let syllables = letters == 0 ? 1 : Syllables.count(word, entry: entry)
        let inflected = syllables >= 3 && Tokenizer.reachesThreeOnlyBySuffix(word, lexicon: lexicon)
        return WordFacts(entry: entry, syllables: syllables, inflectedToThree: inflected)
    }

    /// Words with accented letters: the lexicon is asked with the accents folded (`café` finds
    /// `cafe`), but the rules see the word as written, where `é` is a sounded vowel (`rosé`).
    /// Rare enough to skip the cache, whose keys are folded.
    private func accentedFacts(folded: UnsafeBufferPointer<UInt8>, original text: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, letters: Int) -> WordFacts {
        let entry = lexicon.entry(folded)
        var syllables = entry.syllableOverride
        if syllables == 0 {
            var lower = Array(String(decoding: UnsafeBufferPointer(rebasing: text[range]), as: UTF8.self).lowercased().utf8)
            syllables = lower.withUnsafeMutableBufferPointer { Syllables.count(UnsafeBufferPointer($0), entry: entry) }
        }
        if letters == 0 { syllables = 1 }
        let inflected = syllables >= 3 && Tokenizer.reachesThreeOnlyBySuffix(folded, lexicon: lexicon)
        return WordFacts(entry: entry, syllables: syllables, inflectedToThree: inflected)
    }

    /// Gunning excludes words made three syllables by -es, -ed or -ing ("created" is not complex):
    /// the stem, with or without a restored silent e, has fewer than three.
    static func reachesThreeOnlyBySuffix(_ word: UnsafeBufferPointer<UInt8>, lexicon: EnglishLexicon) -> Bool {
        let length = word.count
        guard length > 4, length < 64 else { return false }
        let last = word[length - 1]
        let beforeLast = word[length - 2]
        let suffixLength: Int
        if last == UInt8(ascii: "g"), beforeLast == UInt8(ascii: "n"), word[length - 3] == UInt8(ascii: "i") {
            suffixLength = 3
        } else if beforeLast == UInt8(ascii: "e"), last == UInt8(ascii: "d") || last == UInt8(ascii: "s") {
            suffixLength = 2
        } else {
            return false
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: length + 1) { buffer in
            let stemLength = length - suffixLength
            for offset in 0..<stemLength { buffer[offset] = word[offset] }
            let stem = UnsafeBufferPointer(rebasing: buffer[0..<stemLength])
            let plain = Syllables.count(stem, entry: lexicon.entry(stem))
            buffer[stemLength] = UInt8(ascii: "e")
            let withE = UnsafeBufferPointer(rebasing: buffer[0...stemLength])
            let restored = Syllables.count(withE, entry: lexicon.entry(withE))
            return min(plain, restored) < 3
        }
    }

    /// A word token for a span that is not scanned from a letter (clipped words like `'n'`).
    private func appendWord(_ text: UnsafeBufferPointer<UInt8>, _ start: Int, _ stop: Int, into tokens: inout TokenOutput, scratch: inout Scratch) {
        var scan = WordScan()
        scratch.clearKey()
        var index = start
        // Leading apostrophe(s) are kept in the lexicon key ('n', 'em); the rest scans as a word.
        withUnsafeMutableBytes(of: &scratch.bytes) { raw in
            let lower = raw.baseAddress!.assumingMemoryBound(to: UInt8.self)
            while index < stop, text[index] == UInt8(ascii: "'") || text[index] >= 0x80 && !isLetterAt(text, index, stop) {
                let size = text[index] >= 0x80 ? decodeScalar(text, index, stop).1 : 1
                lower[scan.length] = UInt8(ascii: "'")
                scan.length += 1
                index += size
            }
        }
        scan.flags.insert(.apostrophe)
        var stopped = index
        while stopped < stop {
            let next = scanWord(text, from: stopped, end: stop, into: &scan, scratch: &scratch)
            if next == stopped {
                // A trailing apostrophe ("'n'") or a byte the scan does not take: keep it in the key.
                withUnsafeMutableBytes(of: &scratch.bytes) { raw in
                    if scan.length < Scratch.capacity { raw[scan.length] = UInt8(ascii: "'"); scan.length += 1 }
                }
                stopped += text[stopped] >= 0x80 ? decodeScalar(text, stopped, stop).1 : 1
            } else {
                stopped = next
            }
        }
        if scan.flags.contains(.capitalized), text[start] == UInt8(ascii: "'") || text[start] >= 0x80 {
            // Capitalised only if the first letter is.
        }
        finishWord(text, start, stop, scan, into: &tokens, scratch: &scratch)
    }

    /// A number, or a word that starts with a digit (`20th`, `3D`, `1990s`).
    private func numberOrWord(
        _ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, into tokens: inout TokenOutput,
        scratch: inout Scratch, startingAt tokenStart: Int? = nil
    ) -> Int {
        if tokenStart == nil, let linkEnd = linkLikeRun(text, from: start, end: end) {
            tokens.append(punctuationToken(start, linkEnd, .link, 0))
            return linkEnd
        }
        var index = start
        while index < end {
            let byte = text[index]
            if byte >= 0x30 && byte <= 0x39 { index += 1; continue }
            // Separators inside numbers: 3.14, 1,000, 10:30, 1/2.
            if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: ",") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "/")),
               index + 1 < end, text[index + 1] >= 0x30 && text[index + 1] <= 0x39 {
                index += 2
                continue
            }
            break
        }
        // A keycap emoji (1️⃣): a digit, a variation selector and the enclosing keycap.
        if index < end, text[index] == 0xEF || text[index] == 0xE2 {
            var stop = index
            while stop < end, text[stop] >= 0x80 {
                let (scalar, size) = decodeScalar(text, stop, end)
                guard scalar.value == 0xFE0F || scalar.value == 0x20E3 else { break }
                stop += size
            }
            if stop > index {
                tokens.append(punctuationToken(tokenStart ?? start, stop, .symbol, 0))
                return stop
            }
        }
        // Letters straight after the digits make it a word.
        if index < end, isLetterAt(text, index, end) {
            var scan = WordScan()
            scratch.clearKey()
            let first = tokenStart ?? start
            withUnsafeMutableBytes(of: &scratch.bytes) { raw in
                for position in first..<index where scan.length < Scratch.capacity {
                    raw[scan.length] = text[position]
                    scan.length += 1
                }
            }
            scan.flags.insert(.hasDigit)
            let stop = scanWord(text, from: index, end: end, into: &scan, scratch: &scratch)
            finishWord(text, first, stop, scan, into: &tokens, scratch: &scratch)
            return stop
        }
        tokens.append(Token(
            start: Int32(tokenStart ?? start), end: Int32(index), entry: EnglishLexicon.Entry(rawValue: 0), kind: .number,
            detail: 0, syllables: 1, letters: 0))
        return index
    }

    /// Periods: one full stop, or an ellipsis (`...`, `. . .`), or an ellipsis plus a full stop.
    private func periods(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, into tokens: inout TokenOutput) -> Int {
        // A leading ".5" is a number.
        if start + 1 < end, text[start + 1] >= 0x30 && text[start + 1] <= 0x39,
           start == 0 || byteClass(text[start - 1]) == .space {
            var scratch = Scratch(cache: nil)
            return numberOrWord(text, from: start + 1, end: end, into: &tokens, scratch: &scratch, startingAt: start)
        }
        var stop = start + 1
        while stop < end, text[stop] == UInt8(ascii: ".") { stop += 1 }
        let unspaced = stop - start
        if unspaced >= 2 {
            tokens.append(punctuationToken(start, stop, .terminal, (unspaced >= 4 ? Token.Terminal.ellipsisPeriod : .ellipsis).rawValue))
            return stop
        }
        // Spaced dots: ". . ." counts its dots.
        var dots = 1
        var probe = start + 1
        var lastDotEnd = start + 1
        while probe + 1 < end, text[probe] == 0x20, text[probe + 1] == UInt8(ascii: ".") {
            dots += 1
            probe += 2
            lastDotEnd = probe
        }
        if dots < 3 {
            tokens.append(punctuationToken(start, start + 1, .terminal, Token.Terminal.period.rawValue))
            return start + 1
        }
        let attached = start > 0 && byteClass(text[start - 1]) != .space
        if attached && dots >= 4 {
            // "word. . . ." is a full stop followed by an ellipsis that may open the next sentence.
            tokens.append(punctuationToken(start, start + 1, .terminal, Token.Terminal.period.rawValue))
            tokens.append(punctuationToken(start + 2, lastDotEnd, .terminal, Token.Terminal.ellipsis.rawValue))
        } else {
            tokens.append(punctuationToken(start, lastDotEnd, .terminal, (dots >= 4 ? Token.Terminal.ellipsisPeriod : .ellipsis).rawValue))
        }
        return lastDotEnd
    }

    /// Straight quotes; a leading apostrophe of a clipped word (`'n'`, `'em`, `'90s`) joins the word.
    private func quote(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, into tokens: inout TokenOutput, scratch: inout Scratch) -> Int {
        if text[start] == UInt8(ascii: "'"), let clipped = clippedWord(text, from: start, end: end) {
            appendWord(text, start, clipped, into: &tokens, scratch: &scratch)
            return clipped
        }
        tokens.append(punctuationToken(start, start + 1, .punctuation, Token.Punctuation.ambiguousQuote.rawValue))
        return start + 1
    }

    /// The end of a clipped word starting with an apostrophe at `start`, if it is one.
    private func clippedWord(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        guard start == 0 || byteClass(text[start - 1]) == .space || text[start - 1] == UInt8(ascii: "(") else { return nil }
        var stop = start + 1
        while stop < end, text[stop] < 0x80, byteClass(text[stop]) == .letter || byteClass(text[stop]) == .digit { stop += 1 }
        let length = stop - start - 1
        guard length > 0, length <= 5 else { return nil }
        var word: [UInt8] = []
        for index in (start + 1)..<stop { word.append(text[index] | 0x20) }
        let clipped: Set<[UInt8]> = [
            Array("n".utf8), Array("em".utf8), Array("til".utf8), Array("tis".utf8), Array("twas".utf8),
            Array("cause".utf8), Array("bout".utf8), Array("round".utf8), Array("s".utf8),
        ]
        let isDecade = word.count == 3 && word[0] >= 0x30 && word[0] <= 0x39 && word[1] >= 0x30 && word[1] <= 0x39 && word[2] == UInt8(ascii: "s")
        guard clipped.contains(word) || isDecade else { return nil }
        // rock 'n' roll: the closing apostrophe belongs to the word too.
        if word == Array("n".utf8), stop < end, text[stop] == UInt8(ascii: "'") { stop += 1 }
        return stop
    }

    /// @handles and #hashtags.
    private func handle(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, into tokens: inout TokenOutput) -> Int {
        var stop = start + 1
        while stop < end {
            let byte = text[stop]
            let cls = byte < 0x80 ? byteClass(byte) : .letter
            if cls == .letter || cls == .digit || byte == UInt8(ascii: "_") { stop += byte < 0x80 ? 1 : decodeScalar(text, stop, end).1; continue }
            if (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "-")), stop + 1 < end, text[stop + 1] < 0x80,
               byteClass(text[stop + 1]) == .letter || byteClass(text[stop + 1]) == .digit {
                stop += 2
                continue
            }
            break
        }
        if stop == start + 1 {
            tokens.append(punctuationToken(start, stop, .symbol, 0))
        } else {
            tokens.append(punctuationToken(start, stop, .link, 0))
        }
        return stop
    }

    /// URLs (`https://...`, `www.`) and e-mail addresses starting at `start`: the end of the
    /// run without trailing punctuation, or `nil` when the run is neither.
    @inline(__always)
    private func linkLikeRun(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        // Quick reject: only look further when the word is followed by ':', '@' or starts with "www.".
        var index = start
        var sawAt = false
        var sawScheme = false
        while index < end {
            let byte = text[index]
            if byte < 0x80 {
                let cls = byteClass(byte)
                if cls == .letter || cls == .digit || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "+") { index += 1; continue }
                if byte == UInt8(ascii: ".") { index += 1; continue }
                if byte == UInt8(ascii: "@"), index > start { sawAt = true; break }
                if byte == UInt8(ascii: ":"), index + 2 < end, text[index + 1] == UInt8(ascii: "/"), text[index + 2] == UInt8(ascii: "/") { sawScheme = true; break }
                break
            }
            break
        }
        let isWWW = end - start > 4 && (text[start] | 0x20) == UInt8(ascii: "w") && (text[start + 1] | 0x20) == UInt8(ascii: "w")
            && (text[start + 2] | 0x20) == UInt8(ascii: "w") && text[start + 3] == UInt8(ascii: ".")
        guard sawAt || sawScheme || isWWW else { return nil }
        // Extend to the end of the non-space run.
        var stop = index
        var parentheses = 0
        while stop < end {
            let byte = text[stop]
            if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == UInt8(ascii: "<") || byte == UInt8(ascii: ">")
                || byte == UInt8(ascii: "\"") { break }
            if byte >= 0x80 {
                let (scalar, size) = decodeScalar(text, stop, end)
                if isSpaceScalar(scalar) || isQuoteScalar(scalar) { break }
                stop += size
                continue
            }
            if byte == UInt8(ascii: "(") { parentheses += 1 }
            if byte == UInt8(ascii: ")") {
                if parentheses == 0 { break }
                parentheses -= 1
            }
            stop += 1
        }
        // Trailing punctuation belongs to the sentence, not the link: ASCII marks and Unicode
        // ones (… ” ’ » 。).
        while stop > start, text[stop - 1] >= 0x80 {
            var lead = stop - 1
            while lead > start, text[lead] & 0xC0 == 0x80 { lead -= 1 }
            let (scalar, _) = decodeScalar(text, lead, stop)
            switch ScalarClasses.bits(scalar).1 {
            case .other, .final, .initial, .close: stop = lead
            default: break
            }
            if stop != lead { break }
        }
        while stop > start {
            let last = text[stop - 1]
            if last == UInt8(ascii: ".") || last == UInt8(ascii: ",") || last == UInt8(ascii: ";") || last == UInt8(ascii: ":")
                || last == UInt8(ascii: "!") || last == UInt8(ascii: "?") || last == UInt8(ascii: "'") || last == UInt8(ascii: "]") {
                stop -= 1
            } else {
                break
            }
        }
        if sawAt {
            // An e-mail address needs a dot in its domain.
            guard let at = (start..<stop).first(where: { text[$0] == UInt8(ascii: "@") }),
                  (at + 1..<stop).contains(where: { text[$0] == UInt8(ascii: ".") }) else { return nil }
        }
        return stop > start ? stop : nil
    }

    /// Everything that is not ASCII: letters start words, others are punctuation or symbols.
    private func nonASCII(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int, into tokens: inout TokenOutput, scratch: inout Scratch) -> Int {
        let (scalar, size) = decodeScalar(text, start, end)
        let value = scalar.value
        switch value {
        case 0x00A0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF, 0x00AD, 0x200C:
            return start + size
        case 0x2026:
            // "…" and "…." 
            if start + size < end, text[start + size] == UInt8(ascii: ".") {
                tokens.append(punctuationToken(start, start + size + 1, .terminal, Token.Terminal.ellipsisPeriod.rawValue))
                return start + size + 1
            }
            tokens.append(punctuationToken(start, start + size, .terminal, Token.Terminal.ellipsis.rawValue))
            return start + size
        case 0x203C, 0x2047, 0x2048, 0x2049, 0xFF01, 0xFF1F, 0x061F:
            tokens.append(punctuationToken(start, start + size, .terminal, Token.Terminal.strong.rawValue))
            return start + size
        case 0x3002, 0xFF0E, 0x0964, 0x0965, 0xFF61:
            tokens.append(punctuationToken(start, start + size, .terminal, Token.Terminal.fullStop.rawValue))
            return start + size
        case 0x2018, 0x201C, 0x201E, 0x00AB, 0x2039, 0x201A:
            tokens.append(punctuationToken(start, start + size, .punctuation, Token.Punctuation.openQuote.rawValue))
            return start + size
        case 0x2019, 0x02BC, 0x201D, 0x00BB, 0x203A:
            // U+02BC is an apostrophe inside a word (scanWord joins it there); standing first, a
            // closing mark like U+2019.
            if value == 0x2019, let clipped = clippedCurly(text, from: start, end: end) {
                appendWord(text, start, clipped, into: &tokens, scratch: &scratch)
                return clipped
            }
            tokens.append(punctuationToken(start, start + size, .punctuation, Token.Punctuation.closeQuote.rawValue))
            return start + size
        case 0x2022, 0x2043, 0x2023, 0x25E6, 0x00B7, 0x25AA, 0x25CF, 0x25A0, 0x2219:
            tokens.append(punctuationToken(start, start + size, .punctuation, Token.Punctuation.bullet.rawValue))
            return start + size
        case 0x2010...0x2015, 0x2212, 0x2E3A, 0x2E3B:
            tokens.append(punctuationToken(start, start + size, .punctuation, Token.Punctuation.dash.rawValue))
            return start + size
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x2FA1F, 0xFF66...0xFF9F:
            tokens.append(Token(start: Int32(start), end: Int32(start + size), entry: EnglishLexicon.Entry(rawValue: 0), kind: .cjk, detail: 0, syllables: 1, letters: 1))
            return start + size
        default:
            let (bits, punctuation) = ScalarClasses.bits(scalar)
            if bits.contains(.wordScalar) {
                if bits.contains(.decimal) {
                    var scan = WordScan()
                    let stop = scanWord(text, from: start, end: end, into: &scan, scratch: &scratch)
                    tokens.append(Token(start: Int32(start), end: Int32(stop), entry: EnglishLexicon.Entry(rawValue: 0), kind: .number, detail: 0, syllables: 1, letters: 0))
                    return stop
                }
                return word(text, from: start, end: end, into: &tokens, scratch: &scratch)
            }
            switch punctuation {
            case .open:
                tokens.append(punctuationToken(start, start + size, .punctuation, Token.Punctuation.openBracket.rawValue))
            case .close:
                tokens.append(punctuationToken(start, start + size, .punctuation, Token.Punctuation.closeBracket.rawValue))
            case .initial:
                tokens.append(punctuationToken(start, start + size, .punctuation, Token.Punctuation.openQuote.rawValue))
            case .final:
                tokens.append(punctuationToken(start, start + size, .punctuation, Token.Punctuation.closeQuote.rawValue))
            case .other:
                tokens.append(punctuationToken(start, start + size, .punctuation, Token.Punctuation.other.rawValue))
            case .none:
                // Emoji and symbols; keep a sequence joined by ZWJ or variation selectors together.
                var stop = start + size
                while stop < end, text[stop] >= 0x80 {
                    let (next, nextSize) = decodeScalar(text, stop, end)
                    let v = next.value
                    let pairsFlag = (0x1F1E6...0x1F1FF).contains(v) && (0x1F1E6...0x1F1FF).contains(scalar.value) && stop == start + size
                    if v == 0x200D || (v >= 0xFE00 && v <= 0xFE0F) || (v >= 0x1F3FB && v <= 0x1F3FF) || v == 0x20E3 || pairsFlag
                        || (0xE0020...0xE007F).contains(v) {
                        stop += nextSize
                        if v == 0x200D, stop < end, text[stop] >= 0x80 { stop += decodeScalar(text, stop, end).1 }
                        continue
                    }
                    break
                }
                tokens.append(punctuationToken(start, stop, .symbol, 0))
                return stop
            }
            return start + size
        }
    }

    /// `’n’` and `’90s` with curly apostrophes.
    private func clippedCurly(_ text: UnsafeBufferPointer<UInt8>, from start: Int, end: Int) -> Int? {
        guard start == 0 || text[start - 1] == 0x20 || text[start - 1] == 0x0A else { return nil }
        var stop = start + 3
        while stop < end, text[stop] < 0x80, byteClass(text[stop]) == .letter || byteClass(text[stop]) == .digit { stop += 1 }
        let length = stop - start - 3
        guard length > 0, length <= 5 else { return nil }
        var word: [UInt8] = []
        for index in (start + 3)..<stop { word.append(text[index] | 0x20) }
        let isDecade = word.count == 3 && word[0] >= 0x30 && word[0] <= 0x39 && word[2] == UInt8(ascii: "s")
        guard isDecade || [Array("n".utf8), Array("em".utf8), Array("til".utf8), Array("tis".utf8), Array("cause".utf8)].contains(word) else { return nil }
        if word == Array("n".utf8), stop + 2 < end, text[stop] == 0xE2, text[stop + 1] == 0x80, text[stop + 2] == 0x99 { stop += 3 }
        return stop
    }
}

// MARK: Byte classes

enum ByteClass: UInt8 {
    case space, letter, digit, period, strong, quote, at, hash, openBracket, closeBracket, hyphen, punctuation, symbol
}

/// The class of any byte; bytes of multi-byte characters count as letters. A switch, not a
/// table in a global: globals are initialised lazily and every access would check that.
@inline(__always)
func byteClass(_ byte: UInt8) -> ByteClass {
    // Letters, digits and spaces first, without a table or a jump: they are most of prose.
    if (byte | 0x20) &- 0x61 < 26 || byte >= 0x80 { return .letter }
    if byte &- 0x30 < 10 { return .digit }
    if byte == 0x20 { return .space }
    return otherByteClass(byte)
}

/// The rest of ASCII: punctuation, symbols, control characters.
func otherByteClass(_ byte: UInt8) -> ByteClass {
    switch byte {
    case 0x09, 0x0A, 0x0B, 0x0C, 0x0D: return .space
    case UInt8(ascii: "."): return .period
    case UInt8(ascii: "!"), UInt8(ascii: "?"): return .strong
    case UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "`"): return .quote
    case UInt8(ascii: "@"): return .at
    case UInt8(ascii: "#"): return .hash
    case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): return .openBracket
    case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): return .closeBracket
    case UInt8(ascii: "-"): return .hyphen
    case UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "/"), UInt8(ascii: "\\"), UInt8(ascii: "*"), UInt8(ascii: "_"): return .punctuation
    case 0..<0x20, 0x7F: return .space
    default: return .symbol
    }
}

/// A word whose lexicon facts are still to be looked up.
struct PendingWord {
    var key0: UInt64
    var key1: UInt64
    var token: Int
    var length: Int
    var letters: Int
}

/// Scratch space for lowercased words; lives on the stack of `tokenize`.
/// Where the tokenizer writes tokens: a buffer that its caller empties into the token array
/// whenever fewer than `headroom` slots are left.
struct TokenOutput {
    /// Tokens buffered between two hand-overs to the array.
    static let chunk = 1024
    /// The most tokens one step of the scan appends, with room to spare.
    static let headroom = 8
    let base: UnsafeMutablePointer<Token>
    let capacity: Int
    var count = 0

    init(base: UnsafeMutablePointer<Token>, capacity: Int) {
        self.base = base
        self.capacity = capacity
    }

    @inline(__always)
    mutating func append(_ token: Token) {
        base[count] = token
        count &+= 1
    }
}

struct Scratch {
    static let capacity = 64
    var bytes: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0, 0, 0)
    let cache: WordCache.View?
    /// Words waiting for their facts (see `Tokenizer.resolvePending`); the buffer belongs to
    /// the cache, which one thread uses at a time.
    let pending: UnsafeMutablePointer<PendingWord>?
    var pendingCount = 0

    init(cache: WordCache?) {
        self.cache = cache?.view
        self.pending = cache?.pending
    }

    /// Zeroes the bytes that form a word's cache key; call before writing a new word.
    @inline(__always)
    mutating func clearKey() {
        bytes.0 = 0
        bytes.1 = 0
    }
}

/// The ASCII mark a typographic apostrophe or hyphen reads as inside a word (`’` and `ʼ` as
/// `'`, `‐` and `‑` as `-`): the tokenizer joins words with them, and Dale–Chall judges the
/// parts they join.
@inline(__always)
func wordJoinerASCII(_ value: UInt32) -> UInt8? {
    switch value {
    case 0x2019, 0x02BC: return UInt8(ascii: "'")
    case 0x2010, 0x2011: return UInt8(ascii: "-")
    default: return nil
    }
}

@inline(__always)
func decodeScalar(_ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> (Unicode.Scalar, Int) {
    let lead = text[index]
    if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
    var value: UInt32
    var length: Int
    if lead >= 0xF0 { value = UInt32(lead & 0x07); length = 4 } else if lead >= 0xE0 { value = UInt32(lead & 0x0F); length = 3 } else if lead >= 0xC0 { value = UInt32(lead & 0x1F); length = 2 } else { return ("\u{FFFD}", 1) }
    guard index + length <= end else { return ("\u{FFFD}", 1) }
    for offset in 1..<length { value = (value << 6) | UInt32(text[index + offset] & 0x3F) }
    return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
}

@inline(__always)
func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
    ScalarClasses.bits(scalar).0.contains(.wordScalar)
}

@inline(__always)
func isLetterAt(_ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
    let byte = text[index]
    if byte < 0x80 { return byteClass(byte) == .letter }
    let scalar = decodeScalar(text, index, end).0
    return ScalarClasses.bits(scalar).0.contains(.alphabetic) && !(0x3040...0x9FFF).contains(scalar.value)
}

@inline(__always)
func isAlnumAt(_ text: UnsafeBufferPointer<UInt8>, _ index: Int, _ end: Int) -> Bool {
    let byte = text[index]
    if byte < 0x80 { return byteClass(byte) == .letter || byteClass(byte) == .digit }
    return isWordScalar(decodeScalar(text, index, end).0)
}

func isSpaceScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00A0, 0x1680, 0x2000...0x200B, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF: return true
    default: return false
    }
}

func isQuoteScalar(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x2018, 0x2019, 0x201C, 0x201D, 0x00AB, 0x00BB: return true
    default: return false
    }
}

/// ASCII base letter of a lowercase or uppercase Latin-1 letter with a diacritic (é → e).
@inline(__always)
func foldedLatin(_ value: UInt32) -> UInt8? {
    guard value >= 0xC0, value <= 0x17F else { return nil }
    let table: [UInt32: UInt8] = latinFolding
    return table[value]
}

private let latinFolding: [UInt32: UInt8] = {
    var map: [UInt32: UInt8] = [:]
    let groups: [(String, Character)] = [
        ("ÀÁÂÃÄÅàáâãäåĀāĂăĄą", "a"), ("ÇçĆćĈĉĊċČč", "c"), ("ÈÉÊËèéêëĒēĔĕĖėĘęĚě", "e"), ("ÌÍÎÏìíîïĨĩĪīĬĭĮįİı", "i"),
        ("ÑñŃńŅņŇň", "n"), ("ÒÓÔÕÖØòóôõöøŌōŎŏŐő", "o"), ("ÙÚÛÜùúûüŨũŪūŬŭŮůŰűŲų", "u"), ("ÝýÿŶŷŸ", "y"),
        ("ĎďĐđ", "d"), ("ĜĝĞğĠġĢģ", "g"), ("ĤĥĦħ", "h"), ("Ĵĵ", "j"), ("Ķķ", "k"), ("ĹĺĻļĽľĿŀŁł", "l"),
        ("ŔŕŖŗŘř", "r"), ("ŚśŜŝŞşŠš", "s"), ("ŢţŤťŦŧ", "t"), ("Ŵŵ", "w"), ("ŹźŻżŽž", "z"),
    ]
    for (letters, base) in groups {
        for scalar in letters.unicodeScalars { map[scalar.value] = base.asciiValue! }
    }
    return map
}()
