import ArgumentParser
import SEOKit
import SEOKitHistory

/// `seokit score`: every article of a library scored, on all cores.
struct Score: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score a whole content library: SEO and readability scores per article, worst first.",
        discussion: """
            Exit status: 2 when any file could not be read or was repaired, 1 when any article \
            scored below --min-score, 0 otherwise.
            """)

    @Argument(help: "Files or folders to score (folders are read recursively).")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Read paths to score from a file, one per line ('-' for standard input).", valueName: "file"))
    var filesFrom: String?

    @Option(name: .long, help: "Output format: table (default on a terminal), csv, jsonl (default when piped) or json.")
    var format: ScoreFormatArgument?

    @OptionGroup var workers: JobsOption

    @Option(name: .long, help: ArgumentHelp("Focus keyphrase for every article (repeatable); otherwise each article's front matter.", valueName: "text"))
    var keyphrase: [String] = []

    @Option(name: .long, help: ArgumentHelp("Exit 1 when an article's SEO or readability score is below this.", valueName: "score"))
    var minScore: Int?

    @Option(name: .long, help: ArgumentHelp("Record the run in this SQLite database.", valueName: "file"))
    var db: String?

    @Flag(name: .long, help: "With --db: show which articles got better or worse since the previous run.")
    var sinceLast = false

    @Option(name: .long, help: ArgumentHelp("Write the output to this file (atomically: complete or not at all) instead of standard output.", valueName: "file"))
    var output: String?

    @Flag(name: .long, help: "No progress bar.")
    var quiet = false

    @OptionGroup var input: InputOptions

    enum ScoreFormatArgument: String, ExpressibleByArgument, CaseIterable {
        case table, csv, jsonl, json
        var format: ScoreFormat { ScoreFormat(rawValue: rawValue)! }
    }

    func validate() throws {
        if paths.isEmpty && filesFrom == nil { throw ValidationError("give files or folders to score, or --files-from") }
        if sinceLast && db == nil { throw ValidationError("--since-last needs --db") }
    }

    func run() throws {
        var problems = ProblemReporter()
        var requested = paths
        if let filesFrom {
            do {
                requested += try PathList.read(filesFrom)
            } catch {
                throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(error)")
            }
        }
        let discovered = input.discovery.expand(requested)
        for error in discovered.errors { problems.report(error) }

        let format = self.format?.format ?? (output == nil && StandardStreams.isTerminal(1) ? .table : .jsonl)
        let scorer = BatchScorer(jobs: workers.jobs, reader: DocumentReader(options: input.readOptions), keyphrases: keyphrase)
        let destination: OutputDestination
        do {
            destination = try OutputDestination(path: self.output)
        } catch {
            throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(error)")
        }
        let output = ScoreOutput(format: format, total: discovered.files.count, showProgress: !quiet && StandardStreams.isTerminal(2), destination: destination)

        if let db {
            let history: ScoreHistory
            do {
                history = try ScoreHistory(path: db)
            } catch {
                throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(db): cannot open the score database (\(error))")
            }
            let files = discovered.files
            let runID = try history.recordRun(arguments: CommandLine.arguments) { deliver in
                scorer.run(files) { _, record in
                    output.handle(record)
                    deliver(record)
                }
            }
            if sinceLast, let changes = try history.changes(since: runID) {
                let text = ScoreChangeReport.render(changes)
                if format == .table { output.append("\n" + text) } else { StandardStreams.writeError(text) }
            }
            try output.finish()
        } else {
            scorer.run(discovered.files) { _, record in output.handle(record) }
            try output.finish()
        }

        var status = problems.exitStatus
        if output.failedCount > 0 { status = ExitStatus.usageOrInputError }
        if status == ExitStatus.success, let minScore, output.lowestScore.map({ $0 < minScore }) == true {
            status = ExitStatus.findings
        }
        if status != ExitStatus.success { throw CommandFailure(code: status, message: "") }
    }
}

/// Turns records into output as they arrive; the scorer calls it in input order, one at a time.
final class ScoreOutput: @unchecked Sendable {
    private let format: ScoreFormat
    private let destination: OutputDestination
    private var pendingTail = ""
    private let progress: ProgressBar?
    private var records: [ScoreRecord] = []
    private(set) var summary = ScoreSummary()
    private(set) var failedCount = 0
    private(set) var lowestScore: Int?

    init(format: ScoreFormat, total: Int, showProgress: Bool, destination: OutputDestination) {
        self.format = format
        self.destination = destination
        progress = showProgress ? ProgressBar(total: total) : nil
        if format == .csv { destination.write(ScoreRendering.csvHeader()) }
    }

    /// Text printed after the records (the --since-last report in table format).
    func append(_ text: String) { pendingTail += text }

    func handle(_ record: ScoreRecord) {
        if record.status == .error {
            failedCount += 1
            progress.map { _ in StandardStreams.writeError("\r\u{1B}[2K") }
            StandardStreams.writeError("seokit: \(record.path.terminalSafe): \((record.message ?? "error").terminalSafe)\n")
        }
        for score in [record.seoScore, record.readabilityScore].compactMap({ $0 }) {
            lowestScore = min(lowestScore ?? score, score)
        }
        summary.add(record)
        switch format {
        case .csv: destination.write(ScoreRendering.csvRow(record))
        case .jsonl: destination.write(ScoreRendering.jsonLine(record))
        case .table, .json:
            // Kept for sorting; findings are not needed any more.
            var kept = record
            kept.findings = []
            records.append(kept)
        }
        progress?.advance()
    }

    func finish() throws {
        progress?.finish()
        switch format {
        case .table: destination.write(ScoreRendering.table(records, summary: summary))
        case .json: destination.write(ScoreRendering.json(records, summary: summary))
        case .csv, .jsonl: break
        }
        if !pendingTail.isEmpty { destination.write(pendingTail) }
        do {
            try destination.commit()
        } catch {
            throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(error)")
        }
    }
}

/// Standard output, or a file that appears only once the run is complete.
final class OutputDestination: @unchecked Sendable {
    private let file: AtomicOutputStream?
    private var failure: AtomicFileError?

    init(path: String?) throws {
        file = try path.map { path throws(AtomicFileError) in try AtomicOutputStream(path: path) }
    }

    func write(_ text: String) {
        guard let file else { return StandardStreams.writeOutput(text) }
        do { try file.write(text) } catch { failure = failure ?? error }
    }

    func commit() throws {
        if let failure { throw failure }
        try file?.commit()
    }
}
