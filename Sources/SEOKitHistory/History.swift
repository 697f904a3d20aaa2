import Dispatch
import Foundation
import GRDB
import SEOKit

/// Score history in SQLite: every `seokit score --db` run, its documents, scores and findings.
///
/// Schema (version 1, created by the migration "v1"):
///
/// - `runs(id INTEGER PRIMARY KEY, startedAt TEXT, finishedAt TEXT, seokitVersion TEXT, arguments TEXT,
///   files INTEGER, failed INTEGER)`
/// - `documents(runId → runs.id, path TEXT, status TEXT ('ok'|'error'), message TEXT, format TEXT,
///   words, sentences, syllables, paragraphs INTEGER, fleschReadingEase, fleschKincaidGrade,
///   gunningFog, smog, colemanLiau, automatedReadabilityIndex, daleChall REAL, readingTimeSeconds
///   INTEGER, errors, warnings, infos INTEGER, draft INTEGER, PRIMARY KEY (runId, path))`
/// - `scores(runId, path, kind TEXT ('seo'|'readability'), value INTEGER, PRIMARY KEY (runId, path, kind))`
/// - `findings(runId, path, ruleId TEXT, severity TEXT, line INTEGER, column INTEGER, message TEXT)`
///
/// A run is written in one transaction: a run that is interrupted leaves the database exactly
/// as it was before it started.
public final class ScoreHistory: Sendable {
    private let queue: DatabaseQueue

    /// Opens (and creates or migrates) a history database.
    public init(path: String) throws {
        var configuration = Configuration()
        configuration.foreignKeysEnabled = true
        queue = try DatabaseQueue(path: path, configuration: configuration)
        try Self.migrator.migrate(queue)
    }

    private static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1") { db in
            try db.execute(sql: """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT, startedAt TEXT NOT NULL, finishedAt TEXT,
                    seokitVersion TEXT NOT NULL, arguments TEXT NOT NULL, files INTEGER NOT NULL DEFAULT 0,
                    failed INTEGER NOT NULL DEFAULT 0);
                CREATE TABLE documents (
                    runId INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, path TEXT NOT NULL,
                    status TEXT NOT NULL, message TEXT, format TEXT, words INTEGER, sentences INTEGER,
                    syllables INTEGER, paragraphs INTEGER, fleschReadingEase REAL, fleschKincaidGrade REAL,
                    gunningFog REAL, smog REAL, colemanLiau REAL, automatedReadabilityIndex REAL, daleChall REAL,
                    readingTimeSeconds INTEGER, errors INTEGER NOT NULL, warnings INTEGER NOT NULL,
                    infos INTEGER NOT NULL, draft INTEGER NOT NULL, PRIMARY KEY (runId, path));
                CREATE TABLE scores (
                    runId INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, path TEXT NOT NULL,
                    kind TEXT NOT NULL, value INTEGER NOT NULL, PRIMARY KEY (runId, path, kind));
                CREATE TABLE findings (
                    runId INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE, path TEXT NOT NULL,
                    ruleId TEXT NOT NULL, severity TEXT NOT NULL, line INTEGER NOT NULL, "column" INTEGER NOT NULL,
                    message TEXT NOT NULL);
                CREATE INDEX findingsByRun ON findings(runId, path);
                """)
        }
        return migrator
    }

    /// Records one run. `produce` runs on another thread and hands over records through
    /// `deliver`; they are inserted as they come, inside one transaction committed at the end.
    /// Returns the new run's id.
    @discardableResult
    public func recordRun(arguments: [String], produce: @escaping @Sendable (_ deliver: @escaping @Sendable (ScoreRecord) -> Void) -> Void) throws -> Int64 {
        let channel = RecordChannel()
        let started = Self.timestamp()
        DispatchQueue.global().async {
            produce { channel.send($0) }
            channel.finish()
        }
        return try queue.write { db -> Int64 in
            try db.execute(
                sql: "INSERT INTO runs (startedAt, seokitVersion, arguments) VALUES (?, ?, ?)",
                arguments: [started, SEOKitVersion.string, arguments.joined(separator: " ")])
            let runID = db.lastInsertedRowID
            var files = 0
            var failed = 0
            while let record = channel.receive() {
                try insert(record, runID: runID, db: db)
                files += 1
                if record.status == .error { failed += 1 }
            }
            try db.execute(
                sql: "UPDATE runs SET finishedAt = ?, files = ?, failed = ? WHERE id = ?",
                arguments: [Self.timestamp(), files, failed, runID])
            return runID
        }
    }

    private func insert(_ record: ScoreRecord, runID: Int64, db: Database) throws {
        let counts = record.statistics?.counts
        let readability = record.statistics?.readability
        try db.execute(sql: """
            INSERT INTO documents (runId, path, status, message, format, words, sentences, syllables, paragraphs,
                fleschReadingEase, fleschKincaidGrade, gunningFog, smog, colemanLiau, automatedReadabilityIndex,
                daleChall, readingTimeSeconds, errors, warnings, infos, draft)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [
                runID, record.path, record.status.rawValue, record.message, record.format?.rawValue,
                counts?.words, counts?.sentences, counts?.syllables, counts?.paragraphs,
                readability?.fleschReadingEase.value, readability?.fleschKincaidGrade.value, readability?.gunningFog.value,
                readability?.smog.value, readability?.colemanLiau.value, readability?.automatedReadabilityIndex.value,
                readability?.daleChall.value, readability?.readingTimeSeconds, record.errors, record.warnings,
                record.infos, record.isDraft,
            ])
        for (kind, value) in [("seo", record.seoScore), ("readability", record.readabilityScore)] {
            guard let value else { continue }
            try db.execute(sql: "INSERT INTO scores (runId, path, kind, value) VALUES (?, ?, ?, ?)", arguments: [runID, record.path, kind, value])
        }
        let statement = try db.cachedStatement(sql: """
            INSERT INTO findings (runId, path, ruleId, severity, line, "column", message) VALUES (?, ?, ?, ?, ?, ?, ?)
            """)
        for finding in record.findings {
            try statement.execute(arguments: [
                runID, record.path, finding.ruleID, finding.severity.rawValue, finding.range.start.line,
                finding.range.start.column, finding.message,
            ])
        }
    }

    /// How each document's scores moved between the previous run and `runID`.
    public func changes(since runID: Int64) throws -> ScoreChanges? {
        try queue.read { db -> ScoreChanges? in
            guard let previous = try Int64.fetchOne(db, sql: "SELECT MAX(id) FROM runs WHERE id < ? AND finishedAt IS NOT NULL", arguments: [runID]) else {
                return nil
            }
            func scores(_ run: Int64) throws -> [String: [String: Int]] {
                var result: [String: [String: Int]] = [:]
                for row in try Row.fetchAll(db, sql: "SELECT path, kind, value FROM scores WHERE runId = ?", arguments: [run]) {
                    result[row["path"], default: [:]][row["kind"]] = row["value"]
                }
                return result
            }
            func paths(_ run: Int64) throws -> Set<String> {
                Set(try String.fetchAll(db, sql: "SELECT path FROM documents WHERE runId = ?", arguments: [run]))
            }
            let before = try scores(previous)
            let after = try scores(runID)
            let beforePaths = try paths(previous)
            let afterPaths = try paths(runID)
            var changes = ScoreChanges(previousRunID: previous, runID: runID)
            for path in afterPaths.union(beforePaths).sorted() {
                let old = before[path] ?? [:]
                let new = after[path] ?? [:]
                guard old != new || !beforePaths.contains(path) || !afterPaths.contains(path) else { continue }
                changes.documents.append(ScoreChanges.Change(
                    path: path, seoBefore: old["seo"], seoAfter: new["seo"], readabilityBefore: old["readability"],
                    readabilityAfter: new["readability"], isNew: !beforePaths.contains(path), isRemoved: !afterPaths.contains(path)))
            }
            return changes
        }
    }

    private static func timestamp() -> String {
        ISO8601DateFormatter().string(from: Date())
    }
}

/// Score movements between two runs.
public struct ScoreChanges: Sendable {
    public struct Change: Sendable {
        public var path: String
        public var seoBefore: Int?
        public var seoAfter: Int?
        public var readabilityBefore: Int?
        public var readabilityAfter: Int?
        public var isNew: Bool
        public var isRemoved: Bool

        /// Sum of the score changes (positive: better).
        public var delta: Int { ((seoAfter ?? 0) - (seoBefore ?? 0)) + ((readabilityAfter ?? 0) - (readabilityBefore ?? 0)) }
    }

    public var previousRunID: Int64
    public var runID: Int64
    public var documents: [Change] = []

    public var improved: [Change] { documents.filter { !$0.isNew && !$0.isRemoved && $0.delta > 0 }.sorted { $0.delta > $1.delta } }
    public var worse: [Change] { documents.filter { !$0.isNew && !$0.isRemoved && $0.delta < 0 }.sorted { $0.delta < $1.delta } }
}

/// Hands records from the scoring threads to the database thread, one at a time.
private final class RecordChannel: Sendable {
    private let state = Locked(State())
    private let available = DispatchSemaphore(value: 0)

    private struct State: Sendable {
        var queue: [ScoreRecord] = []
        var head = 0
        var finished = false
    }

    func send(_ record: ScoreRecord) {
        state.withLock { $0.queue.append(record) }
        available.signal()
    }

    func finish() {
        state.withLock { $0.finished = true }
        available.signal()
    }

    /// The next record, waiting for one; `nil` once the producer finished and all were taken.
    func receive() -> ScoreRecord? {
        while true {
            let next: ScoreRecord?? = state.withLock { state in
                if state.head < state.queue.count {
                    let record = state.queue[state.head]
                    state.head += 1
                    if state.head > 1024 && state.head * 2 > state.queue.count {
                        state.queue.removeFirst(state.head)
                        state.head = 0
                    }
                    return .some(record)
                }
                return state.finished ? .some(nil) : .none
            }
            if let next { return next }
            available.wait()
        }
    }
}
