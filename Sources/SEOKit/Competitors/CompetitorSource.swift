#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// A problem that stops loading competitors altogether (bad options, unreadable URL list,
/// missing or unreadable snapshot index, a snapshot that cannot be written). One line.
public struct CompetitorSourceError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// Where the competitor pages of `seokit compare` come from: a folder of HTML files, a list of
/// URLs to fetch, or a snapshot folder saved by an earlier fetch.
///
/// | options                     | what happens                                                        |
/// |-----------------------------|---------------------------------------------------------------------|
/// | `--competitors DIR`         | the `.html`/`.htm` files of DIR (or of `DIR/pages/`), sorted by name |
/// | `--urls FILE`               | the URLs fetched over the network                                   |
/// | `--urls FILE --snapshot DIR`| fetched, then saved into DIR (pages and `snapshot.json`)             |
/// | `--snapshot DIR`            | the saved pages of DIR, no network; hashes checked                  |
///
/// ```swift
/// import SEOKitFetch   // for the network fetcher
/// let loaded = try CompetitorSource.load(urls: "serp.txt", competitorsDirectory: nil, snapshot: "snap")
/// for problem in loaded.problems { StandardStreams.writeError(problem + "\n") }
/// for page in loaded.pages { let decoded = try page.decoded() /* ... */ }
/// ```
///
/// Pages come in input order (list order, file-name order, index order); a page that fails is
/// left out with one line in `problems` (`URL: cause`), the rest go on. Problems that stop
/// everything are thrown as `CompetitorSourceError`. An empty `pages` is not an error here: the
/// command decides.
public enum CompetitorSource {
    /// What `load` found.
    public struct Loaded: Sendable {
        public var pages: [CompetitorPage]
        /// One line per page left out or line of the URL list skipped.
        public var problems: [String]
        /// The index written or read, when a snapshot was involved.
        public var snapshot: CompetitorSnapshot.Index?

        public init(pages: [CompetitorPage], problems: [String], snapshot: CompetitorSnapshot.Index? = nil) {
            self.pages = pages
            self.problems = problems
            self.snapshot = snapshot
        }
    }

    /// Loads competitor pages. Exactly one of `urls` and `competitorsDirectory`, or `snapshot`
    /// alone; `snapshot` with `urls` saves what was fetched. `fetcher` does the network part
    /// (`SEOKitFetch.CompetitorFetcher`; the `SEOKitFetch` module adds an overload that supplies it).
    ///
    /// Blocks until every fetch has finished: for synchronous callers such as the commands.
    /// Async code gets the `async` overload (blocking a task of Swift's cooperative pool on
    /// network work that needs the same pool could deadlock).
    public static func load(
        urls: String?, competitorsDirectory: String?, snapshot: String?, fetcher: (any CompetitorPageFetching)?
    ) throws(CompetitorSourceError) -> Loaded {
        // Only fetching needs to wait for async work.
        guard urls != nil, competitorsDirectory == nil else {
            return try loadLocal(competitorsDirectory: competitorsDirectory, snapshot: snapshot, urlsGiven: urls != nil)
        }
        let result = blocking { () async -> Result<Loaded, CompetitorSourceError> in
            do throws(CompetitorSourceError) {
                return .success(try await load(urls: urls, competitorsDirectory: competitorsDirectory, snapshot: snapshot, fetcher: fetcher))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    /// `load` for async callers.
    public static func load(
        urls: String?, competitorsDirectory: String?, snapshot: String?, fetcher: (any CompetitorPageFetching)?
    ) async throws(CompetitorSourceError) -> Loaded {
        guard let listPath = urls, competitorsDirectory == nil else {
            return try loadLocal(competitorsDirectory: competitorsDirectory, snapshot: snapshot, urlsGiven: urls != nil)
        }
        let snapshotDirectory = snapshot
        do {
            guard let fetcher else { throw CompetitorSourceError("--urls needs the network fetcher (SEOKitFetch)") }
            let text: [UInt8]
            do {
                text = try InputFile.read(path: listPath, sizeLimit: 4 << 20)
            } catch {
                throw CompetitorSourceError("\(listPath): \(error.reason)")
            }
            let (list, listProblems) = CompetitorURLList.parse(String(decoding: text, as: UTF8.self), path: listPath)
            guard !list.isEmpty else {
                throw CompetitorSourceError("\(listPath): no URL to fetch" + (listProblems.isEmpty ? "" : " (\(listProblems.count) line\(listProblems.count == 1 ? "" : "s") skipped)"))
            }
            let results = await fetcher.fetch(list)
            return try collect(list: list, results: results, problems: listProblems, snapshot: snapshotDirectory)
        }
    }

    /// Every case but fetching.
    static func loadLocal(competitorsDirectory: String?, snapshot: String?, urlsGiven: Bool) throws(CompetitorSourceError) -> Loaded {
        switch (competitorsDirectory, snapshot) {
        case (.some, _) where urlsGiven:
            throw CompetitorSourceError("--competitors and --urls cannot be used together")
        case (nil, nil):
            throw CompetitorSourceError("no competitors: give --competitors DIR, --urls FILE or --snapshot DIR")
        case (.some, .some):
            throw CompetitorSourceError("--snapshot saves fetched pages: use it with --urls FILE, or alone to reread a snapshot, not with --competitors")
        case (.some(let directory), nil):
            return try loadDirectory(directory)
        case (nil, .some(let snapshotDirectory)):
            let (pages, problems) = try CompetitorSnapshot.load(directory: snapshotDirectory)
            return Loaded(pages: pages, problems: problems, snapshot: try? CompetitorSnapshot.readIndex(directory: snapshotDirectory))
        }
    }

    /// Turns fetch results into pages and problems, and saves the snapshot when asked.
    public static func collect(
        list: [CompetitorURL], results: [Result<FetchedPage, FetchFailure>], problems: [String] = [], snapshot: String?
    ) throws(CompetitorSourceError) -> Loaded {
        var problems = problems
        var fetched: [(position: Int, page: FetchedPage)] = []
        var failures: [FetchFailure] = []
        for (position, result) in results.enumerated() {
            switch result {
            case .success(let page): fetched.append((position + 1, page))
            case .failure(let failure):
                failures.append(failure)
                problems.append(failure.description)
            }
        }
        var index: CompetitorSnapshot.Index?
        var pages = fetched.map { position, page in
            CompetitorPage(label: page.request.url, url: page.request.url, finalURL: page.finalURL, rank: page.request.rank, bytes: page.bytes, contentType: page.contentType)
        }
        if let snapshot {
            if fetched.isEmpty {
                problems.append("\(snapshot): snapshot not written: no page was fetched")
            } else {
                let written = try CompetitorSnapshot.write(pages: fetched, failures: failures, to: snapshot)
                for (number, entry) in written.pages.enumerated() { pages[number].path = snapshot + "/" + entry.file }
                index = written
            }
        }
        return Loaded(pages: pages, problems: problems, snapshot: index)
    }

    /// The HTML files of a folder, sorted by name; `DIR/pages/` when DIR itself has none. The
    /// rank is the number a file name starts with (`03-...html` → 3), else the position.
    public static func loadDirectory(_ directory: String) throws(CompetitorSourceError) -> Loaded {
        var names = try htmlFiles(in: directory)
        var folder = directory
        if names.isEmpty {
            let pagesFolder = directory + "/pages"
            var info = stat()
            if stat(pagesFolder, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                names = try htmlFiles(in: pagesFolder)
                folder = pagesFolder
            }
        }
        guard !names.isEmpty else { throw CompetitorSourceError("\(directory): no .html or .htm files") }
        var pages: [CompetitorPage] = []
        var problems: [String] = []
        for (position, name) in names.enumerated() {
            let path = folder + "/" + name
            do {
                let bytes = try InputFile.read(path: path)
                let digits = name.prefix { $0.isASCII && $0.isNumber }
                let rank = digits.isEmpty ? position + 1 : Int(digits) ?? position + 1
                pages.append(CompetitorPage(label: path, path: path, rank: rank, bytes: bytes))
            } catch {
                problems.append(error.description)
            }
        }
        return Loaded(pages: pages, problems: problems)
    }

    static func htmlFiles(in directory: String) throws(CompetitorSourceError) -> [String] {
        guard let handle = opendir(directory) else {
            throw CompetitorSourceError("\(directory): \(InputError(path: directory, cause: InputFile.cause(forErrno: errno)).reason)")
        }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
            guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { continue }
            let ext = name[name.index(after: dot)...].lowercased()
            guard ext == "html" || ext == "htm" || ext == "xhtml" else { continue }
            var info = stat()
            if stat(directory + "/" + name, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG { names.append(name) }
        }
        closedir(handle)
        return names.sorted()
    }

    /// Runs async work from synchronous code (the commands are synchronous) and waits for it.
    public static func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = Locked<T?>(nil)
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            let value = await work()
            box.withLock { $0 = value }
            done.signal()
        }
        done.wait()
        return box.withLock { $0! }
    }
}
