#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Lexical path arithmetic for configuration discovery, globs and baselines: absolute paths,
/// `.` and `..` removed, paths relative to a folder. Symbolic links are not resolved, so a
/// path keeps the shape the user gave it.
public enum Paths {
    /// The current working directory.
    public static var currentDirectory: String {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        guard getcwd(&buffer, buffer.count) != nil else { return "/" }
        return buffer.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// An absolute, normalised path (`base` is the current directory unless given).
    public static func absolute(_ path: String, base: String? = nil) -> String {
        if path.hasPrefix("/") { return normalize(path) }
        let folder = base ?? currentDirectory
        return normalize(folder + "/" + path)
    }

    /// `a/./b/../c//d/` → `a/c/d`; keeps a leading `/`; leading `..` of relative paths stay.
    public static func normalize(_ path: String) -> String {
        let isAbsolute = path.hasPrefix("/")
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." {
                if let last = parts.last, last != ".." { parts.removeLast(); continue }
                if isAbsolute { continue }
            }
            parts.append(part)
        }
        let joined = parts.joined(separator: "/")
        if isAbsolute { return "/" + joined }
        return joined.isEmpty ? "." : joined
    }

    /// The folder holding a path (`/a/b` → `/a`, `/a` → `/`).
    public static func parent(_ path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    public static func name(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }

    /// `path` relative to `folder` (both made absolute first), with `..` where `path` is not
    /// inside `folder`.
    public static func relative(_ path: String, to folder: String) -> String {
        let target = absolute(path).split(separator: "/")
        let base = absolute(folder).split(separator: "/")
        var common = 0
        while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
        let up = Array(repeating: "..", count: base.count - common)
        let parts = up + target[common...].map(String.init)
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }

    /// How to show a path to the user: relative to the current directory when inside it.
    public static func display(_ path: String) -> String {
        let absolutePath = absolute(path)
        let relativePath = relative(absolutePath, to: currentDirectory)
        return relativePath.hasPrefix("..") ? absolutePath : relativePath
    }

    /// Whether a regular file exists at `path`.
    public static func isFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    /// Whether anything (file, folder, link) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// The names in a folder (without `.` and `..`), in the order the file system gives them.
    public static func entries(of folder: String) throws(InputError) -> [String] {
        var info = stat()
        guard stat(folder, &info) == 0 else { throw InputError(path: folder, cause: InputFile.cause(forErrno: errno)) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw InputError(path: folder, cause: .notReadable("not a folder")) }
        guard let handle = opendir(folder) else { throw InputError(path: folder, cause: InputFile.cause(forErrno: errno)) }
        defer { closedir(handle) }
        var names: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafePointer(to: entry.pointee.d_name) { pointer in
                pointer.withMemoryRebound(to: CChar.self, capacity: Int(NAME_MAX) + 1) { String(cString: $0) }
            }
            if name != "." && name != ".." { names.append(name) }
        }
        return names
    }

    /// Removes a folder that holds only files (a temporary snapshot), and the files; what
    /// cannot be removed stays.
    public static func removeFolderOfFiles(_ folder: String) {
        for name in (try? entries(of: folder)) ?? [] { unlink(folder + "/" + name) }
        rmdir(folder)
    }

    /// Creates a folder and its missing parents (`mkdir -p`); the reason on failure, else `nil`.
    public static func makeFolders(_ path: String) -> String? {
        if path.isEmpty || path == "." || path == "/" || exists(path) { return nil }
        if let failure = makeFolders(parent(path)) { return failure }
        if mkdir(path, 0o755) != 0, errno != EEXIST { return "cannot create \(path): " + String(cString: strerror(errno)) }
        return nil
    }

    /// The repository root of a folder: the nearest folder at or above it that contains `.git`
    /// (a folder, or a file in worktrees and submodules), or `nil` outside a repository.
    public static func repositoryRoot(of folder: String) -> String? {
        var current = absolute(folder)
        while true {
            if exists(current == "/" ? "/.git" : current + "/.git") { return current }
            if current == "/" { return nil }
            current = parent(current)
        }
    }
}
