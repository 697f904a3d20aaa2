import FuzzDriver
import SEOKit

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
