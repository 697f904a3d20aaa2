/// What a document says about itself: front matter in Markdown, the `<head>` in HTML.
public struct Metadata: Sendable, Hashable {
    public var title: String?
    /// Meta description (`description` in front matter, `<meta name="description">` in HTML).
    public var description: String?
    public var slug: String?
    /// Focus keyphrases, in the order given.
    public var keyphrases: [String]
    /// Synonyms of the keyphrase that count as a match for some checks.
    public var synonyms: [String]
    /// Declared language (`lang` in front matter, `<html lang>`).
    public var language: String?
    public var isDraft: Bool
    public var canonical: String?
    public var robots: String?
    public var openGraphTitle: String?
    public var openGraphDescription: String?
    /// Rule ids disabled for the whole file in front matter (`seokit: {disable: [...]}`).
    public var disabledRules: [String]
    /// Where each known field was found in the source (front matter key line, `<title>` element...).
    public var fieldRanges: [Field: SourceRange]
    /// The front matter block itself, when there is one.
    public var frontMatterRange: SourceRange?

    /// Fields whose position findings can point to.
    public enum Field: String, Sendable, Hashable, Codable, CaseIterable {
        case title, description, slug, keyphrase, language
    }

    public init(
        title: String? = nil, description: String? = nil, slug: String? = nil, keyphrases: [String] = [],
        synonyms: [String] = [], language: String? = nil, isDraft: Bool = false, canonical: String? = nil,
        robots: String? = nil, openGraphTitle: String? = nil, openGraphDescription: String? = nil,
        disabledRules: [String] = [], fieldRanges: [Field: SourceRange] = [:], frontMatterRange: SourceRange? = nil
    ) {
        self.title = title
        self.description = description
        self.slug = slug
        self.keyphrases = keyphrases
        self.synonyms = synonyms
        self.language = language
        self.isDraft = isDraft
        self.canonical = canonical
        self.robots = robots
        self.openGraphTitle = openGraphTitle
        self.openGraphDescription = openGraphDescription
        self.disabledRules = disabledRules
        self.fieldRanges = fieldRanges
        self.frontMatterRange = frontMatterRange
    }
}
