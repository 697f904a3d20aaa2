import Foundation
import SEOKitTestSupport
import Testing
@testable import SEOKit

/// Which `.seokit.yml` applies to a file, and `LintSession` using it: nearest wins, the search
/// stops at the repository root, `--config` wins, globs are relative to the configuration file.
struct ConfigurationDiscoveryTests {
    static let h1 = RuleCatalog.rule(id: "headings.single-h1")!
    static let twoH1s = "# One\n\nText.\n\n# Two\n\nMore.\n"
    static let oneH1 = "# One\n\nText.\n"

    /// outer/.seokit.yml (outside the repository), outer/repo/.git, outer/repo/.seokit.yml,
    /// outer/repo/content/post.md, outer/repo/content/news/.seokit.yml, outer/repo/content/news/a.md
    func makeTree() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.write("outer-config-marker", "")
        try directory.write(".seokit.yml", "rules:\n  all: off\n")
        try directory.makeFolder("repo/.git")
        try directory.write("repo/.seokit.yml", "fail-on: warning\n")
        try directory.write("repo/content/post.md", Self.twoH1s)
        try directory.write("repo/content/news/.seokit.yml", "rules:\n  headings.single-h1: error\n")
        try directory.write("repo/content/news/a.md", Self.twoH1s)
        try directory.write("repo/content/news/deep/er/b.md", Self.twoH1s)
        return directory
    }

    @Test func nearestConfigurationWins() throws {
        let tree = try makeTree()
        let loader = ConfigurationLoader()
        #expect(loader.discover(for: tree.url("repo/content/post.md")) == tree.url("repo/.seokit.yml"))
        #expect(loader.discover(for: tree.url("repo/content/news/a.md")) == tree.url("repo/content/news/.seokit.yml"))
        #expect(loader.discover(for: tree.url("repo/content/news/deep/er/b.md")) == tree.url("repo/content/news/.seokit.yml"))
        // Asked again (cached per folder): the same answers.
        #expect(loader.discover(for: tree.url("repo/content/news/deep/er/b.md")) == tree.url("repo/content/news/.seokit.yml"))
        #expect(loader.discover(for: tree.url("repo/content/post.md")) == tree.url("repo/.seokit.yml"))
    }

    @Test func searchStopsAtTheRepositoryRoot() throws {
        let tree = try makeTree()
        try FileManager.default.removeItem(atPath: tree.url("repo/.seokit.yml"))
        try tree.write("repo/content/other.md", Self.oneH1)
        // outer/.seokit.yml is above the repository root (the folder with .git): not used.
        #expect(ConfigurationLoader().discover(for: tree.url("repo/content/other.md")) == nil)
        // A .git file (worktrees, submodules) marks a root too.
        try tree.write("repo/content/news/.git", "gitdir: elsewhere\n")
        try FileManager.default.removeItem(atPath: tree.url("repo/content/news/.seokit.yml"))
        try tree.write("repo/.seokit.yml", "fail-on: info\n")
        #expect(ConfigurationLoader().discover(for: tree.url("repo/content/news/a.md")) == nil)
        #expect(ConfigurationLoader().discover(for: tree.url("repo/content/post.md")) == tree.url("repo/.seokit.yml"))
    }

    @Test func aFolderNamedLikeTheConfigurationIsIgnored() throws {
        let tree = try makeTree()
        try tree.makeFolder("repo/content/news/deep/.seokit.yml")
        #expect(ConfigurationLoader().discover(for: tree.url("repo/content/news/deep/er/b.md")) == tree.url("repo/content/news/.seokit.yml"))
    }

    // MARK: Through the session

    func session(_ options: LintSession.Options = LintSession.Options()) -> LintSession {
        LintSession(options: options, catalog: [Self.h1])
    }

    func severities(_ run: LintRun) -> [String: [Severity]] {
        var result: [String: [Severity]] = [:]
        for report in run.reports { result[Paths.name(report.path), default: []] += report.findings.map(\.severity) }
        return result
    }

    @Test func sessionUsesTheNearestConfigurationPerFile() throws {
        let tree = try makeTree()
        let run = try session().run([tree.url("repo/content")])
        #expect(severities(run) == ["post.md": [.warning], "a.md": [.error], "b.md": [.error]])
        // fail-on comes from the configurations used: repo's says warning.
        #expect(run.failOn == .warning)
        #expect(run.exitStatus == 1)
    }

    @Test func explicitConfigurationWins() throws {
        let tree = try makeTree()
        let configPath = try tree.write("elsewhere/custom.yml", "rules:\n  headings: info\n")
        let run = try session(LintSession.Options(configPath: configPath)).run([tree.url("repo/content")])
        #expect(severities(run) == ["post.md": [.info], "a.md": [.info], "b.md": [.info]])
        #expect(run.failOn == .error)
        #expect(run.exitStatus == 0)
    }

    @Test func failOnOptionWinsOverConfiguration() throws {
        let tree = try makeTree()
        let run = try session(LintSession.Options(failOn: .error)).run([tree.url("repo/content/post.md")])
        #expect(run.failOn == .error)
        #expect(run.exitStatus == 0)
    }

    @Test func configurationGlobsAreRelativeToItsFolder() throws {
        let directory = try TemporaryDirectory()
        try directory.makeFolder(".git")
        try directory.write("site/.seokit.yml", """
            exclude: ["drafts/**"]
            overrides:
              - files: "news/*.md"
                rules:
                  headings.single-h1: error
            """)
        try directory.write("site/drafts/x.md", Self.twoH1s)
        try directory.write("site/news/y.md", Self.twoH1s)
        try directory.write("site/blog/z.md", Self.twoH1s)
        // Patterns relative to the repository root would not match; relative to site/ they do.
        let run = try session().run([directory.url("site")])
        #expect(severities(run) == ["y.md": [.error], "z.md": [.warning]])
        // A file named explicitly is filtered too (CI passes changed files).
        let named = try session().run([directory.url("site/drafts/x.md"), directory.url("site/blog/z.md")])
        #expect(named.reports.map { Paths.name($0.path) } == ["z.md"])
    }

    @Test func configurationIncludeSelectsFiles() throws {
        let directory = try TemporaryDirectory()
        try directory.makeFolder(".git")
        try directory.write(".seokit.yml", "include: [\"content/**\"]\n")
        try directory.write("content/a.md", Self.oneH1)
        try directory.write("README.md", Self.oneH1)
        let run = try session().run([directory.path])
        #expect(run.reports.map { Paths.name($0.path) } == ["a.md"])
    }

    @Test func anInvalidConfigurationStopsTheRunBeforeLinting() throws {
        let tree = try makeTree()
        try tree.write("repo/content/news/.seokit.yml", "rules:\n  headings.single-h2: off\n")
        do {
            _ = try session().run([tree.url("repo/content")])
            Issue.record("expected a configuration error")
        } catch {
            guard case .configuration(let configurationError) = error else {
                Issue.record("expected a configuration error, got \(error)")
                return
            }
            #expect(configurationError.line == 2)
            #expect(configurationError.description.contains("unknown rule 'headings.single-h2'"))
            #expect(configurationError.description.contains(".seokit.yml:2:"))
        }
    }

    @Test func unreadableInputsAreCollectedAndTheOthersLinted() throws {
        let tree = try makeTree()
        let run = try session().run([tree.url("repo/content/missing.md"), tree.url("repo/content/post.md")])
        #expect(run.inputErrors.map { Paths.name($0.path) } == ["missing.md"])
        #expect(run.reports.map { Paths.name($0.path) } == ["post.md"])
        #expect(run.exitStatus == 2)
    }

    @Test func draftsAreLintedUnlessSkipped() throws {
        let directory = try TemporaryDirectory()
        try directory.makeFolder(".git")
        try directory.write("draft.md", "---\ndraft: true\n---\n\n# One\n\n# Two\n")
        try directory.write("ready.md", Self.twoH1s)
        let all = try session().run([directory.path])
        #expect(all.reports.map { Paths.name($0.path) } == ["draft.md", "ready.md"])
        #expect(all.reports[0].isDraft)
        let skipped = try session(LintSession.Options(skipDrafts: true)).run([directory.path])
        #expect(skipped.reports.map { Paths.name($0.path) } == ["ready.md"])
        // The configuration's front matter mapping decides what a draft is.
        try directory.write(".seokit.yml", "front-matter:\n  draft: [unpublished]\n")
        try directory.write("draft.md", "---\nunpublished: true\n---\n\n# One\n")
        let mapped = try session(LintSession.Options(skipDrafts: true)).run([directory.path])
        #expect(mapped.reports.map { Paths.name($0.path) } == ["ready.md"])
    }

    @Test func reportsKeepTheInputOrderOnSeveralThreads() throws {
        let directory = try TemporaryDirectory()
        try directory.makeFolder(".git")
        var paths: [String] = []
        for index in 0..<40 {
            // Files of very different lengths, so threads finish out of order.
            let body = String(repeating: "Some words in a sentence. ", count: (index * 37) % 400)
            paths.append(try directory.write("post-\(index).md", "# One\n\n\(body)\n\n# Two\n"))
        }
        paths.insert(directory.url("missing.md"), at: 7)
        let run = try session(LintSession.Options(jobs: 4)).run(paths)
        #expect(run.reports.map(\.path) == paths.filter { !$0.hasSuffix("missing.md") })
        #expect(run.inputErrors.map(\.path) == [directory.url("missing.md")])
        #expect(run.findings.count == 40)
    }

    @Test func keyphrasesReachTheRules() throws {
        let directory = try TemporaryDirectory()
        try directory.makeFolder(".git")
        let path = try directory.write("a.md", Self.oneH1)
        let recorder = LintSession(options: LintSession.Options(keyphrases: ["sourdough starter"]), catalog: [KeyphraseRecorderRule.self])
        let run = try recorder.run([path])
        #expect(run.reports.first?.findings.first?.message == "sourdough starter")
    }

    @Test func repositoryRootIsTheRunRoot() throws {
        let tree = try makeTree()
        #expect(Paths.repositoryRoot(of: tree.url("repo/content/news")) == tree.url("repo"))
        #expect(Paths.repositoryRoot(of: tree.url("repo")) == tree.url("repo"))
    }

    @Test func pathArithmetic() {
        #expect(Paths.normalize("a/./b/../c//d/") == "a/c/d")
        #expect(Paths.normalize("/../a") == "/a")
        #expect(Paths.normalize("../a/..") == "..")
        #expect(Paths.relative("/r/site/news/a.md", to: "/r/site") == "news/a.md")
        #expect(Paths.relative("/r/other/a.md", to: "/r/site") == "../other/a.md")
        #expect(Paths.relative("/r/site", to: "/r/site") == ".")
        #expect(Paths.parent("/a/b") == "/a")
        #expect(Paths.parent("/a") == "/")
        #expect(Paths.absolute("x/../y.md", base: "/base") == "/base/y.md")
    }
}

/// Reports the keyphrases it sees as its message.
struct KeyphraseRecorderRule: Rule {
    static let description = RuleDescription(
        id: "keyphrase.recorder", name: "Recorder", category: .keyphrase, defaultSeverity: .info, summary: "Test.",
        rationale: "Test.", examples: [])

    func check(_ context: LintContext, options: RuleOptions) -> RuleResult {
        RuleResult(findings: [RuleFinding(message: context.keyphrases.joined(separator: ","), range: context.documentStart)])
    }
}
