/// Findings accepted as they are, so `seokit lint --baseline FILE` reports only new ones.
///
/// A finding is keyed on its file (relative to the baseline file's folder), its rule, the text
/// of the line it starts on with whitespace collapsed, and its occurrence among findings with
/// the same first three parts in that file. Line numbers are not part of the key: editing
/// other parts of a file keeps its baselined findings matched; editing the line of a finding
/// (or adding a finding) makes it reported again.
///
/// The file is JSON, sorted, one entry per finding, written atomically:
///
/// ```json
/// {
///   "version": 1,
///   "tool": "seokit",
///   "findings": [
///     {"path": "content/post.md", "rule": "headings.single-h1", "lineText": "# Baking bread", "occurrence": 0}
///   ]
/// }
/// ```
public struct Baseline: Sendable, Hashable {
    /// The version of the file format this code writes and reads.
    public static let formatVersion = 1

    /// One baselined finding.
    public struct Entry: Sendable, Hashable, Comparable, Codable {
        /// The file, relative to the baseline file's folder, with `/` separators.
        public var path: String
        public var ruleID: String
        /// The finding's line, whitespace collapsed and trimmed.
        public var lineText: String
        /// 0 for the first finding with this path, rule and line text, 1 for the second…
        public var occurrence: Int

        public init(path: String, ruleID: String, lineText: String, occurrence: Int) {
            self.path = path
            self.ruleID = ruleID
            self.lineText = lineText
            self.occurrence = occurrence
        }

        public static func < (lhs: Entry, rhs: Entry) -> Bool {
            (lhs.path, lhs.ruleID, lhs.lineText, lhs.occurrence) < (rhs.path, rhs.ruleID, rhs.lineText, rhs.occurrence)
        }

        enum CodingKeys: String, CodingKey {
            case path
            case ruleID = "rule"
            case lineText
            case occurrence
        }
    }

    public var entries: Set<Entry>

    public init(entries: some Sequence<Entry> = [Entry]()) {
        self.entries = Set(entries)
    }

    /// Records every finding of a run; paths become relative to `folder` (the baseline file's).
    public init(recording run: LintRun, relativeTo folder: String) {
        self.init()
        for report in run.reports { record(report, relativeTo: folder) }
    }

    /// Records every finding of one report (a run streams its reports one at a time).
    public mutating func record(_ report: LintReport, relativeTo folder: String) {
        record(keys: Baseline.keys(for: report, relativeTo: folder))
    }

    /// Records findings by their keys (from `keys(for:relativeTo:)`).
    public mutating func record(keys: [Entry]) {
        entries.formUnion(keys)
    }

    /// The key of each finding of a report, in the report's order.
    public static func keys(for report: LintReport, relativeTo folder: String) -> [Entry] {
        let path = report.path == "-" ? "-" : Paths.relative(report.path, to: folder)
        var seen: [Entry: Int] = [:]
        return report.findings.map { finding in
            let text = report.source.lineText(finding.range.start.line).collapsingWhitespace()
            var key = Entry(path: path, ruleID: finding.ruleID, lineText: text, occurrence: 0)
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            key.occurrence = occurrence
            return key
        }
    }

    /// The run without the findings this baseline has; `baselineMatches` counts the dropped ones.
    public func filter(_ run: LintRun, relativeTo folder: String) -> LintRun {
        var filtered = run
        for index in filtered.reports.indices {
            let (report, dropped) = filter(filtered.reports[index], relativeTo: folder)
            filtered.reports[index] = report
            filtered.baselineMatches += dropped
        }
        return filtered
    }

    /// One report without the findings this baseline has, and how many it dropped.
    public func filter(_ report: LintReport, relativeTo folder: String) -> (report: LintReport, dropped: Int) {
        filter(report, keys: Baseline.keys(for: report, relativeTo: folder))
    }

    /// One report without the findings this baseline has, given the findings' keys (from
    /// `keys(for:relativeTo:)`, in the report's order), and how many it dropped.
    public func filter(_ report: LintReport, keys: [Entry]) -> (report: LintReport, dropped: Int) {
        precondition(keys.count == report.findings.count, "one key per finding")
        var filtered = report
        var dropped = 0
        var kept: [Finding] = []
        kept.reserveCapacity(report.findings.count)
        for (finding, key) in zip(report.findings, keys) {
            if entries.contains(key) { dropped += 1 } else { kept.append(finding) }
        }
        filtered.findings = kept
        return (filtered, dropped)
    }

    // MARK: File

    /// The file's text: sorted entries, two-space indentation, a final newline.
    public func serialized() -> String {
        let findings = entries.sorted().map { entry in
            JSONValue.object([
                ("path", .string(entry.path)), ("rule", .string(entry.ruleID)),
                ("lineText", .string(entry.lineText)), ("occurrence", .int(entry.occurrence)),
            ])
        }
        let root = JSONValue.object([
            ("version", .int(Baseline.formatVersion)), ("tool", .string("seokit")), ("findings", .array(findings)),
        ])
        return root.pretty() + "\n"
    }

    private struct File: Decodable {
        var version: Int
        var findings: [Entry]
    }

    private struct VersionOnly: Decodable {
        var version: Int?
    }

    /// Reads a baseline's text; `path` names it in errors.
    public static func parse(_ text: String, path: String) throws(BaselineError) -> Baseline {
        let data = Data(text.utf8)
        let version: Int?
        do {
            version = try JSONDecoder().decode(VersionOnly.self, from: data).version
        } catch {
            throw BaselineError(path: path, message: "not a seokit baseline (invalid JSON)")
        }
        guard let version else { throw BaselineError(path: path, message: "not a seokit baseline (no version)") }
        guard version == formatVersion else {
            throw BaselineError(path: path, message: "baseline version \(version) is not supported (this seokit reads version \(formatVersion)); write it again with --write-baseline")
        }
        do {
            return Baseline(entries: try JSONDecoder().decode(File.self, from: data).findings)
        } catch {
            throw BaselineError(path: path, message: "not a seokit baseline (expected findings with path, rule, lineText and occurrence)")
        }
    }

    public static func load(path: String) throws(BaselineError) -> Baseline {
        let bytes: [UInt8]
        do {
            bytes = try InputFile.read(path: path, sizeLimit: 0)
        } catch {
            throw BaselineError(path: path, message: "cannot read the baseline: \(error.reason)")
        }
        return try parse(String(decoding: bytes, as: UTF8.self), path: path)
    }

    /// Writes the baseline atomically (a temporary file in the same folder, then a rename).
    public func write(to path: String) throws(BaselineError) {
        if let failure = Paths.makeFolders(Paths.parent(path)) {
            throw BaselineError(path: path, message: "cannot write the baseline: \(failure)")
        }
        do {
            try AtomicFile.write(serialized(), to: path)
        } catch {
            throw BaselineError(path: path, message: "cannot write the baseline: \(error.reason)")
        }
    }
}

/// A baseline file that cannot be read or written.
public struct BaselineError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}
