import ArgumentParser
import SEOKit

/// Options every command that reads inputs shares.
struct InputOptions: ParsableArguments {
    @Option(name: .long, help: "Format of standard input and of files with other extensions: md, html or text.")
    var inputFormat: InputFormatArgument?

    @Option(name: .long, help: ArgumentHelp("Largest input to read, in MB (0: no limit).", valueName: "MB"))
    var maxFileSize: Double = Double(InputFile.defaultSizeLimit >> 20)

    @Option(name: .long, help: ArgumentHelp("Only read files matching this glob (repeatable).", valueName: "glob"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("Skip files matching this glob (repeatable).", valueName: "glob"))
    var exclude: [String] = []

    var readOptions: ReadOptions {
        ReadOptions(sizeLimit: Int(maxFileSize * 1_048_576), formatOverride: inputFormat?.format)
    }

    var discovery: FileDiscovery {
        FileDiscovery(include: include.map(Glob.init), exclude: exclude.map(Glob.init))
    }
}

/// `--jobs N`, shared by the commands that work on several threads.
struct JobsOption: ParsableArguments {
    @Option(name: .long, help: "Worker threads (default: one per core).")
    var jobs: Int = BatchScorer.defaultJobs

    func validate() throws {
        if jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }
}

enum InputFormatArgument: String, ExpressibleByArgument, CaseIterable {
    case md, markdown, html, text, txt

    var format: InputFormat {
        switch self {
        case .md, .markdown: return .markdown
        case .html: return .html
        case .text, .txt: return .text
        }
    }
}

/// Prints input problems as they happen and remembers that one occurred.
struct ProblemReporter {
    private(set) var hadInputError = false

    mutating func report(_ error: InputError) {
        hadInputError = true
        StandardStreams.writeError("seokit: \(error.description.terminalSafe)\n")
    }

    /// Repairs the reader made: one line per note, naming the file.
    mutating func report(notes: [ReadNote], path: String) {
        for note in notes {
            hadInputError = true
            if let location = note.location {
                StandardStreams.writeError("seokit: \(path.terminalSafe):\(location.line):\(location.column): \(note.message)\n")
            } else {
                StandardStreams.writeError("seokit: \(path.terminalSafe): \(note.message)\n")
            }
        }
    }

    var exitStatus: Int32 { hadInputError ? ExitStatus.usageOrInputError : ExitStatus.success }
}
