import ArgumentParser
import SEOKit

#if canImport(Glibc)
import Glibc
#endif

/// `seokit`: the command-line face of the SEOKit library.
///
/// Commands parse their arguments and call the library; nothing here analyses text.
@main
struct SEOKitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "seokit",
        abstract: "SEO and copy analysis for Markdown and HTML: lint drafts, compare with competitors, score a library.",
        version: SEOKitVersion.string,
        subcommands: [Stats.self, Score.self, Inspect.self, Extract.self, Lint.self, Rules.self, Explain.self, Init.self, Compare.self]
    )

    /// Linters exit 0 / 1 / 2; swift-argument-parser's own usage errors exit 64, so map them.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            let code = exitCode(for: error)
            if code == ExitCode.success {
                exit(withError: error)
            }
            if let failure = error as? CommandFailure {
                if !failure.message.isEmpty { printError(failure.message) }
                Glibc.exit(failure.code)
            }
            if error is ExitCode {
                Glibc.exit((error as! ExitCode).rawValue)
            }
            printError(fullMessage(for: error))
            Glibc.exit(ExitStatus.usageOrInputError)
        }
    }

    /// Error lines name files and quote text from inputs: control characters are escaped so a
    /// file name cannot forge lines or send escape sequences to the terminal.
    static func printError(_ message: String) {
        // Line by line: usage messages span several lines on purpose.
        var line = message.split(separator: "\n", omittingEmptySubsequences: false).map { String($0).terminalSafe }.joined(separator: "\n")
        if !line.hasSuffix("\n") { line += "\n" }
        StandardStreams.writeError(line)
    }
}

/// Exit statuses shared by every command (documented in the README).
enum ExitStatus {
    static let success: Int32 = 0
    /// Findings at or above `--fail-on`, or scores under `--min-score`.
    static let findings: Int32 = 1
    /// Usage, configuration or input errors (the other inputs were still processed).
    static let usageOrInputError: Int32 = 2
}

/// Ends a command with a status and an optional message on stderr.
struct CommandFailure: Error {
    var code: Int32
    var message: String
}
