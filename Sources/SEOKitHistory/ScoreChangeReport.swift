import SEOKit

/// The text `--since-last` prints.
public enum ScoreChangeReport {
    public static func render(_ changes: ScoreChanges) -> String {
        func score(_ before: Int?, _ after: Int?) -> String {
            "\(before.map(String.init) ?? "–") → \(after.map(String.init) ?? "–")"
        }
        var output = "Since run \(changes.previousRunID): \(changes.improved.count) better, \(changes.worse.count) worse"
        let new = changes.documents.filter(\.isNew).count
        let removed = changes.documents.filter(\.isRemoved).count
        output += ", \(new) new, \(removed) gone\n"
        for (title, list) in [("better", changes.improved), ("worse", changes.worse)] where !list.isEmpty {
            output += "\n\(title):\n"
            for change in list {
                output += "  \(change.delta > 0 ? "+" : "")\(change.delta)  SEO \(score(change.seoBefore, change.seoAfter)), "
                output += "readability \(score(change.readabilityBefore, change.readabilityAfter))  \(change.path)\n"
            }
        }
        return output
    }
}
