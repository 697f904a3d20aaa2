/// How readers turn inputs into documents.
public struct ReadOptions: Sendable, Hashable {
    /// Which front matter keys hold each metadata field; the first key present wins.
    public var fieldMapping: FieldMapping
    /// Largest input accepted, in bytes; 0 for no limit.
    public var sizeLimit: Int
    /// The format to assume when the path does not say (standard input, unknown extensions).
    public var formatOverride: InputFormat?

    public init(fieldMapping: FieldMapping = FieldMapping(), sizeLimit: Int = InputFile.defaultSizeLimit, formatOverride: InputFormat? = nil) {
        self.fieldMapping = fieldMapping
        self.sizeLimit = sizeLimit
        self.formatOverride = formatOverride
    }
}

/// The front matter keys that feed each metadata field.
public struct FieldMapping: Sendable, Hashable, Codable {
    public var title: [String] = ["title", "seo_title", "seoTitle"]
    public var description: [String] = ["description", "meta_description", "metaDescription", "summary"]
    public var slug: [String] = ["slug"]
    public var keyphrase: [String] = ["keyphrase", "keyphrases", "keyword", "focus_keyphrase", "focusKeyphrase", "focus_keyword"]
    public var synonyms: [String] = ["synonyms", "keyphrase_synonyms"]
    public var language: [String] = ["lang", "language", "locale"]
    public var draft: [String] = ["draft"]

    public init() {}

    /// Applies a front matter to metadata.
    func apply(_ matter: FrontMatter, to metadata: inout Metadata, source: SourceText) {
        func first(_ keys: [String]) -> (key: String, value: FrontMatterValue)? {
            for key in keys { if let value = matter.fields[key], value != .null { return (key, value) } }
            return nil
        }
        func record(_ field: Metadata.Field, _ key: String) {
            if let line = matter.keyLines[key] {
                let start = source.offset(line: line, byteColumn: 1)
                let end = line < source.lineCount ? source.lineStarts[line] - 1 : source.bytes.count
                metadata.fieldRanges[field] = source.range(start, max(start, end))
            }
        }
        if let (key, value) = first(title), let text = value.text { metadata.title = text; record(.title, key) }
        if let (key, value) = first(description), let text = value.text { metadata.description = text; record(.description, key) }
        if let (key, value) = first(slug), let text = value.text { metadata.slug = text; record(.slug, key) }
        if let (key, value) = first(keyphrase) {
            metadata.keyphrases = value.texts.map { $0.trimmed() }.filter { !$0.isEmpty }
            record(.keyphrase, key)
        }
        if let (_, value) = first(synonyms) {
            metadata.synonyms = value.texts.flatMap { $0.split(separator: ",").map { $0.trimmed() } }.filter { !$0.isEmpty }
        }
        if let (key, value) = first(language), let text = value.text { metadata.language = text; record(.language, key) }
        if let (_, value) = first(draft), let flag = value.bool { metadata.isDraft = flag }
        if let settings = matter.fields["seokit"], let disabled = settings["disable"] {
            metadata.disabledRules = disabled.texts
        }
    }
}
