// swift-tools-version: 6.1
import PackageDescription

// SEOKit's in-process benchmarks, in a package of their own so the library never depends on
// the benchmark harness. Run from this folder: `swift package benchmark`.
let package = Package(
    name: "SEOKitBenchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        .package(name: "SEOKit", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "SEOKitBenchmarks",
            dependencies: [
                .product(name: "SEOKit", package: "SEOKit"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "Benchmarks/SEOKitBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
