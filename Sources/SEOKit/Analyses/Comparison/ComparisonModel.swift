/// The values a draft-versus-competitors comparison produces. Every type is a plain `Sendable`
/// value; the numbers name the competitor pages they came from (by ``ComparedPage/id``), so each
/// figure can be traced back to the pages. See ``CompetitorComparison`` for how they are made.

// MARK: Inputs

/// One competitor page given to a comparison: its main content, where it came from and its
/// position in the search results when known.
public struct ComparisonPage: Sendable {
    /// The page's main content (for HTML, what ``MainContentExtractor`` keeps).
    public var document: Document
    /// The file path or URL shown in reports.
    public var source: String
    /// Position in the search results (1 = first), when known.
    public var rank: Int?

    public init(document: Document, source: String, rank: Int? = nil) {
        self.document = document
        self.source = source
        self.rank = rank
    }
}

/// The tunable parts of a comparison. The defaults are the published ones (README, "compare").
public struct ComparisonOptions: Sendable, Hashable {
    /// How many terms to keep, best weight first.
    public var topTerms: Int
    /// A term is kept when at least this share of the competitors use it...
    public var minimumTermShare: Double
    /// ...and at least this many pages.
    public var minimumTermPages: Int
    /// Longest candidate term, in words (1–3).
    public var maximumTermWords: Int
    /// Two headings belong to the same topic when the Jaccard similarity of their content-word
    /// stems is at least this.
    public var headingSimilarity: Double
    /// A heading topic is shown when at least this share of the competitors cover it (and at
    /// least `minimumTermPages` pages).
    public var minimumTopicShare: Double

    public init(
        topTerms: Int = 50, minimumTermShare: Double = 0.3, minimumTermPages: Int = 2, maximumTermWords: Int = 3,
        headingSimilarity: Double = 0.4, minimumTopicShare: Double = 0.3
    ) {
        self.topTerms = topTerms
        self.minimumTermShare = minimumTermShare
        self.minimumTermPages = minimumTermPages
        self.maximumTermWords = min(max(maximumTermWords, 1), 3)
        self.headingSimilarity = headingSimilarity
        self.minimumTopicShare = minimumTopicShare
    }
}

/// Why a comparison could not be made.
public enum ComparisonError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Fewer than ``CompetitorComparison/minimumCompetitors`` competitor pages were given.
    case tooFewCompetitors(count: Int)

    public var description: String {
        switch self {
        case .tooFewCompetitors(let count):
            return "compare needs at least \(CompetitorComparison.minimumCompetitors) competitor pages; \(count) could be read"
        }
    }
}

// MARK: Documents

/// The draft or one competitor page, as the comparison saw it.
public struct ComparedPage: Sendable, Hashable {
    /// 0 for the draft; 1, 2, 3… for the competitors in report order (rank, then source).
    public var id: Int
    /// File path or URL.
    public var source: String
    public var rank: Int?
    /// The title (metadata title, else the first H1), when there is one.
    public var title: String?
    /// Words of the main content (prose blocks, headings included).
    public var words: Int

    public init(id: Int, source: String, rank: Int?, title: String?, words: Int) {
        self.id = id
        self.source = source
        self.rank = rank
        self.title = title
        self.words = words
    }
}

// MARK: Structure and readability

/// A measurement compared between the draft and the competitors.
public enum ComparisonMetric: String, Sendable, Hashable, CaseIterable, Codable {
    /// Words of the main content.
    case words
    /// Headings of level 2.
    case h2
    /// Headings of level 3.
    case h3
    /// Paragraph and quote blocks (list items are counted as lists).
    case paragraphs
    /// Images in the main content.
    case images
    /// Lists: runs of consecutive list-item blocks.
    case lists
    /// Links in the main content.
    case links
    /// Flesch–Kincaid grade level.
    case readingGrade
    /// Words per sentence.
    case sentenceLength
    /// Keyphrase matches per 100 words (%), keyphrase and synonyms together.
    case keyphraseDensity

    /// Human-readable name.
    public var label: String {
        switch self {
        case .words: return "Words"
        case .h2: return "H2 headings"
        case .h3: return "H3 headings"
        case .paragraphs: return "Paragraphs"
        case .images: return "Images"
        case .lists: return "Lists"
        case .links: return "Links"
        case .readingGrade: return "Reading grade (Flesch–Kincaid)"
        case .sentenceLength: return "Average sentence length"
        case .keyphraseDensity: return "Keyphrase density (%)"
        }
    }

    /// The name used inside sentences ("6 more H2 sections", "reading grade 11.2").
    public var noun: String {
        switch self {
        case .words: return "words"
        case .h2: return "H2 sections"
        case .h3: return "H3 subsections"
        case .paragraphs: return "paragraphs"
        case .images: return "images"
        case .lists: return "lists"
        case .links: return "links"
        case .readingGrade: return "reading grade"
        case .sentenceLength: return "average sentence length"
        case .keyphraseDensity: return "keyphrase density"
        }
    }

    /// Whether only values above the target range are a problem (readability: a draft is
    /// never penalised for being easier to read than its competitors).
    public var lowerIsFine: Bool { self == .readingGrade || self == .sentenceLength }

    /// Whether the metric counts whole things (suggestions speak in whole numbers).
    public var isCount: Bool {
        switch self {
        case .words, .h2, .h3, .paragraphs, .images, .lists, .links: return true
        case .readingGrade, .sentenceLength, .keyphraseDensity: return false
        }
    }

    /// Decimal places used when the value is printed.
    public var places: Int { isCount ? 0 : (self == .keyphraseDensity ? 2 : 1) }
}

/// Where the draft's value stands against the target range.
public enum RangePosition: String, Sendable, Hashable, Codable {
    case below
    case within
    case above
}

/// One competitor page's value of a measurement.
public struct PageValue: Sendable, Hashable {
    /// ``ComparedPage/id`` of the page.
    public var page: Int
    public var value: Double
    /// Outside Tukey's fences (left out of the trimmed range).
    public var isOutlier: Bool

    public init(page: Int, value: Double, isOutlier: Bool) {
        self.page = page
        self.value = value
        self.isOutlier = isOutlier
    }
}

/// A measurement of the draft against the competitors' distribution.
public struct MetricComparison: Sendable, Hashable {
    public var metric: ComparisonMetric
    /// The draft's value (`nil` when it cannot be measured, e.g. no sentence).
    public var draft: Double?
    /// Every competitor's value, by page id.
    public var competitors: [PageValue]
    /// The competitors' distribution (`nil` when no page could be measured).
    public var distribution: ComparisonDistribution?
    /// Lower end of the target range: Q1, or `nil` when lower is fine (readability).
    public var targetLower: Double?
    /// Upper end of the target range: Q3.
    public var targetUpper: Double?
    /// Where the draft stands against Q1–Q3 (`nil` when either side is missing).
    public var position: RangePosition?
    /// 0…1: 1 inside the target range, falling linearly to 0 with the distance to it (see
    /// ``CompetitorComparison`` for the formula).
    public var closeness: Double
    /// Plain-language advice, or `nil` when the draft is in range.
    public var suggestion: String?

    public init(
        metric: ComparisonMetric, draft: Double?, competitors: [PageValue], distribution: ComparisonDistribution?,
        targetLower: Double?, targetUpper: Double?, position: RangePosition?, closeness: Double, suggestion: String?
    ) {
        self.metric = metric
        self.draft = draft
        self.competitors = competitors
        self.distribution = distribution
        self.targetLower = targetLower
        self.targetUpper = targetUpper
        self.position = position
        self.closeness = closeness
        self.suggestion = suggestion
    }
}

// MARK: Terms

/// How the draft uses a term compared with the competitors that use it.
public enum TermStatus: String, Sendable, Hashable, Codable {
    /// Not in the draft.
    case missing
    /// Below the competitors' Q1 (per 1,000 words).
    case underUsed = "under-used"
    /// Between Q1 and the competitors' trimmed maximum.
    case inRange = "in-range"
    /// Above the competitors' trimmed maximum.
    case overUsed = "over-used"
}

/// One competitor's use of a term.
public struct TermUsage: Sendable, Hashable {
    /// ``ComparedPage/id`` of the page.
    public var page: Int
    /// Occurrences in the main content.
    public var count: Int
    /// Occurrences per 1,000 words of the page.
    public var perThousandWords: Double
    /// Whether the term occurs in one of the page's H2 or H3 headings.
    public var inSubheading: Bool

    public init(page: Int, count: Int, perThousandWords: Double, inSubheading: Bool) {
        self.page = page
        self.count = count
        self.perThousandWords = perThousandWords
        self.inSubheading = inSubheading
    }
}

/// A term the competitors share, its importance, and how the draft uses it.
public struct TermComparison: Sendable, Hashable {
    /// Position in the ranking (1 = heaviest weight).
    public var rank: Int
    /// The most frequent surface form in the competitors' text (`sourdough starter`).
    public var term: String
    /// The Porter2 stems of its words, space-separated: the grouping key (`sourdough starter`).
    public var key: String
    /// Every surface form seen, most frequent first (`starter`, `starters`).
    public var forms: [String]
    /// Number of words (1–3).
    public var length: Int
    /// How many competitors use it.
    public var documentFrequency: Int
    /// `documentFrequency / competitors`.
    public var documentShare: Double
    /// Background rarity (see ``BackgroundFrequency``).
    public var inverseFrequency: Double
    /// `documentShare × inverseFrequency`.
    public var weight: Double
    /// The competitors that use it.
    public var usage: [TermUsage]
    /// Distribution of the per-1,000-word usage over the competitors that use it.
    public var distribution: ComparisonDistribution
    /// Competitor pages that use it in an H2 or H3 heading.
    public var subheadingPages: [Int]
    /// Used in the H2/H3 headings of at least `max(2, minimumTermPages)` competitors: a candidate
    /// section for the draft.
    public var isSectionCandidate: Bool
    /// Occurrences in the draft.
    public var draftCount: Int
    /// Occurrences per 1,000 words of the draft.
    public var draftPerThousandWords: Double
    /// Whether the draft uses it in a heading (any level).
    public var draftInHeading: Bool
    public var status: TermStatus
    /// Shorter terms left out of the list because nearly all their uses are inside this one
    /// (their surface forms).
    public var covers: [String]

    public init(
        rank: Int, term: String, key: String, forms: [String], length: Int, documentFrequency: Int, documentShare: Double,
        inverseFrequency: Double, weight: Double, usage: [TermUsage], distribution: ComparisonDistribution,
        subheadingPages: [Int], isSectionCandidate: Bool, draftCount: Int, draftPerThousandWords: Double,
        draftInHeading: Bool, status: TermStatus, covers: [String]
    ) {
        self.rank = rank
        self.term = term
        self.key = key
        self.forms = forms
        self.length = length
        self.documentFrequency = documentFrequency
        self.documentShare = documentShare
        self.inverseFrequency = inverseFrequency
        self.weight = weight
        self.usage = usage
        self.distribution = distribution
        self.subheadingPages = subheadingPages
        self.isSectionCandidate = isSectionCandidate
        self.draftCount = draftCount
        self.draftPerThousandWords = draftPerThousandWords
        self.draftInHeading = draftInHeading
        self.status = status
        self.covers = covers
    }
}

// MARK: Heading topics

/// One competitor heading inside a topic.
public struct TopicHeading: Sendable, Hashable {
    /// ``ComparedPage/id`` of the page.
    public var page: Int
    /// 2 or 3.
    public var level: Int
    public var text: String

    public init(page: Int, level: Int, text: String) {
        self.page = page
        self.level = level
        self.text = text
    }
}

/// How the draft covers a heading topic.
public enum TopicCoverage: String, Sendable, Hashable, Codable {
    /// A draft heading is similar enough to one of the topic's headings.
    case heading
    /// No such heading, but every key term of the topic occurs in the draft's text.
    case text
    /// Neither.
    case missing
}

/// Competitor H2/H3 headings merged by similarity into one topic.
public struct HeadingTopic: Sendable, Hashable {
    /// The representative heading (the one most similar to the others of the topic).
    public var label: String
    /// The content words shared by at least half of the topic's headings (surface forms).
    public var keyTerms: [String]
    /// Competitor pages with a heading in the topic.
    public var pages: [Int]
    /// The headings, by page then position.
    public var headings: [TopicHeading]
    public var coverage: TopicCoverage
    /// The draft heading that covers it, when `coverage` is `.heading`.
    public var draftHeading: String?

    public init(label: String, keyTerms: [String], pages: [Int], headings: [TopicHeading], coverage: TopicCoverage, draftHeading: String?) {
        self.label = label
        self.keyTerms = keyTerms
        self.pages = pages
        self.headings = headings
        self.coverage = coverage
        self.draftHeading = draftHeading
    }
}

// MARK: Keyphrase

/// A keyphrase placement check on the draft.
public enum KeyphrasePlacement: String, Sendable, Hashable, CaseIterable, Codable {
    /// In the title or an H1.
    case titleOrH1
    /// In the first paragraph.
    case introduction

    public var label: String {
        switch self {
        case .titleOrH1: return "Keyphrase in the title or H1"
        case .introduction: return "Keyphrase in the introduction"
        }
    }
}

// MARK: Score

/// The four parts of the content score.
public enum ScoreComponent: String, Sendable, Hashable, CaseIterable, Codable {
    case terms
    case structure
    case readability
    case keyphrase

    /// Points out of 100 when every component applies.
    public var basePoints: Double {
        switch self {
        case .terms: return 50
        case .structure: return 20
        case .readability: return 10
        case .keyphrase: return 20
        }
    }
}

/// One item's part of the score: a term, a metric or a keyphrase check.
public struct ScoreContribution: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        case term
        case metric
        case keyphrase
    }

    public var component: ScoreComponent
    public var kind: Kind
    /// The term, the metric's raw name, or the placement's raw name.
    public var name: String
    /// Points the item is worth.
    public var maximum: Double
    /// Points the draft earns: `maximum × credit`.
    public var points: Double
    /// 0…1.
    public var credit: Double
    /// What to do to earn the missing points, or `nil` when none are missing.
    public var advice: String?

    /// Points the draft would add by fixing this item.
    public var missing: Double { max(0, maximum - points) }

    public init(component: ScoreComponent, kind: Kind, name: String, maximum: Double, credit: Double, advice: String?) {
        self.component = component
        self.kind = kind
        self.name = name
        self.maximum = maximum
        self.credit = credit
        self.points = maximum * credit
        self.advice = advice
    }
}

/// A component's total.
public struct ComponentScore: Sendable, Hashable {
    public var component: ScoreComponent
    /// Points available (the base points, rescaled when a component does not apply).
    public var maximum: Double
    public var points: Double

    public init(component: ScoreComponent, maximum: Double, points: Double) {
        self.component = component
        self.maximum = maximum
        self.points = points
    }
}

/// The content score: 0–100, with every point attributed to an item.
public struct ContentScore: Sendable, Hashable {
    /// The total rounded to a whole number (half up).
    public var value: Int
    /// The unrounded total: the sum of every contribution's points.
    public var total: Double
    public var components: [ComponentScore]
    /// Every item, in component order, then as listed in the comparison.
    public var contributions: [ScoreContribution]

    public init(total: Double, components: [ComponentScore], contributions: [ScoreContribution]) {
        self.total = total
        self.value = Int((total + 0.5).rounded(.down))
        self.components = components
        self.contributions = contributions
    }

    /// The items that lose points, the most points to gain first (ties: component order, then
    /// name).
    public var gaps: [ScoreContribution] {
        let order = Dictionary(uniqueKeysWithValues: ScoreComponent.allCases.enumerated().map { ($1, $0) })
        return contributions.filter { $0.missing >= 0.005 }.sorted { lhs, rhs in
            let left = (lhs.missing * 100).rounded(), right = (rhs.missing * 100).rounded()
            if left != right { return left > right }
            if lhs.component != rhs.component { return order[lhs.component]! < order[rhs.component]! }
            return lhs.name < rhs.name
        }
    }
}
