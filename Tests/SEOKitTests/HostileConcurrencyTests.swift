import Dispatch
import Foundation
import SEOKit
import SEOKitTestSupport
import Synchronization
import Testing

/// libxml2, cmark-gfm, Yams, the TOML reader and the shared lexicons used from several threads at once,
/// as `seokit score` and `seokit lint` do. Run under ThreadSanitizer by scripts/sanitizers.sh;
/// under a plain build they still check that parallel results equal sequential ones.
@Suite struct HostileConcurrencyTests {
    /// Every corpus input (Markdown, MDX, HTML, text; UTF-8, Latin-1, Windows-1252, BOM), plus
    /// inputs that fail (binary, malformed YAML and TOML front matter, missing).
    static func inputs(in folder: TemporaryDirectory) throws -> [String] {
        var paths = Repository.files(in: "Corpora/drafts", extensions: ["md", "mdx", "html", "txt"])
        paths += Repository.files(in: "Corpora/pages", extensions: ["html"])
        for topic in ["sourdough-starter", "home-office-ergonomics"] {
            paths += Repository.files(in: "Corpora/competitors/\(topic)/pages", extensions: ["html"])
        }
        paths.append(try folder.write("binary.md", bytes: [0x7F, 0x45, 0x4C, 0x46] + [UInt8](repeating: 0, count: 512)))
        paths.append(try folder.write("bad-yaml.md", "---\ntitle: [x\n---\nBody.\n"))
        paths.append(try folder.write("bad-toml.md", "+++\ntitle = \"x\n+++\nBody.\n"))
        paths.append(folder.url("missing.md"))
        return paths
    }

    /// What must not depend on the number of threads.
    static func summary(_ record: ScoreRecord) -> String {
        "\(record.path) \(record.status) \(record.seoScore ?? -1) \(record.readabilityScore ?? -1) "
            + "\(record.errors)/\(record.warnings)/\(record.infos) \(record.statistics?.counts.words ?? -1) "
            + "\(record.findings.map(\.ruleID).joined(separator: ",")) \(record.message ?? "")"
    }

    @Test func batchScorerGivesTheSameResultsOnFourThreads() throws {
        let folder = try TemporaryDirectory()
        // Three rounds of the inputs: enough work for the workers to overlap.
        let paths = Array(repeating: try Self.inputs(in: folder), count: 3).flatMap { $0 }
        var results: [Int: [String]] = [:]
        for jobs in [1, 4] {
            let collector = Collector()
            BatchScorer(jobs: jobs).run(paths) { index, record in
                if collector.inside.add(1, ordering: .sequentiallyConsistent).newValue > 1 { collector.overlapped.store(true, ordering: .relaxed) }
                collector.delivered.withLock { $0.append((index, Self.summary(record))) }
                collector.inside.subtract(1, ordering: .sequentiallyConsistent)
            }
            let list = collector.delivered.withLock { $0 }
            let overlapped = collector.overlapped.load(ordering: .relaxed)
            #expect(!overlapped, "deliver was called concurrently")
            #expect(list.map(\.0) == Array(0..<paths.count), "not delivered in order with \(jobs) jobs")
            results[jobs] = list.map(\.1)
        }
        #expect(results[1] == results[4])
        #expect(results[1]?.filter { $0.contains(" error ") }.count == 3 * 4)
    }

    @Test func readersOnManyThreadsAtOnce() throws {
        let folder = try TemporaryDirectory()
        let paths = try Self.inputs(in: folder).filter { !$0.hasSuffix("missing.md") }
        @Sendable func read(_ path: String) -> String {
            do {
                let document = try DocumentReader().read(path: path)
                let analysis = TextAnalysis(document: document)
                var summary = "\(document.blocks.count) \(analysis.tokens.count) \(analysis.sentences.count)"
                if document.format == .html {
                    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
                    let decoded = try TextDecoding.decode(bytes, format: .html, path: path)
                    let extracted = MainContentExtractor.extract(decoded, path: path)
                    summary += " main \(extracted.blocks.count) \(extracted.text.count)"
                }
                let report = LintEngine().lint(document)
                return summary + " \(report.findings.count) \(report.seoScore)"
            } catch {
                return "\(error)"
            }
        }
        let sequential = paths.map(read)
        let rounds = 4
        let parallel = Results(count: paths.count * rounds)
        DispatchQueue.concurrentPerform(iterations: paths.count * rounds) { index in
            let result = read(paths[index % paths.count])
            parallel.values.withLock { $0[index] = result }
        }
        let results = parallel.values.withLock { $0 }
        for (index, result) in results.enumerated() {
            #expect(result == sequential[index % paths.count], "\(paths[index % paths.count])")
        }
    }
}

// NSLock, not Synchronization.Mutex: ThreadSanitizer does not see Mutex's futex on Linux and
// would report the guarded accesses as races.
private final class Locked<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<R>(_ body: (inout Value) -> R) -> R {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}

private final class Collector: Sendable {
    let delivered = Locked<[(Int, String)]>([])
    let inside = Atomic<Int>(0)
    let overlapped = Atomic<Bool>(false)
}

private final class Results: Sendable {
    let values: Locked<[String?]>
    init(count: Int) { values = Locked([String?](repeating: nil, count: count)) }
}
