/// Paths as the lint formats show them: relative to the run's root (the repository root) when
/// the file is inside it, so GitHub and SARIF consumers find the file in the checkout.
///
/// Pure string work: `.` and `..` are resolved lexically and symbolic links are not followed,
/// so the same inputs always give the same output.
public struct LintPaths: Sendable, Hashable {
    /// The root, absolute and normalised (no trailing slash except for `/` itself), if known.
    public let root: String?
    /// The folder relative input paths are relative to, absolute and normalised.
    public let workingDirectory: String

    /// - Parameters:
    ///   - root: `LintRun.rootPath`; a relative root is taken relative to `workingDirectory`.
    ///   - workingDirectory: the folder relative paths were given in (default: the process's).
    public init(root: String?, workingDirectory: String? = nil) {
        let cwd = LintPaths.normalise(workingDirectory ?? LintPaths.currentDirectory())
        self.workingDirectory = cwd
        self.root = root.flatMap { $0.isEmpty ? nil : LintPaths.absolute($0, in: cwd) }
    }

    /// The process's working directory (`/` if it cannot be read).
    public static func currentDirectory() -> String {
        let path = FileManager.default.currentDirectoryPath
        return path.isEmpty ? "/" : path
    }

    /// Whether a path names standard input.
    public static func isStandardInput(_ path: String) -> Bool { path == "-" }

    /// The absolute, normalised form of a path.
    public func absolute(_ path: String) -> String { LintPaths.absolute(path, in: workingDirectory) }

    /// The path relative to the root (`content/post.md`), or `nil` when there is no root, the
    /// file is outside it, or it is standard input.
    public func relativeToRoot(_ path: String) -> String? {
        guard let root, !LintPaths.isStandardInput(path) else { return nil }
        let full = absolute(path)
        if root == "/" { return full == "/" ? nil : String(full.dropFirst()) }
        guard full.hasPrefix(root + "/") else { return nil }
        return String(full.dropFirst(root.count + 1))
    }

    /// The path for annotations and reports: relative to the root when inside it, else the path
    /// as given with `./` and duplicate slashes removed.
    public func display(_ path: String) -> String {
        if LintPaths.isStandardInput(path) { return path }
        if let relative = relativeToRoot(path) { return relative }
        if path.hasPrefix("/") { return LintPaths.normalise(path) }
        let normalised = LintPaths.normaliseRelative(path)
        return normalised.isEmpty ? "." : normalised
    }

    // MARK: - Lexical path work

    static func absolute(_ path: String, in directory: String) -> String {
        normalise(path.hasPrefix("/") ? path : directory + "/" + path)
    }

    /// `/a/./b//c/../d/` → `/a/b/d`, for absolute paths.
    static func normalise(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." { if !parts.isEmpty { parts.removeLast() }; continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }

    /// `./a//b/../c` → `a/c`; leading `..` components are kept.
    static func normaliseRelative(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == "..", let last = parts.last, last != ".." { parts.removeLast(); continue }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }
}

/// Percent-encoding of paths for URIs (RFC 3986), as SARIF `artifactLocation.uri` needs.
public enum URIEncoding {
    /// Encodes every byte of the UTF-8 path except unreserved characters (`A–Z a–z 0–9 - . _ ~`)
    /// and `/`: `my notes/café.md` → `my%20notes/caf%C3%A9.md`.
    public static func encodePath(_ path: String) -> String {
        var output = ""
        output.reserveCapacity(path.utf8.count)
        let hex: [Character] = Array("0123456789ABCDEF")
        for byte in path.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"), UInt8(ascii: "~"), UInt8(ascii: "/"):
                output.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                output.append("%")
                output.append(hex[Int(byte >> 4)])
                output.append(hex[Int(byte & 0x0F)])
            }
        }
        return output
    }

    /// A `file:` URI for an absolute path; `directory` adds the trailing slash SARIF requires
    /// of base URIs (`file:///srv/blog/`).
    public static func fileURI(absolutePath: String, directory: Bool = false) -> String {
        var path = encodePath(absolutePath)
        if directory, !path.hasSuffix("/") { path += "/" }
        return "file://" + path
    }
}
