#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that readers see the old contents or the new, never a partial file: the
/// bytes go to a temporary file in the same folder, are flushed to disk (`fsync`), and the
/// temporary file is renamed over the target. On any failure the temporary file is removed
/// and the target is untouched.
///
/// An existing file keeps its permission bits; a new one gets `0644`. A symbolic link at the
/// target is replaced by the file, not followed.
public enum AtomicFile {
    public static func write(_ text: String, to path: String) throws(AtomicFileError) {
        try write(Array(text.utf8), to: path)
    }

    public static func write(_ data: [UInt8], to path: String) throws(AtomicFileError) {
        let stream = try AtomicOutputStream(path: path)
        try stream.write(data)
        try stream.commit()
    }
}

/// A file written piece by piece that appears under its name only when complete: writes go
/// to a temporary file in the same folder; `commit` flushes it to disk and renames it over the
/// target. A stream dropped without `commit` (an error, an interrupted run) removes its
/// temporary file and leaves the target as it was.
///
/// An existing file keeps its permission bits; a new one gets `0644`. A symbolic link at the
/// target is replaced by the file, not followed.
public final class AtomicOutputStream {
    public let path: String
    private let folder: String
    private let temporary: String
    private var descriptor: Int32
    private var committed = false

    public init(path: String) throws(AtomicFileError) {
        guard !path.isEmpty else { throw AtomicFileError(path: path, operation: "write", reason: "empty path") }
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { $0 == path.startIndex ? "/" : String(path[..<$0]) } ?? "."
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !name.isEmpty else { throw AtomicFileError(path: path, operation: "write", reason: "is a directory") }
        var template = Array((folder + "/." + name + ".tmp-XXXXXX").utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw AtomicFileError(path: path, operation: "create a temporary file for", reason: AtomicOutputStream.errnoText()) }
        self.path = path
        self.folder = folder
        self.descriptor = descriptor
        temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var mode: mode_t = 0o644
        var existing = stat()
        if lstat(path, &existing) == 0, (existing.st_mode & S_IFMT) == S_IFREG { mode = existing.st_mode & 0o7777 }
        if fchmod(descriptor, mode) != 0 { throw fail("set permissions of", AtomicOutputStream.errnoText()) }
    }

    deinit {
        if !committed {
            if descriptor >= 0 { close(descriptor) }
            unlink(temporary)
        }
    }

    public func write(_ text: String) throws(AtomicFileError) { try write(Array(text.utf8)) }

    public func write(_ data: [UInt8]) throws(AtomicFileError) {
        try data.withUnsafeBufferPointer { bytes throws(AtomicFileError) in try write(bytes) }
    }

    /// Appends bytes (a streamed output writes a piece at a time).
    public func write(_ data: UnsafeBufferPointer<UInt8>) throws(AtomicFileError) {
        guard var pointer = UnsafeRawPointer(data.baseAddress) else { return }
        var remaining = data.count
        while remaining > 0 {
            let count = AtomicOutputStream.systemWrite(descriptor, pointer, remaining)
            if count < 0 {
                if errno == EINTR { continue }
                throw fail("write", AtomicOutputStream.errnoText())
            }
            remaining -= count
            pointer += count
        }
    }

    /// Flushes the file to disk and puts it in place of the target.
    public func commit() throws(AtomicFileError) {
        guard !committed else { return }
        if fsync(descriptor) != 0 { throw fail("flush", AtomicOutputStream.errnoText()) }
        let closed = close(descriptor)
        descriptor = -1
        if closed != 0 { throw fail("close", AtomicOutputStream.errnoText()) }
        if rename(temporary, path) != 0 { throw fail("replace", AtomicOutputStream.errnoText()) }
        committed = true
        // Make the rename itself durable; failing here leaves a complete file, so it is not an error.
        let folderDescriptor = open(folder, O_RDONLY)
        if folderDescriptor >= 0 {
            _ = fsync(folderDescriptor)
            close(folderDescriptor)
        }
    }

    private func fail(_ operation: String, _ reason: String) -> AtomicFileError {
        AtomicFileError(path: path, operation: operation, reason: reason)
    }

    private static func errnoText() -> String { String(cString: strerror(errno)) }

    private static func systemWrite(_ descriptor: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(descriptor, pointer, count)
        #else
        return Darwin.write(descriptor, pointer, count)
        #endif
    }
}

/// Why `AtomicFile.write` failed: "cannot write out.sarif: No space left on device".
public struct AtomicFileError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var operation: String
    public var reason: String

    public init(path: String, operation: String, reason: String) {
        self.path = path
        self.operation = operation
        self.reason = reason
    }

    public var description: String { "cannot \(operation) \(path): \(reason)" }
}
