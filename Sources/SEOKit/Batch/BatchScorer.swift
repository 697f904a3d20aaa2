
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

    /// Scores `paths`; `deliver` is called once per path, in order, on the calling thread.
    public func run(_ paths: [String], deliver: (Int, ScoreRecord) -> Void) {
        LibXML2.initialize()
        _ = EnglishLexicon.shared
        // Each worker keeps its own word cache and engine across the documents it scores.
        OrderedHandoff<ScoreRecord>.run(
            count: paths.count, workers: jobs, state: { (WordCache(), LintEngine()) },
            work: { index, state in score(paths[index], engine: state.1, cache: state.0) },
            deliver: deliver)
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
