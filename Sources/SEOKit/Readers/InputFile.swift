#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}

/// Raw bytes of one input, read with precise errors and a size cap.
public enum InputFile {
    /// Default cap on the size of one input: 20 MB.
    public static let defaultSizeLimit = 20 << 20

    /// Reads a whole file. `sizeLimit` of 0 means no limit.
    public static func read(path: String, sizeLimit: Int = defaultSizeLimit) throws(InputError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO with no writer would otherwise wait forever. Regular files
        // ignore the flag; anything else is refused below.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        if descriptor < 0 { throw InputError(path: path, cause: cause(forErrno: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw InputError(path: path, cause: cause(forErrno: errno)) }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw InputError(path: path, cause: .isDirectory) }
        if (info.st_mode & S_IFMT) != S_IFREG { throw InputError(path: path, cause: .notRegularFile) }
        let size = Int(info.st_size)
        if sizeLimit > 0, size > sizeLimit { throw InputError(path: path, cause: .tooLarge(bytes: size, limit: sizeLimit)) }
        return try readAll(descriptor: descriptor, expected: size, sizeLimit: sizeLimit, path: path)
    }

    /// Reads standard input to the end.
    public static func readStandardInput(sizeLimit: Int = defaultSizeLimit) throws(InputError) -> [UInt8] {
        try read(descriptor: 0, name: "-", sizeLimit: sizeLimit)
    }

    /// Reads an open descriptor (a pipe) to the end; `name` is what errors call it.
    public static func read(descriptor: Int32, name: String, sizeLimit: Int = defaultSizeLimit) throws(InputError) -> [UInt8] {
        try readAll(descriptor: descriptor, expected: 0, sizeLimit: sizeLimit, path: name)
    }

    /// Maps in the pages of a large read buffer with one call instead of one page fault per
    /// 4 KiB as `read` fills it (a tenth of the time `stats` spends on a 57 MB file). Where the
    /// kernel does not know the request (before Linux 5.14), the faults happen as before.
    private static func prefault(_ buffer: UnsafeMutableBufferPointer<UInt8>) {
        #if os(Linux)
        let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))
        guard buffer.count >= 1 << 20, pageSize > 0, let base = buffer.baseAddress else { return }
        let first = (Int(bitPattern: base) + pageSize - 1) & ~(pageSize - 1)
        let last = (Int(bitPattern: base) + buffer.count) & ~(pageSize - 1)
        guard last > first, let start = UnsafeMutableRawPointer(bitPattern: first) else { return }
        let populateWrite: Int32 = 23  // MADV_POPULATE_WRITE
        _ = madvise(start, last - first, populateWrite)
        #endif
    }

    private static func readAll(descriptor: Int32, expected: Int, sizeLimit: Int, path: String) throws(InputError) -> [UInt8] {
        // Read straight into uninitialised storage: zero-filling first costs as much as the read.
        var failure: Int32?
        var reachedEnd = false
        var bytes = [UInt8](unsafeUninitializedCapacity: max(expected + 1, 64 << 10)) { buffer, initialized in
            prefault(buffer)
            while initialized < buffer.count {
                let got = systemRead(descriptor, buffer.baseAddress! + initialized, buffer.count - initialized)
                if got < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if got == 0 { reachedEnd = true; return }
                initialized += got
            }
        }
        if let failure { throw InputError(path: path, cause: cause(forErrno: failure)) }
        // Standard input, or a file that grew since fstat: go on in chunks.
        var chunk = [UInt8](repeating: 0, count: reachedEnd ? 0 : 64 << 10)
        while !reachedEnd {
            if sizeLimit > 0, bytes.count > sizeLimit {
                throw InputError(path: path, cause: .tooLarge(bytes: bytes.count, limit: sizeLimit))
            }
            let got = chunk.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress!, $0.count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputError(path: path, cause: cause(forErrno: errno))
            }
            if got == 0 { break }
            bytes.append(contentsOf: chunk[..<got])
        }
        if sizeLimit > 0, bytes.count > sizeLimit {
            throw InputError(path: path, cause: .tooLarge(bytes: bytes.count, limit: sizeLimit))
        }
        return bytes
    }

    static func cause(forErrno code: Int32) -> InputError.Cause {
        switch code {
        case ENOENT, ENOTDIR: return .notFound
        case EISDIR: return .isDirectory
        case ELOOP: return .symlinkLoop
        default: return .notReadable(String(cString: strerror(code)))
        }
    }
}
