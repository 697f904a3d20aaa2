import Dispatch
import Synchronization

/// Scores many inputs on all cores and hands results back in input order.
///
/// Workers pull the next path from a shared counter, read, lint and score the document, and
/// keep only the small `ScoreRecord`: a document is released as soon as it is scored, so memory
/// stays flat however many files there are. Records are delivered in input order as soon as
/// every earlier one is done, so output is deterministic and still streams.
public struct BatchScorer: Sendable {
    public var jobs: Int
    public var reader: DocumentReader
    public var keyphrases: [String]
    /// The rules for one input (configuration lookup per file happens here).
    public var rulesForPath: @Sendable (String) -> [ResolvedRule]

    public init(
        jobs: Int = BatchScorer.defaultJobs, reader: DocumentReader = DocumentReader(), keyphrases: [String] = [],
        rulesForPath: @escaping @Sendable (String) -> [ResolvedRule] = { LintConfiguration().resolvedRules(for: $0) }
    ) {
        self.jobs = max(1, jobs)
        self.reader = reader
        self.keyphrases = keyphrases
        self.rulesForPath = rulesForPath
    }

    /// One worker per core.
    public static var defaultJobs: Int { max(1, ProcessInfo.processInfo.activeProcessorCount) }

    /// Scores `paths`; `deliver` is called once per path, in order, never concurrently.
    public func run(_ paths: [String], deliver: @escaping @Sendable (Int, ScoreRecord) -> Void) {
        LibXML2.initialize()
        _ = EnglishLexicon.shared
        let state = Locked(DeliveryState())
        let next = Atomic<Int>(0)
        let total = paths.count
        let workers = min(jobs, max(total, 1))
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            // Each worker keeps its own word cache across the documents it scores.
            let cache = WordCache()
            let engine = LintEngine()
            while true {
                let index = next.wrappingAdd(1, ordering: .relaxed).oldValue
                guard index < total else { break }
                let record = score(paths[index], engine: engine, cache: cache)
                state.withLock { state in
                    state.pending[index] = record
                    while let ready = state.pending.removeValue(forKey: state.nextToDeliver) {
                        deliver(state.nextToDeliver, ready)
                        state.nextToDeliver += 1
                    }
                }
            }
        }
    }

    private struct DeliveryState: Sendable {
        var pending: [Int: ScoreRecord] = [:]
        var nextToDeliver = 0
    }

    /// Reads, lints and scores one input; failures become error records.
    public func score(_ path: String, engine: LintEngine = LintEngine(), cache: WordCache? = nil) -> ScoreRecord {
        do {
            let document = try reader.read(path: path)
            let report = engine.lint(document, rules: rulesForPath(path), keyphrases: keyphrases, cache: cache)
            return ScoreRecord(report: report)
        } catch {
            return ScoreRecord(failure: error)
        }
    }
}
