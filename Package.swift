// swift-tools-version: 6.1
import PackageDescription

/// Link flags for the `seokit` release binary: the Swift runtime and Foundation (which GRDB
/// needs) linked in statically. Objects compiled against the shared Foundation name only
/// `-lFoundation`, so its static archives are listed here, in one group because they refer to
/// each other.
let staticRuntime = [
    "-static-stdlib", "-Xlinker", "--start-group",
    "-lFoundation", "-lFoundationInternationalization", "-lFoundationEssentials", "-lCoreFoundation",
    "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections",
    "-Xlinker", "--end-group",
]

let package = Package(
    name: "SEOKit",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SEOKit", targets: ["SEOKit"]),
        .library(name: "SEOKitHistory", targets: ["SEOKitHistory"]),
        .executable(name: "seokit", targets: ["seokit"]),
        .executable(name: "seokit-fetch", targets: ["seokit-fetch"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
    ],
    targets: [
        // C parsers from Debian, wrapped as system libraries.
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"])]
        ),
        .systemLibrary(
            name: "CCmarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),

        // Turns the word lists in Corpora/lexicons into Swift string literals at build time,
        // so the binary carries its data and Corpora/ stays the single source of truth.
        .executableTarget(name: "embed-lexicons", path: "Plugins/EmbedLexiconsTool"),
        .plugin(
            name: "EmbedLexicons",
            capability: .buildTool(),
            dependencies: ["embed-lexicons"]
        ),

        // The library: readers → Document → text engine → analyses → findings → formatters.
        .target(
            name: "SEOKit",
            dependencies: [
                "CLibXML2",
                "CCmarkGFM",
                .product(name: "Yams", package: "Yams"),
            ],
            plugins: ["EmbedLexicons"]
        ),
        // Score history in SQLite; kept apart so the core library does not depend on GRDB.
        .target(
            name: "SEOKitHistory",
            dependencies: ["SEOKit", .product(name: "GRDB", package: "GRDB.swift")]
        ),
        // Fetches competitor pages over HTTP(S) for `seokit compare --urls`; kept apart so the core
        // library does not load FoundationNetworking (libcurl).
        .target(name: "SEOKitFetch", dependencies: ["SEOKit"]),
        // The command-line tool: parses arguments and calls the library.
        .executableTarget(
            name: "seokit",
            dependencies: [
                "SEOKit",
                "SEOKitHistory",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // Release builds link the Swift runtime and Foundation statically: resolving their
            // symbols at every start cost half of a one-post lint (26 ms -> 20 ms, Benchmarks/README.md).
            linkerSettings: [.unsafeFlags(staticRuntime, .when(configuration: .release))]
        ),
        // The network half of `seokit compare --urls`, a process of its own: loading
        // FoundationNetworking and libcurl costs every other run of `seokit` about 10 ms.
        .executableTarget(name: "seokit-fetch", dependencies: ["SEOKit", "SEOKitFetch"]),

        .target(name: "SEOKitTestSupport", dependencies: ["SEOKit"], path: "Tests/SEOKitTestSupport"),
        .testTarget(name: "SEOKitTests", dependencies: ["SEOKit", "SEOKitFetch", "SEOKitTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "CLITests",
            dependencies: ["SEOKitTestSupport", "seokit", "seokit-fetch"]
        ),
    ]
)
