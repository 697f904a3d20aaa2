/// A draft compared with the pages that rank for its topic: what `seokit compare` reports.
///
/// Commercial content editors compute this kind of report with undisclosed formulas. SEOKit's
/// comparison is open: every number below names the competitor pages it came from (by
/// ``ComparedPage/id``), every formula is published here and in the README, and the result is
/// deterministic: the same inputs give the same output, byte for byte.
///
/// ```swift
/// let comparison = try CompetitorComparison(
///     draft: draftDocument, competitors: pages, keyphrases: ["sourdough starter"])
/// print(comparison.score.value)               // 0–100
/// for gap in comparison.score.gaps.prefix(5) { print(gap.name, gap.missing) }
/// print(comparison.json().pretty())
/// ```
///
/// ## Inputs
///
/// The draft's ``Document`` and at least ``minimumCompetitors`` competitor pages (their main
/// content, see ``ComparisonPage``). Competitors are numbered 1, 2, 3… in report order: by rank
/// when known, then by source. Keyphrases: the first is the focus keyphrase, the others count as
/// synonyms (matched as in ``KeyphraseMatcher``); with none given, the draft's front matter
/// `keyphrase`/`synonyms` are used; with none at all, the keyphrase part of the score is left out.
///
/// ## Structure and readability
///
/// For each ``ComparisonMetric`` (words, H2, H3, paragraphs, images, lists, links,
/// Flesch–Kincaid grade, average sentence length, keyphrase density), the competitors' values
/// give a ``ComparisonDistribution``: median, Q1–Q3 (type-7 quantiles) and the min–max left after
/// Tukey's 1.5 × IQR fences. The **target range is Q1–Q3**; for the reading grade and the
/// sentence length only the upper end counts (a draft is never penalised for being easier to
/// read). The draft is *below*, *within* or *above* Q1–Q3, and gets a **closeness**:
///
/// ```
/// d = distance from the draft's value to [Q1, Q3]   (readability: max(0, value − Q3))
/// s = max(IQR, 0.5 × |median|, unit)                 unit: words 50, counts 1, grade 1,
///                                                          sentence length 2, density 1
/// closeness = max(0, 1 − d / s)
/// ```
///
/// Suggestions name the change that reaches the range: "add about 570 words" (to the median,
/// rounded to 10), "add 3–5 H2 sections" (from Q1 to Q3, whole numbers).
///
/// ## Terms
///
/// Candidate terms are runs of 1–3 words of the competitors' main text, grouped by stem (rules in
/// `TermExtraction.swift` and the README). For each term:
///
/// - **document frequency** `df`: how many competitors use it; a term is kept when
///   `df ≥ max(minimumTermPages, ⌈minimumTermShare × N⌉)` (defaults 2 pages and 30%);
/// - **usage**: occurrences per 1,000 words of each competitor that uses it, and their
///   distribution (over those pages only);
/// - **weight** `= (df / N) × idf`, where `idf` is the term's inverse background frequency (see
///   ``BackgroundFrequency``: `ln(10⁶ / f)`, the mean over its content words);
/// - **draft status**: *missing* (0 uses), *under-used* (per 1,000 words below Q1), *in range*,
///   *over-used* (above the trimmed maximum);
/// - **section candidate** when at least `max(2, minimumTermPages)` competitors use it in an
///   H2/H3.
///
/// Double counting: a shorter term is left out (and listed under the longer term's
/// ``TermComparison/covers``) when fewer than the required number of pages use it *outside*
/// the occurrences of longer kept terms: "lactic acid" goes when it only ever appears inside
/// "lactic acid bacteria". Counts always include every occurrence. Terms are ranked by weight
/// (ties: more pages first, then key) and the top `topTerms` are kept.
///
/// ## Heading topics
///
/// The competitors' H2 and H3 headings, as sets of content-word stems, are merged by
/// single-link clustering: two headings join when their Jaccard similarity is at least
/// `headingSimilarity` (0.4). A topic is shown when enough pages cover it (same rule as terms,
/// with `minimumTopicShare`). Its key terms are the stems shared by at least half of its
/// headings (the 4 most shared; at least one). Its label is the heading made most purely of key
/// terms (share of its stems that are key terms; ties: highest summed similarity to the others,
/// then shorter, then alphabetical), without a leading number ("3. "). The draft covers a
/// topic *by heading* when one of its H2–H6 headings reaches the similarity threshold with one
/// of the topic's headings, *in text* when every key term occurs in its text, and otherwise it
/// is *missing*. Topics do not change the score.
///
/// ## Content score
///
/// 100 points: terms 50, structure 20, readability 10, keyphrase 20. A component that cannot
/// be computed (no keyphrase, no term kept) is left out and the others are scaled up to 100.
/// Inside each component:
///
/// - **terms**: term `i` is worth `50 × weightᵢ / Σ weight`; credit *missing* 0, *under-used*
///   `0.5 + 0.5 × usage / Q1`, *in range* 1, *over-used* `max(0.25, trimmed max / usage)`;
/// - **structure**: words 6, H2 4, H3 2, paragraphs 2, images 2, lists 2, links 2; credit =
///   closeness;
/// - **readability**: grade 5, sentence length 5; credit = closeness (upper side only);
/// - **keyphrase**: in the title or an H1 8, in the first paragraph 6, density 6 (credit =
///   closeness).
///
/// Items that cannot be measured share their points among the others of the same component.
/// Every item is a ``ScoreContribution`` (points earned, points missing, advice); the score is
/// their sum, rounded half up; ``ContentScore/gaps`` orders the fixes by the points they add.
public struct CompetitorComparison: Sendable {
    /// The fewest competitor pages a comparison accepts.
    public static let minimumCompetitors = 3
    /// Version of the JSON shape (``json()``); bumped on any incompatible change.
    public static let schemaVersion = 1

    public var draft: ComparedPage
    /// The competitors, in report order (ids 1, 2, 3…).
    public var competitors: [ComparedPage]
    /// Pages that could not be used, with the reason (set by the loader).
    public var leftOut: [LeftOutPage]
    /// The keyphrases used (focus keyphrase first).
    public var keyphrases: [String]
    public var options: ComparisonOptions
    /// One entry per ``ComparisonMetric`` (keyphrase density only with a keyphrase).
    public var metrics: [MetricComparison]
    /// The kept terms, heaviest first.
    public var terms: [TermComparison]
    /// Heading topics, most covered first.
    public var topics: [HeadingTopic]
    /// Keyphrase placement checks on the draft (empty without a keyphrase).
    public var placements: [PlacementCheck]
    public var score: ContentScore

    /// Compares a draft with its competitors.
    /// - Throws: ``ComparisonError/tooFewCompetitors(count:)`` with fewer than three pages.
    public init(
        draft: Document, competitors pages: [ComparisonPage], keyphrases: [String] = [],
        options: ComparisonOptions = ComparisonOptions(), leftOut: [LeftOutPage] = [],
        background: BackgroundFrequency = .shared
    ) throws(ComparisonError) {
        guard pages.count >= Self.minimumCompetitors else { throw .tooFewCompetitors(count: pages.count) }
        self.options = options
        self.leftOut = leftOut

        let ordered = pages.sorted { lhs, rhs in
            let left = lhs.rank ?? Int.max, right = rhs.rank ?? Int.max
            if left != right { return left < right }
            return lhs.source < rhs.source
        }
        var phraseTexts = keyphrases.map { $0.trimmed() }.filter { !$0.isEmpty }
        if phraseTexts.isEmpty {
            phraseTexts = (draft.metadata.keyphrases + draft.metadata.synonyms).map { $0.trimmed() }.filter { !$0.isEmpty }
        }
        var seen: Set<String> = []
        phraseTexts = phraseTexts.filter { seen.insert($0).inserted }
        let phrases = phraseTexts.map { Keyphrase($0) }.filter { !$0.isEmpty }
        self.keyphrases = phrases.map(\.text)

        var extractor = TermExtractor(maximumLength: options.maximumTermWords)
        let cache = WordCache()
        let draftMeasure = Measurement(document: draft, phrases: phrases, extractor: &extractor, cache: cache)
        let measures = ordered.map { Measurement(document: $0.document, phrases: phrases, extractor: &extractor, cache: cache) }

        self.draft = ComparedPage(id: 0, source: draft.path, rank: nil, title: Self.title(of: draft), words: draftMeasure.words)
        competitors = ordered.enumerated().map { index, page in
            ComparedPage(id: index + 1, source: page.source, rank: page.rank, title: Self.title(of: page.document), words: measures[index].words)
        }

        // Structure and readability.
        var metrics: [MetricComparison] = []
        for metric in ComparisonMetric.allCases {
            if metric == .keyphraseDensity && phrases.isEmpty { continue }
            let values = measures.enumerated().map { (page: $0.offset + 1, value: $0.element.values[metric] ?? nil) }
            metrics.append(Self.compare(metric, draft: draftMeasure.values[metric] ?? nil, values: values))
        }
        self.metrics = metrics

        let n = ordered.count
        let requiredTermPages = Self.requiredPages(share: options.minimumTermShare, minimum: options.minimumTermPages, of: n)
        terms = Self.terms(
            draft: draftMeasure, competitors: measures, required: requiredTermPages, options: options,
            masks: extractor.functionMasks, background: background)
        let requiredTopicPages = Self.requiredPages(share: options.minimumTopicShare, minimum: options.minimumTermPages, of: n)
        topics = Self.topics(draft: draftMeasure.profile, competitors: measures.map(\.profile), required: requiredTopicPages, threshold: options.headingSimilarity)
        placements = phrases.isEmpty ? [] : Self.placements(draft: draft, measure: draftMeasure, phrases: phrases)
        score = Self.score(terms: terms, metrics: metrics, placements: placements, hasKeyphrase: !phrases.isEmpty, competitorCount: n)
    }

    /// `max(minimum, ⌈share × n⌉)`.
    static func requiredPages(share: Double, minimum: Int, of n: Int) -> Int {
        max(minimum, Int((share * Double(n) - 1e-9).rounded(.up)))
    }

    static func title(of document: Document) -> String? {
        if let title = document.metadata.title?.collapsingWhitespace(), !title.isEmpty { return title }
        if let h1 = document.headings.first(where: { $0.level == 1 }) {
            let text = document.text(of: h1).collapsingWhitespace()
            if !text.isEmpty { return text }
        }
        return nil
    }

    // MARK: Measurement

    /// What the comparison measures in one document.
    struct Measurement {
        var words: Int
        var values: [ComparisonMetric: Double?]
        var profile: TermProfile
        var analysis: TextAnalysis
        var matcher: KeyphraseMatcher?

        init(document: Document, phrases: [Keyphrase], extractor: inout TermExtractor, cache: WordCache) {
            let analysis = TextAnalysis(document: document, cache: cache)
            let stats = TextStatistics(document: document, analysis: analysis)
            let readability = Readability(stats)
            words = stats.words
            self.analysis = analysis
            var values: [ComparisonMetric: Double?] = [:]
            values[.words] = Double(stats.words)
            values[.h2] = Double(document.blocks.lazy.filter { $0.kind == .heading && $0.level == 2 }.count)
            values[.h3] = Double(document.blocks.lazy.filter { $0.kind == .heading && $0.level == 3 }.count)
            values[.paragraphs] = Double(document.blocks.lazy.filter { $0.kind == .paragraph || $0.kind == .quote }.count)
            values[.images] = Double(document.images.count)
            var lists = 0
            var previousWasItem = false
            for block in document.blocks {
                let isItem = block.kind == .listItem
                if isItem && !previousWasItem { lists += 1 }
                previousWasItem = isItem
            }
            values[.lists] = Double(lists)
            values[.links] = Double(document.links.count)
            values[.readingGrade] = readability.fleschKincaidGrade.value
            values[.sentenceLength] = stats.sentences > 0 ? Double(stats.words) / Double(stats.sentences) : nil
            if !phrases.isEmpty {
                let matcher = KeyphraseMatcher(document: document, analysis: analysis)
                self.matcher = matcher
                let count = matcher.matches(ofAny: phrases).reduce(0) { $0 + $1.count }
                values[.keyphraseDensity] = stats.words > 0 ? Double(count) / Double(stats.words) * 100 : nil
            }
            self.values = values
            profile = extractor.profile(of: document, analysis: analysis, words: stats.words)
        }
    }

    // MARK: Metrics

    /// The smallest difference worth talking about, per metric (the floor of the closeness scale).
    static func unit(of metric: ComparisonMetric) -> Double {
        switch metric {
        case .words: return 50
        case .h2, .h3, .paragraphs, .images, .lists, .links: return 1
        case .readingGrade: return 1
        case .sentenceLength: return 2
        case .keyphraseDensity: return 1
        }
    }

    /// Compares the draft's value of a metric with the competitors' values.
    public static func compare(_ metric: ComparisonMetric, draft: Double?, values: [(page: Int, value: Double?)]) -> MetricComparison {
        let measured = values.compactMap { item in item.value.map { (page: item.page, value: $0) } }
        let distribution = ComparisonDistribution(measured.map(\.value))
        let pageValues = measured.map { PageValue(page: $0.page, value: $0.value, isOutlier: distribution?.isOutlier($0.value) ?? false) }
        guard let distribution, let draft else {
            return MetricComparison(
                metric: metric, draft: draft, competitors: pageValues, distribution: distribution,
                targetLower: distribution.flatMap { metric.lowerIsFine ? nil : $0.q1 }, targetUpper: distribution?.q3,
                position: nil, closeness: 0, suggestion: nil)
        }
        let lower = distribution.q1, upper = distribution.q3
        let position: RangePosition = draft < lower ? .below : (draft > upper ? .above : .within)
        let distance: Double
        if metric.lowerIsFine {
            distance = max(0, draft - upper)
        } else {
            distance = draft < lower ? lower - draft : max(0, draft - upper)
        }
        let scale = max(distribution.interquartileRange, 0.5 * abs(distribution.median), unit(of: metric))
        let closeness = max(0, 1 - distance / scale)
        return MetricComparison(
            metric: metric, draft: draft, competitors: pageValues, distribution: distribution,
            targetLower: metric.lowerIsFine ? nil : lower, targetUpper: upper, position: position, closeness: closeness,
            suggestion: suggestion(metric, draft: draft, distribution: distribution, position: position))
    }

    static func suggestion(_ metric: ComparisonMetric, draft: Double, distribution: ComparisonDistribution, position: RangePosition) -> String? {
        let q1 = distribution.q1, q3 = distribution.q3, median = distribution.median
        let fmt = { (value: Double) in ComparisonFormat.value(value, of: metric) }
        let target = ComparisonFormat.range(q1, q3, places: metric.places)
        /// Whole-number amounts from reaching one end of the range to reaching the other.
        func amounts(_ low: Double, _ high: Double) -> String {
            let from = max(1, Int((low - 1e-9).rounded(.up)))
            let to = max(from, Int((high + 1e-9).rounded(.down)))
            return from == to ? "\(from)" : "\(from)–\(to)"
        }
        switch (metric, position) {
        case (_, .within):
            return nil
        case (.readingGrade, .below), (.sentenceLength, .below):
            return nil
        case (.words, .below):
            let amount = max(10, ((median - draft) / 10).rounded() * 10)
            return "add about \(ComparisonFormat.number(amount)) words (competitors' median \(fmt(median)), Q1–Q3 \(target))"
        case (.words, .above):
            let amount = max(10, ((draft - q3) / 10).rounded() * 10)
            return "about \(ComparisonFormat.number(amount)) words longer than most competitors (Q3 \(fmt(q3))): cut padding, if any"
        case (.h2, .below):
            return "split into \(amounts(q1 - draft, q3 - draft)) more sections (H2); competitors have \(target)"
        case (.h3, .below):
            return "add \(amounts(q1 - draft, q3 - draft)) subsections (H3); competitors have \(target)"
        case (.paragraphs, .below):
            return "add or split into \(amounts(q1 - draft, q3 - draft)) more paragraphs; competitors have \(target)"
        case (.images, .below):
            return "add \(amounts(q1 - draft, q3 - draft)) images; competitors have \(target)"
        case (.lists, .below):
            return "add \(amounts(q1 - draft, q3 - draft)) lists (steps, checklists); competitors have \(target)"
        case (.links, .below):
            return "add \(amounts(q1 - draft, q3 - draft)) links (internal pages or sources); competitors have \(target)"
        case (.h2, .above), (.h3, .above), (.paragraphs, .above), (.images, .above), (.lists, .above), (.links, .above):
            return "\(amounts(draft - q3, draft - q1)) more \(metric.noun) than most competitors (\(target)): merge or cut where it helps"
        case (.readingGrade, .above):
            return "make it easier to read: grade \(fmt(draft)), competitors at most \(fmt(q3)) (Q3); shorter sentences, plainer words"
        case (.sentenceLength, .above):
            return "shorten sentences: \(fmt(draft)) words on average, competitors at most \(fmt(q3)) (Q3)"
        case (.keyphraseDensity, .below):
            return "use the keyphrase more: \(fmt(draft))%, competitors \(target)%"
        case (.keyphraseDensity, .above):
            return "use the keyphrase less: \(fmt(draft))%, competitors \(target)%"
        }
    }

    // MARK: Terms

    static func terms(
        draft: Measurement, competitors: [Measurement], required: Int, options: ComparisonOptions, masks: [String: [Bool]],
        background: BackgroundFrequency
    ) -> [TermComparison] {
        let n = competitors.count
        let profiles = competitors.map(\.profile)
        var documentFrequency: [String: Int] = [:]
        for profile in profiles {
            for key in profile.counts.keys { documentFrequency[key, default: 0] += 1 }
        }
        func length(_ key: String) -> Int { key.utf8.reduce(1) { $0 + ($1 == 0x20 ? 1 : 0) } }
        let eligible = documentFrequency.filter { $0.value >= required }.keys.sorted()

        // Longest first: a term is kept when enough pages use it outside the longer kept terms.
        var longest = profiles.map { [UInt8](repeating: 0, count: $0.positions + 1) }
        var kept: [String] = []
        var subsumed: [String] = []
        for size in stride(from: 3, through: 1, by: -1) {
            var newlyKept: [String] = []
            for key in eligible where length(key) == size {
                var independent = 0
                for (index, profile) in profiles.enumerated() {
                    guard let starts = profile.starts[key] else { continue }
                    if starts.contains(where: { !isInside(Int($0), size, longest[index]) }) { independent += 1 }
                }
                if independent >= required { newlyKept.append(key) } else { subsumed.append(key) }
            }
            for key in newlyKept {
                for (index, profile) in profiles.enumerated() {
                    for start in profile.starts[key] ?? [] {
                        longest[index][Int(start)] = max(longest[index][Int(start)], UInt8(size))
                    }
                }
            }
            kept += newlyKept
        }

        struct Ranked {
            var key: String
            var weight: Double
            var idf: Double
            var df: Int
        }
        var ranked = kept.map { key -> Ranked in
            let df = documentFrequency[key] ?? 0
            let stems = key.split(separator: " ").map(String.init)
            let idf = background.inverseFrequency(stems: stems, isFunctionWord: masks[key] ?? [])
            return Ranked(key: key, weight: Double(df) / Double(n) * idf, idf: idf, df: df)
        }
        ranked.sort { lhs, rhs in
            if lhs.weight != rhs.weight { return lhs.weight > rhs.weight }
            if lhs.df != rhs.df { return lhs.df > rhs.df }
            return lhs.key < rhs.key
        }
        ranked = Array(ranked.prefix(max(0, options.topTerms)))

        // Which kept term covers each subsumed one: the most used kept term containing it.
        var covers: [String: [String]] = [:]
        let keptSet = Set(ranked.map(\.key))
        func totalCount(_ key: String) -> Int { profiles.reduce(0) { $0 + ($1.counts[key] ?? 0) } }
        for short in subsumed {
            let needle = " " + short + " "
            let candidates = kept.filter { length($0) > length(short) && (" " + $0 + " ").contains(needle) }
            let best = candidates.min { lhs, rhs in
                let left = (documentFrequency[lhs] ?? 0, totalCount(lhs)), right = (documentFrequency[rhs] ?? 0, totalCount(rhs))
                if left != right { return left > right }
                return lhs < rhs
            }
            if let best, keptSet.contains(best) { covers[best, default: []].append(short) }
        }

        func surfaceForms(_ key: String, in profiles: [TermProfile]) -> [String] {
            var total: [String: Int] = [:]
            for profile in profiles {
                for (surface, count) in profile.surfaces[key] ?? [:] { total[surface, default: 0] += count }
            }
            return total.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
        }

        return ranked.enumerated().map { index, item in
            let key = item.key
            var usage: [TermUsage] = []
            for (offset, profile) in profiles.enumerated() {
                guard let count = profile.counts[key], count > 0 else { continue }
                let per = profile.words > 0 ? Double(count) / Double(profile.words) * 1000 : 0
                usage.append(TermUsage(page: offset + 1, count: count, perThousandWords: per, inSubheading: profile.subheadingKeys.contains(key)))
            }
            let distribution = ComparisonDistribution(usage.map(\.perThousandWords))!
            let forms = surfaceForms(key, in: profiles)
            let draftCount = draft.profile.counts[key] ?? 0
            let draftPer = draft.words > 0 ? Double(draftCount) / Double(draft.words) * 1000 : 0
            let status: TermStatus
            if draftCount == 0 {
                status = .missing
            } else if draftPer < distribution.q1 {
                status = .underUsed
            } else if draftPer > distribution.trimmedMaximum {
                status = .overUsed
            } else {
                status = .inRange
            }
            let headingPages = usage.filter(\.inSubheading).map(\.page)
            let coveredForms = (covers[key] ?? []).sorted().map { surfaceForms($0, in: profiles).first ?? $0 }
            return TermComparison(
                rank: index + 1, term: forms.first ?? key, key: key, forms: forms, length: length(key),
                documentFrequency: item.df, documentShare: Double(item.df) / Double(n), inverseFrequency: item.idf,
                weight: item.weight, usage: usage, distribution: distribution, subheadingPages: headingPages,
                isSectionCandidate: headingPages.count >= max(2, options.minimumTermPages), draftCount: draftCount,
                draftPerThousandWords: draftPer, draftInHeading: draft.profile.headingKeys.contains(key), status: status,
                covers: coveredForms)
        }
    }

    /// Whether the occurrence of a `size`-word term at word position `start` lies inside an
    /// occurrence of a longer kept term (`longest[p]`: longest kept term starting at `p`).
    static func isInside(_ start: Int, _ size: Int, _ longest: [UInt8]) -> Bool {
        var origin = max(0, start - 2)
        while origin <= start {
            let span = Int(longest[origin])
            if span > size && origin + span >= start + size { return true }
            origin += 1
        }
        return false
    }

    // MARK: Heading topics

    static func jaccard(_ lhs: Set<String>, _ rhs: Set<String>) -> Double {
        let union = lhs.union(rhs).count
        return union == 0 ? 0 : Double(lhs.intersection(rhs).count) / Double(union)
    }

    static func topics(draft: TermProfile, competitors: [TermProfile], required: Int, threshold: Double) -> [HeadingTopic] {
        struct Item {
            var page: Int
            var level: Int
            var text: String
            var stems: Set<String>
            var surfaces: [String: String]
        }
        var items: [Item] = []
        for (offset, profile) in competitors.enumerated() {
            for heading in profile.headings where (heading.level == 2 || heading.level == 3) && !heading.stems.isEmpty {
                items.append(Item(page: offset + 1, level: heading.level, text: heading.text, stems: Set(heading.stems), surfaces: heading.surfaces))
            }
        }
        // Single-link clustering with union–find: the result does not depend on the order.
        var parent = Array(items.indices)
        func root(_ index: Int) -> Int {
            var index = index
            while parent[index] != index {
                parent[index] = parent[parent[index]]
                index = parent[index]
            }
            return index
        }
        for first in items.indices {
            for second in items.indices where second > first && jaccard(items[first].stems, items[second].stems) >= threshold {
                let a = root(first), b = root(second)
                if a != b { parent[max(a, b)] = min(a, b) }
            }
        }
        var clusters: [Int: [Int]] = [:]
        for index in items.indices { clusters[root(index), default: []].append(index) }

        let draftHeadings = draft.headings.filter { $0.level >= 2 && !$0.stems.isEmpty }
        var topics: [HeadingTopic] = []
        for members in clusters.values {
            let pages = Set(members.map { items[$0].page }).sorted()
            guard pages.count >= required else { continue }
            // Key terms: stems in at least half of the headings.
            var stemCounts: [String: Int] = [:]
            var surfaceCounts: [String: [String: Int]] = [:]
            for member in members {
                for stem in items[member].stems {
                    stemCounts[stem, default: 0] += 1
                    if let surface = items[member].surfaces[stem] { surfaceCounts[stem, default: [:]][surface, default: 0] += 1 }
                }
            }
            let sortedStems = stemCounts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
            var keyStems = sortedStems.filter { $0.value * 2 >= members.count }.prefix(4).map(\.key)
            if keyStems.isEmpty, let first = sortedStems.first { keyStems = [first.key] }
            // Label: the heading made most purely of the key terms (ties: the most similar to
            // the others, then the shorter, then alphabetical), without a leading number.
            let keySet = Set(keyStems)
            func rank(_ member: Int) -> (purity: Double, similarity: Double) {
                let stems = items[member].stems
                let purity = (Double(stems.intersection(keySet).count) / Double(stems.count) * 1e6).rounded()
                let similarity = (members.reduce(0.0) { $0 + ($1 == member ? 0 : jaccard(stems, items[$1].stems)) } * 1e6).rounded()
                return (purity, similarity)
            }
            let best = members.min { lhs, rhs in
                let left = rank(lhs), right = rank(rhs)
                if left.purity != right.purity { return left.purity > right.purity }
                if left.similarity != right.similarity { return left.similarity > right.similarity }
                let a = items[lhs].text, b = items[rhs].text
                return (a.count, a) < (b.count, b)
            }!
            let keyTerms = keyStems.map { stem in
                (surfaceCounts[stem] ?? [:]).sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.first?.key ?? stem
            }
            // Coverage by the draft.
            var coverage = TopicCoverage.missing
            var draftHeading: String?
            var bestSimilarity = 0.0
            for heading in draftHeadings {
                let stems = Set(heading.stems)
                let similarity = members.map { jaccard(stems, items[$0].stems) }.max() ?? 0
                if similarity >= threshold && similarity > bestSimilarity {
                    bestSimilarity = similarity
                    draftHeading = heading.text
                    coverage = .heading
                }
            }
            if coverage == .missing && keyStems.allSatisfy({ draft.contentStems.contains($0) }) { coverage = .text }
            let headings = members.sorted().map { TopicHeading(page: items[$0].page, level: items[$0].level, text: items[$0].text) }
            topics.append(HeadingTopic(
                label: Self.withoutLeadingNumber(items[best].text), keyTerms: keyTerms, pages: pages, headings: headings, coverage: coverage, draftHeading: draftHeading))
        }
        // A total order: pages covered, label, then the headings themselves.
        topics.sort { lhs, rhs in
            if lhs.pages.count != rhs.pages.count { return lhs.pages.count > rhs.pages.count }
            if lhs.label != rhs.label { return lhs.label < rhs.label }
            let left = lhs.headings.map { "\($0.page)\u{1}\($0.level)\u{1}\($0.text)" }
            let right = rhs.headings.map { "\($0.page)\u{1}\($0.level)\u{1}\($0.text)" }
            return left.lexicographicallyPrecedes(right)
        }
        return topics
    }

    /// `3. The feeding ratio` → `The feeding ratio` (also `3)`, `3:`, `3 –`, `#3.`); `24 hours
    /// later` stays as it is.
    static func withoutLeadingNumber(_ text: String) -> String {
        var rest = Substring(text)
        if rest.first == "#" { rest = rest.dropFirst() }
        let digits = rest.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty else { return text }
        rest = rest.dropFirst(digits.count)
        if rest.first == " ", let next = rest.dropFirst().first, "-–".contains(next) { rest = rest.dropFirst() }
        guard let mark = rest.first, ".):-–".contains(mark) else { return text }
        rest = rest.dropFirst().drop { $0 == " " }
        return rest.isEmpty ? text : String(rest)
    }

    // MARK: Keyphrase placement

    static func placements(draft: Document, measure: Measurement, phrases: [Keyphrase]) -> [PlacementCheck] {
        var titles: [String] = []
        if let title = draft.metadata.title { titles.append(title) }
        titles += draft.headings.filter { $0.level == 1 }.map { draft.text(of: $0) }
        let inTitle = titles.contains { !KeyphraseMatcher(string: $0).matches(ofAny: phrases).isEmpty }
        var inIntroduction = false
        if let matcher = measure.matcher, let first = draft.blocks.firstIndex(where: { $0.kind == .paragraph }) {
            let range = measure.analysis.blocks[first].sentenceRange
            inIntroduction = !range.isEmpty && !matcher.matches(ofAny: phrases, inSentences: range).isEmpty
        }
        return [PlacementCheck(placement: .titleOrH1, passed: inTitle), PlacementCheck(placement: .introduction, passed: inIntroduction)]
    }

    // MARK: Score

    static let structureWeights: [(ComparisonMetric, Double)] = [
        (.words, 6), (.h2, 4), (.h3, 2), (.paragraphs, 2), (.images, 2), (.lists, 2), (.links, 2),
    ]
    static let readabilityWeights: [(ComparisonMetric, Double)] = [(.readingGrade, 5), (.sentenceLength, 5)]
    static let placementWeights: [(KeyphrasePlacement, Double)] = [(.titleOrH1, 8), (.introduction, 6)]
    static let densityWeight = 6.0

    /// Credit of a term for the draft's usage.
    public static func credit(of term: TermComparison) -> Double {
        switch term.status {
        case .missing: return 0
        case .underUsed:
            let q1 = term.distribution.q1
            return q1 > 0 ? min(1, 0.5 + 0.5 * term.draftPerThousandWords / q1) : 1
        case .inRange: return 1
        case .overUsed:
            return term.draftPerThousandWords > 0 ? max(0.25, min(1, term.distribution.trimmedMaximum / term.draftPerThousandWords)) : 1
        }
    }

    static func score(
        terms: [TermComparison], metrics: [MetricComparison], placements: [PlacementCheck], hasKeyphrase: Bool, competitorCount: Int
    ) -> ContentScore {
        func measured(_ metric: ComparisonMetric) -> MetricComparison? {
            metrics.first { $0.metric == metric && $0.draft != nil && $0.distribution != nil }
        }
        let structure = structureWeights.compactMap { item in measured(item.0).map { ($0, item.1) } }
        let readability = readabilityWeights.compactMap { item in measured(item.0).map { ($0, item.1) } }
        var available: [ScoreComponent] = []
        if !terms.isEmpty { available.append(.terms) }
        if !structure.isEmpty { available.append(.structure) }
        if !readability.isEmpty { available.append(.readability) }
        if hasKeyphrase { available.append(.keyphrase) }
        let base = available.reduce(0) { $0 + $1.basePoints }
        let scale = base > 0 ? 100 / base : 0

        var contributions: [ScoreContribution] = []
        var components: [ComponentScore] = []
        for component in available {
            let points = component.basePoints * scale
            var items: [ScoreContribution] = []
            switch component {
            case .terms:
                let total = terms.reduce(0) { $0 + $1.weight }
                for term in terms {
                    let maximum = total > 0 ? points * term.weight / total : points / Double(terms.count)
                    items.append(ScoreContribution(
                        component: .terms, kind: .term, name: term.term, maximum: maximum, credit: credit(of: term), advice: advice(for: term, competitors: competitorCount)))
                }
            case .structure, .readability:
                let weighted = component == .structure ? structure : readability
                let total = weighted.reduce(0) { $0 + $1.1 }
                for (metric, weight) in weighted {
                    items.append(ScoreContribution(
                        component: component, kind: .metric, name: metric.metric.rawValue, maximum: points * weight / total,
                        credit: metric.closeness, advice: metric.closeness < 1 ? metric.suggestion : nil))
                }
            case .keyphrase:
                var weighted: [(String, Double, Double, String?)] = placementWeights.map { placement, weight in
                    let passed = placements.first { $0.placement == placement }?.passed ?? false
                    let advice = passed ? nil : (placement == .titleOrH1 ? "put the keyphrase in the title or H1" : "use the keyphrase in the first paragraph")
                    return (placement.rawValue, weight, passed ? 1 : 0, advice)
                }
                if let density = measured(.keyphraseDensity) {
                    weighted.append((ComparisonMetric.keyphraseDensity.rawValue, densityWeight, density.closeness, density.closeness < 1 ? density.suggestion : nil))
                }
                let total = weighted.reduce(0) { $0 + $1.1 }
                for (name, weight, credit, advice) in weighted {
                    items.append(ScoreContribution(
                        component: .keyphrase, kind: name == ComparisonMetric.keyphraseDensity.rawValue ? .metric : .keyphrase,
                        name: name, maximum: points * weight / total, credit: credit, advice: advice))
                }
            }
            components.append(ComponentScore(component: component, maximum: points, points: items.reduce(0) { $0 + $1.points }))
            contributions += items
        }
        let total = contributions.reduce(0) { $0 + $1.points }
        return ContentScore(total: min(100, max(0, total)), components: components, contributions: contributions)
    }

    static func advice(for term: TermComparison, competitors: Int) -> String? {
        let d = term.distribution
        let usage = "\(ComparisonFormat.range(d.q1, d.q3, places: 1)) per 1,000 words"
        let pages = "\(term.documentFrequency) of \(competitors) pages"
        switch term.status {
        case .missing:
            return "add \"\(term.term)\" (used by \(pages), \(usage))"
        case .underUsed:
            return "use \"\(term.term)\" more: \(ComparisonFormat.number(term.draftPerThousandWords, places: 1)) per 1,000 words, competitors \(usage)"
        case .inRange:
            return nil
        case .overUsed:
            return "use \"\(term.term)\" less: \(ComparisonFormat.number(term.draftPerThousandWords, places: 1)) per 1,000 words, competitors at most \(ComparisonFormat.number(d.trimmedMaximum, places: 1))"
        }
    }
}

/// A competitor page that could not be used, and why (one line in reports).
public struct LeftOutPage: Sendable, Hashable, CustomStringConvertible {
    public var source: String
    public var reason: String

    public init(source: String, reason: String) {
        self.source = source
        self.reason = reason
    }

    public var description: String { "\(source): \(reason)" }
}

/// The result of one keyphrase placement check.
public struct PlacementCheck: Sendable, Hashable {
    public var placement: KeyphrasePlacement
    public var passed: Bool

    public init(placement: KeyphrasePlacement, passed: Bool) {
        self.placement = placement
        self.passed = passed
    }
}
