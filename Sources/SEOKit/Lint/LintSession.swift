
/// One `seokit lint` run as a library call: finds the files, the configuration of each, reads,
/// lints, applies a baseline and returns the `LintRun` formatters render.
///
///     let run = try LintSession(options: .init(failOn: .warning)).run(["content"])
///     exit(run.exitStatus)
///
/// - Files: `FileDiscovery` with the command line's `--include`/`--exclude` (relative to each
///   folder given), then the configuration's `include`/`exclude` (relative to the
///   configuration file's folder). The configuration's globs apply to files named on the
///   command line too, so `seokit lint $(git diff --name-only)` skips excluded files.
/// - Configuration: `options.configPath` for every file, else the nearest `.seokit.yml` (see
///   `ConfigurationLoader`). Every configuration is loaded before any file is linted: an invalid
///   one throws and nothing is linted.
/// - Inputs that cannot be read are collected in `LintRun.inputErrors`; the others are linted.
/// - `failOn`: `options.failOn`, else the strictest `fail-on` among the configurations used,
///   else `error`.
/// - Baseline: findings in `options.baselinePath` are dropped (counted in `baselineMatches`);
///   `options.writeBaselinePath` records every finding of the run (before that filtering).
/// - Files are read and linted on `options.jobs` threads; reports keep the input order.
public struct LintSession: Sendable {
    public struct Options: Sendable {
        /// A configuration file for every input (no discovery).
        public var configPath: String?
        /// Focus keyphrases replacing the documents' own.
        public var keyphrases: [String]
        /// Overrides the configuration's `fail-on`.
        public var failOn: Severity?
        /// Leave out documents whose front matter says `draft: true`.
        public var skipDrafts: Bool
        /// Drop findings recorded in this baseline file.
        public var baselinePath: String?
        /// Record the run's findings in this baseline file.
        public var writeBaselinePath: String?
        /// Size limit and format override (the field mapping comes from each configuration).
        public var readOptions: ReadOptions
        /// Globs of the command line, relative to each folder given.
        public var include: [Glob]
        public var exclude: [Glob]
        /// Threads reading and linting files (default: one per core).
        public var jobs: Int

        public init(
            configPath: String? = nil, keyphrases: [String] = [], failOn: Severity? = nil, skipDrafts: Bool = false,
            baselinePath: String? = nil, writeBaselinePath: String? = nil, readOptions: ReadOptions = ReadOptions(),
            include: [Glob] = [], exclude: [Glob] = [], jobs: Int = ProcessInfo.processInfo.activeProcessorCount
        ) {
            self.configPath = configPath
            self.keyphrases = keyphrases
            self.failOn = failOn
            self.skipDrafts = skipDrafts
            self.baselinePath = baselinePath
            self.writeBaselinePath = writeBaselinePath
            self.readOptions = readOptions
            self.include = include
            self.exclude = exclude
            self.jobs = max(1, jobs)
        }
    }

    public var options: Options
    public var catalog: [any Rule.Type]

    public init(options: Options = Options(), catalog: [any Rule.Type] = RuleCatalog.all) {
        self.options = options
        self.catalog = catalog
    }

    /// A file to lint with the configuration that applies to it.
    private struct Job: Sendable {
        var path: String
        var configuration: LintConfiguration
        /// The path relative to the configuration's folder, for override globs.
        var relativePath: String
        /// The configuration's rules as they run for this file.
        var rules: [ResolvedRule]
    }

    /// Lints files, folders (recursively) and `-` (standard input), and returns every report.
    public func run(_ paths: [String]) throws(LintSessionError) -> LintRun {
        var reports: [LintReport] = []
        var start = LintRunStart()
        let totals = try run(paths, start: { start = $0 }, deliver: { reports.append($0) })
        return LintRun(
            reports: reports, inputErrors: totals.inputErrors, failOn: totals.failOn,
            baselineMatches: totals.baselineMatches, rootPath: start.rootPath)
    }

    /// Lints like `run(_:)` but streams: `start` is called once the files and configurations
    /// are known, then `deliver` with each report as soon as it and every report before it are
    /// done, in input order, both on the calling thread. Reports are not kept, so memory stays
    /// flat however many files there are. Returns the run's totals.
    public func run(
        _ paths: [String], start: (LintRunStart) -> Void, deliver: (LintReport) -> Void
    ) throws(LintSessionError) -> LintRunTotals {
        let loader = ConfigurationLoader(catalog: catalog)
        var explicit: LintConfiguration?
        if let configPath = options.configPath {
            do { explicit = try loader.configuration(at: configPath) } catch { throw .configuration(error) }
        }
        let baseline = try loadBaseline()

        let discovered = FileDiscovery(include: options.include, exclude: options.exclude).expand(paths)
        var inputErrors = discovered.errors
        let currentDirectory = Paths.currentDirectory

        var jobs: [Job] = []
        // Resolving the catalogue against a configuration is the same for every file of that
        // configuration that matches the same overrides: once per (configuration, overrides).
        var resolved: [String: [ResolvedRule]] = [:]
        for file in discovered.files {
            let configuration: LintConfiguration
            let configurationKey: String
            if let explicit {
                configuration = explicit
                configurationKey = "explicit"
            } else if let found = loader.discover(for: file) {
                do { configuration = try loader.configuration(at: found) } catch { throw .configuration(error) }
                configurationKey = "file:" + found
            } else {
                configuration = LintConfiguration()
                configurationKey = "default"
            }
            let base = ConfigurationLoader.baseFolder(of: configuration) ?? currentDirectory
            let relativePath = file == "-" ? "-" : Paths.relative(file, to: base)
            if file != "-", !LintSession.isSelected(relativePath, by: configuration) { continue }
            var key = configurationKey
            for (index, override) in configuration.overrides.enumerated() where override.files.contains(where: { $0.matches(relativePath) }) {
                key += "\u{0}" + String(index)
            }
            let rules: [ResolvedRule]
            if let known = resolved[key] {
                rules = known
            } else {
                rules = configuration.resolvedRules(for: relativePath, catalog: catalog)
                resolved[key] = rules
            }
            jobs.append(Job(path: file, configuration: configuration, relativePath: relativePath, rules: rules))
        }

        let configuredFailOn = (jobs.map(\.configuration) + (explicit.map { [$0] } ?? [])).compactMap(\.failOn).min()
        let failOn = options.failOn ?? configuredFailOn ?? .error
        start(LintRunStart(
            failOn: failOn, rootPath: Paths.repositoryRoot(of: currentDirectory), ruleIDs: catalog.map { $0.description.id }))

        var totals = LintRunTotals(failOn: failOn)
        var recorded = options.writeBaselinePath.map { _ in Baseline() }
        let recordFolder = options.writeBaselinePath.map { Paths.parent(Paths.absolute($0)) } ?? ""
        let filterFolder = options.baselinePath.map { Paths.parent(Paths.absolute($0)) } ?? ""
        lint(jobs) { outcome in
            switch outcome {
            case .report(var report):
                let recordedKeys = recorded == nil ? nil : Baseline.keys(for: report, relativeTo: recordFolder)
                if let recordedKeys { recorded?.record(keys: recordedKeys) }
                if let baseline {
                    // Updating the baseline it filters with (the usual case): the keys are the same.
                    let keys = recordFolder == filterFolder ? recordedKeys : nil
                    let (filtered, dropped) = baseline.filter(report, keys: keys ?? Baseline.keys(for: report, relativeTo: filterFolder))
                    report = filtered
                    totals.baselineMatches += dropped
                }
                totals.add(report)
                deliver(report)
            case .failed(let error): inputErrors.append(error)
            case .skipped: break
            }
        }
        totals.inputErrors = inputErrors

        if let recorded, let writePath = options.writeBaselinePath {
            do { try recorded.write(to: writePath) } catch { throw .baseline(error) }
        }
        return totals
    }

    private enum Outcome: Sendable {
        case report(LintReport)
        case failed(InputError)
        /// A draft left out by `skipDrafts`.
        case skipped
    }

    /// Reads and lints every job on `options.jobs` threads; hands the outcomes to `deliver` in
    /// job order, on the calling thread.
    private func lint(_ jobs: [Job], deliver: (Outcome) -> Void) {
        LibXML2.initialize()
        _ = EnglishLexicon.shared
        // Each worker keeps its own word cache across the documents it lints.
        OrderedHandoff<Outcome>.run(
            count: jobs.count, workers: options.jobs, state: { WordCache() },
            work: { index, cache in lint(jobs[index], cache: cache) },
            deliver: { _, outcome in deliver(outcome) })
    }

    private func lint(_ job: Job, cache: WordCache) -> Outcome {
        var readOptions = options.readOptions
        readOptions.fieldMapping = job.configuration.fieldMapping
        do {
            let document = try DocumentReader(options: readOptions).read(path: job.path)
            if options.skipDrafts, document.metadata.isDraft { return .skipped }
            let engine = LintEngine(configuration: job.configuration, catalog: catalog)
            return .report(engine.lint(document, rules: job.rules, keyphrases: options.keyphrases, cache: cache))
        } catch {
            return .failed(error)
        }
    }

    /// The baseline to filter with; a missing file is an empty baseline only when the same
    /// run writes it (`--baseline b.json --write-baseline b.json` starts and updates one).
    private func loadBaseline() throws(LintSessionError) -> Baseline? {
        guard let path = options.baselinePath else { return nil }
        if !Paths.exists(path), let writePath = options.writeBaselinePath, Paths.absolute(writePath) == Paths.absolute(path) {
            return Baseline()
        }
        do { return try Baseline.load(path: path) } catch { throw .baseline(error) }
    }

    /// Whether a configuration's `include`/`exclude` select a path relative to its folder.
    public static func isSelected(_ relativePath: String, by configuration: LintConfiguration) -> Bool {
        if !configuration.include.isEmpty, !configuration.include.contains(where: { $0.matches(relativePath) }) { return false }
        return !configuration.exclude.contains(where: { $0.matches(relativePath) })
    }
}

/// Why a lint session stopped before linting: a configuration or baseline that cannot be used.
public enum LintSessionError: Error, Sendable, CustomStringConvertible {
    case configuration(ConfigurationError)
    case baseline(BaselineError)

    public var description: String {
        switch self {
        case .configuration(let error): return error.description
        case .baseline(let error): return error.description
        }
    }
}
