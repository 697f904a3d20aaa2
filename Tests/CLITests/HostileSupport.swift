import Foundation
import SEOKitTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Runs the `seokit` binary as a child process with a wall-clock limit this side enforces, and
/// measures seokit's own peak memory.
///
/// Measuring memory: the rusage `wait4` returns for a direct child is polluted on Linux. The child
/// is made with vfork (glibc's posix_spawn, Foundation's Process), shares the test process's
/// memory until it execs, and `execve` keeps the old memory's high-water mark in `ru_maxrss`: a
/// child of a test process that once held 2 GB "peaks" at 2 GB. So seokit runs under GNU time
/// (`/usr/bin/time -f %M`), a small process whose own child's figure is exact. Without it, the peak
/// is read from `/proc/PID/status` (VmHWM, which restarts at exec) while polling, which can miss
/// the last few milliseconds of a run. Each run gets its own process group, so a kill reaches
/// seokit through the wrapper.
///
/// Used by the hostile-input and interruption tests: start, optionally kill, wait.
final class BoundedProcess: @unchecked Sendable {
    struct Result: CustomStringConvertible {
        var status: Int32
        /// The signal that ended seokit, if any (SIGKILL when we killed it).
        var signal: Int32?
        var stdout: String
        var stderr: String
        var seconds: Double
        /// Peak resident memory of seokit, in bytes.
        var peakMemory: Int
        /// Whether the wall-clock limit ran out and we killed the child.
        var timedOut: Bool

        var stderrLines: [String] { stderr.split(separator: "\n", omittingEmptySubsequences: true).map(String.init) }
        var megabytes: Int { peakMemory >> 20 }

        var description: String {
            let end = signal.map { "signal \($0)" } ?? "exit \(status)"
            return "\(end)\(timedOut ? " (timed out)" : ""), \(String(format: "%.2f", seconds)) s, \(megabytes) MB\n--- stdout (first 2000)\n\(stdout.prefix(2000))\n--- stderr (first 4000)\n\(stderr.prefix(4000))"
        }
    }

    static let timeCommand = "/usr/bin/time"
    let pid: pid_t
    let started: Date
    private let scratch: TemporaryDirectory
    private let wrapped: Bool
    private var finished: Result?
    private var polledPeak = 0

    /// Starts `seokit arguments...` in `directory`, with standard input from /dev/null.
    init(_ arguments: [String], in directory: String? = nil) throws {
        let binary = try Seokit.binaryPath()
        scratch = try TemporaryDirectory(prefix: "seokit-bounded")
        wrapped = FileManager.default.isExecutableFile(atPath: Self.timeCommand)
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, scratch.url("stdout"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, scratch.url("stderr"), O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)
        // posix_spawn_file_actions_addchdir_np is not visible from Swift's Glibc module: change
        // directory with `env -C`, which then execs seokit in the same process.
        var command = directory.map { ["/usr/bin/env", "-C", $0, binary] } ?? [binary]
        if wrapped { command = [Self.timeCommand, "-f", "%M", "-o", scratch.url("memory")] + command }
        let argv = (command + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var child: pid_t = 0
        let code = posix_spawn(&child, command[0], &actions, &attributes, argv, environ)
        guard code == 0 else { throw BoundedProcessError.cannotStart(String(cString: strerror(code))) }
        pid = child
        started = Date()
    }

    /// Sends a signal to seokit (and its wrapper), if still running.
    func signal(_ number: Int32) {
        if finished == nil { _ = Glibc.kill(-pid, number) }
    }

    /// Whether the child has ended (reaping it if so).
    var hasEnded: Bool {
        if finished != nil { return true }
        return poll(timedOut: false) != nil
    }

    private func poll(timedOut: Bool) -> Result? {
        if !wrapped, let text = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
           let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
           let kilobytes = Int(line.split(separator: " ").dropFirst().first ?? "") {
            polledPeak = max(polledPeak, kilobytes * 1024)
        }
        var status: Int32 = 0
        let reaped = waitpid(pid, &status, WNOHANG)
        guard reaped == pid else { return nil }
        return record(status: status, timedOut: timedOut)
    }

    private func record(status: Int32, timedOut: Bool) -> Result {
        let seconds = Date().timeIntervalSince(started)
        var signalled = (status & 0x7f) != 0
        var signalNumber = status & 0x7f
        var exitStatus = (status >> 8) & 0xff
        var peak = polledPeak
        if wrapped, let report = try? String(contentsOfFile: scratch.url("memory"), encoding: .utf8) {
            // GNU time writes "Command terminated by signal N" and/or "Command exited with
            // non-zero status N" before the figure, and exits 128+N for a signal.
            let lines = report.split(separator: "\n")
            if let last = lines.last, let kilobytes = Int(last.trimmingCharacters(in: .whitespaces)) { peak = kilobytes * 1024 }
            if let line = lines.first(where: { $0.hasPrefix("Command terminated by signal ") }),
               let number = Int32(line.split(separator: " ").last ?? "") {
                signalled = true
                signalNumber = number
            }
            if !signalled, exitStatus > 128, lines.contains(where: { $0.contains("signal") }) {
                signalled = true
                signalNumber = exitStatus - 128
            }
        }
        if signalled { exitStatus = -1 }
        let out = (try? String(contentsOfFile: scratch.url("stdout"), encoding: .utf8)) ?? ""
        let err = (try? String(contentsOfFile: scratch.url("stderr"), encoding: .utf8)) ?? ""
        let result = Result(
            status: exitStatus, signal: signalled ? signalNumber : nil,
            stdout: out, stderr: err, seconds: seconds, peakMemory: peak, timedOut: timedOut)
        finished = result
        return result
    }

    /// Waits for the child to end; past `timeout` seconds it is killed (and the result says so).
    func wait(timeout: Double) -> Result {
        if let finished { return finished }
        let deadline = started.addingTimeInterval(timeout)
        while Date() < deadline {
            if let result = poll(timedOut: false) { return result }
            usleep(10_000)
        }
        _ = Glibc.kill(-pid, SIGKILL)
        var status: Int32 = 0
        _ = waitpid(pid, &status, 0)
        return record(status: status, timedOut: true)
    }

    /// Runs to the end within `timeout` seconds.
    static func run(_ arguments: [String], in directory: String? = nil, timeout: Double) throws -> Result {
        try BoundedProcess(arguments, in: directory).wait(timeout: timeout)
    }
}

enum BoundedProcessError: Error, CustomStringConvertible {
    case cannotStart(String)
    var description: String {
        switch self {
        case .cannotStart(let reason): return "cannot start seokit: \(reason)"
        }
    }
}

/// Limits the hostile-input tests hold the binary to. The binary under test is the debug build
/// (`swift test` builds debug), several times slower than release, on a shared 2-core machine:
/// the limits leave room for that while still catching a hang or a runaway allocation. Under a
/// sanitizer (scripts/sanitizers.sh sets SEOKIT_HOSTILE_SCALE=4) every limit is multiplied.
enum HostileLimits {
    static let scale: Double = {
        guard let text = ProcessInfo.processInfo.environment["SEOKIT_HOSTILE_SCALE"], let value = Double(text), value >= 1 else { return 1 }
        return value
    }()
    /// Wall clock for a small hostile input (a few KB): anything slower is a hang.
    static let smallSeconds: Double = 30 * scale
    /// Wall clock for the inputs of tens of MB (50 MB line, 1 million links): measured 19 s and
    /// 12 s on a debug build.
    static let largeSeconds: Double = 180 * scale
    /// Peak memory of one run on a small input (measured 45–55 MB, most of it the runtime and
    /// the lexicons).
    static let smallMemory = Int(Double(256 << 20) * scale)
    /// Peak memory on the inputs of tens of MB: measured 437 MB for the 50 MB line and for the page
    /// of a million links (debug build), so about 2.3 times that.
    static let largeMemory = Int(Double(1024 << 20) * scale)
}

/// The process ended on its own, within its limits, without a signal.
func expectCleanExit(_ result: BoundedProcess.Result, status: Int32, seconds: Double, memory: Int, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
    #expect(!result.timedOut, "hang: \(result)", sourceLocation: sourceLocation)
    #expect(result.signal == nil, "crashed: \(result)", sourceLocation: sourceLocation)
    #expect(result.status == status, "exit status: \(result)", sourceLocation: sourceLocation)
    #expect(result.seconds < seconds, "too slow: \(result)", sourceLocation: sourceLocation)
    #expect(result.peakMemory < memory, "too much memory: \(result.megabytes) MB (limit \(memory >> 20) MB)", sourceLocation: sourceLocation)
}
