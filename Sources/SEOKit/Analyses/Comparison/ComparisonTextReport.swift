/// The plain-text form of a comparison (`seokit compare`, the default format): a short verdict
/// (the score and the biggest gaps), the fixes worth the most points first, then the tables
/// that back them (structure and readability, terms, heading topics, the pages compared).
///
/// Text that comes from the pages (titles, headings, terms) is printed with control characters
/// and bidirectional overrides replaced by spaces, so a hostile page cannot drive the terminal.
public enum ComparisonTextReport {
    /// How many fixes the "Fix first" list shows.
    public static let fixCount = 12

    public static func render(_ comparison: CompetitorComparison) -> String {
        var out = ""
        let c = comparison
        let n = c.competitors.count
        let keyphrase = c.keyphrases.isEmpty ? "no keyphrase" : "keyphrase: " + c.keyphrases.map { clean($0) }.joined(separator: ", ")
        out += "\(clean(c.draft.source)): \(ComparisonFormat.count(c.draft.words, "word")), compared with \(n) competitor pages (\(keyphrase))\n"
        let parts = c.score.components.map {
            "\($0.component.rawValue) \(ComparisonFormat.number($0.points, places: 1))/\(ComparisonFormat.number($0.maximum, places: 0))"
        }
        out += "Content score: \(c.score.value)/100 (\(parts.joined(separator: ", ")))\n"
        let gaps = c.score.gaps
        if gaps.isEmpty {
            out += "No gaps: the draft is within the competitors' ranges everywhere.\n"
        } else {
            out += "Biggest gaps: " + gaps.prefix(3).map { headline($0, in: c) }.joined(separator: "; ") + "\n"
        }

        if !gaps.isEmpty {
            out += "\nFix first (points each fix would add):\n"
            for gap in gaps.prefix(fixCount) {
                let points = "+" + ComparisonFormat.number(gap.missing, places: 1)
                out += "  " + String(repeating: " ", count: max(0, 5 - points.count)) + points + "  " + clean(gap.advice ?? gap.name) + "\n"
            }
            if gaps.count > fixCount { out += "  … \(gaps.count - fixCount) more in --format json\n" }
        }

        out += "\nStructure and readability (competitors: median, Q1–Q3, min–max without outliers):\n"
        var table = TextTable(
            headers: ["Metric", "Draft", "Median", "Q1–Q3", "Range", "Draft is", "Points"],
            alignments: [.left, .right, .right, .right, .right, .left, .right])
        for metric in c.metrics {
            let places = metric.metric.places
            let d = metric.distribution
            let contribution = c.score.contributions.first { $0.kind == .metric && $0.name == metric.metric.rawValue }
            table.append([
                metric.metric.label,
                ComparisonFormat.value(metric.draft, of: metric.metric),
                d.map { ComparisonFormat.number($0.median, places: places) } ?? "–",
                d.map { ComparisonFormat.range($0.q1, $0.q3, places: places) } ?? "–",
                d.map { ComparisonFormat.range($0.trimmedMinimum, $0.trimmedMaximum, places: places) } ?? "–",
                position(metric),
                contribution.map { ComparisonFormat.number($0.points, places: 1) + "/" + ComparisonFormat.number($0.maximum, places: 1) } ?? "–",
            ])
        }
        out += indent(table.render())

        if c.terms.isEmpty {
            out += "\nTerms: none shared by enough competitors.\n"
        } else {
            out += "\nTerms (weight = share of pages × background rarity; usage per 1,000 words):\n"
            var terms = TextTable(
                headers: ["#", "Term", "Weight", "Pages", "Competitors", "Draft", "Status", "Points"],
                alignments: [.right, .left, .right, .right, .right, .right, .left, .right])
            for term in c.terms {
                let contribution = c.score.contributions.first { $0.kind == .term && $0.name == term.term }
                var status = term.status.rawValue
                if term.isSectionCandidate { status += ", in H2/H3 of \(term.subheadingPages.count)" }
                terms.append([
                    "\(term.rank)",
                    clean(term.term),
                    ComparisonFormat.number(term.weight, places: 2),
                    "\(term.documentFrequency)/\(n)",
                    ComparisonFormat.range(term.distribution.q1, term.distribution.q3, places: 1),
                    ComparisonFormat.number(term.draftPerThousandWords, places: 1),
                    status,
                    contribution.map { ComparisonFormat.number($0.points, places: 1) + "/" + ComparisonFormat.number($0.maximum, places: 1) } ?? "–",
                ])
            }
            out += indent(terms.render())
        }

        if !c.topics.isEmpty {
            out += "\nSections the competitors cover (H2/H3 merged by similarity):\n"
            for topic in c.topics {
                let pages = "\(topic.pages.count)/\(n) pages: " + topic.pages.map(String.init).joined(separator: ", ")
                let coverage: String
                switch topic.coverage {
                case .heading: coverage = "covered   "
                case .text: coverage = "in text   "
                case .missing: coverage = "missing   "
                }
                var line = "  \(coverage)\(clean(topic.label)) (\(pages))"
                if let heading = topic.draftHeading { line += " — draft: \"\(clean(heading))\"" }
                out += line + "\n"
            }
        }

        out += "\nCompetitors:\n"
        var pages = TextTable(headers: ["#", "Rank", "Words", "Source", "Title"], alignments: [.right, .right, .right, .left, .left])
        for page in c.competitors {
            pages.append([
                "\(page.id)", page.rank.map(String.init) ?? "–", ComparisonFormat.number(Double(page.words)),
                clean(page.source), clean(page.title ?? ""),
            ])
        }
        out += indent(pages.render())
        if !c.leftOut.isEmpty {
            out += "\nLeft out:\n"
            for page in c.leftOut { out += "  \(clean(page.source)): \(clean(page.reason))\n" }
        }
        return out
    }

    /// A gap in a few words, for the verdict line.
    static func headline(_ gap: ScoreContribution, in comparison: CompetitorComparison) -> String {
        switch gap.kind {
        case .term:
            let status = comparison.terms.first { $0.term == gap.name }?.status ?? .missing
            return "\"\(clean(gap.name))\" \(status.rawValue)"
        case .metric:
            guard let metric = comparison.metrics.first(where: { $0.metric.rawValue == gap.name }) else { return gap.name }
            let places = metric.metric.places
            let target: String
            if let lower = metric.targetLower, let upper = metric.targetUpper {
                target = ComparisonFormat.range(lower, upper, places: places)
            } else if let upper = metric.targetUpper {
                target = "at most " + ComparisonFormat.number(upper, places: places)
            } else {
                target = "–"
            }
            let unit = metric.metric == .keyphraseDensity ? "%" : ""
            return "\(metric.metric.noun) \(ComparisonFormat.value(metric.draft, of: metric.metric))\(unit) (competitors \(target)\(unit))"
        case .keyphrase:
            return gap.name == KeyphrasePlacement.titleOrH1.rawValue ? "keyphrase not in the title or H1" : "keyphrase not in the introduction"
        }
    }

    static func position(_ metric: MetricComparison) -> String {
        guard let position = metric.position else { return "–" }
        if metric.metric.lowerIsFine && position == .below { return "below (fine)" }
        return position.rawValue
    }

    static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n")
    }

    /// Control characters, line breaks and bidirectional controls become spaces.
    public static func clean(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            let unsafe = value < 0x20 || (0x7F...0x9F).contains(value) || (0x202A...0x202E).contains(value)
                || (0x2066...0x2069).contains(value) || value == 0x200E || value == 0x200F || value == 0x2028 || value == 0x2029
            scalars.append(unsafe ? " " : scalar)
        }
        return String(scalars)
    }
}
