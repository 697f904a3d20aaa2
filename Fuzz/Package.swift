// swift-tools-version: 6.1
// libFuzzer targets for SEOKit. Build and run with scripts/fuzz.sh (not part of the main package,
// so `swift build` / `swift test` at the root never see the sanitizer flags).
//
// Each target exposes `LLVMFuzzerTestOneInput` and has no Swift `main`. The targets are compiled
// with -parse-as-library here, not on the command line, because a global -parse-as-library would
// also reach the main package's build tool (embed-lexicons), whose main.swift has top-level code.
// SwiftPM links an executable target's entry point as `<target>_main` (--defsym main=...), so each
// target defines that symbol and hands over to libFuzzer's driver (`LLVMFuzzerRunDriver`, via the
// small C target FuzzDriver). The sanitizers come from the command line,
//   -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld
// so that SEOKit itself is instrumented for coverage and checked by AddressSanitizer.
import PackageDescription

let fuzzTarget: [SwiftSetting] = [.unsafeFlags(["-parse-as-library"])]

let package = Package(
    name: "SEOKitFuzz",
    platforms: [.macOS(.v14)],
    dependencies: [
        // A path dependency's identity is its folder name (`main` here), so name it explicitly.
        .package(name: "SEOKit", path: ".."),
    ],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(name: "markdown", dependencies: ["FuzzDriver", .product(name: "SEOKit", package: "SEOKit")], swiftSettings: fuzzTarget),
        .executableTarget(name: "html", dependencies: ["FuzzDriver", .product(name: "SEOKit", package: "SEOKit")], swiftSettings: fuzzTarget),
        .executableTarget(name: "config", dependencies: ["FuzzDriver", .product(name: "SEOKit", package: "SEOKit")], swiftSettings: fuzzTarget),
        .executableTarget(name: "text", dependencies: ["FuzzDriver", .product(name: "SEOKit", package: "SEOKit")], swiftSettings: fuzzTarget),
    ]
)
