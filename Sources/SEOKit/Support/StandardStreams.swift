#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unbuffered writes to the standard streams and terminal detection, shared by the CLI and
/// the progress reporting in the library.
public enum StandardStreams {
    /// Writes text to standard error as is.
    public static func writeError(_ text: String) {
        write(descriptor: 2, text)
    }

    /// Writes text to standard output as is.
    public static func writeOutput(_ text: String) {
        write(descriptor: 1, text)
    }

    /// Writes bytes to standard output.
    public static func writeOutput(bytes: [UInt8]) {
        write(descriptor: 1, bytes: bytes)
    }

    public static func write(descriptor: Int32, _ text: String) {
        var text = text
        text.withUTF8 { buffer in write(descriptor: descriptor, buffer: UnsafeRawBufferPointer(buffer)) }
    }

    public static func write(descriptor: Int32, bytes: [UInt8]) {
        bytes.withUnsafeBytes { write(descriptor: descriptor, buffer: $0) }
    }

    public static func write(descriptor: Int32, bytes: UnsafeBufferPointer<UInt8>) {
        write(descriptor: descriptor, buffer: UnsafeRawBufferPointer(bytes))
    }

    private static func write(descriptor: Int32, buffer: UnsafeRawBufferPointer) {
        guard var pointer = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            #if canImport(Glibc)
            let written = Glibc.write(descriptor, pointer, remaining)
            #else
            let written = Darwin.write(descriptor, pointer, remaining)
            #endif
            if written < 0 {
                if errno == EINTR { continue }
                return
            }
            remaining -= written
            pointer += written
        }
    }

    /// Whether a descriptor is a terminal (colour and progress bars only then).
    public static func isTerminal(_ descriptor: Int32) -> Bool { isatty(descriptor) != 0 }
}

/// `read(2)` that retries on EINTR; 0 at end of input, -1 on error.
func systemReadChunk(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    while true {
        let result = read(descriptor, buffer, count)
        if result < 0 && errno == EINTR { continue }
        return result
    }
}
