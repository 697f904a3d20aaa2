import FuzzDriver
import SEOKit

/// The entry point SwiftPM links as `main`: libFuzzer's driver, running `fuzzHTML`.
@_cdecl("html_main")
public func htmlMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    seokit_fuzz_main(argc, argv) { data, size in fuzzHTML(data, size) }
}

/// An HTML page through the full reader, then through main-content extraction (libxml2 SAX
/// tree, content walker, scoring, pruning).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzHTML(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    LibXML2.initialize()
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let decoded: DecodedInput
    do {
        decoded = try TextDecoding.decode(bytes, format: .html, path: "fuzz.html")
    } catch {
        precondition(error.description.hasPrefix("fuzz.html: "), "error does not name the file: \(error)")
        return 0
    }
    let document = HTMLReader.read(decoded, path: "fuzz.html")
    check(document)
    let extracted = MainContentExtractor.extract(decoded, path: "fuzz.html")
    check(extracted)
    let analysis = TextAnalysis(document: extracted)
    for token in analysis.tokens { precondition(Int(token.end) <= extracted.text.count, "token out of the text") }
    return 0
}

func check(_ document: Document) {
    let count = document.text.count
    for block in document.blocks {
        precondition(block.textRange.lowerBound >= 0 && block.textRange.upperBound <= count, "block out of the text")
        _ = document.text(of: block)
    }
    for link in document.links { _ = link.url.utf8.count }
    _ = document.metadata.title
}
