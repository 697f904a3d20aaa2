import FuzzDriver
import SEOKit
#if canImport(Glibc)
import Glibc
#endif

/// The entry point SwiftPM links as `main`: libFuzzer's driver, running `fuzzConfig`.
@_cdecl("config_main")
public func configMain(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    seokit_fuzz_main(argc, argv) { data, size in fuzzConfig(data, size) }
}

/// `.seokit.yml` text through the configuration parser (Yams, then SEOKit's checks: keys, rule
/// names, options, globs). A rejection must be a `ConfigurationError` naming the file.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzConfig(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let bytes = size == 0 ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    let text = String(decoding: bytes, as: UTF8.self)
    if hitsKnownGlobBlowUp(bytes) { return 0 }
    do {
        let configuration = try ConfigurationLoader.parse(text, path: "fuzz/.seokit.yml")
        // Use what was parsed: resolve rules for a few paths, as the lint command does, and
        // match the include/exclude globs.
        for path in ["post.md", "blog/2024/a b.md", "docs/../x.html", "é/ü.mdx", ""] {
            _ = configuration.resolvedRules(for: path)
            for glob in configuration.include + configuration.exclude { _ = glob.matches(path) }
        }
    } catch {
        precondition(error.description.contains("fuzz/.seokit.yml"), "error does not name the file: \(error)")
    }
    return 0
}

/// Known bugs, reported: `Glob` expands `{a,b}` groups eagerly (2^n alternatives) and backtracks
/// exponentially on repeated `**`. The fuzzer finds them within a minute and then only times out,
/// so inputs with many brace groups or globstars are skipped; set SEOKIT_FUZZ_KNOWN_BUGS=1 to fuzz
/// them anyway (delete this once Glob is bounded).
func hitsKnownGlobBlowUp(_ bytes: [UInt8]) -> Bool {
    if knownBugsIncluded { return false }
    let braces = bytes.lazy.filter { $0 == UInt8(ascii: "{") }.count
    var globstars = 0
    var index = 0
    while index + 1 < bytes.count {
        if bytes[index] == UInt8(ascii: "*") && bytes[index + 1] == UInt8(ascii: "*") { globstars += 1; index += 2 } else { index += 1 }
    }
    return braces > 10 || globstars > 4
}

let knownBugsIncluded = getenv("SEOKIT_FUZZ_KNOWN_BUGS") != nil
