import Benchmark
import Foundation
import SEOKit

// In-process figures: the library alone, no process start or file reading. Inputs are built
// from the project's own Corpora/ so the benchmark runs anywhere the repository does.

/// English prose and pages, built once.
enum Inputs {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The bodies of every Markdown draft in Corpora/drafts.
    static let markdownFiles: [[UInt8]] = {
        let folder = repository.appendingPathComponent("Corpora/drafts")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { $0.hasSuffix(".md") }.compactMap { name in
            try? Array(Data(contentsOf: folder.appendingPathComponent(name)))
        }
    }()

    /// About 16 MB of plain English prose: the drafts' text, repeated.
    static let plainText: [UInt8] = {
        let reader = DocumentReader()
        var prose: [UInt8] = []
        for file in markdownFiles {
            guard let document = try? reader.read(bytes: file, path: "draft.md", format: .markdown) else { continue }
            for block in document.blocks where block.isProse {
                prose.append(contentsOf: document.text(of: block).utf8)
                prose.append(contentsOf: [0x0A, 0x0A])
            }
        }
        var text: [UInt8] = []
        text.reserveCapacity(16 << 20)
        while text.count < 16 << 20 { text.append(contentsOf: prose) }
        return text
    }()

    /// The competitor pages of Corpora/competitors, repeated to about 8 MB of HTML.
    static let pages: [[UInt8]] = {
        let folder = repository.appendingPathComponent("Corpora/competitors")
        var pages: [[UInt8]] = []
        if let enumerator = FileManager.default.enumerator(atPath: folder.path) {
            for case let path as String in enumerator where path.hasSuffix(".html") && path.contains("/pages/") {
                if let data = try? Data(contentsOf: folder.appendingPathComponent(path)) { pages.append(Array(data)) }
            }
        }
        return pages.sorted { $0.count < $1.count }
    }()
}

let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .cpuTotal, .mallocCountTotal, .peakMemoryResident],
        warmupIterations: 1, maxDuration: .seconds(5), maxIterations: 20)

    let text = Inputs.plainText
    let megabytes = Double(text.count) / 1_048_576
    Benchmark("stats, plain text, \(Int(megabytes.rounded())) MB") { benchmark in
        for _ in benchmark.scaledIterations {
            let document = try! DocumentReader().read(bytes: text, path: "corpus.txt", format: .text)
            blackHole(DocumentStatistics(document: document))
        }
    }

    let drafts = Inputs.markdownFiles
    Benchmark("lint, Markdown drafts ×20 (\(drafts.reduce(0) { $0 + $1.count } * 20 / 1024) KB)") { benchmark in
        let engine = LintEngine()
        let cache = WordCache()
        for _ in benchmark.scaledIterations {
            for _ in 0..<20 {
                for file in drafts {
                    let document = try! DocumentReader().read(bytes: file, path: "post.md", format: .markdown)
                    blackHole(engine.lint(document, cache: cache))
                }
            }
        }
    }

    // Issue bar: a 2,000-word post under 20 ms of CPU. Full rule set, a fresh engine per post
    // as `seokit lint FILE` has.
    let post = (try? Array(Data(contentsOf: Inputs.repository.appendingPathComponent("Corpora/drafts/good-beginner-running-plan.md")))) ?? []
    Benchmark("lint one post of 1,952 words") { benchmark in
        for _ in benchmark.scaledIterations {
            let document = try! DocumentReader().read(bytes: post, path: "good-beginner-running-plan.md", format: .markdown)
            blackHole(LintEngine().lint(document))
        }
    }

    let pages = Inputs.pages
    Benchmark("stats, HTML pages ×10 (\(pages.reduce(0) { $0 + $1.count } * 10 / 1024) KB)") { benchmark in
        for _ in benchmark.scaledIterations {
            for _ in 0..<10 {
                for page in pages {
                    let document = try! DocumentReader().read(bytes: page, path: "page.html", format: .html)
                    blackHole(DocumentStatistics(document: document))
                }
            }
        }
    }

    Benchmark("extract main content, pages ×10") { benchmark in
        for _ in benchmark.scaledIterations {
            for _ in 0..<10 {
                for page in pages {
                    let decoded = try! TextDecoding.decode(page, format: .html, path: "page.html")
                    blackHole(MainContentExtractor.extract(decoded, path: "page.html"))
                }
            }
        }
    }
}
