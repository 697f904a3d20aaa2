import SEOKit

#if canImport(Glibc)
import Glibc
#endif

/// Runs `seokit-fetch`, the process that fetches competitor URLs into a snapshot folder, so
/// that `seokit` itself never loads the network stack (FoundationNetworking and libcurl: about
/// 10 ms at every start). `compare --urls` fetches through it, then reads the snapshot.
enum FetchHelper {
    /// Fetches the URLs of `listPath` into `snapshot`: how many pages it saved there, and the
    /// pages left out, one line each.
    static func fetch(urls listPath: String, snapshot: String) throws(CommandFailure) -> (saved: Int, problems: [String]) {
        let helper = try location()
        var output: [Int32] = [0, 0]
        var errors: [Int32] = [0, 0]
        guard pipe(&output) == 0, pipe(&errors) == 0 else { throw failure("cannot start \(helper): \(String(cString: strerror(errno)))") }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_adddup2(&actions, errors[1], 2)
        for descriptor in output + errors { posix_spawn_file_actions_addclose(&actions, descriptor) }
        let arguments: [String] = [helper, "--urls", listPath, "--snapshot", snapshot]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let code = posix_spawn(&child, helper, &actions, nil, argv, environ)
        close(output[1])
        close(errors[1])
        defer {
            close(output[0])
            close(errors[0])
        }
        guard code == 0 else { throw failure("cannot start \(helper): \(String(cString: strerror(code)))") }
        let problems = readAll(output[0])
        let message = readAll(errors[0])
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        let exitedNormally = (status & 0x7F) == 0
        guard exitedNormally, (status >> 8) & 0xFF == 0 else {
            let reason = message.isEmpty ? "\(helper) ended with status \(status)" : message
            // The helper's line names itself; say it as seokit does.
            let line = reason.hasPrefix("seokit-fetch: ") ? String(reason.dropFirst("seokit-fetch: ".count)) : reason
            throw failure(line.trimmedTrailingNewlines)
        }
        var lines = problems.split(separator: "\n").map(String.init)
        guard let first = lines.first, first.hasPrefix("pages "), let saved = Int(first.dropFirst("pages ".count)) else {
            throw failure("\(helper) gave no page count (is it the seokit-fetch of this version?)")
        }
        lines.removeFirst()
        return (saved, lines)
    }

    /// `seokit-fetch` next to this executable, else on the `PATH`.
    static func location() throws(CommandFailure) -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        if length > 0 {
            let executable = String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if let slash = executable.lastIndex(of: "/") {
                let sibling = String(executable[...slash]) + "seokit-fetch"
                if access(sibling, X_OK) == 0 { return sibling }
            }
        }
        if let path = getenv("PATH").map({ String(cString: $0) }) {
            for folder in path.split(separator: ":") where !folder.isEmpty {
                let candidate = String(folder) + "/seokit-fetch"
                if access(candidate, X_OK) == 0 { return candidate }
            }
        }
        throw failure("--urls needs seokit-fetch (built with seokit) next to seokit or on the PATH")
    }

    /// A fresh private folder for a snapshot the user did not ask to keep.
    static func temporaryFolder() throws(CommandFailure) -> String {
        let base = getenv("TMPDIR").map { String(cString: $0) }.flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/seokit-fetch.XXXXXX").utf8CString)
        guard template.withUnsafeMutableBufferPointer({ mkdtemp($0.baseAddress!) }) != nil else {
            throw failure("cannot create a temporary folder in \(base): \(String(cString: strerror(errno)))")
        }
        return template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
    }

    /// Removes a snapshot folder made by `temporaryFolder` (it holds files only).
    static func remove(_ folder: String) {
        if let handle = opendir(folder) {
            while let entry = readdir(handle) {
                let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
                if name != "." && name != ".." { unlink(folder + "/" + name) }
            }
            closedir(handle)
        }
        rmdir(folder)
    }

    private static func readAll(_ descriptor: Int32) -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 16384)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { break }
            bytes.append(contentsOf: chunk[..<count])
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    private static func failure(_ message: String) -> CommandFailure {
        CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: " + message)
    }
}

extension String {
    fileprivate var trimmedTrailingNewlines: String {
        var text = self
        while let last = text.unicodeScalars.last, last == "\n" || last == "\r" { text.unicodeScalars.removeLast() }
        return text
    }
}
