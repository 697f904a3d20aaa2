/// The lint output formats by name, and the `--format` specification that picks them.
///
///     seokit lint content/ --format text,sarif:seokit.sarif,json:report.json
///
/// Each comma-separated item is a format name, optionally followed by `:` and a file to write
/// it to; an item without a file (or with `-`) goes to standard output, which at most one
/// item may use. The same format may be written to several files.
public enum LintFormats {
    /// The format names, in the order help texts list them.
    public static let names: [String] = [
        TextLintFormatter.name, JSONLintFormatter.name, SARIFLintFormatter.name, GitHubLintFormatter.name,
    ]

    /// The formatter for a name, or `nil` for an unknown name. `colored` and `explainScores`
    /// apply to `text` only; set `colored` only for output to a terminal.
    public static func formatter(named name: String, colored: Bool = false, explainScores: Bool = false) -> (any LintFormatter)? {
        switch name {
        case TextLintFormatter.name: return TextLintFormatter(colored: colored, explainScores: explainScores)
        case JSONLintFormatter.name: return JSONLintFormatter()
        case SARIFLintFormatter.name: return SARIFLintFormatter()
        case GitHubLintFormatter.name: return GitHubLintFormatter()
        default: return nil
        }
    }

    /// Parses one `--format` value (or several, given as separate option values).
    public static func parseOutputs(_ specifications: [String]) throws(OutputSpecError) -> [OutputSpec] {
        var outputs: [OutputSpec] = []
        for specification in specifications {
            for item in specification.split(separator: ",", omittingEmptySubsequences: false) {
                outputs.append(try OutputSpec(parsing: String(item)))
            }
        }
        let toStandardOutput = outputs.filter(\.isStandardOutput)
        if toStandardOutput.count > 1 {
            throw .severalOnStandardOutput(toStandardOutput.map(\.format))
        }
        var seen = Set<String>()
        for output in outputs {
            guard let path = output.path else { continue }
            if !seen.insert(path).inserted { throw .duplicatePath(path) }
        }
        return outputs
    }

    /// Parses a single `--format` value.
    public static func parseOutputs(_ specification: String) throws(OutputSpecError) -> [OutputSpec] {
        try parseOutputs([specification])
    }
}

/// One output of a lint run: a format and where it goes.
public struct OutputSpec: Sendable, Hashable, CustomStringConvertible {
    /// One of `LintFormats.names`.
    public var format: String
    /// The file to write, or `nil` for standard output.
    public var path: String?

    public init(format: String, path: String? = nil) {
        self.format = format
        self.path = path
    }

    /// Parses `name` or `name:path` (`name:-` is standard output).
    public init(parsing item: String) throws(OutputSpecError) {
        let trimmed = item.trimmed()
        guard !trimmed.isEmpty else { throw .emptyItem }
        let name: String
        var path: String?
        if let colon = trimmed.firstIndex(of: ":") {
            name = String(trimmed[..<colon]).trimmed()
            let rest = String(trimmed[trimmed.index(after: colon)...]).trimmed()
            guard !rest.isEmpty else { throw .missingPath(format: name) }
            path = rest == "-" ? nil : rest
        } else {
            name = trimmed
        }
        let lowered = name.lowercased()
        guard LintFormats.names.contains(lowered) else { throw .unknownFormat(name) }
        self.init(format: lowered, path: path)
    }

    public var isStandardOutput: Bool { path == nil }

    public var description: String { path.map { format + ":" + $0 } ?? format }
}

/// Why a `--format` value is wrong; each renders as one line for the user.
public enum OutputSpecError: Error, Sendable, Hashable, CustomStringConvertible {
    case unknownFormat(String)
    case emptyItem
    case missingPath(format: String)
    case severalOnStandardOutput([String])
    case duplicatePath(String)

    public var description: String {
        let valid = LintFormats.names.joined(separator: ", ")
        switch self {
        case .unknownFormat(let name): return "unknown format '\(name)' (valid formats: \(valid))"
        case .emptyItem: return "empty item in --format (use e.g. text,sarif:seokit.sarif; valid formats: \(valid))"
        case .missingPath(let format): return "no file after '\(format):' in --format (use \(format):FILE, or \(format) for standard output)"
        case .severalOnStandardOutput(let formats):
            return "only one format can go to standard output, got \(formats.joined(separator: ", ")) (write the others to files: FORMAT:FILE)"
        case .duplicatePath(let path): return "two formats write to \(path)"
        }
    }
}
