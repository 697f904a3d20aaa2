#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads competitor pages for a comparison: a folder of saved pages, or one page's bytes.
///
/// - HTML (`.html`, `.htm`, `.xhtml`) goes through ``MainContentExtractor``: only the main
///   content counts. Markdown and text files are read whole with ``DocumentReader``.
/// - A page whose main content has fewer than ``minimumWords`` words is left out ("no main
///   content found"), like a page that cannot be read; each one becomes a ``LeftOutPage``.
/// - The rank is the number a file name starts with (`03-fermentation-lab.html` → 3); pages
///   without one come after the ranked ones, by name.
public enum ComparisonPages {
    /// Pages with fewer words of main content than this are left out.
    public static let minimumWords = 50
    /// File extensions read from a folder.
    public static let extensions: Set<String> = ["html", "htm", "xhtml", "md", "markdown", "mdx", "txt"]

    /// The pages of a folder, in name order.
    public struct FolderResult: Sendable {
        public var pages: [ComparisonPage]
        public var leftOut: [LeftOutPage]
    }

    /// Reads every page file directly inside `folder` (or inside `folder/pages` when `folder`
    /// has none), skipping `excluding` (the draft, when it sits in the same folder). Throws
    /// when the folder itself cannot be listed.
    public static func load(folder: String, excluding: String? = nil, sizeLimit: Int = InputFile.defaultSizeLimit) throws(InputError) -> FolderResult {
        var folder = folder
        var names = try Paths.entries(of: folder)
        let excluded = excluding.map(canonical)
        func isCandidate(_ name: String) -> Bool {
            isPageFile(name) && (excluded == nil || canonical((folder.hasSuffix("/") ? folder : folder + "/") + name) != excluded)
        }
        // A topic folder laid out like Corpora/competitors/<topic>: its pages are in pages/.
        if !names.contains(where: isCandidate) {
            let pages = (folder.hasSuffix("/") ? folder : folder + "/") + "pages"
            var info = stat()
            if stat(pages, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                folder = pages
                names = try Paths.entries(of: pages)
            }
        }
        var result = FolderResult(pages: [], leftOut: [])
        for name in names.sorted() {
            guard isPageFile(name) else { continue }
            let path = folder.hasSuffix("/") ? folder + name : folder + "/" + name
            if let excluded, canonical(path) == excluded { continue }
            var info = stat()
            guard stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            do {
                let raw = try InputFile.read(path: path, sizeLimit: sizeLimit)
                let page = try page(bytes: raw, source: path, rank: rank(fromFileName: name))
                result.pages.append(page)
            } catch let error as InputError {
                result.leftOut.append(LeftOutPage(source: path, reason: error.reason))
            } catch let error as PageError {
                result.leftOut.append(LeftOutPage(source: path, reason: error.reason))
            } catch {
                result.leftOut.append(LeftOutPage(source: path, reason: "\(error)"))
            }
        }
        return result
    }

    /// Whether a file name has one of the ``extensions`` (and is not hidden).
    static func isPageFile(_ name: String) -> Bool {
        guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
        return extensions.contains(String(name[name.index(after: dot)...]).lowercased())
    }

    /// Why a page that could be read is not used.
    public struct PageError: Error, Sendable, Hashable, CustomStringConvertible {
        public var source: String
        public var reason: String
        public var description: String { "\(source): \(reason)" }
    }

    /// One page from its bytes. The format comes from the source's extension (HTML when it has
    /// none, as for a URL).
    public static func page(bytes: [UInt8], source: String, rank: Int?, format: InputFormat? = nil) throws -> ComparisonPage {
        let name = source.split(separator: "/").last.map(String.init) ?? source
        let ext = name.lastIndex(of: ".").map { String(name[name.index(after: $0)...]) } ?? ""
        let format = format ?? InputFormat(pathExtension: ext) ?? .html
        let document: Document
        switch format {
        case .html:
            let decoded = try TextDecoding.decode(bytes, format: .html, path: source)
            document = MainContentExtractor.extract(decoded, path: source)
        case .markdown, .text:
            document = try DocumentReader().read(bytes: bytes, path: source, format: format)
        }
        return try page(document: document, source: source, rank: rank)
    }

    /// A page from a document already read (for example by a fetcher), checked like the others:
    /// throws ``PageError`` when it has fewer than ``minimumWords`` words.
    public static func page(document: Document, source: String, rank: Int?) throws(PageError) -> ComparisonPage {
        let words = TextStatistics(document: document).words
        guard words >= minimumWords else {
            throw PageError(source: source, reason: "no main content found (\(words) \(words == 1 ? "word" : "words"), at least \(minimumWords) needed)")
        }
        return ComparisonPage(document: document, source: source, rank: rank)
    }

    /// Pages loaded by ``CompetitorSource`` (fetched, or reread from a snapshot): each page's
    /// main content, checked like a folder's pages. The loader's problems (one line each,
    /// `URL: cause`) and the pages found too thin become ``LeftOutPage``s.
    public static func pages(from loaded: CompetitorSource.Loaded) -> FolderResult {
        var result = FolderResult(pages: [], leftOut: [])
        for problem in loaded.problems {
            if let separator = problem.firstRange(of: ": ") {
                result.leftOut.append(LeftOutPage(source: String(problem[..<separator.lowerBound]), reason: String(problem[separator.upperBound...])))
            } else {
                result.leftOut.append(LeftOutPage(source: "", reason: problem))
            }
        }
        for page in loaded.pages {
            let source = page.url ?? page.path ?? page.label
            do {
                let decoded = try page.decoded()
                let document = MainContentExtractor.extract(decoded, path: source)
                result.pages.append(try Self.page(document: document, source: source, rank: page.rank))
            } catch let error as InputError {
                result.leftOut.append(LeftOutPage(source: source, reason: error.reason))
            } catch let error as PageError {
                result.leftOut.append(LeftOutPage(source: source, reason: error.reason))
            } catch {
                result.leftOut.append(LeftOutPage(source: source, reason: "\(error)"))
            }
        }
        return result
    }

    /// The number a file name starts with (`07-millstone.html` → 7), or `nil`.
    public static func rank(fromFileName name: String) -> Int? {
        let digits = name.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 6 else { return nil }
        let rest = name.dropFirst(digits.count)
        guard let next = rest.first, next == "-" || next == "_" || next == "." || next == " " else { return nil }
        return Int(digits)
    }

    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
