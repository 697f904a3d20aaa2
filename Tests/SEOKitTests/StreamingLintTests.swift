import Foundation
import SEOKitTestSupport
import Synchronization
import Testing
@testable import SEOKit

/// `seokit lint` streams: reports reach the outputs one at a time, in input order, and are not
/// kept. What a stream writes must be what a whole run renders.
@Suite struct StreamingLintTests {
    @Test(arguments: [1, 2, 4])
    func handoffDeliversInOrderOnTheCallingThreadWithinTheWindow(workers: Int) {
        let count = 500
        let delivered = Atomic<Int>(0)
        let tooFarAhead = Atomic<Int>(0)
        let window = max(1, min(workers, count)) * 8
        var order: [Int] = []
        let caller = pthread_self()
        var onOtherThread = 0
        OrderedHandoff<Int>.run(
            count: count, workers: workers, state: { 0 },
            work: { index, _ in
                // A worker (the calling thread too) starts an index only within the window of
                // what was taken (the value being delivered counts as taken).
                if workers > 1, index >= delivered.load(ordering: .sequentiallyConsistent) + 1 + window {
                    tooFarAhead.add(1, ordering: .relaxed)
                }
                // Uneven work, so later indices often finish first.
                var spin = 0
                for step in 0..<((index * 7919) % 2000) { spin &+= step }
                return index &+ (spin & 0)
            },
            deliver: { index, value in
                // A slow consumer at first: unchecked workers would race far ahead meanwhile.
                if index == 0 { usleep(50_000) }
                if pthread_equal(pthread_self(), caller) == 0 { onOtherThread += 1 }
                #expect(index == value)
                order.append(index)
                delivered.add(1, ordering: .sequentiallyConsistent)
            })
        #expect(order == Array(0..<count))
        #expect(onOtherThread == 0)
        #expect(tooFarAhead.load(ordering: .relaxed) == 0)
    }

    /// The hand-off keeps a ring of `window` slots; fewer values than that, or just as many,
    /// still come out whole and in order.
    @Test(arguments: [2, 5, 16, 17])
    func handoffWithFewValues(count: Int) {
        var order: [Int] = []
        OrderedHandoff<[Int]>.run(
            count: count, workers: 2, state: { 0 }, work: { index, _ in [index, index * index] },
            deliver: { index, value in
                #expect(value == [index, index * index])
                order.append(index)
            })
        #expect(order == Array(0..<count))
    }

    @Test func handoffWithNothingToDo() {
        var calls = 0
        OrderedHandoff<Int>.run(count: 0, workers: 4, state: { 0 }, work: { index, _ in index }, deliver: { _, _ in calls += 1 })
        #expect(calls == 0)
    }

    /// Drafts of the corpus, several times over, with a file that cannot be read in between.
    static func inputs(in folder: TemporaryDirectory) throws -> [String] {
        var paths: [String] = []
        let drafts = Repository.files(in: "Corpora/drafts", extensions: ["md", "html", "txt"])
        for round in 0..<3 {
            paths += drafts
            paths.append(folder.url("missing-\(round).md"))
        }
        return paths
    }

    @Test(arguments: [1, 2])
    func streamedReportsAreTheRunsReportsInOrder(jobs: Int) throws {
        let folder = try TemporaryDirectory()
        let paths = try Self.inputs(in: folder)
        let session = LintSession(options: LintSession.Options(jobs: jobs))
        let whole = try session.run(paths)
        var streamed: [LintReport] = []
        var starts: [LintRunStart] = []
        let totals = try session.run(paths, start: { starts.append($0) }, deliver: { streamed.append($0) })
        #expect(starts.count == 1)
        #expect(starts.first?.ruleIDs == RuleCatalog.all.map { $0.description.id })
        #expect(streamed.map(\.path) == whole.reports.map(\.path))
        #expect(streamed.map(\.findings) == whole.reports.map(\.findings))
        #expect(totals.inputErrors.map(\.path) == (0..<3).map { folder.url("missing-\($0).md") })
        #expect(totals.exitStatus == 2)
        #expect(totals.findings == whole.findingCount)
        #expect(totals.files == whole.reports.count)
        #expect(totals.count(.warning) == whole.findings.filter { $0.severity == .warning }.count)
    }

    /// Each format written report by report, emptying the buffer between pieces as the CLI
    /// does, gives the bytes `render` gives for the whole run.
    @Test(arguments: LintFormats.names)
    func writingInPiecesIsRendering(format: String) throws {
        let folder = try TemporaryDirectory()
        let run = try LintSession(options: LintSession.Options(jobs: 1)).run(try Self.inputs(in: folder))
        let formatter = try #require(LintFormats.formatter(named: format, explainScores: true))
        var pieces: [UInt8] = []
        var buffer = ByteBuffer(capacity: 64)
        func drain() {
            pieces += buffer.array
            buffer.removeAll()
        }
        var writer = formatter.makeWriter(run.start)
        writer.begin(into: &buffer)
        drain()
        for report in run.reports {
            writer.write(report, into: &buffer)
            drain()
        }
        writer.finish(run.totals, into: &buffer)
        drain()
        #expect(String(decoding: pieces, as: UTF8.self) == formatter.render(run))
    }

    @Test func totalsCountWhatTheReportsHold() throws {
        let text = "# Bread\n\nText.\n\n# Flour\n\nMore.\n"
        let report = LintEngine(catalog: [RuleCatalog.rule(id: "headings.single-h1")!])
            .lint(try DocumentReader().read(bytes: Array(text.utf8), path: "post.md", format: .markdown))
        var totals = LintRunTotals(failOn: .warning)
        totals.add(report)
        totals.add(report)
        #expect(totals.files == 2)
        #expect(totals.findings == 2 * report.findings.count)
        #expect(totals.filesWithFindings == 2)
        #expect(totals.hasFailingFindings == report.findings.contains { $0.severity >= .warning })
        #expect(totals.exitStatus == (totals.hasFailingFindings ? 1 : 0))
        totals.inputErrors = [InputError(path: "x.md", cause: .notFound)]
        #expect(totals.exitStatus == 2)
    }
}
