import Foundation

/// A fresh directory under the system temporary directory, removed when the value is released.
///
///     let directory = try TemporaryDirectory()
///     let path = try directory.write("post.md", "# Title\n")
public final class TemporaryDirectory: @unchecked Sendable {
    /// Absolute path of the directory (no trailing slash).
    public let path: String

    public init(prefix: String = "seokit-tests") throws {
        var template = Array((NSTemporaryDirectory() + "/\(prefix).XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer in mkdtemp(buffer.baseAddress!) }
        guard created != nil else { throw TemporaryDirectoryError.cannotCreate(String(cString: strerror(errno))) }
        path = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }.replacingOccurrences(of: "//", with: "/")
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// The absolute path of a relative name inside the directory.
    public func url(_ name: String) -> String { path + "/" + name }

    /// Writes text (UTF-8) to a relative path, creating intermediate folders; returns the absolute path.
    @discardableResult
    public func write(_ name: String, _ contents: String) throws -> String {
        try write(name, bytes: Array(contents.utf8))
    }

    /// Writes bytes to a relative path, creating intermediate folders; returns the absolute path.
    @discardableResult
    public func write(_ name: String, bytes: [UInt8]) throws -> String {
        let full = url(name)
        let folder = (full as NSString).deletingLastPathComponent
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        guard FileManager.default.createFile(atPath: full, contents: Data(bytes)) else {
            throw TemporaryDirectoryError.cannotWrite(full)
        }
        return full
    }

    /// Creates an empty folder; returns the absolute path.
    @discardableResult
    public func makeFolder(_ name: String) throws -> String {
        let full = url(name)
        try FileManager.default.createDirectory(atPath: full, withIntermediateDirectories: true)
        return full
    }

    /// Creates a symbolic link at `name` pointing to `destination`; returns the link's path.
    @discardableResult
    public func symlink(_ name: String, to destination: String) throws -> String {
        let full = url(name)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: destination)
        return full
    }
}

public enum TemporaryDirectoryError: Error, CustomStringConvertible {
    case cannotCreate(String)
    case cannotWrite(String)

    public var description: String {
        switch self {
        case .cannotCreate(let reason): return "cannot create a temporary directory: \(reason)"
        case .cannotWrite(let path): return "cannot write \(path)"
        }
    }
}
