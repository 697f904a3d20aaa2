/// GitHub Actions workflow commands (`--format github`): each finding becomes an annotation on
/// the pull request, on its line.
///
///     ::warning file=content/post.md,line=5,col=1,endLine=5,endColumn=15,title=headings.single-h1::A second H1…%0AMake this heading an H2…
///
/// - `error` → `::error`, `warning` → `::warning`, `info` → `::notice`.
/// - `file` is relative to the run's root (the repository root, as GitHub expects); files
///   outside it keep the path as given. Standard input has no `file`.
/// - `col` and `endColumn` (1-based, in code points, `endColumn` exclusive as in SARIF) are
///   given only when the finding starts and ends on one line, as GitHub's annotations support
///   columns only then; `line` and `endLine` are always given.
/// - `title` is the rule id; the message is the finding's message, then its suggestion on a
///   second line.
/// - Escaping follows the workflow-command rules: in the message `%` → `%25`, CR → `%0D`,
///   LF → `%0A`; in property values also `:` → `%3A` and `,` → `%2C`.
///
/// Input errors become `::error` commands and reader notes `::warning` commands titled
/// `seokit`. No other output: the command should print its summary elsewhere (standard error).
public struct GitHubLintFormatter: LintFormatter {
    public static let name = "github"

    /// The folder relative input paths were given in; `nil` means the process's.
    public var workingDirectory: String?

    public init(workingDirectory: String? = nil) {
        self.workingDirectory = workingDirectory
    }

    public func makeWriter(_ start: LintRunStart) -> any LintOutputWriter {
        Writer(paths: LintPaths(root: start.rootPath, workingDirectory: workingDirectory))
    }

    struct Writer: LintOutputWriter {
        let paths: LintPaths

        mutating func begin(into output: inout ByteBuffer) {}

        mutating func write(_ report: LintReport, into output: inout ByteBuffer) {
            let file = LintPaths.isStandardInput(report.path) ? nil : paths.display(report.path)
            for finding in report.findings {
                let range = LintFormatting.displayRange(finding.range, in: report.source)
                var properties: [(String, String)] = []
                if let file { properties.append(("file", file)) }
                properties.append(("line", String(range.start.line)))
                if range.start.line == range.end.line {
                    properties.append(("col", String(range.start.column)))
                    properties.append(("endLine", String(range.end.line)))
                    properties.append(("endColumn", String(range.end.column)))
                } else {
                    properties.append(("endLine", String(range.end.line)))
                }
                properties.append(("title", finding.ruleID))
                var message = finding.message
                if let suggestion = finding.suggestion, !suggestion.isEmpty { message += "\n" + suggestion }
                output.append(GitHubLintFormatter.command(GitHubLintFormatter.command(for: finding.severity), properties, message))
                output.append(0x0A)
            }
            for note in report.notes {
                var properties: [(String, String)] = []
                if let file { properties.append(("file", file)) }
                if let location = note.location {
                    properties.append(("line", String(location.line)))
                    properties.append(("col", String(location.column)))
                }
                properties.append(("title", "seokit"))
                output.append(GitHubLintFormatter.command("warning", properties, note.message))
                output.append(0x0A)
            }
        }

        mutating func finish(_ totals: LintRunTotals, into output: inout ByteBuffer) {
            for error in totals.inputErrors {
                var properties: [(String, String)] = []
                if !LintPaths.isStandardInput(error.path) { properties.append(("file", paths.display(error.path))) }
                properties.append(("title", "seokit"))
                output.append(GitHubLintFormatter.command("error", properties, error.description))
                output.append(0x0A)
            }
        }
    }

    /// The workflow command of a severity.
    public static func command(for severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "notice"
        }
    }

    /// `::name key=value,key=value::message`, escaped.
    public static func command(_ name: String, _ properties: [(String, String)], _ message: String) -> String {
        var text = "::" + name
        if !properties.isEmpty {
            text += " " + properties.map { $0.0 + "=" + escapeProperty($0.1) }.joined(separator: ",")
        }
        return text + "::" + escapeData(message)
    }

    /// Escapes a command's message: `%`, CR and LF.
    public static func escapeData(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// Escapes a property value: as data, plus `:` and `,`.
    public static func escapeProperty(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": output += "%25"
            case "\r": output += "%0D"
            case "\n": output += "%0A"
            case ":": output += "%3A"
            case ",": output += "%2C"
            default: output.unicodeScalars.append(scalar)
            }
        }
        return output
    }
}
