#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Expands the paths a user gives (files, folders, `-`) into the list of inputs to read.
///
/// Folders are walked recursively in name order, so results are deterministic. Hidden
/// entries, `node_modules`, `.git` and common build folders are skipped unless named
/// directly. Symbolic links are followed; a link back into a folder already being walked is
/// reported once as a loop and not followed.
public struct FileDiscovery: Sendable {
    public var include: [Glob]
    public var exclude: [Glob]
    /// Folder names never descended into (unless given directly).
    public var skippedFolders: Set<String> = ["node_modules", ".git", ".hg", ".svn", ".build", "build", "dist", "target", "vendor", "__pycache__", ".venv", "_site", "public"]
    /// Only files with these extensions are picked up inside folders.
    public var extensions: Set<String> = ["md", "markdown", "mdx", "mdown", "mkd", "html", "htm", "xhtml", "txt"]

    public init(include: [Glob] = [], exclude: [Glob] = []) {
        self.include = include
        self.exclude = exclude
    }

    /// The result: inputs in order, and the paths that could not be expanded.
    public struct Result: Sendable {
        public var files: [String] = []
        public var errors: [InputError] = []
    }

    public func expand(_ paths: [String]) -> Result {
        var result = Result()
        for path in paths {
            if path == "-" { result.files.append(path); continue }
            var info = stat()
            guard stat(path, &info) == 0 else {
                let code = errno
                var linkInfo = stat()
                if lstat(path, &linkInfo) == 0, (linkInfo.st_mode & S_IFMT) == S_IFLNK, code == ELOOP {
                    result.errors.append(InputError(path: path, cause: .symlinkLoop))
                } else {
                    result.errors.append(InputError(path: path, cause: InputFile.cause(forErrno: code)))
                }
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                let before = result.files.count
                var visited: Set<DirectoryID> = [DirectoryID(info)]
                walk(directory: path, relative: "", visited: &visited, into: &result)
                if result.files.count == before, !result.errors.contains(where: { $0.path.hasPrefix(path) }) {
                    result.errors.append(InputError(path: path, cause: .emptyDirectory))
                }
            } else if isSelected(relative: lastComponent(path)) || exclude.isEmpty && include.isEmpty {
                // A file named explicitly is read whatever its extension.
                result.files.append(path)
            }
        }
        return result
    }

    private struct DirectoryID: Hashable {
        var device: UInt64
        var inode: UInt64
        init(_ info: stat) {
            device = UInt64(info.st_dev)
            inode = UInt64(info.st_ino)
        }
    }

    private func walk(directory: String, relative: String, visited: inout Set<DirectoryID>, into result: inout Result) {
        guard let handle = opendir(directory) else {
            result.errors.append(InputError(path: directory, cause: InputFile.cause(forErrno: errno)))
            return
        }
        var names: [String] = []
        while let entry = readdir(handle) {
            // Read the name in place: `entry.pointee.d_name` would copy the whole 256-byte array,
            // but readdir's records are only as long as their name, so the copy reads past the
            // end of the directory buffer for the last records (AddressSanitizer: heap overflow).
            let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
            let name = String(cString: (UnsafeRawPointer(entry) + nameOffset).assumingMemoryBound(to: CChar.self))
            if name == "." || name == ".." { continue }
            names.append(name)
        }
        closedir(handle)
        names.sort()
        let base = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names {
            let path = base + name
            let relativePath = relative.isEmpty ? name : relative + "/" + name
            if name.hasPrefix(".") { continue }
            var info = stat()
            guard stat(path, &info) == 0 else {
                let code = errno
                result.errors.append(InputError(path: path, cause: code == ELOOP ? .symlinkLoop : InputFile.cause(forErrno: code)))
                continue
            }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                if skippedFolders.contains(name) { continue }
                if !exclude.isEmpty, exclude.contains(where: { $0.matches(relativePath) }) { continue }
                let id = DirectoryID(info)
                if visited.contains(id) {
                    result.errors.append(InputError(path: path, cause: .symlinkLoop))
                    continue
                }
                visited.insert(id)
                walk(directory: path, relative: relativePath, visited: &visited, into: &result)
                visited.remove(id)
            } else if (info.st_mode & S_IFMT) == S_IFREG {
                guard let dot = name.lastIndex(of: "."), extensions.contains(name[name.index(after: dot)...].lowercased()) else { continue }
                if isSelected(relative: relativePath) { result.files.append(path) }
            }
        }
    }

    private func isSelected(relative: String) -> Bool {
        if !include.isEmpty, !include.contains(where: { $0.matches(relative) }) { return false }
        if exclude.contains(where: { $0.matches(relative) }) { return false }
        return true
    }

    private func lastComponent(_ path: String) -> String {
        path.split(separator: "/").last.map(String.init) ?? path
    }
}
