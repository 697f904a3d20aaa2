/// Why an input could not be read. Every case renders as one line that names the file.
public struct InputError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Cause: Sendable, Hashable {
        case notFound
        case isDirectory
        case notReadable(String)
        case binary(String)
        case tooLarge(bytes: Int, limit: Int)
        case malformedFrontMatter(line: Int?, detail: String)
        case unsupportedFormat(String)
        case unsupportedEncoding(String)
        case tooDeep(limit: Int)
        case emptyDirectory
        case symlinkLoop
        case notRegularFile
    }

    /// The path as the user gave it.
    public var path: String
    public var cause: Cause

    public init(path: String, cause: Cause) {
        self.path = path
        self.cause = cause
    }

    /// The cause alone, without the path.
    public var reason: String {
        switch cause {
        case .notFound: return "no such file or directory"
        case .isDirectory: return "is a directory"
        case .notReadable(let detail): return "cannot be read (\(detail))"
        case .binary(let detail): return "looks like a binary file (\(detail)), not text"
        case .tooLarge(let bytes, let limit):
            return "is too large (\(ByteCount.describe(bytes)); the limit is \(ByteCount.describe(limit)), see --max-file-size)"
        case .malformedFrontMatter(let line, let detail):
            if let line { return "malformed front matter at line \(line): \(detail)" }
            return "malformed front matter: \(detail)"
        case .unsupportedFormat(let ext): return "unsupported file type '\(ext)' (use .md, .markdown, .mdx, .html, .htm or .txt, or --input-format)"
        case .unsupportedEncoding(let name): return "cannot decode the declared encoding '\(name)'"
        case .tooDeep(let limit): return "nesting deeper than \(limit) levels"
        case .emptyDirectory: return "contains no Markdown, HTML or text files"
        case .symlinkLoop: return "symbolic link loop"
        case .notRegularFile: return "is not a regular file (a pipe, device or socket)"
        }
    }

    /// One line naming the file and the cause. Machine formats (JSON, SARIF) carry it as it is;
    /// whatever prints it on a terminal escapes control characters (`terminalSafe`).
    public var description: String { "\(path): \(reason)" }
}

enum ByteCount {
    static func describe(_ bytes: Int) -> String {
        if bytes >= 1 << 20 {
            let tenths = (bytes * 10) >> 20
            return "\(tenths / 10).\(tenths % 10) MB"
        }
        if bytes >= 1 << 10 { return "\(bytes >> 10) KB" }
        return "\(bytes) bytes"
    }
}
