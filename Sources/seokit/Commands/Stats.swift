import ArgumentParser
import SEOKit

/// `seokit stats`: counts and readability formulas per input.
struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "Counts and readability formulas for each input.",
        discussion: "Reads Markdown (with YAML or TOML front matter), HTML and plain text. Folders are read recursively.")

    @Argument(help: "Files or folders to read; '-' reads standard input.")
    var paths: [String] = []

    @Option(name: .long, help: "Output format: table or json.")
    var format: StatsFormat = .table

    @OptionGroup var input: InputOptions

    enum StatsFormat: String, ExpressibleByArgument, CaseIterable { case table, json }

    func run() throws {
        guard !paths.isEmpty else { throw ValidationError("give at least one file, folder or '-'") }
        var problems = ProblemReporter()
        let discovered = input.discovery.expand(paths)
        for error in discovered.errors { problems.report(error) }
        let reader = DocumentReader(options: input.readOptions)
        var results: [DocumentStatistics] = []
        for path in discovered.files {
            do {
                let document = try reader.read(path: path)
                problems.report(notes: document.notes, path: path)
                results.append(DocumentStatistics(document: document))
            } catch {
                problems.report(error)
            }
        }
        switch format {
        case .json:
            let json = JSONValue.object([
                ("schemaVersion", .int(DocumentStatistics.jsonSchemaVersion)),
                ("tool", .object([("name", .string("seokit")), ("version", .string(SEOKitVersion.string))])),
                ("documents", .array(results.map { .object($0.jsonFields) })),
            ])
            StandardStreams.writeOutput(json.pretty() + "\n")
        case .table:
            StandardStreams.writeOutput(StatsTable.render(results))
        }
        if problems.exitStatus != ExitStatus.success { throw CommandFailure(code: problems.exitStatus, message: "") }
    }
}
