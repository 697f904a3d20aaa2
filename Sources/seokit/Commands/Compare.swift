import ArgumentParser
import SEOKit

/// `seokit compare`: a draft compared with the pages that rank for its topic.
struct Compare: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare a draft with the pages that rank for its topic: terms, sections, structure and a content score.",
        discussion: """
            Reads the competitor pages saved in a folder, or fetches them from a list of URLs \
            (one per line, in rank order; with --snapshot DIR a copy is saved, which --snapshot \
            DIR alone rereads without the network). HTML pages are reduced to their main \
            content; a number at the start of a file name is its rank. Reports, with every \
            figure traceable to the pages: the terms the competitors share and how the draft uses \
            them, the sections they cover, how the draft's length, headings, images, lists, links, \
            reading grade, sentence length and keyphrase density compare with theirs, and a \
            content score from 0 to 100 with the fixes worth the most points first. The same inputs \
            always give the same output. At least 3 competitor pages are needed.

            Exit status: 0 on success; 2 on usage or input errors (including a competitor page \
            that could not be read and was left out: the report is still written).
            """)

    @Argument(help: "The draft (Markdown, HTML or text).")
    var draft: String

    @Option(name: .long, help: ArgumentHelp("Folder of saved competitor pages (HTML, Markdown or text; DIR/pages when DIR has none).", valueName: "dir"))
    var competitors: String?

    @Option(name: .long, help: ArgumentHelp("File of competitor URLs, one per line, to fetch.", valueName: "file"))
    var urls: String?

    @Option(name: .long, help: ArgumentHelp("Focus keyphrase (repeatable: the first is the focus, the others synonyms); default: the draft's front matter.", valueName: "text"))
    var keyphrase: [String] = []

    @Option(name: .long, help: "Output format: text, json or html.")
    var format: CompareFormat = .text

    @Option(name: .long, help: ArgumentHelp("Write the report to this file (atomically) instead of standard output.", valueName: "file"))
    var output: String?

    @Option(name: .long, help: ArgumentHelp("With --urls: save the fetched pages in this folder; alone: compare with the pages saved there (no network).", valueName: "dir"))
    var snapshot: String?

    @Option(name: .long, help: ArgumentHelp("How many terms to keep, heaviest first.", valueName: "n"))
    var topTerms: Int = ComparisonOptions().topTerms

    enum CompareFormat: String, ExpressibleByArgument, CaseIterable { case text, json, html }

    func validate() throws {
        if competitors == nil && urls == nil && snapshot == nil {
            throw ValidationError("give the competitor pages: --competitors DIR, --urls FILE or --snapshot DIR")
        }
        if competitors != nil && urls != nil { throw ValidationError("give either --competitors or --urls, not both") }
        if competitors != nil && snapshot != nil {
            throw ValidationError("--snapshot saves fetched pages: use it with --urls FILE, or alone to reread a snapshot, not with --competitors")
        }
        if topTerms < 1 { throw ValidationError("--top-terms must be at least 1") }
    }

    func run() throws {
        var problems = ProblemReporter()
        let document: Document
        do {
            document = try DocumentReader().read(path: draft)
        } catch {
            throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(error)")
        }
        problems.report(notes: document.notes, path: draft)

        let origin: String
        let loaded: ComparisonPages.FolderResult
        if let folder = competitors {
            origin = folder
            do {
                loaded = try ComparisonPages.load(folder: folder, excluding: draft)
            } catch {
                throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(error)")
            }
        } else if let urls {
            // Fetched by the seokit-fetch process into a snapshot (the one asked for, else a
            // temporary one), then read from it.
            origin = urls
            let folder = try snapshot ?? FetchHelper.temporaryFolder()
            defer { if snapshot == nil { Paths.removeFolderOfFiles(folder) } }
            let (saved, problems) = try FetchHelper.fetch(urls: urls, snapshot: folder)
            var source = CompetitorSource.Loaded(pages: [], problems: problems)
            if saved > 0 {
                do {
                    let (pages, readProblems) = try CompetitorSnapshot.load(directory: folder)
                    source.pages = pages
                    source.problems += readProblems
                } catch {
                    throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(error)")
                }
            }
            loaded = ComparisonPages.pages(from: source)
        } else {
            // --snapshot DIR: pages saved by an earlier fetch, reread without the network.
            origin = snapshot ?? ""
            do {
                loaded = ComparisonPages.pages(from: try CompetitorSource.load(urls: nil, competitorsDirectory: nil, snapshot: snapshot, fetcher: nil))
            } catch {
                throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(error)")
            }
        }
        var hadLeftOut = false
        for page in loaded.leftOut {
            hadLeftOut = true
            StandardStreams.writeError("seokit: \(ComparisonTextReport.clean(page.description))\n")
        }
        guard loaded.pages.count >= CompetitorComparison.minimumCompetitors else {
            throw CommandFailure(
                code: ExitStatus.usageOrInputError,
                message: "seokit: compare needs at least \(CompetitorComparison.minimumCompetitors) competitor pages; \(loaded.pages.count) could be read from \(origin)")
        }
        var options = ComparisonOptions()
        options.topTerms = topTerms
        let comparison: CompetitorComparison
        do {
            comparison = try CompetitorComparison(
                draft: document, competitors: loaded.pages, keyphrases: keyphrase, options: options, leftOut: loaded.leftOut)
        } catch {
            throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(error)")
        }

        let rendered: String
        switch format {
        case .text: rendered = ComparisonTextReport.render(comparison)
        case .json: rendered = comparison.json().pretty() + "\n"
        case .html: rendered = CompareHTMLReport.render(comparison, draft: document)
        }
        if let output {
            do {
                try AtomicFile.write(rendered, to: output)
            } catch {
                throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(error)")
            }
        } else {
            StandardStreams.writeOutput(rendered)
        }
        if hadLeftOut || problems.exitStatus != ExitStatus.success {
            throw CommandFailure(code: ExitStatus.usageOrInputError, message: "")
        }
    }
}
