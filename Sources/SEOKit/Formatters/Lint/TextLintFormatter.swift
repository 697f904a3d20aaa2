/// The human format of `seokit lint` (`--format text`, the default).
///
/// Findings are grouped by file, one line each in the form editors and terminals make
/// clickable, with the suggestion indented under it and the file's scores after its group:
///
///     content/post.md:5:1: warning: A second H1: the page already has an earlier H1. [headings.single-h1]
///         → Make this heading an H2, or merge it with the first.
///     content/post.md: SEO 72, readability 64
///
///     content/missing.md: error: no such file or directory
///
///     1 finding (0 errors, 1 warning, 0 infos) in 1 of 2 files; 3 suppressed; 1 input error
///
/// Paths are shown as the user gave them. Reader notes (repaired input, which fail the run
/// with status 2) appear as `note:` lines. ANSI colour is used only when `colored` is set (the
/// command sets it when standard output is a terminal).
public struct TextLintFormatter: LintFormatter {
    public static let name = "text"

    /// Colour the output with ANSI escapes.
    public var colored: Bool
    /// Print each file's scores under its findings.
    public var showScores: Bool
    /// Append the assessments behind every score (`lint --explain`).
    public var explainScores: Bool

    public init(colored: Bool = false, showScores: Bool = true, explainScores: Bool = false) {
        self.colored = colored
        self.showScores = showScores
        self.explainScores = explainScores
    }

    public func makeWriter(_ start: LintRunStart) -> any LintOutputWriter { Writer(formatter: self) }

    struct Writer: LintOutputWriter {
        let formatter: TextLintFormatter
        let style: ANSIStyle
        /// Groups are separated by a blank line, except consecutive files with nothing but
        /// scores; `nil` before the first group.
        var previousScoresOnly: Bool?
        /// Whether anything was written (the summary is set off by a blank line then).
        var wroteAnything = false
        /// `--explain`: the assessments of each report, written after all findings.
        var explanations: [String] = []

        init(formatter: TextLintFormatter) {
            self.formatter = formatter
            style = ANSIStyle(enabled: formatter.colored)
        }

        mutating func begin(into output: inout ByteBuffer) {}

        private mutating func startGroup(scoresOnly: Bool, into output: inout ByteBuffer) {
            if let previous = previousScoresOnly, !(scoresOnly && previous) { output.append(0x0A) }
            previousScoresOnly = scoresOnly
            wroteAnything = true
        }

        mutating func write(_ report: LintReport, into output: inout ByteBuffer) {
            if formatter.explainScores { explanations.append(TextLintFormatter.explanation(of: report, colored: formatter.colored)) }
            let scoresOnly = report.findings.isEmpty && report.notes.isEmpty
            if scoresOnly && !formatter.showScores { return }
            startGroup(scoresOnly: scoresOnly, into: &output)
            let reportPath = style.bold(report.path.terminalSafe)
            for finding in report.findings {
                output.append(finding.path == report.path ? reportPath : style.bold(finding.path.terminalSafe))
                output.append(UInt8(ascii: ":"))
                output.appendDecimal(finding.range.start.line)
                output.append(UInt8(ascii: ":"))
                output.appendDecimal(finding.range.start.column)
                output.append(": ")
                output.append(style.severity(finding.severity))
                output.append(": ")
                output.append(finding.message.terminalSafe)
                output.append(UInt8(ascii: " "))
                if style.enabled {
                    output.append(style.dim("[" + finding.ruleID + "]"))
                } else {
                    output.append(UInt8(ascii: "["))
                    output.append(finding.ruleID)
                    output.append(UInt8(ascii: "]"))
                }
                output.append(0x0A)
                if let suggestion = finding.suggestion, !suggestion.isEmpty {
                    output.append("    ")
                    output.append(style.cyan("→"))
                    output.append(UInt8(ascii: " "))
                    output.append(suggestion.terminalSafe)
                    output.append(0x0A)
                }
            }
            for note in report.notes {
                let position = note.location.map { "\($0.line):\($0.column):" } ?? ""
                output.append(reportPath + ":" + position + " " + style.magenta("note") + ": " + note.message.terminalSafe + "\n")
            }
            if formatter.showScores {
                output.append(reportPath + ": " + formatter.scoreSummary(report, style: style) + "\n")
            }
        }

        mutating func finish(_ totals: LintRunTotals, into output: inout ByteBuffer) {
            if !totals.inputErrors.isEmpty {
                startGroup(scoresOnly: false, into: &output)
                for error in totals.inputErrors {
                    output.append(style.bold(error.path.terminalSafe) + ": " + style.severity(.error) + ": " + error.reason.terminalSafe + "\n")
                }
            }
            if formatter.explainScores {
                if wroteAnything { output.append(0x0A) }
                let explanation = explanations.joined(separator: "\n")
                output.append(explanation)
                wroteAnything = wroteAnything || !explanation.isEmpty
            }
            if wroteAnything { output.append(0x0A) }
            output.append(TextLintFormatter.summary(totals) + "\n")
        }
    }

    /// "SEO 72, readability 64" (with "n/a" for a score no assessment applied to).
    func scoreSummary(_ report: LintReport, style: ANSIStyle) -> String {
        var text = "SEO " + style.score(report.seoScore.value) + ", readability " + style.score(report.readabilityScore.value)
        if report.isDraft { text += " (draft)" }
        return text
    }

    /// The closing line: "12 findings (2 errors, 7 warnings, 3 infos) in 5 of 9 files; 3
    /// suppressed; 4 matched the baseline; 1 input error".
    public static func summary(_ run: LintRun) -> String { summary(run.totals) }

    /// The closing line, from a run's totals.
    public static func summary(_ totals: LintRunTotals) -> String {
        var parts: [String] = []
        if totals.findings == 0 {
            parts.append("No findings in " + LintFormatting.plural(totals.files, "file"))
        } else {
            parts.append(
                LintFormatting.plural(totals.findings, "finding") + " ("
                    + LintFormatting.plural(totals.errors, "error") + ", "
                    + LintFormatting.plural(totals.warnings, "warning") + ", "
                    + LintFormatting.plural(totals.infos, "info") + ") in \(totals.filesWithFindings) of "
                    + LintFormatting.plural(totals.files, "file"))
        }
        if totals.suppressed > 0 { parts.append("\(totals.suppressed) suppressed") }
        if totals.baselineMatches > 0 { parts.append("\(totals.baselineMatches) matched the baseline") }
        if !totals.inputErrors.isEmpty { parts.append(LintFormatting.plural(totals.inputErrors.count, "input error")) }
        return parts.joined(separator: "; ")
    }

    /// The assessments behind each file's SEO and readability scores (`lint --explain`):
    ///
    ///     content/post.md
    ///       SEO 50 (1 of 2 points)
    ///         rule                measured        target     rating  points
    ///         ──────────────────  ──────────────  ─────────  ──────  ──────
    ///         headings.single-h1  1 H1 heading    exactly 1  good       1/1
    ///         meta.description    none            50–160     bad        0/1
    ///       Readability n/a (no assessment applies)
    public static func explanation(_ run: LintRun, colored: Bool = false) -> String {
        run.reports.map { explanation(of: $0, colored: colored) }.joined(separator: "\n")
    }

    /// The assessments behind one file's scores: one part of `explanation(_:colored:)`.
    public static func explanation(of report: LintReport, colored: Bool = false) -> String {
        let style = ANSIStyle(enabled: colored)
        var output = ""
        do {
            output += style.bold(report.path.terminalSafe) + (report.isDraft ? " (draft)" : "") + "\n"
            for (title, score) in [("SEO", report.seoScore), ("Readability", report.readabilityScore)] {
                let possible = score.assessments.reduce(0) { $0 + $1.possiblePoints }
                let earned = score.assessments.reduce(0) { $0 + $1.points }
                output += "  " + title + " " + style.score(score.value)
                if score.value != nil {
                    output += " (" + LintFormatting.points(earned) + " of " + LintFormatting.points(possible) + (possible == 1 ? " point)\n" : " points)\n")
                } else {
                    output += score.assessments.isEmpty ? " (no check feeds it)\n" : " (no assessment applies)\n"
                }
                guard !score.assessments.isEmpty else { continue }
                var table = TextTable(
                    headers: ["rule", "measured", "target", "rating", "points"], alignments: [.left, .left, .left, .left, .right])
                for assessment in score.assessments {
                    let points = assessment.rating == .notApplicable
                        ? "–" : LintFormatting.points(assessment.points) + "/" + LintFormatting.points(assessment.possiblePoints)
                    table.append([assessment.ruleID, assessment.measured.terminalSafe, assessment.target, assessment.rating.rawValue, points])
                }
                for line in table.render().split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
                    output += "    " + line + "\n"
                }
            }
        }
        return output
    }
}

/// ANSI SGR styling that is a no-op when disabled.
struct ANSIStyle {
    var enabled: Bool

    private func wrap(_ text: String, _ code: String) -> String {
        enabled ? "\u{1B}[" + code + "m" + text + "\u{1B}[0m" : text
    }

    func bold(_ text: String) -> String { wrap(text, "1") }
    func dim(_ text: String) -> String { wrap(text, "2") }
    func cyan(_ text: String) -> String { wrap(text, "36") }
    func magenta(_ text: String) -> String { wrap(text, "1;35") }

    func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: return wrap("error", "1;31")
        case .warning: return wrap("warning", "1;33")
        case .info: return wrap("info", "1;34")
        }
    }

    /// A score, green from 70, yellow from 40, red below; "n/a" when there is none.
    func score(_ value: Int?) -> String {
        guard let value else { return dim("n/a") }
        return wrap(String(value), value >= 70 ? "32" : value >= 40 ? "33" : "31")
    }
}
