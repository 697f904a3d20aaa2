import SEOKitTestSupport
import Testing
@testable import SEOKit

/// Expanding the paths a user gives into the files to read.
@Suite struct FileDiscoveryTests {
    /// A small site: posts at two depths, files with other extensions, hidden and skipped folders.
    static func site() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for name in [
            "b-post.md", "a-post.md", "page.html", "notes.txt", "component.mdx", "image.png", "data.json", "README",
            "blog/2024/z-last.md", "blog/2024/a-first.markdown", "blog/index.htm",
            ".hidden.md", ".drafts/secret.md", "node_modules/pkg/readme.md", ".git/info.md", "build/out.html",
            "drafts/draft-one.md", "drafts/keep.md",
        ] {
            try directory.write(name, "# \(name)\n\nText.\n")
        }
        return directory
    }

    static func relative(_ files: [String], to directory: TemporaryDirectory) -> [String] {
        files.map { $0.hasPrefix(directory.path + "/") ? String($0.dropFirst(directory.path.count + 1)) : $0 }
    }

    @Test func folderIsExpandedInNameOrderSkippingHiddenAndBuildFolders() throws {
        let directory = try Self.site()
        let result = FileDiscovery().expand([directory.path])
        #expect(result.errors.isEmpty)
        #expect(Self.relative(result.files, to: directory) == [
            "a-post.md", "b-post.md", "blog/2024/a-first.markdown", "blog/2024/z-last.md", "blog/index.htm",
            "component.mdx", "drafts/draft-one.md", "drafts/keep.md", "notes.txt", "page.html",
        ])
    }

    @Test func trailingSlashGivesTheSamePaths() throws {
        let directory = try Self.site()
        let result = FileDiscovery().expand([directory.path + "/blog/"])
        #expect(result.files == [directory.path + "/blog/2024/a-first.markdown", directory.path + "/blog/2024/z-last.md", directory.path + "/blog/index.htm"])
    }

    @Test func explicitFilesAreKeptWhateverTheirNameOrPlace() throws {
        let directory = try Self.site()
        let paths = [directory.url("data.json"), directory.url(".hidden.md"), directory.url("node_modules/pkg/readme.md"), "-"]
        let result = FileDiscovery().expand(paths)
        #expect(result.files == paths)
        #expect(result.errors.isEmpty)
    }

    @Test func explicitSkippedFolderIsWalked() throws {
        let directory = try Self.site()
        let result = FileDiscovery().expand([directory.url("node_modules")])
        #expect(Self.relative(result.files, to: directory) == ["node_modules/pkg/readme.md"])
    }

    @Test func inputOrderIsKept() throws {
        let directory = try Self.site()
        let result = FileDiscovery().expand([directory.url("notes.txt"), directory.url("blog"), directory.url("a-post.md")])
        #expect(Self.relative(result.files, to: directory) == ["notes.txt", "blog/2024/a-first.markdown", "blog/2024/z-last.md", "blog/index.htm", "a-post.md"])
    }

    @Test func missingPathsAndEmptyFolders() throws {
        let directory = try Self.site()
        let empty = try directory.makeFolder("empty/inner")
        let result = FileDiscovery().expand([directory.url("missing.md"), directory.url("a-post.md"), directory.url("empty")])
        #expect(Self.relative(result.files, to: directory) == ["a-post.md"])
        #expect(result.errors == [
            InputError(path: directory.url("missing.md"), cause: .notFound),
            InputError(path: directory.url("empty"), cause: .emptyDirectory),
        ])
        #expect(!empty.isEmpty)
    }

    @Test func includeAndExcludeGlobs() throws {
        let directory = try Self.site()
        let included = FileDiscovery(include: [Glob("*.md")]).expand([directory.path])
        #expect(Self.relative(included.files, to: directory) == ["a-post.md", "b-post.md", "blog/2024/z-last.md", "drafts/draft-one.md", "drafts/keep.md"])

        let excluded = FileDiscovery(exclude: [Glob("drafts/"), Glob("*.html")]).expand([directory.path])
        #expect(Self.relative(excluded.files, to: directory) == [
            "a-post.md", "b-post.md", "blog/2024/a-first.markdown", "blog/2024/z-last.md", "blog/index.htm", "component.mdx", "notes.txt",
        ])

        let both = FileDiscovery(include: [Glob("blog/**")], exclude: [Glob("z-*")]).expand([directory.path])
        #expect(Self.relative(both.files, to: directory) == ["blog/2024/a-first.markdown", "blog/index.htm"])
    }

    @Test func everythingFilteredOutIsAnEmptyFolder() throws {
        let directory = try Self.site()
        let result = FileDiscovery(include: [Glob("*.rst")]).expand([directory.path])
        #expect(result.files.isEmpty)
        #expect(result.errors == [InputError(path: directory.path, cause: .emptyDirectory)])
    }

    @Test func symlinkLoopIsReportedOnce() throws {
        let directory = try TemporaryDirectory()
        try directory.write("site/post.md", "Text.")
        try directory.symlink("site/loop", to: directory.url("site"))
        let result = FileDiscovery().expand([directory.url("site")])
        #expect(result.files == [directory.url("site/post.md")])
        #expect(result.errors == [InputError(path: directory.url("site/loop"), cause: .symlinkLoop)])
    }

    @Test func selfReferencingLinkIsALoop() throws {
        let directory = try TemporaryDirectory()
        try directory.symlink("self.md", to: directory.url("self.md"))
        let result = FileDiscovery().expand([directory.url("self.md")])
        #expect(result.files.isEmpty)
        #expect(result.errors == [InputError(path: directory.url("self.md"), cause: .symlinkLoop)])
    }

    @Test func symlinkedFileIsFollowed() throws {
        let directory = try TemporaryDirectory()
        let target = try directory.write("real/post.md", "Text.")
        try directory.makeFolder("site")
        try directory.symlink("site/linked.md", to: target)
        let result = FileDiscovery().expand([directory.url("site")])
        #expect(result.files == [directory.url("site/linked.md")])
    }

    @Test func corpusFolder() {
        let result = FileDiscovery().expand([Repository.path("Corpora/drafts")])
        #expect(result.errors.isEmpty)
        #expect(result.files.count == Repository.files(in: "Corpora/drafts", extensions: ["md", "mdx", "html", "txt"]).count)
        #expect(result.files == result.files.sorted())
    }
}
