#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress bar on standard error: files done / total, rate and time left.
///
/// Redrawn at most ten times a second; `finish` clears the line so the output that follows
/// starts clean. Callers create one only when standard error is a terminal.
public final class ProgressBar: @unchecked Sendable {
    private let total: Int
    private let started: Double
    private var lastDraw: Double = 0
    private var done = 0

    public init(total: Int) {
        self.total = total
        started = ProgressBar.now()
    }

    /// Records one more file done (call from one thread at a time).
    public func advance() {
        done += 1
        let now = ProgressBar.now()
        guard now - lastDraw >= 0.1 || done == total else { return }
        lastDraw = now
        draw(now: now)
    }

    public func finish() {
        StandardStreams.writeError("\r\u{1B}[2K")
    }

    private func draw(now: Double) {
        let elapsed = max(now - started, 0.001)
        let rate = Double(done) / elapsed
        let remaining = rate > 0 ? Double(total - done) / rate : 0
        let width = 30
        let filled = total > 0 ? min(width, width * done / total) : width
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let seconds = Int(remaining.rounded())
        let eta = "\(seconds / 60):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60)"
        StandardStreams.writeError("\r\u{1B}[2K\(bar) \(done)/\(total) files  \(Int(rate.rounded())) files/s  ETA \(eta)")
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
