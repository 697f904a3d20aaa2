/// What a batch adds up to: counts, score statistics and the rules that fail most.
public struct ScoreSummary: Sendable {
    public private(set) var files = 0
    public private(set) var failed = 0
    public private(set) var seoScores: [Int] = []
    public private(set) var readabilityScores: [Int] = []
    /// For each rule: in how many documents it has at least one finding.
    public private(set) var documentsByRule: [String: Int] = [:]
    public private(set) var findings = 0

    public init() {}

    public mutating func add(_ record: ScoreRecord) {
        files += 1
        if record.status == .error { failed += 1 }
        if let seo = record.seoScore { seoScores.append(seo) }
        if let readability = record.readabilityScore { readabilityScores.append(readability) }
        findings += record.errors + record.warnings + record.infos
        for rule in record.failingRules { documentsByRule[rule, default: 0] += 1 }
    }

    public static func mean(_ values: [Int]) -> Double? {
        values.isEmpty ? nil : Double(values.reduce(0, +)) / Double(values.count)
    }

    public static func median(_ values: [Int]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }

    /// Counts per band of twenty points: 0–19, 20–39, 40–59, 60–79, 80–100.
    public static func distribution(_ values: [Int]) -> [Int] {
        var bands = [0, 0, 0, 0, 0]
        for value in values { bands[min(4, max(0, value) / 20)] += 1 }
        return bands
    }

    /// Rules with findings in the most documents, most first.
    public func mostFailingRules(limit: Int = 10) -> [(rule: String, documents: Int)] {
        documentsByRule.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            .prefix(limit).map { ($0.key, $0.value) }
    }

    /// The summary as ordered JSON fields (the same fields the Spark example aggregates).
    public var jsonFields: [(String, JSONValue)] {
        [
            ("files", .int(files)),
            ("failed", .int(failed)),
            ("seoScore", .object([
                ("mean", .number(Self.mean(seoScores))), ("median", .number(Self.median(seoScores))),
                ("distribution", .array(Self.distribution(seoScores).map(JSONValue.int))),
            ])),
            ("readabilityScore", .object([
                ("mean", .number(Self.mean(readabilityScores))), ("median", .number(Self.median(readabilityScores))),
                ("distribution", .array(Self.distribution(readabilityScores).map(JSONValue.int))),
            ])),
            ("mostFailingRules", .array(mostFailingRules().map { .object([("rule", .string($0.rule)), ("documents", .int($0.documents))]) })),
        ]
    }
}
