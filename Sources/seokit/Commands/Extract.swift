import ArgumentParser
import SEOKit

#if canImport(Glibc)
import Glibc
#endif

/// `seokit extract`: the main content of web pages, as SEOKit scores it.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract the main content of HTML pages (what compare scores).",
        discussion: """
            Leaves out navigation, sidebars, ads, share bars, related links and comments. \
            'text' prints the title, then one block (heading, paragraph, list item) per line; \
            'json' prints one object per page and line (title, blocks with their line and column, \
            links, images, word count); 'markdown' renders the content as Markdown. With several \
            pages and no --output-dir, text and Markdown pages are introduced by a '==> PAGE <==' line.
            """
    )

    @Argument(help: "HTML files to read; '-' reads standard input.")
    var pages: [String] = []

    @Option(name: .long, help: "Output format: text, json or markdown.")
    var format: OutputFormat = .text

    @Option(name: .long, help: "Write one file per page into this folder (named after the page) instead of printing.")
    var outputDir: String?

    @Flag(name: .long, help: "Leave the title line out of text and Markdown output (the body only).")
    var noTitle = false

    @Flag(name: .long, help: "Explain on standard error which element was taken as the content and what was pruned.")
    var explain = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
        case text, json, markdown
        var library: ExtractedContentFormatter.Format {
            switch self {
            case .text: return .text
            case .json: return .json
            case .markdown: return .markdown
            }
        }
    }

    func validate() throws {
        if pages.isEmpty { throw ValidationError("give at least one HTML page") }
    }

    func run() throws {
        var failed = false
        var usedNames: Set<String> = []
        if let outputDir {
            var info = stat()
            if stat(outputDir, &info) != 0 {
                if mkdir(outputDir, 0o755) != 0 && errno != EEXIST {
                    throw CommandFailure(code: ExitStatus.usageOrInputError, message: "\(outputDir): cannot create the output folder (\(String(cString: strerror(errno))))")
                }
            } else if (info.st_mode & S_IFMT) != S_IFDIR {
                throw CommandFailure(code: ExitStatus.usageOrInputError, message: "\(outputDir): not a folder")
            }
        }
        for page in pages {
            let document: Document
            do {
                let raw = page == "-" ? try InputFile.readStandardInput() : try InputFile.read(path: page)
                let decoded = try TextDecoding.decode(raw, format: .html, path: page)
                if explain {
                    let tree = HTMLTree.parse(decoded.bytes)
                    let source = SourceText(bytes: decoded.bytes)
                    StandardStreams.writeError("==> \(page) <==\n" + MainContentExtractor().explain(tree, source: source, includeBlocks: getenv("SEOKIT_EXPLAIN_BLOCKS") != nil))
                    document = MainContentExtractor().extract(tree: tree, source: source, path: page, notes: decoded.notes)
                } else {
                    document = MainContentExtractor.extract(decoded, path: page)
                }
            } catch {
                StandardStreams.writeError("\(error.description.terminalSafe)\n")
                failed = true
                continue
            }
            let rendered = ExtractedContentFormatter.render(document, as: format.library, includesTitle: !noTitle)
            if let outputDir {
                let name = Extract.uniqueName(for: page, extension: format.library.fileExtension, used: &usedNames)
                let target = outputDir.hasSuffix("/") ? outputDir + name : outputDir + "/" + name
                if let problem = Extract.writeAtomically(rendered, to: target) {
                    StandardStreams.writeError("\(target.terminalSafe): \(String(describing: problem).terminalSafe)\n")
                    failed = true
                }
            } else {
                if pages.count > 1, format != .json { StandardStreams.writeOutput("==> \(page) <==\n") }
                StandardStreams.writeOutput(rendered)
            }
        }
        if failed { throw ExitCode(ExitStatus.usageOrInputError) }
    }

    /// The page's file name with the format's extension; `-2`, `-3`... when two pages share it.
    static func uniqueName(for page: String, extension fileExtension: String, used: inout Set<String>) -> String {
        var stem = page == "-" ? "stdin" : String(page.split(separator: "/").last ?? "page")
        if let dot = stem.lastIndex(of: "."), dot > stem.startIndex { stem = String(stem[..<dot]) }
        if stem.isEmpty || stem == "." || stem == ".." { stem = "page" }
        var name = stem + "." + fileExtension
        var number = 2
        while used.contains(name) {
            name = "\(stem)-\(number).\(fileExtension)"
            number += 1
        }
        used.insert(name)
        return name
    }

    /// Writes a file through a temporary file in the same folder and a rename, so a reader never
    /// sees half a file. Returns the problem, or `nil`. (AtomicFile: the temporary file is made with
    /// mkstemp, so a link planted under a guessable name is never followed, and it is flushed.)
    static func writeAtomically(_ text: String, to path: String) -> String? {
        do {
            try AtomicFile.write(text, to: path)
            return nil
        } catch {
            return "cannot write (\(error.reason))"
        }
    }
}
