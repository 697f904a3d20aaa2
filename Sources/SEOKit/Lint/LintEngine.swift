/// The result of linting one document.
public struct LintReport: Sendable {
    public var path: String
    public var format: InputFormat
    /// Findings after suppressions, in source order.
    public var findings: [Finding]
    /// How many findings inline directives or front matter suppressed.
    public var suppressedCount: Int
    public var assessments: [Assessment]
    public var seoScore: Score
    public var readabilityScore: Score
    /// Counts and readability formulas of the document.
    public var statistics: DocumentStatistics
    public var isDraft: Bool
    /// Problems the reader repaired.
    public var notes: [ReadNote]
    /// The document's source lines, for formatters that quote them and for baselines.
    public var source: SourceText

    /// Number of findings at each severity.
    public func count(_ severity: Severity) -> Int { findings.lazy.filter { $0.severity == severity }.count }
}

/// Runs the rules on documents.
public struct LintEngine: Sendable {
    public var configuration: LintConfiguration
    public var catalog: [any Rule.Type]

    public init(configuration: LintConfiguration = LintConfiguration(), catalog: [any Rule.Type] = RuleCatalog.all) {
        self.configuration = configuration
        self.catalog = catalog
    }

    /// Lints one document. `relativePath` selects configuration overrides; `keyphrases`
    /// (from `--keyphrase`) replace the document's own when not empty.
    public func lint(_ document: Document, relativePath: String? = nil, keyphrases: [String] = [], cache: WordCache? = nil) -> LintReport {
        let rules = configuration.resolvedRules(for: relativePath ?? document.path, catalog: catalog)
        return lint(document, rules: rules, keyphrases: keyphrases, cache: cache)
    }

    /// Lints one document with rules already resolved.
    public func lint(_ document: Document, rules: [ResolvedRule], keyphrases: [String] = [], cache: WordCache? = nil) -> LintReport {
        let context = LintContext(document: document, analysis: TextAnalysis(document: document, cache: cache), keyphrases: keyphrases)
        let suppressions = Suppressions(document: document)
        var findings: [Finding] = []
        var assessments: [Assessment] = []
        var suppressed = 0
        for resolved in rules where resolved.enabled {
            let description = resolved.rule.description
            let result = resolved.rule.init().check(context, options: resolved.options)
            if var assessment = result.assessment, let score = description.score {
                assessment.ruleID = description.id
                assessment.score = score
                assessment.weight = description.weight
                assessments.append(assessment)
            }
            for found in result.findings {
                if suppressions.isSuppressed(ruleID: description.id, line: found.range.start.line) {
                    suppressed += 1
                    continue
                }
                // A rule's own second level (warning → error) follows a configured severity.
                let severity = found.severity.map { resolved.severity == description.defaultSeverity ? $0 : resolved.severity } ?? resolved.severity
                findings.append(Finding(
                    ruleID: description.id, severity: severity, message: found.message, suggestion: found.suggestion,
                    range: found.range, path: document.path))
            }
        }
        findings.sort { ($0.range.start.offset, $0.ruleID) < ($1.range.start.offset, $1.ruleID) }
        let statistics = DocumentStatistics(document: document, counts: context.statistics)
        return LintReport(
            path: document.path, format: document.format, findings: findings, suppressedCount: suppressed,
            assessments: assessments, seoScore: Score(kind: .seo, assessments: assessments),
            readabilityScore: Score(kind: .readability, assessments: assessments), statistics: statistics,
            isDraft: document.metadata.isDraft, notes: document.notes, source: document.source)
    }
}
