#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How common a word is in general English: the background that makes a term's weight in
/// ``CompetitorComparison`` favour words that are frequent on the competitor pages but rare
/// elsewhere ("hydration" over "water").
///
/// The table is `Corpora/lexicons/english-word-frequency.txt`: 30,000 lowercase word forms with
/// their frequency per million words (from spacy-lookups-data, MIT licence).
///
/// ## Formulas
///
/// - Word forms are grouped by their Porter2 stem, like the terms: the frequency of a stem is
///   the **sum** of the frequencies of every table word with that stem (`starter` + `starters`
///   + `starting`… all stem to `start`). A stem with no table word gets the table's smallest
///   frequency (`minimumFrequency`, 0.688 per million).
/// - Inverse frequency of one word: `idf(w) = ln(1,000,000 / f(stem(w)))`. "the" ≈ 3.2; a word
///   missing from the table ≈ 14.2.
/// - Inverse frequency of a term of 2–3 words: the **mean** of the `idf` of its words that are
///   not function words (a term never starts or ends with one, so there is at least one).
public struct BackgroundFrequency: Sendable {
    /// The table embedded in the binary.
    public static let shared = BackgroundFrequency(table: EmbeddedLexicons.englishWordFrequency.withUTF8Buffer { String(decoding: $0, as: UTF8.self) })

    /// Per-million frequency of each stem (summed over its word forms).
    let stemFrequency: [String: Double]
    /// The smallest frequency in the table: what words missing from it get.
    public let minimumFrequency: Double
    /// Number of word forms read.
    public let wordCount: Int

    /// Reads a table of `word<TAB>frequency per million` lines (`#` lines and blank lines ignored).
    public init(table: String) {
        var frequencies: [String: Double] = [:]
        var minimum = Double.infinity
        var words = 0
        var buffer: [UInt8] = []
        for line in table.split(separator: "\n", omittingEmptySubsequences: true) where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t")
            guard fields.count >= 2, let value = Double(fields[1].trimmed()), value > 0 else { continue }
            let word = fields[0].lowercased()
            var utf8 = Array(word.utf8)
            utf8.withUnsafeMutableBufferPointer { pointer in
                EnglishStemmer.stem(UnsafeBufferPointer(pointer), into: &buffer)
            }
            let stem = String(decoding: buffer, as: UTF8.self)
            frequencies[stem, default: 0] += value
            minimum = min(minimum, value)
            words += 1
            utf8.removeAll()
        }
        stemFrequency = frequencies
        minimumFrequency = minimum.isFinite ? minimum : 1
        wordCount = words
    }

    /// Per-million frequency of a stem: the sum over its word forms, or `minimumFrequency`.
    public func frequency(ofStem stem: String) -> Double {
        max(stemFrequency[stem] ?? minimumFrequency, minimumFrequency)
    }

    /// `ln(1,000,000 / frequency(ofStem:))`.
    public func inverseFrequency(ofStem stem: String) -> Double {
        log(1_000_000 / frequency(ofStem: stem))
    }

    /// The inverse frequency of a term: the mean over its words that are not function words
    /// (all words when every one is a function word).
    public func inverseFrequency(stems: [String], isFunctionWord: [Bool]) -> Double {
        var sum = 0.0
        var count = 0
        for (index, stem) in stems.enumerated() where !(index < isFunctionWord.count && isFunctionWord[index]) {
            sum += inverseFrequency(ofStem: stem)
            count += 1
        }
        if count == 0 {
            for stem in stems { sum += inverseFrequency(ofStem: stem) }
            count = stems.count
        }
        return count > 0 ? sum / Double(count) : 0
    }
}
