import Foundation

/// What a run of the `seokit` binary produced.
public struct ProcessOutput: Sendable, CustomStringConvertible {
    public var status: Int32
    public var stdout: String
    public var stderr: String
    /// Whether the process ended by a signal rather than by exiting.
    public var wasSignalled: Bool

    /// Standard output split into lines (without the final empty line after the last newline).
    public var stdoutLines: [String] { ProcessOutput.lines(stdout) }
    /// Standard error split into lines.
    public var stderrLines: [String] { ProcessOutput.lines(stderr) }

    static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }

    public var description: String {
        "exit \(status)\(wasSignalled ? " (signal)" : "")\n--- stdout\n\(stdout)\n--- stderr\n\(stderr)"
    }
}

/// Runs the `seokit` executable built with the tests.
public enum Seokit {
    public enum LocateError: Error, CustomStringConvertible {
        case notFound([String])
        public var description: String {
            guard case .notFound(let tried) = self else { return "" }
            return "cannot find the seokit binary; tried: \(tried.joined(separator: ", ")) (set SEOKIT_BINARY)"
        }
    }

    /// The binary: `$SEOKIT_BINARY`, else next to the running test bundle (SwiftPM puts every
    /// product of a build in one folder), else the usual scratch paths of the repository.
    public static func binaryPath() throws -> String {
        var candidates: [String] = []
        if let explicit = ProcessInfo.processInfo.environment["SEOKIT_BINARY"], !explicit.isEmpty { candidates.append(explicit) }
        if let executable = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            candidates.append((executable as NSString).deletingLastPathComponent + "/seokit")
        }
        if let first = CommandLine.arguments.first {
            let absolute = first.hasPrefix("/") ? first : FileManager.default.currentDirectoryPath + "/" + first
            candidates.append((absolute as NSString).deletingLastPathComponent + "/seokit")
        }
        candidates.append(Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("seokit").path)
        for scratch in [".build-tests", ".build"] {
            candidates.append(Repository.path("\(scratch)/debug/seokit"))
        }
        for candidate in candidates where FileManager.default.isExecutableFile(atPath: candidate) {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), !isDirectory.boolValue { return candidate }
        }
        throw LocateError.notFound(candidates)
    }

    /// Runs `seokit` with arguments, optional standard input, in an optional working directory.
    ///
    /// Standard input, output and error go through temporary files rather than pipes, so any
    /// amount of data flows without the risk of a full pipe blocking either side.
    /// `environment` is added to this process's; `binary` runs another copy of seokit.
    public static func run(
        _ arguments: [String], stdin: [UInt8]? = nil, in directory: String? = nil, environment: [String: String] = [:],
        binary explicitBinary: String? = nil
    ) throws -> ProcessOutput {
        let binary = try explicitBinary ?? binaryPath()
        let scratch = try TemporaryDirectory(prefix: "seokit-run")
        let inputPath = try scratch.write("stdin", bytes: stdin ?? [])
        let outputPath = try scratch.write("stdout", bytes: [])
        let errorPath = try scratch.write("stderr", bytes: [])

        let input = FileHandle(forReadingAtPath: inputPath)!
        let output = FileHandle(forWritingAtPath: outputPath)!
        let error = FileHandle(forWritingAtPath: errorPath)!
        let process = try launch {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: binary)
            process.arguments = arguments
            if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
            if !environment.isEmpty {
                process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
            }
            process.standardInput = stdin == nil ? FileHandle.nullDevice : input
            process.standardOutput = output
            process.standardError = error
            return process
        }
        process.waitUntilExit()
        try? input.close()
        try? output.close()
        try? error.close()

        let stdoutData = try Data(contentsOf: URL(fileURLWithPath: outputPath))
        let stderrData = try Data(contentsOf: URL(fileURLWithPath: errorPath))
        return ProcessOutput(
            status: process.terminationStatus,
            stdout: String(decoding: stdoutData, as: UTF8.self),
            stderr: String(decoding: stderrData, as: UTF8.self),
            wasSignalled: process.terminationReason == .uncaughtSignal)
    }

    /// Starts a process, waiting out "text file busy": a binary a test copied a moment ago is
    /// still open for writing in any child another test forked meanwhile, until that child
    /// execs, and exec of the copy fails with ETXTBSY in between.
    private static func launch(_ make: () -> Process) throws -> Process {
        var attempts = 0
        while true {
            let process = make()
            do {
                try process.run()
                return process
            } catch let failure as NSError where attempts < 40 && isTextFileBusy(failure) {
                attempts += 1
                usleep(25_000)
            }
        }
    }

    private static func isTextFileBusy(_ error: NSError) -> Bool {
        if error.domain == NSPOSIXErrorDomain { return error.code == Int(ETXTBSY) }
        guard let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError else { return false }
        return isTextFileBusy(underlying)
    }

    /// Runs with text on standard input.
    public static func run(_ arguments: [String], stdin text: String, in directory: String? = nil) throws -> ProcessOutput {
        try run(arguments, stdin: Array(text.utf8), in: directory)
    }
}
