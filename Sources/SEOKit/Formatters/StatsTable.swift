/// The human-readable table of `seokit stats`.
public enum StatsTable {
    public static func render(_ results: [DocumentStatistics]) -> String {
        var table = TextTable(
            headers: ["file", "words", "sent.", "syll.", "para.", "Flesch", "FK", "Fog", "SMOG", "CLI", "ARI", "D–C", "read"],
            alignments: [.left] + Array(repeating: .right, count: 12))
        func score(_ result: FormulaResult) -> String {
            guard let value = result.value else { return "–" }
            let rounded = (value * 10).rounded() / 10
            return rounded == rounded.rounded() ? "\(Int(rounded)).0" : "\(rounded)"
        }
        for result in results {
            let r = result.readability
            let minutes = r.readingTimeSeconds / 60
            let seconds = r.readingTimeSeconds % 60
            table.append([
                result.path.terminalSafe, "\(result.counts.words)", "\(result.counts.sentences)", "\(result.counts.syllables)",
                "\(result.counts.paragraphs)", score(r.fleschReadingEase), score(r.fleschKincaidGrade), score(r.gunningFog),
                score(r.smog), score(r.colemanLiau), score(r.automatedReadabilityIndex), score(r.daleChall),
                "\(minutes):\(seconds < 10 ? "0" : "")\(seconds)",
            ])
        }
        return table.render()
    }
}
