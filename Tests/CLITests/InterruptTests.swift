import Foundation
import SEOKitTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// `seokit` killed with SIGKILL in the middle of a run (a CI job cancelled, the OOM killer, a
/// machine going down): the output file it was writing is either absent or the previous complete
/// version, byte for byte, never a partial file under the target name; a score database is exactly
/// as before the run. If the run happens to finish before the kill, its output must be complete.
///
/// Each test kills at several moments: after a fixed delay (mid-run), and the instant the
/// temporary output file appears (mid-write, the most dangerous moment).
@Suite(.serialized) struct InterruptTests {
    /// A folder of `copies` × the Markdown drafts of Corpora/drafts (about 20 files per copy).
    static func library(copies: Int) throws -> (folder: TemporaryDirectory, files: Int) {
        let folder = try TemporaryDirectory(prefix: "seokit-interrupt")
        let drafts = Repository.files(in: "Corpora/drafts", extensions: ["md"])
        let contents = try drafts.map { try Data(contentsOf: URL(fileURLWithPath: $0)) }
        for copy in 0..<copies {
            for (path, data) in zip(drafts, contents) {
                let name = "site/\(copy)/" + (path as NSString).lastPathComponent
                try folder.write(name, bytes: Array(data))
            }
        }
        return (folder, copies * drafts.count)
    }

    /// When to kill: after a delay in seconds, or as soon as a file matching the temporary-name
    /// pattern appears in the output folder.
    enum KillMoment: CustomStringConvertible {
        case after(Double)
        case whenTemporaryAppears
        var description: String {
            switch self {
            case .after(let seconds): return "after \(seconds) s"
            case .whenTemporaryAppears: return "when the temporary file appears"
            }
        }
    }

    /// Files in `folder` (not recursive).
    static func listing(_ folder: String) -> Set<String> {
        Set((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
    }

    /// Runs seokit and kills it at `moment`; returns the result (signal 9 when killed in time)
    /// and whether a temporary output file existed at the moment of the kill.
    static func runAndKill(_ arguments: [String], in directory: String, outputFolder: String, target: String, moment: KillMoment) throws -> (BoundedProcess.Result, sawTemporary: Bool) {
        // Stale temporary files of earlier killed runs do not count.
        let existing = listing(outputFolder)
        let process = try BoundedProcess(arguments, in: directory)
        let temporaryPrefix = "." + target + ".tmp"
        var sawTemporary = false
        let started = Date()
        loop: while !process.hasEnded {
            let temporaries = listing(outputFolder).subtracting(existing).filter { $0.hasPrefix(temporaryPrefix) }
            switch moment {
            case .after(let seconds):
                if Date().timeIntervalSince(started) >= seconds {
                    sawTemporary = !temporaries.isEmpty
                    process.signal(SIGKILL)
                    break loop
                }
                usleep(5_000)
            case .whenTemporaryAppears:
                if !temporaries.isEmpty {
                    process.signal(SIGKILL)
                    sawTemporary = true
                    break loop
                }
                usleep(500)
            }
            if Date().timeIntervalSince(started) > 240 { break }
        }
        return (process.wait(timeout: 240), sawTemporary)
    }

    /// After a run that was killed or ended: the target holds `previous` (or is absent when there
    /// was none), or, if the run completed, a complete output that `isComplete` accepts. Nothing
    /// else new in the folder but stale temporary files (SIGKILL leaves no chance to remove them).
    static func expectIntactOutput(
        _ result: BoundedProcess.Result, folder: String, target: String, previous: [UInt8]?, before: Set<String>,
        isComplete: ([UInt8]) -> Bool, moment: KillMoment, sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        let path = folder + "/" + target
        let now = FileManager.default.contents(atPath: path).map { Array($0) }
        let killed = result.signal == SIGKILL
        if killed {
            if let previous {
                #expect(now == previous, "killed \(moment): the previous \(target) was changed (\(now?.count ?? -1) bytes, was \(previous.count))", sourceLocation: sourceLocation)
            } else {
                #expect(now == nil, "killed \(moment): a \(target) of \(now?.count ?? 0) bytes exists", sourceLocation: sourceLocation)
            }
        } else {
            #expect(result.signal == nil && !result.timedOut, "\(result)", sourceLocation: sourceLocation)
            #expect(now.map(isComplete) == true, "finished before the kill (\(moment)) but \(target) is not complete", sourceLocation: sourceLocation)
        }
        let added = listing(folder).subtracting(before).subtracting([target])
        let stale = added.filter { $0.hasPrefix("." + target + ".tmp-") }
        #expect(added == stale, "unexpected files: \(added.subtracting(stale))", sourceLocation: sourceLocation)
        print("interrupt: \(target) \(killed ? "killed" : "not killed (finished first)") \(moment), after \(String(format: "%.2f", result.seconds)) s; stale temporary files left: \(stale.sorted())")
    }

    // MARK: - lint --format sarif:FILE

    @Test func lintSARIFKilledMidRun() throws {
        let (library, files) = try Self.library(copies: 50)
        let folder = library.path
        let target = "out.sarif"
        func isComplete(_ bytes: [UInt8]) -> Bool {
            guard let object = try? JSONSerialization.jsonObject(with: Data(bytes)) as? [String: Any],
                  let runs = object["runs"] as? [[String: Any]], let results = runs.first?["results"] as? [Any] else { return false }
            return !results.isEmpty
        }
        // A previous complete report (of a smaller run) to protect.
        let small = try BoundedProcess.run(["lint", "site/0", "--format", "sarif:\(target)"], in: folder, timeout: 120)
        #expect(small.status == 1 && small.signal == nil, "\(small)")
        let previous = try #require(FileManager.default.contents(atPath: folder + "/" + target).map { Array($0) })
        #expect(isComplete(previous))
        var killedMidWrite = false
        for moment in [KillMoment.after(0.5), .after(2.5), .whenTemporaryAppears] {
            let before = Self.listing(folder)
            let (result, sawTemporary) = try Self.runAndKill(["lint", "site", "--format", "sarif:\(target)"], in: folder, outputFolder: folder, target: target, moment: moment)
            killedMidWrite = killedMidWrite || (sawTemporary && result.signal == SIGKILL)
            Self.expectIntactOutput(result, folder: folder, target: target, previous: previous, before: before, isComplete: isComplete, moment: moment)
        }
        // With no previous version, a killed run leaves no report at all.
        try FileManager.default.removeItem(atPath: folder + "/" + target)
        let before = Self.listing(folder)
        let (result, _) = try Self.runAndKill(["lint", "site", "--format", "sarif:\(target)"], in: folder, outputFolder: folder, target: target, moment: .after(1.0))
        Self.expectIntactOutput(result, folder: folder, target: target, previous: nil, before: before, isComplete: isComplete, moment: .after(1.0))
        print("interrupt: lint of \(files) files, killed mid-write at least once: \(killedMidWrite)")
    }

    // MARK: - score --format csv --output FILE

    @Test func scoreCSVKilledMidRun() throws {
        let (library, files) = try Self.library(copies: 50)
        let folder = library.path
        let target = "out.csv"
        func isComplete(_ bytes: [UInt8]) -> Bool {
            let text = String(decoding: bytes, as: UTF8.self)
            return text.hasSuffix("\n") && text.split(separator: "\n").count == files + 1 && text.hasPrefix("path,status,")
        }
        let previous = Array("path,status\nold/complete.md,ok\n".utf8)
        try library.write(target, bytes: previous)
        var killedMidWrite = false
        // --jobs 1: long enough (about 10 s in a debug build) to be killed reliably; streaming
        // output means the temporary file fills up during the whole run.
        for moment in [KillMoment.after(0.5), .after(3.0), .whenTemporaryAppears] {
            let before = Self.listing(folder)
            let (result, sawTemporary) = try Self.runAndKill(
                ["score", "site", "--jobs", "1", "--quiet", "--format", "csv", "--output", target], in: folder, outputFolder: folder, target: target, moment: moment)
            killedMidWrite = killedMidWrite || (sawTemporary && result.signal == SIGKILL)
            Self.expectIntactOutput(result, folder: folder, target: target, previous: previous, before: before, isComplete: isComplete, moment: moment)
        }
        #expect(killedMidWrite, "no kill landed while the temporary file was being written")
        // A complete run afterwards replaces the old file with a complete one.
        let complete = try BoundedProcess.run(["score", "site", "--quiet", "--format", "csv", "--output", target], in: folder, timeout: 240)
        #expect(complete.signal == nil && [0, 1].contains(complete.status), "\(complete)")
        #expect(FileManager.default.contents(atPath: folder + "/" + target).map { isComplete(Array($0)) } == true)
    }

    // MARK: - score --db FILE

    /// Runs SQL on the database with the sqlite3 shell, else Python's sqlite3 module.
    static func sql(_ database: String, _ statements: String) throws -> String {
        let process = Process()
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3") {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            // A killed run's process may release its lock a moment after its wrapper is reaped:
            // wait for it rather than failing on "database is locked".
            process.arguments = ["-cmd", ".timeout 10000", database, statements]
        } else {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            process.arguments = ["python3", "-c", """
                import sqlite3, sys
                c = sqlite3.connect(sys.argv[1], timeout=10)
                for s in sys.argv[2].split(';'):
                    if s.strip():
                        for row in c.execute(s): print('|'.join(str(v) for v in row))
                """, database, statements]
        }
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let text = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard process.terminationStatus == 0 else { throw SQLError(message: text) }
        return text
    }

    struct SQLError: Error, CustomStringConvertible {
        var message: String
        var description: String { "sqlite: \(message)" }
    }

    /// Row counts of every table, and a dump of the content (ordered), to compare before/after.
    static func snapshot(_ database: String) throws -> (counts: String, dump: String) {
        let counts = try sql(database, "SELECT (SELECT count(*) FROM runs), (SELECT count(*) FROM documents), (SELECT count(*) FROM scores), (SELECT count(*) FROM findings)")
        let dump = try sql(database, """
            SELECT * FROM runs ORDER BY id; SELECT * FROM documents ORDER BY runId, path;
            SELECT * FROM scores ORDER BY runId, path, kind; SELECT * FROM findings ORDER BY rowid;
            SELECT * FROM sqlite_sequence ORDER BY name
            """)
        return (counts, dump)
    }

    @Test func scoreDatabaseKilledMidRun() throws {
        let (library, files) = try Self.library(copies: 50)
        let folder = library.path
        let database = folder + "/hist.sqlite"
        // A previous complete run on part of the library.
        let first = try BoundedProcess.run(["score", "site/0", "site/1", "--quiet", "--format", "csv", "--db", "hist.sqlite"], in: folder, timeout: 120)
        #expect(first.signal == nil && [0, 1].contains(first.status), "\(first)")
        let before = try Self.snapshot(database)
        #expect(before.counts.hasPrefix("1|"), "one run recorded: \(before.counts)")
        var killed = 0
        for moment in [KillMoment.after(1.0), .after(4.0)] {
            let process = try BoundedProcess(["score", "site", "--jobs", "1", "--quiet", "--format", "csv", "--db", "hist.sqlite"], in: folder)
            usleep(useconds_t(moment.delay * 1_000_000))
            process.signal(SIGKILL)
            let result = process.wait(timeout: 240)
            if result.signal == SIGKILL {
                killed += 1
                // Opening the database rolls back the interrupted transaction (hot journal).
                #expect(try Self.sql(database, "PRAGMA integrity_check") == "ok")
                let after = try Self.snapshot(database)
                #expect(after.counts == before.counts, "killed \(moment): rows \(after.counts), were \(before.counts)")
                #expect(after.dump == before.dump, "killed \(moment): content changed")
            } else {
                // Finished first: the run is recorded whole.
                #expect(result.signal == nil && [0, 1].contains(result.status), "\(result)")
                let counts = try Self.sql(database, "SELECT count(*) FROM runs")
                #expect(Int(counts) == 2, "\(counts)")
                return
            }
        }
        #expect(killed > 0)
        // The next complete run is recorded normally, with every file.
        let next = try BoundedProcess.run(["score", "site", "--quiet", "--format", "csv", "--db", "hist.sqlite"], in: folder, timeout: 240)
        #expect(next.signal == nil && [0, 1].contains(next.status), "\(next)")
        #expect(try Self.sql(database, "PRAGMA integrity_check") == "ok")
        #expect(try Self.sql(database, "SELECT count(*) FROM runs") == "2")
        let lastRun = try Self.sql(database, "SELECT count(*) FROM documents WHERE runId = (SELECT max(id) FROM runs)")
        #expect(Int(lastRun) == files, "\(lastRun)")
    }
}

extension InterruptTests.KillMoment {
    var delay: Double {
        if case .after(let seconds) = self { return seconds }
        return 0
    }
}
