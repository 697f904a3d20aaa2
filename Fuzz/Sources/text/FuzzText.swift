import FuzzDriver
import SEOKit

/// The entry point SwiftPM links as `main`: libFuzzer's driver, running `fuzzText`.
@_cdecl("text_main")
public func textMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    seokit_fuzz_main(argc, argv) { data, size in fuzzText(data, size) }
}

/// Arbitrary bytes as plain text: decoding, tokenizer, sentence segmenter and statistics; then
/// every whitespace-separated piece of the input through the syllable counter.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzText(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let document: Document
    do {
        document = try DocumentReader().read(bytes: bytes, path: "fuzz.txt", format: .text)
    } catch {
        precondition(error.description.hasPrefix("fuzz.txt: "), "error does not name the file: \(error)")
        return 0
    }
    let analysis = TextAnalysis(document: document)
    let count = document.text.count
    var previous = 0
    for token in analysis.tokens {
        precondition(token.start >= 0 && token.start <= token.end && Int(token.end) <= count, "token out of the text")
        precondition(Int(token.start) >= previous, "tokens out of order")
        previous = Int(token.end)
    }
    var sentenceEnd = 0
    for sentence in analysis.sentences {
        precondition(sentence.tokenRange.lowerBound >= sentenceEnd, "sentences overlap")
        precondition(sentence.tokenRange.upperBound <= analysis.tokens.count, "sentence past the tokens")
        sentenceEnd = sentence.tokenRange.upperBound
    }
    let statistics = TextStatistics(document: document, analysis: analysis)
    precondition(statistics.words >= 0 && statistics.syllables >= 0, "negative counts")
    let streamed = TextStatistics(document: document)
    precondition(streamed == statistics, "the streaming count differs from the analysis count")

    // Syllables of random "words": the decoded text split on spaces, and the raw bytes too.
    let text = String(decoding: document.text.bytes, as: UTF8.self)
    for word in text.split(whereSeparator: { $0 == " " || $0 == "\n" }).prefix(200) {
        let syllables = Syllables.count(String(word))
        // Numbers are read as spoken ("2023-07-03": 12 syllables), so the bound is loose.
        if syllables < 0 || syllables > 4 * word.utf8.count + 8 { fatalError("\(syllables) syllables for '\(word)'") }
    }
    let lowered = bytes.prefix(64).map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
    lowered.withUnsafeBufferPointer { _ = Syllables.countByRules($0) }
    return 0
}
