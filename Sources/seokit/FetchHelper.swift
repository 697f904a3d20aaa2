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
        guard pipe(&output) == 0 else { throw failure("cannot start \(helper): \(String(cString: strerror(errno)))") }
        defer { close(output[0]) }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, output[1], 1)
        posix_spawn_file_actions_addclose(&actions, output[0])
        posix_spawn_file_actions_addclose(&actions, output[1])
        let arguments: [String] = [helper, "--urls", listPath, "--snapshot", snapshot]
        let argv = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let code = posix_spawn(&child, helper, &actions, nil, argv, environ)
        close(output[1])
        guard code == 0 else { throw failure("cannot start \(helper): \(String(cString: strerror(code)))") }
        let text = (try? InputFile.read(descriptor: output[0], name: helper, sizeLimit: 0)) ?? []
        var status: Int32 = 0
        while waitpid(child, &status, 0) < 0 && errno == EINTR {}
        // The protocol of seokit-fetch: `pages N`, then `problem TEXT` lines; or `error TEXT`.
        var saved: Int?
        var problems: [String] = []
        for line in String(decoding: text, as: UTF8.self).split(separator: "\n") {
            guard let space = line.firstIndex(of: " ") else { continue }
            let value = String(line[line.index(after: space)...])
            switch line[..<space] {
            case "pages": saved = Int(value)
            case "problem": problems.append(value)
            case "error": throw failure(value)
            default: continue
            }
        }
        guard let saved, status == 0 else {
            throw failure("\(helper) ended with status \(status) and no page count (is it the seokit-fetch of this version?)")
        }
        return (saved, problems)
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

    private static func failure(_ message: String) -> CommandFailure {
        CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: " + message)
    }
}
