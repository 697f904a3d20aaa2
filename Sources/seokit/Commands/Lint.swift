import ArgumentParser
import SEOKit

#if canImport(Glibc)
import Glibc
#endif

/// `seokit lint`: check drafts against the rules; the pull-request gate.
struct Lint: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "Check Markdown, HTML and text against the SEO and copy rules.",
        discussion: """
            Configuration: the nearest .seokit.yml at or above each file (up to the repository \
            root, the first folder with .git) applies to it; the nearest file is the whole \
            configuration, files do not merge. --config FILE applies one file to every input. \
            'seokit init' writes a commented starter.

            Outputs: --format takes one or more of text, json, sarif, github, comma-separated or \
            repeated; FORMAT:FILE writes a file (atomically), a format without a file goes to \
            standard output (at most one). Default: text; under GitHub Actions \
            (GITHUB_ACTIONS=true) github annotations on standard output and the text report on \
            standard error, so the job log lists every finding even past GitHub's annotation limits.

            Baselines: --write-baseline FILE records the findings of this run; --baseline FILE \
            leaves out findings recorded there (matched on file, rule and the text of their line, \
            so edits elsewhere in a file keep them matched). Give both the same FILE to start \
            or update a baseline.

            Exit status: 0 when no finding reaches --fail-on, 1 when one does, 2 for usage, \
            configuration or input errors (the other files are still linted and reported).
            """)

    @Argument(help: "Files or folders to lint; '-' reads standard input.")
    var paths: [String] = []

    @Option(name: .long, help: ArgumentHelp("Use this configuration file for every input (no discovery).", valueName: "file"))
    var config: String?

    @Option(name: .long, help: ArgumentHelp("Focus keyphrase, instead of the front matter's (repeatable).", valueName: "text"))
    var keyphrase: [String] = []

    @Option(name: .long, help: ArgumentHelp("Outputs: text, json, sarif, github, each optionally FORMAT:FILE; comma-separated or repeated.", valueName: "spec"))
    var format: [String] = []

    @Option(name: .long, help: ArgumentHelp("Lowest severity that fails the run: info, warning or error (default: the configuration's fail-on, else error).", valueName: "severity"))
    var failOn: FailOnArgument?

    @Flag(name: .long, help: "Leave out documents whose front matter says draft: true.")
    var skipDrafts = false

    @Option(name: .long, help: ArgumentHelp("Leave out findings recorded in this baseline file.", valueName: "file"))
    var baseline: String?

    @Option(name: .long, help: ArgumentHelp("Record this run's findings in a baseline file.", valueName: "file"))
    var writeBaseline: String?

    @Flag(name: .long, help: "Show the assessments behind each file's scores.")
    var explain = false

    @Flag(name: .long, help: "No ANSI colour (also when NO_COLOR is set or the output is not a terminal).")
    var noColor = false

    @OptionGroup var workers: JobsOption

    @OptionGroup var input: InputOptions

    enum FailOnArgument: String, ExpressibleByArgument, CaseIterable {
        case info, warning, error
        var severity: Severity { Severity(rawValue: rawValue)! }
    }

    func run() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file, folder or '-'") }
        let inGitHubActions = Lint.environment("GITHUB_ACTIONS") == "true"

        var outputs: [OutputSpec]
        do {
            outputs = try LintFormats.parseOutputs(format)
        } catch {
            throw ValidationError(error.description)
        }
        // Text on standard error: the GitHub Actions default's readable log.
        var textOnStandardError = false
        if outputs.isEmpty {
            if inGitHubActions {
                outputs = [OutputSpec(format: GitHubLintFormatter.name)]
                textOnStandardError = true
            } else {
                outputs = [OutputSpec(format: TextLintFormatter.name)]
            }
        }

        let options = LintSession.Options(
            configPath: config, keyphrases: keyphrase, failOn: failOn?.severity, skipDrafts: skipDrafts,
            baselinePath: baseline, writeBaselinePath: writeBaseline, readOptions: input.readOptions,
            include: input.include.map(Glob.init), exclude: input.exclude.map(Glob.init), jobs: workers.jobs)

        let noColorVariable = Lint.environment("NO_COLOR").map { !$0.isEmpty } ?? false
        let colorOnTerminal = !noColor && !noColorVariable && StandardStreams.isTerminal(1)
        let textShown = textOnStandardError || outputs.contains { $0.isStandardOutput && $0.format == TextLintFormatter.name }
        var sinks: [LintOutputSink] = []
        var writeFailed = false
        // Without a text report on the terminal, reader notes and the explanation still go to
        // standard error at the end (standard output may hold JSON or SARIF).
        var noteLines: [String] = []
        var explanations: [String] = []
        let totals: LintRunTotals
        do {
            totals = try LintSession(options: options).run(paths, start: { start in
                for output in outputs {
                    let isText = output.format == TextLintFormatter.name
                    guard let formatter = LintFormats.formatter(
                        named: output.format, colored: output.isStandardOutput && colorOnTerminal, explainScores: explain && isText)
                    else { continue }
                    do {
                        sinks.append(try LintOutputSink(formatter.makeWriter(start), path: output.path))
                    } catch {
                        StandardStreams.writeError("seokit: \(error)\n")
                        writeFailed = true
                    }
                }
                if textOnStandardError {
                    sinks.append(LintOutputSink(TextLintFormatter(explainScores: explain).makeWriter(start), descriptor: 2))
                }
            }, deliver: { report in
                for sink in sinks { sink.write(report) }
                guard !textShown else { return }
                for note in report.notes {
                    let position = note.location.map { ":\($0.line):\($0.column)" } ?? ""
                    noteLines.append("seokit: \(report.path)\(position): \(note.message)\n")
                }
                if explain { explanations.append(TextLintFormatter.explanation(of: report)) }
            })
        } catch {
            throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(error)")
        }
        for sink in sinks {
            do {
                try sink.finish(totals)
            } catch {
                StandardStreams.writeError("seokit: \(error)\n")
                writeFailed = true
            }
        }
        if !textShown {
            for error in totals.inputErrors { StandardStreams.writeError("seokit: \(error)\n") }
            for line in noteLines { StandardStreams.writeError(line) }
            if explain {
                let explanation = explanations.joined(separator: "\n")
                if outputs.contains(where: \.isStandardOutput) {
                    StandardStreams.writeError(explanation)
                } else {
                    StandardStreams.writeOutput(explanation)
                }
            }
        }

        let status = writeFailed ? ExitStatus.usageOrInputError : totals.exitStatus
        if status != ExitStatus.success { throw CommandFailure(code: status, message: "") }
    }

    /// Output files may name folders that do not exist yet (`sarif:reports/seokit.sarif`).
    static func createParentFolder(of path: String) throws(AtomicFileError) {
        if let failure = Paths.makeFolders(Paths.parent(path)) {
            throw AtomicFileError(path: path, operation: "write", reason: failure)
        }
    }

    /// An environment variable, without Foundation.
    static func environment(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}

/// One output of a lint run as it streams: a format's writer, a buffer, and where the bytes go
/// (standard output or error, or a file that appears, complete, only at `finish`).
final class LintOutputSink {
    private var writer: any LintOutputWriter
    private var buffer = ByteBuffer(capacity: 1 << 17)
    private let descriptor: Int32
    private let file: AtomicOutputStream?
    /// A write to the file failed: the rest is dropped and `finish` reports it.
    private var failure: AtomicFileError?

    /// An output to a file (created with its folders) or, without a path, to standard output.
    init(_ writer: any LintOutputWriter, path: String?) throws(AtomicFileError) {
        if let path {
            try Lint.createParentFolder(of: path)
            file = try AtomicOutputStream(path: path)
        } else {
            file = nil
        }
        descriptor = 1
        self.writer = writer
        self.writer.begin(into: &buffer)
    }

    /// An output to a descriptor (standard error).
    init(_ writer: any LintOutputWriter, descriptor: Int32) {
        file = nil
        self.descriptor = descriptor
        self.writer = writer
        self.writer.begin(into: &buffer)
    }

    func write(_ report: LintReport) {
        writer.write(report, into: &buffer)
        if buffer.count >= 1 << 16 { flush() }
    }

    /// Writes the end of the output and, for a file, puts it in place.
    func finish(_ totals: LintRunTotals) throws(AtomicFileError) {
        writer.finish(totals, into: &buffer)
        flush()
        if let failure { throw failure }
        try file?.commit()
    }

    private func flush() {
        guard failure == nil else { buffer.removeAll(); return }
        if let file {
            do {
                try buffer.withBytes { bytes throws(AtomicFileError) in try file.write(bytes) }
            } catch {
                failure = error
            }
        } else {
            buffer.withBytes { StandardStreams.write(descriptor: descriptor, bytes: $0) }
        }
        buffer.removeAll()
    }
}
