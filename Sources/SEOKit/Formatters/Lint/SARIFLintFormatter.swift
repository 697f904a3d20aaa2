/// SARIF 2.1.0 output (`--format sarif`), for GitHub code scanning and other SARIF viewers.
///
/// One log with one run, its fields in this order (the results stream as the files are
/// linted; what depends on the whole run follows them):
///
/// - `tool.driver`: `seokit`, its version, and the whole rule catalogue (`RuleCatalog.all`),
///   each rule with `shortDescription` (summary), `fullDescription` (rationale), `help` (text
///   and Markdown with options and defaults), `defaultConfiguration` (`level`, `enabled`,
///   `parameters` = option defaults) and `properties` (`category`, `tags`, `score`, `weight`);
///   then, with only an `id`, rules of the run the catalogue lacks. `driver.notifications`
///   describes the two kinds of tool notification (`input-error`, `reader-note`).
/// - `results`: `ruleId`, `ruleIndex` (into `driver.rules`), `level` (error, warning, note for
///   info), `message.text` (message and suggestion), one `physicalLocation` with
///   `artifactLocation` (`uri` relative to `%SRCROOT%`, percent-encoded; `index` into
///   `artifacts`) and a 1-based `region` whose `endColumn` is exclusive, and
///   `partialFingerprints` (`LintFingerprint`).
/// - `invocations[0]`: `executionSuccessful` (false when an input could not be read),
///   `exitCode` (the run's exit status) and `toolExecutionNotifications` for input errors
///   (level `error`) and reader notes (level `warning`).
/// - `originalUriBaseIds`: `%SRCROOT%` = the run's root as a `file:` URI ending in `/`, when
///   the root is known.
/// - `artifacts`: one per linted file (`roles: ["analysisTarget"]`, `mimeType`, and the scores
///   in `properties`).
/// - `columnKind`: `unicodeCodePoints`, matching `SourceLocation.column`.
/// - `properties`: `failOn`, `baselineMatches`, `suppressed`, `findings`.
///
/// Files outside the root get absolute `file:` URIs; relative paths without a known root are
/// relative to the working directory and still name `%SRCROOT%`, which the consumer resolves
/// (GitHub resolves it to the checkout). Output is deterministic: no timestamps or GUIDs.
public struct SARIFLintFormatter: LintFormatter {
    public static let name = "sarif"
    public static let schemaURI = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"
    /// The base URI id of paths relative to the root.
    public static let rootBaseID = "%SRCROOT%"

    /// The rules listed in `tool.driver.rules`; `nil` means `RuleCatalog.all` at render time.
    public var catalog: [any Rule.Type]?
    /// `tool.driver.informationUri` (the project's home page); omitted when `nil`.
    public var informationUri: String?
    /// The folder relative input paths were given in; `nil` means the process's.
    public var workingDirectory: String?

    public init(catalog: [any Rule.Type]? = nil, informationUri: String? = nil, workingDirectory: String? = nil) {
        self.catalog = catalog
        self.informationUri = informationUri
        self.workingDirectory = workingDirectory
    }

    public func makeWriter(_ start: LintRunStart) -> any LintOutputWriter { Writer(formatter: self, start: start) }

    /// SARIF `level` of a severity.
    public static func level(_ severity: Severity) -> String {
        switch severity {
        case .error: return "error"
        case .warning: return "warning"
        case .info: return "note"
        }
    }

    /// Streams the same bytes as `log(run).pretty()` (a test keeps them equal): the tool and
    /// its rules first, the results as the reports arrive, and what depends on the whole run
    /// (the invocation with its exit code and notifications, the artifacts) after them.
    struct Writer: LintOutputWriter {
        var log: LogState
        var nesting = JSONNesting()

        init(formatter: SARIFLintFormatter, start: LintRunStart) {
            log = LogState(formatter: formatter, start: start)
        }

        mutating func begin(into output: inout ByteBuffer) {
            let log = log
            JSONStreamWriter.piece(&output, &nesting) { writer in
                writer.beginObject()
                writer.field("$schema", SARIFLintFormatter.schemaURI)
                writer.field("version", "2.1.0")
                writer.key("runs")
                writer.beginArray()
                writer.item()
                writer.beginObject()
                writer.key("tool")
                writer.value(log.tool)
                writer.key("results")
                writer.beginArray()
            }
        }

        mutating func write(_ report: LintReport, into output: inout ByteBuffer) {
            let (location, artifact) = log.add(report)
            let fingerprints = LintFingerprint.fingerprints(of: report)
            let ruleIndex = log.ruleIndex
            JSONStreamWriter.piece(&output, &nesting) { writer in
                for (position, finding) in report.findings.enumerated() {
                    writer.item()
                    writer.beginObject()
                    writer.field("ruleId", finding.ruleID)
                    if let rule = ruleIndex[finding.ruleID] { writer.field("ruleIndex", rule) }
                    writer.field("level", SARIFLintFormatter.level(finding.severity))
                    writer.key("message")
                    writer.beginObject()
                    writer.key("text")
                    if let suggestion = finding.suggestion, !suggestion.isEmpty {
                        writer.string(finding.message, suggestion)
                    } else {
                        writer.string(finding.message)
                    }
                    writer.endObject()
                    writer.key("locations")
                    writer.beginArray()
                    writer.item()
                    writer.beginObject()
                    writer.key("physicalLocation")
                    writer.beginObject()
                    writer.key("artifactLocation")
                    writer.beginObject()
                    for (name, value) in location.fields {
                        writer.key(escaping: name)
                        writer.value(value)
                    }
                    writer.field("index", artifact)
                    writer.endObject()
                    writer.key("region")
                    let range = LintFormatting.displayRange(finding.range, in: report.source)
                    writer.beginObject()
                    writer.field("startLine", max(1, range.start.line))
                    writer.field("startColumn", max(1, range.start.column))
                    writer.field("endLine", max(1, range.end.line))
                    writer.field("endColumn", max(1, range.end.column))
                    writer.endObject()
                    writer.endObject()
                    writer.endObject()
                    writer.endArray()
                    writer.key("partialFingerprints")
                    writer.beginObject()
                    writer.key(escaping: LintFingerprint.sarifKey)
                    writer.string(fingerprints[position])
                    writer.endObject()
                    writer.endObject()
                }
            }
        }

        mutating func finish(_ totals: LintRunTotals, into output: inout ByteBuffer) {
            let fields = log.fieldsAfterResults(totals)
            JSONStreamWriter.piece(&output, &nesting) { writer in
                writer.endArray()
                for (name, value) in fields {
                    writer.key(escaping: name)
                    writer.value(value)
                }
                writer.endObject()
                writer.endArray()
                writer.endObject()
                writer.output.append(0x0A)
            }
        }
    }

    /// The whole log as a `JSONValue`.
    public func log(_ run: LintRun) -> JSONValue {
        var log = LogState(formatter: self, start: run.start)
        var results: [JSONValue] = []
        for report in run.reports {
            let (location, artifact) = log.add(report)
            let fingerprints = LintFingerprint.fingerprints(of: report)
            for (position, finding) in report.findings.enumerated() {
                var text = finding.message
                if let suggestion = finding.suggestion, !suggestion.isEmpty { text += " " + suggestion }
                let range = LintFormatting.displayRange(finding.range, in: report.source)
                var fields: [(String, JSONValue)] = [("ruleId", .string(finding.ruleID))]
                if let rule = log.ruleIndex[finding.ruleID] { fields.append(("ruleIndex", .int(rule))) }
                fields += [
                    ("level", .string(SARIFLintFormatter.level(finding.severity))),
                    ("message", .object([("text", .string(text))])),
                    ("locations", .array([.object([("physicalLocation", .object([
                        ("artifactLocation", .object(location.fields + [("index", JSONValue.int(artifact))])),
                        ("region", SARIFLintFormatter.region(range)),
                    ]))])])),
                    ("partialFingerprints", .object([(LintFingerprint.sarifKey, .string(fingerprints[position]))])),
                ]
                results.append(.object(fields))
            }
        }
        return .object([
            ("$schema", .string(SARIFLintFormatter.schemaURI)),
            ("version", .string("2.1.0")),
            ("runs", .array([.object([("tool", log.tool), ("results", .array(results))] + log.fieldsAfterResults(run.totals))])),
        ])
    }

    /// Everything in the log but the results, gathered report by report.
    struct LogState {
        let formatter: SARIFLintFormatter
        let paths: LintPaths
        /// `tool`, with the rule catalogue.
        let tool: JSONValue
        /// `driver.rules` index of each rule id: the catalogue, then the run's rules that the
        /// catalogue lacks (`LintRunStart.ruleIDs`). A finding of a rule outside both has no
        /// `ruleIndex` (SARIF makes it optional): the rules are written before the results.
        let ruleIndex: [String: Int]
        /// One artifact per distinct file, in the order the files came.
        private(set) var artifacts: [JSONValue] = []
        private var artifactIndex: [String: Int] = [:]
        /// Reader notes, as notifications, in report order.
        private var notes: [JSONValue] = []

        init(formatter: SARIFLintFormatter, start: LintRunStart) {
            self.formatter = formatter
            paths = LintPaths(root: start.rootPath, workingDirectory: formatter.workingDirectory)
            let descriptions = (formatter.catalog ?? RuleCatalog.all).map { $0.description }
            var rules: [JSONValue] = descriptions.map(SARIFLintFormatter.rule)
            var ruleIndex: [String: Int] = [:]
            for (index, description) in descriptions.enumerated() where ruleIndex[description.id] == nil {
                ruleIndex[description.id] = index
            }
            for id in start.ruleIDs where ruleIndex[id] == nil {
                ruleIndex[id] = rules.count
                rules.append(.object([("id", .string(id))]))
            }
            self.ruleIndex = ruleIndex
            var driver: [(String, JSONValue)] = [
                ("name", .string("seokit")),
                ("version", .string(SEOKitVersion.string)),
                ("semanticVersion", .string(SEOKitVersion.string)),
            ]
            if let informationUri = formatter.informationUri { driver.append(("informationUri", .string(informationUri))) }
            driver.append(("rules", .array(rules)))
            driver.append(("notifications", .array([
                .object([
                    ("id", .string("input-error")),
                    ("shortDescription", .object([("text", .string("An input could not be read; it was not linted."))])),
                    ("defaultConfiguration", .object([("level", .string("error"))])),
                ]),
                .object([
                    ("id", .string("reader-note")),
                    ("shortDescription", .object([("text", .string("The reader repaired the input (invalid UTF-8 and the like)."))])),
                    ("defaultConfiguration", .object([("level", .string("warning"))])),
                ]),
            ])))
            tool = .object([("driver", .object(driver))])
        }

        /// Records a report's artifact and notes; its artifact location and index.
        mutating func add(_ report: LintReport) -> (location: ArtifactLocation, artifact: Int) {
            let location = formatter.artifactLocation(report.path, paths: paths)
            let key = location.serialized()
            let index: Int
            if let known = artifactIndex[key] {
                index = known
            } else {
                index = artifacts.count
                artifactIndex[key] = index
                artifacts.append(.object([
                    ("location", .object(location.fields)),
                    ("roles", .array([.string("analysisTarget")])),
                    ("mimeType", .string(SARIFLintFormatter.mimeType(report.format))),
                    ("properties", .object([
                        ("format", .string(report.format.rawValue)),
                        ("isDraft", .bool(report.isDraft)),
                        ("seoScore", report.seoScore.value.map { .int($0) } ?? .null),
                        ("readabilityScore", report.readabilityScore.value.map { .int($0) } ?? .null),
                        ("suppressed", .int(report.suppressedCount)),
                    ])),
                ]))
            }
            for note in report.notes {
                var physical: [(String, JSONValue)] = [("artifactLocation", .object(location.fields))]
                if let location = note.location {
                    physical.append(("region", .object([("startLine", .int(location.line)), ("startColumn", .int(location.column))])))
                }
                notes.append(.object([
                    ("locations", .array([.object([("physicalLocation", .object(physical))])])),
                    ("message", .object([("text", .string(report.path + ": " + note.description))])),
                    ("level", .string("warning")),
                    ("descriptor", .object([("id", .string("reader-note")), ("index", .int(1))])),
                ]))
            }
            return (location, index)
        }

        /// `runs[0]` fields after `results`: the invocation (exit code; notifications for
        /// inputs that could not be read, then for repairs the readers made), the root, the
        /// artifacts and the run's totals.
        func fieldsAfterResults(_ totals: LintRunTotals) -> [(String, JSONValue)] {
            var notifications: [JSONValue] = []
            for error in totals.inputErrors {
                notifications.append(.object([
                    ("locations", .array([.object([("physicalLocation", .object([
                        ("artifactLocation", .object(formatter.artifactLocation(error.path, paths: paths).fields)),
                    ]))])])),
                    ("message", .object([("text", .string(error.description))])),
                    ("level", .string("error")),
                    ("descriptor", .object([("id", .string("input-error")), ("index", .int(0))])),
                ]))
            }
            notifications += notes
            var fields: [(String, JSONValue)] = [
                ("invocations", .array([.object([
                    ("executionSuccessful", .bool(totals.inputErrors.isEmpty)),
                    ("exitCode", .int(Int(totals.exitStatus))),
                    ("toolExecutionNotifications", .array(notifications)),
                ])])),
            ]
            if let root = paths.root {
                fields.append(("originalUriBaseIds", .object([
                    (SARIFLintFormatter.rootBaseID, .object([
                        ("uri", .string(URIEncoding.fileURI(absolutePath: root, directory: true))),
                        ("description", .object([("text", .string("The root that result paths are relative to."))])),
                    ])),
                ])))
            }
            fields.append(("artifacts", .array(artifacts)))
            fields.append(("columnKind", .string("unicodeCodePoints")))
            fields.append(("properties", .object([
                ("failOn", .string(totals.failOn.rawValue)),
                ("baselineMatches", .int(totals.baselineMatches)),
                ("suppressed", .int(totals.suppressed)),
                ("findings", .int(totals.findings)),
            ])))
            return fields
        }
    }

    // MARK: - Pieces

    struct ArtifactLocation {
        var fields: [(String, JSONValue)]
        func serialized() -> String { JSONValue.object(fields).serialized() }
    }

    /// `uri` (+ `uriBaseId`) of a path: root-relative when inside the root, a `file:` URI when
    /// absolute, relative to `%SRCROOT%` otherwise; standard input has only a description.
    func artifactLocation(_ path: String, paths: LintPaths) -> ArtifactLocation {
        if LintPaths.isStandardInput(path) {
            return ArtifactLocation(fields: [("description", .object([("text", .string("standard input"))]))])
        }
        if let relative = paths.relativeToRoot(path) {
            return ArtifactLocation(fields: [("uri", .string(URIEncoding.encodePath(relative))), ("uriBaseId", .string(SARIFLintFormatter.rootBaseID))])
        }
        if path.hasPrefix("/") || paths.root != nil {
            return ArtifactLocation(fields: [("uri", .string(URIEncoding.fileURI(absolutePath: paths.absolute(path))))])
        }
        return ArtifactLocation(fields: [
            ("uri", .string(URIEncoding.encodePath(LintPaths.normaliseRelative(path)))), ("uriBaseId", .string(SARIFLintFormatter.rootBaseID)),
        ])
    }

    static func region(_ range: SourceRange) -> JSONValue {
        .object([
            ("startLine", .int(max(1, range.start.line))),
            ("startColumn", .int(max(1, range.start.column))),
            ("endLine", .int(max(1, range.end.line))),
            ("endColumn", .int(max(1, range.end.column))),
        ])
    }

    static func mimeType(_ format: InputFormat) -> String {
        switch format {
        case .markdown: return "text/markdown"
        case .html: return "text/html"
        case .text: return "text/plain"
        }
    }

    /// A `reportingDescriptor` for a rule.
    static func rule(_ description: RuleDescription) -> JSONValue {
        var tags = ["seokit", description.category.rawValue]
        // Tags must be unique (SARIF), and the readability category feeds the readability score.
        if let score = description.score, !tags.contains(score.rawValue) { tags.append(score.rawValue) }
        var properties: [(String, JSONValue)] = [
            ("category", .string(description.category.rawValue)),
            ("tags", .array(tags.map(JSONValue.string))),
        ]
        if let score = description.score {
            properties.append(("score", .string(score.rawValue)))
            properties.append(("weight", .number(description.weight)))
        }
        return .object([
            ("id", .string(description.id)),
            ("name", .string(identifierName(description.name))),
            ("shortDescription", .object([("text", .string(description.summary))])),
            ("fullDescription", .object([("text", .string(description.rationale))])),
            ("help", .object([("text", .string(helpText(description))), ("markdown", .string(helpMarkdown(description)))])),
            ("defaultConfiguration", .object([
                ("enabled", .bool(description.enabledByDefault)),
                ("level", .string(level(description.defaultSeverity))),
                ("parameters", .object(description.options.map { ($0.name, json($0.defaultValue)) })),
            ])),
            ("properties", .object(properties)),
        ])
    }

    /// "Single H1" → "SingleH1": SARIF rule names are identifiers.
    static func identifierName(_ name: String) -> String {
        var output = ""
        var upperNext = true
        for character in name {
            if character.isLetter || character.isNumber {
                output += upperNext ? character.uppercased() : String(character)
                upperNext = false
            } else {
                upperNext = true
            }
        }
        return output
    }

    static func json(_ value: OptionValue) -> JSONValue {
        switch value {
        case .number(let number): return .number(number, places: 6)
        case .text(let text): return .string(text)
        case .flag(let flag): return .bool(flag)
        case .list(let items): return .array(items.map(JSONValue.string))
        }
    }

    static func scoreSentence(_ description: RuleDescription) -> String? {
        guard let score = description.score else { return nil }
        let name = score == .seo ? "SEO" : "readability"
        return "Feeds the \(name) score with weight \(LintFormatting.points(description.weight))."
    }

    static func helpText(_ description: RuleDescription) -> String {
        var text = description.summary + "\n\n" + description.rationale + "\n"
        if !description.options.isEmpty {
            text += "\nOptions:\n"
            for option in description.options {
                text += "  \(option.name) (default: \(option.defaultValue)): \(option.summary)\n"
            }
        }
        text += "\nDefault severity: \(description.defaultSeverity.rawValue)"
        text += description.enabledByDefault ? "." : "; off unless enabled in configuration."
        if let sentence = scoreSentence(description) { text += " " + sentence }
        text += "\nMore: seokit explain \(description.id)\n"
        return text
    }

    static func helpMarkdown(_ description: RuleDescription) -> String {
        func cell(_ text: String) -> String {
            LintFormatting.replace("\n", with: " ", in: LintFormatting.replace("|", with: "\\|", in: text))
        }
        var text = "**" + description.summary + "**\n\n" + description.rationale + "\n"
        if !description.options.isEmpty {
            text += "\n| Option | Default | Meaning |\n| --- | --- | --- |\n"
            for option in description.options {
                text += "| `\(cell(option.name))` | `\(cell(option.defaultValue.description))` | \(cell(option.summary)) |\n"
            }
        }
        text += "\nDefault severity: `\(description.defaultSeverity.rawValue)`"
        text += description.enabledByDefault ? "." : "; off unless enabled in `.seokit.yml`."
        if let sentence = scoreSentence(description) { text += " " + sentence }
        text += " Options and severity are set under `rules:` in `.seokit.yml`; `seokit explain \(description.id)` shows examples.\n"
        return text
    }
}
