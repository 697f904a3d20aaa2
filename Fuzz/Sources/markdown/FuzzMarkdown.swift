import FuzzDriver
import SEOKit

/// The entry point SwiftPM links as `main`: libFuzzer's driver, running `fuzzMarkdown`.
@_cdecl("markdown_main")
public func markdownMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    seokit_fuzz_main(argc, argv) { data, size in fuzzMarkdown(data, size) }
}

/// Markdown with front matter (YAML or TOML), then the text engine and every lint rule.
/// Invariants checked beyond "does not crash": block, token and sentence ranges stay inside
/// the prose text, in order.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    // Alternate between .md and .mdx (MDX blanks import/export lines first) on the first byte.
    let path = (bytes.first ?? 0) & 1 == 0 ? "fuzz.md" : "fuzz.mdx"
    let document: Document
    do {
        document = try DocumentReader().read(bytes: bytes, path: path, format: .markdown)
    } catch {
        // A clear refusal (binary, malformed front matter...) is fine; it must name the file.
        precondition(error.description.hasPrefix(path + ": "), "error does not name the file: \(error)")
        return 0
    }
    checkInvariants(document)
    let analysis = TextAnalysis(document: document)
    checkInvariants(analysis, textCount: document.text.count)
    _ = TextStatistics(document: document, analysis: analysis)
    let report = LintEngine().lint(document, keyphrases: ["fuzz keyphrase"])
    for finding in report.findings { _ = finding.message }
    return 0
}

func checkInvariants(_ document: Document) {
    let count = document.text.count
    for block in document.blocks {
        precondition(block.textRange.lowerBound >= 0 && block.textRange.upperBound <= count, "block out of the text")
    }
    _ = String(decoding: document.text.bytes, as: UTF8.self)
}

func checkInvariants(_ analysis: TextAnalysis, textCount: Int) {
    var previousEnd = 0
    for token in analysis.tokens {
        precondition(token.start >= 0 && token.start <= token.end && Int(token.end) <= textCount, "token out of the text")
        precondition(Int(token.start) >= previousEnd, "tokens out of order")
        previousEnd = Int(token.end)
    }
    for sentence in analysis.sentences {
        precondition(sentence.tokenRange.upperBound <= analysis.tokens.count, "sentence past the tokens")
        precondition(sentence.textRange.upperBound <= textCount, "sentence past the text")
    }
}
