import Foundation

/// Paths inside the repository, found from this file's location so tests run from any
/// working directory.
public enum Repository {
    /// The repository root (the folder holding `Package.swift`).
    public static let root: String = {
        // This file is <root>/Tests/SEOKitTestSupport/Repository.swift.
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url.path
    }()

    /// An absolute path from a path relative to the root (`Corpora/drafts/good-cast-iron-care.md`).
    public static func path(_ relative: String) -> String { root + "/" + relative }

    /// The files of a corpus folder with the given extensions, sorted by name, as absolute paths.
    public static func files(in relativeFolder: String, extensions: Set<String>) -> [String] {
        let folder = path(relativeFolder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { name in
            guard !name.hasPrefix("."), let dot = name.lastIndex(of: ".") else { return false }
            return extensions.contains(String(name[name.index(after: dot)...]).lowercased())
        }.sorted().map { folder + "/" + $0 }
    }

    /// The bytes of a repository file.
    public static func bytes(_ relative: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: path(relative))))
    }
}
