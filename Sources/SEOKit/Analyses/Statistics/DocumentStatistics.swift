/// Counts and readability of one document: what `seokit stats` reports.
public struct DocumentStatistics: Sendable {
    public var path: String
    public var format: InputFormat
    public var counts: TextStatistics
    public var readability: Readability
    /// Problems the reader repaired (invalid UTF-8 and the like).
    public var notes: [ReadNote]

    /// Statistics from counts already made.
    public init(document: Document, counts: TextStatistics) {
        path = document.path
        format = document.format
        self.counts = counts
        readability = Readability(counts)
        notes = document.notes
    }

    /// Analyses a document.
    public init(document: Document, analysis: TextAnalysis? = nil) {
        path = document.path
        format = document.format
        if let analysis {
            counts = TextStatistics(document: document, analysis: analysis)
        } else {
            counts = TextStatistics(document: document)
        }
        readability = Readability(counts)
        notes = document.notes
    }

    /// Version of the JSON shape below; bumped on any incompatible change.
    public static let jsonSchemaVersion = 1

    /// The document's fields in the documented JSON order (README, "stats JSON").
    public var jsonFields: [(String, JSONValue)] {
        var fields: [(String, JSONValue)] = [
            ("path", .string(path)),
            ("format", .string(format.rawValue)),
            ("words", .int(counts.words)),
            ("sentences", .int(counts.sentences)),
            ("syllables", .int(counts.syllables)),
            ("paragraphs", .int(counts.paragraphs)),
            ("characters", .int(counts.characters)),
            ("letters", .int(counts.letters)),
            ("complexWords", .int(counts.complexWords)),
            ("polysyllables", .int(counts.polysyllables)),
            ("longWords", .int(counts.longWords)),
            ("difficultWords", .int(counts.difficultWords)),
            ("longSentences", .int(counts.longSentences)),
            ("averageSentenceLength", .number(counts.sentences > 0 ? Double(counts.words) / Double(counts.sentences) : nil)),
        ]
        for (name, result) in readability.all { fields.append((name, .number(result.value))) }
        fields.append(("readingTimeSeconds", .int(readability.readingTimeSeconds)))
        let unavailable = readability.all.compactMap { item in item.result.reason.map { (item.name, JSONValue.string($0)) } }
        fields.append(("unavailable", .object(unavailable)))
        fields.append(("notes", .array(notes.map { .string($0.description) })))
        return fields
    }
}
