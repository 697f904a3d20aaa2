/// The comparison as one self-contained HTML page (`seokit compare --format html`).
///
/// - **Self-contained**: inline CSS, inline SVG charts, one small inline script that makes the
///   term table sortable (the table is complete and ordered by importance without it). No
///   external script, style, font, image or request of any kind; it works offline and prints
///   (charts keep their colours, sections do not split across pages where avoidable).
/// - **Safe with hostile input**: every string from the draft or the pages is escaped
///   (``HTMLEscape``); only http(s) URLs become links; no input reaches the `<style>` or the
///   `<script>`; a strict Content-Security-Policy allows exactly the report's own style and
///   script by their SHA-256 hashes, so even markup that slipped through could not run code.
/// - **Deterministic**: the same inputs give the same bytes (no clock, fixed number formats).
/// - **Accessible**: one `h1`, `h2` per section, table captions and header cells, SVG charts
///   with `role="img"` and a text equivalent, status shown in words as well as colours.
///
/// Sections: content score and its breakdown; structure and readability (draft against the
/// competitors' median, Q1–Q3 box and trimmed range); terms; heading outlines (the draft's
/// against the competitors' merged topics); the draft's text with hard sentences (from
/// ``SentenceGrader``) and keyphrase uses (from ``KeyphraseAnalysis`` token positions)
/// highlighted; the competitor pages.
///
/// ```swift
/// let html = CompareHTMLReport.render(comparison, draft: draftDocument)
/// try AtomicFile.write(html, to: "report.html")
/// ```
public enum CompareHTMLReport {
    public struct Options: Sendable, Hashable {
        /// Shown under the title when set (for example a generation time); `nil` keeps the
        /// output free of anything that changes between runs.
        public var note: String?

        public init(note: String? = nil) {
            self.note = note
        }
    }

    /// Renders the report. `draft` is the document the comparison was made from (for its
    /// outline and highlighted text).
    public static func render(_ comparison: CompetitorComparison, draft: Document, options: Options = Options()) -> String {
        var html = ""
        html.reserveCapacity(64 << 10)
        let title = comparison.draft.title ?? comparison.draft.source
        html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        html += "<meta http-equiv=\"Content-Security-Policy\" content=\"\(contentSecurityPolicy)\">\n"
        html += "<meta name=\"referrer\" content=\"no-referrer\">\n"
        html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        html += "<meta name=\"generator\" content=\"SEOKit \(HTMLEscape.text(SEOKitVersion.string))\">\n"
        html += "<title>Content comparison: \(HTMLEscape.text(title))</title>\n"
        html += "<style>" + stylesheet + "</style>\n</head>\n<body>\n"
        html += "<header>\n<h1>Content comparison: \(HTMLEscape.isolated(title))</h1>\n"
        html += "<p class=\"meta\">Draft <code>\(HTMLEscape.isolated(comparison.draft.source))</code> · "
        html += "\(ComparisonFormat.number(Double(comparison.draft.words))) words · compared with "
        html += "\(comparison.competitors.count) competitor page\(comparison.competitors.count == 1 ? "" : "s")"
        if let focus = comparison.keyphrases.first {
            html += " · keyphrase <mark class=\"kp\">\(HTMLEscape.isolated(focus))</mark>"
            if comparison.keyphrases.count > 1 {
                html += " (synonyms: " + comparison.keyphrases.dropFirst().map(HTMLEscape.isolated).joined(separator: ", ") + ")"
            }
        }
        html += "</p>\n"
        if let note = options.note { html += "<p class=\"meta\">\(HTMLEscape.isolated(note))</p>\n" }
        html += "<nav aria-label=\"Sections\"><ul>"
        for (anchor, name) in [("score", "Score"), ("metrics", "Structure and readability"), ("terms", "Terms"), ("outline", "Headings"), ("text", "Draft text"), ("pages", "Competitors")] {
            html += "<li><a href=\"#\(anchor)-section\">\(name)</a></li>"
        }
        html += "</ul></nav>\n</header>\n<main>\n"
        renderScore(comparison, into: &html)
        renderMetrics(comparison, into: &html)
        renderTerms(comparison, into: &html)
        renderOutline(comparison, draft: draft, into: &html)
        renderDraftText(comparison, draft: draft, into: &html)
        renderPages(comparison, into: &html)
        html += "</main>\n<footer><p>Made by SEOKit \(HTMLEscape.text(SEOKitVersion.string)). Ranges are the competitors' quartiles "
        html += "(type 7) with Tukey's 1.5 × IQR fences; every formula is documented in <code>CompetitorComparison</code> and the README.</p></footer>\n"
        html += "<script>" + sorterScript + "</script>\n</body>\n</html>\n"
        return html
    }

    /// Only the report's own stylesheet and script, by hash; nothing from anywhere else.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src \(Base64.cspHash(sorterScript)); style-src \(Base64.cspHash(stylesheet)); "
        + "img-src 'none'; font-src 'none'; connect-src 'none'; media-src 'none'; object-src 'none'; frame-src 'none'; "
        + "worker-src 'none'; manifest-src 'none'; base-uri 'none'; form-action 'none'"

    // MARK: Score

    static func renderScore(_ comparison: CompetitorComparison, into html: inout String) {
        let score = comparison.score
        html += "<section id=\"score-section\" aria-labelledby=\"score-heading\">\n<h2 id=\"score-heading\">Content score</h2>\n<div class=\"score\">\n"
        html += SVGChart.scoreRing(value: score.value)
        html += "<table class=\"components\">\n<caption>Points by part of the score</caption>\n"
        html += "<thead><tr><th scope=\"col\">Part</th><th scope=\"col\">Points</th><th scope=\"col\">Of</th><th scope=\"col\"><span class=\"sr\">Bar</span></th></tr></thead>\n<tbody>\n"
        for component in score.components {
            let name = componentName(component.component)
            html += "<tr><th scope=\"row\">\(name)</th><td class=\"num\">\(ComparisonFormat.number(component.points, places: 1))</td>"
            html += "<td class=\"num\">\(ComparisonFormat.number(component.maximum, places: 0))</td>"
            html += "<td>\(SVGChart.bar(fraction: component.maximum > 0 ? component.points / component.maximum : 0, label: "\(name): \(ComparisonFormat.number(component.points, places: 1)) of \(ComparisonFormat.number(component.maximum)) points"))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</div>\n"
        let gaps = score.gaps.filter { $0.missing >= 0.05 }.prefix(10)
        if !gaps.isEmpty {
            html += "<h3>Biggest gains</h3>\n<ol class=\"gaps\">\n"
            for gap in gaps {
                html += "<li><span class=\"gain\">+\(ComparisonFormat.number(gap.missing, places: 1))</span> "
                html += "<strong>\(HTMLEscape.isolated(contributionName(gap)))</strong>"
                if let advice = gap.advice { html += ": \(HTMLEscape.isolated(advice))" }
                html += "</li>\n"
            }
            html += "</ol>\n"
        }
        if !comparison.placements.isEmpty {
            html += "<h3>Keyphrase placement</h3>\n<ul class=\"checks\">\n"
            for check in comparison.placements {
                html += "<li class=\"\(check.passed ? "pass" : "fail")\"><span aria-hidden=\"true\">\(check.passed ? "✓" : "✗")</span> "
                html += "\(HTMLEscape.text(check.placement.label)): \(check.passed ? "yes" : "no")</li>\n"
            }
            html += "</ul>\n"
        }
        html += "</section>\n"
    }

    static func componentName(_ component: ScoreComponent) -> String {
        switch component {
        case .terms: return "Terms"
        case .structure: return "Structure"
        case .readability: return "Readability"
        case .keyphrase: return "Keyphrase"
        }
    }

    static func contributionName(_ contribution: ScoreContribution) -> String {
        switch contribution.kind {
        case .term: return "Term “\(contribution.name)”"
        case .metric: return ComparisonMetric(rawValue: contribution.name)?.label ?? contribution.name
        case .keyphrase: return KeyphrasePlacement(rawValue: contribution.name)?.label ?? (contribution.name == "keyphraseDensity" ? "Keyphrase density" : contribution.name)
        }
    }

    // MARK: Structure and readability

    static func renderMetrics(_ comparison: CompetitorComparison, into html: inout String) {
        html += "<section id=\"metrics-section\" aria-labelledby=\"metrics-heading\">\n<h2 id=\"metrics-heading\">Structure and readability</h2>\n"
        html += "<p class=\"legend\" aria-hidden=\"true\">" + SVGChart.legend + "</p>\n"
        html += "<table class=\"metrics\">\n<caption>Your draft against the competitor pages</caption>\n<thead><tr>"
        html += "<th scope=\"col\">Measure</th><th scope=\"col\">Draft</th><th scope=\"col\">Competitors (Q1–Q3; median)</th>"
        html += "<th scope=\"col\">Chart</th><th scope=\"col\">Suggestion</th></tr></thead>\n<tbody>\n"
        for metric in comparison.metrics {
            let places = metric.metric.places
            html += "<tr class=\"\(metric.position?.rawValue ?? "none")\"><th scope=\"row\">\(HTMLEscape.text(metric.metric.label))</th>"
            html += "<td class=\"num\">\(ComparisonFormat.value(metric.draft, of: metric.metric))</td><td>"
            if let distribution = metric.distribution {
                html += "\(ComparisonFormat.range(distribution.q1, distribution.q3, places: places)); \(ComparisonFormat.number(distribution.median, places: places))"
            } else {
                html += "–"
            }
            html += "</td><td class=\"chart\">\(SVGChart.range(metric, competitorCount: comparison.competitors.count))</td>"
            html += "<td>\(metric.suggestion.map(HTMLEscape.isolated) ?? (metric.position == .within ? "In range" : ""))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n"
    }

    // MARK: Terms

    static func renderTerms(_ comparison: CompetitorComparison, into html: inout String) {
        let n = comparison.competitors.count
        html += "<section id=\"terms-section\" aria-labelledby=\"terms-heading\">\n<h2 id=\"terms-heading\">Terms</h2>\n"
        guard !comparison.terms.isEmpty else {
            html += "<p>No term is used by enough competitor pages.</p>\n</section>\n"
            return
        }
        html += "<p class=\"hint\">Ordered by importance (pages that use the term × how unusual it is in general English). Select a column heading to sort.</p>\n"
        html += "<table id=\"terms\" class=\"terms\">\n<caption>Terms the competitor pages share</caption>\n<thead><tr>"
        html += "<th scope=\"col\" data-type=\"text\">Term</th><th scope=\"col\" data-type=\"number\">Importance</th>"
        html += "<th scope=\"col\" data-type=\"number\">Pages</th><th scope=\"col\" data-type=\"number\">Competitors per 1,000 words</th>"
        html += "<th scope=\"col\" data-type=\"number\">Draft</th><th scope=\"col\" data-type=\"number\">Status</th></tr></thead>\n<tbody>\n"
        for (order, term) in comparison.terms.enumerated() {
            let distribution = term.distribution
            html += "<tr data-order=\"\(order)\" class=\"\(term.status.rawValue)\">"
            html += "<th scope=\"row\" data-value=\"\(HTMLEscape.text(term.term.lowercased()))\">\(HTMLEscape.isolated(term.term))"
            if term.isSectionCandidate { html += " <span class=\"tag\" title=\"Used in H2/H3 headings by several pages\">heading</span>" }
            if term.forms.count > 1 {
                html += "<br><span class=\"forms\">" + term.forms.prefix(6).map(HTMLEscape.isolated).joined(separator: ", ") + "</span>"
            }
            html += "</th>"
            html += "<td class=\"num\" data-value=\"\(plain(term.weight))\">\(ComparisonFormat.number(term.weight, places: 2))</td>"
            html += "<td class=\"num\" data-value=\"\(term.documentFrequency)\">\(term.documentFrequency) of \(n)</td>"
            html += "<td class=\"num\" data-value=\"\(plain(distribution.median))\">\(ComparisonFormat.range(distribution.q1, distribution.q3, places: 1))"
            html += " <span class=\"muted\">(up to \(ComparisonFormat.number(distribution.trimmedMaximum, places: 1)))</span></td>"
            html += "<td class=\"num\" data-value=\"\(plain(term.draftPerThousandWords))\">\(term.draftCount)× "
            html += "<span class=\"muted\">(\(ComparisonFormat.number(term.draftPerThousandWords, places: 1)))</span></td>"
            html += "<td data-value=\"\(statusOrder(term.status))\"><span class=\"badge \(term.status.rawValue)\">\(statusLabel(term.status))</span></td></tr>\n"
        }
        html += "</tbody>\n</table>\n</section>\n"
    }

    static func statusLabel(_ status: TermStatus) -> String {
        switch status {
        case .missing: return "missing"
        case .underUsed: return "under-used"
        case .inRange: return "in range"
        case .overUsed: return "over-used"
        }
    }

    static func statusOrder(_ status: TermStatus) -> Int {
        switch status {
        case .missing: return 0
        case .underUsed: return 1
        case .inRange: return 2
        case .overUsed: return 3
        }
    }

    /// A number for a `data-value` attribute (sorting only): fixed six decimals, locale-free.
    static func plain(_ value: Double) -> String {
        ComparisonFormat.number(value, places: 6).replacingOccurrences(of: ",", with: "")
    }

    // MARK: Outline

    static func renderOutline(_ comparison: CompetitorComparison, draft: Document, into html: inout String) {
        html += "<section id=\"outline-section\" aria-labelledby=\"outline-heading\">\n<h2 id=\"outline-heading\">Headings</h2>\n<div class=\"columns\">\n"
        html += "<div>\n<h3>Your draft</h3>\n"
        let headings = draft.headings
        if headings.isEmpty {
            html += "<p>The draft has no headings.</p>\n"
        } else {
            html += "<ol class=\"outline\">\n"
            for heading in headings {
                let level = min(max(heading.level, 1), 6)
                html += "<li class=\"l\(level)\"><span class=\"tag\">H\(level)</span> \(HTMLEscape.isolated(draft.text(of: heading).collapsingWhitespace()))</li>\n"
            }
            html += "</ol>\n"
        }
        html += "</div>\n<div>\n<h3>Competitors' topics</h3>\n"
        if comparison.topics.isEmpty {
            html += "<p>No heading topic is shared by enough competitor pages.</p>\n"
        } else {
            html += "<ol class=\"topics\">\n"
            for topic in comparison.topics {
                html += "<li class=\"\(topic.coverage.rawValue)\"><span class=\"badge \(topic.coverage.rawValue)\">\(coverageLabel(topic.coverage))</span> "
                html += "<strong>\(HTMLEscape.isolated(topic.label))</strong> <span class=\"muted\">\(topic.pages.count) of \(comparison.competitors.count) pages</span>"
                if !topic.keyTerms.isEmpty {
                    html += "<br><span class=\"muted\">Key terms: " + topic.keyTerms.map(HTMLEscape.isolated).joined(separator: ", ") + "</span>"
                }
                if let heading = topic.draftHeading {
                    html += "<br><span class=\"muted\">Your heading: \(HTMLEscape.isolated(heading))</span>"
                }
                html += "</li>\n"
            }
            html += "</ol>\n"
        }
        html += "</div>\n</div>\n</section>\n"
    }

    static func coverageLabel(_ coverage: TopicCoverage) -> String {
        switch coverage {
        case .heading: return "covered"
        case .text: return "in text only"
        case .missing: return "missing"
        }
    }

    // MARK: Draft text

    static func renderDraftText(_ comparison: CompetitorComparison, draft: Document, into html: inout String) {
        html += "<section id=\"text-section\" aria-labelledby=\"text-heading\">\n<h2 id=\"text-heading\">Draft text</h2>\n"
        html += "<p class=\"legend\"><span class=\"s hard\">Hard to read</span> <span class=\"s very-hard\">Very hard to read</span>"
        if !comparison.keyphrases.isEmpty { html += " <mark class=\"kp\">Keyphrase</mark>" }
        html += "</p>\n"
        let analysis = TextAnalysis(document: draft)
        let grades = SentenceGrader().grades(in: analysis, text: draft.text)
        // Keyphrase uses as byte ranges of the prose text, from the matcher's token positions.
        var marks: [Range<Int>] = []
        if let focus = comparison.keyphrases.first {
            let keyphrases = KeyphraseAnalysis(document: draft, analysis: analysis, keyphrases: [focus], synonyms: Array(comparison.keyphrases.dropFirst()))
            let tokens = keyphrases.body.tokens
            for match in keyphrases.matchesWithSynonyms.first ?? [] where !match.tokenRange.isEmpty {
                marks.append(Int(tokens[match.tokenRange.lowerBound].start)..<Int(tokens[match.tokenRange.upperBound - 1].end))
            }
        }
        marks = mergedRanges(marks)
        let bytes = draft.text.bytes
        func slice(_ range: Range<Int>) -> String {
            let clamped = max(0, min(range.lowerBound, bytes.count))..<max(0, min(range.upperBound, bytes.count))
            return HTMLEscape.text(String(decoding: bytes[clamped], as: UTF8.self))
        }
        /// Text of `range` with the keyphrase marks inside it.
        func marked(_ range: Range<Int>) -> String {
            var output = ""
            var position = range.lowerBound
            for mark in marks where mark.overlaps(range) {
                let start = max(mark.lowerBound, position)
                let end = min(mark.upperBound, range.upperBound)
                guard start < end else { continue }
                output += slice(position..<start) + "<mark class=\"kp\">" + slice(start..<end) + "</mark>"
                position = end
            }
            return output + slice(position..<range.upperBound)
        }
        var hard = 0
        var veryHard = 0
        html += "<div class=\"draft u\">\n"
        var openList = false
        for (index, block) in draft.blocks.enumerated() {
            let span = index < analysis.blocks.count ? analysis.blocks[index] : nil
            var content = ""
            var position = block.textRange.lowerBound
            for sentenceIndex in span?.sentenceRange ?? 0..<0 {
                let sentence = analysis.sentences[sentenceIndex]
                let range = max(sentence.textRange.lowerBound, position)..<min(sentence.textRange.upperBound, block.textRange.upperBound)
                guard range.lowerBound < range.upperBound else { continue }
                content += marked(position..<range.lowerBound)
                let grade = sentenceIndex < grades.count ? grades[sentenceIndex] : nil
                switch grade?.difficulty {
                case .hard?:
                    hard += 1
                    content += "<span class=\"s hard\" title=\"Hard to read: grade \(ComparisonFormat.number(grade!.grade, places: 1))\">" + marked(range) + "</span>"
                case .veryHard?:
                    veryHard += 1
                    content += "<span class=\"s very-hard\" title=\"Very hard to read: grade \(ComparisonFormat.number(grade!.grade, places: 1))\">" + marked(range) + "</span>"
                default:
                    content += marked(range)
                }
                position = range.upperBound
            }
            content += marked(position..<max(position, block.textRange.upperBound))
            if block.kind == .listItem {
                if !openList { html += "<ul>\n"; openList = true }
                html += "<li>\(content)</li>\n"
                continue
            }
            if openList { html += "</ul>\n"; openList = false }
            switch block.kind {
            case .heading:
                let level = min(max(block.level, 1), 6)
                html += "<p class=\"dh l\(level)\"><span class=\"tag\">H\(level)</span> \(content)</p>\n"
            case .code:
                html += "<pre>\(slice(block.textRange))</pre>\n"
            case .quote:
                html += "<blockquote><p>\(content)</p></blockquote>\n"
            default:
                html += "<p>\(content)</p>\n"
            }
        }
        if openList { html += "</ul>\n" }
        html += "</div>\n"
        html += "<p class=\"hint\">\(hard) hard and \(veryHard) very hard sentence\(hard + veryHard == 1 ? "" : "s") (Automated Readability Index of the sentence: hard from grade 10, very hard from 14, sentences of 14 words or more)"
        if !comparison.keyphrases.isEmpty { html += "; \(marks.count) keyphrase use\(marks.count == 1 ? "" : "s") marked" }
        html += ".</p>\n</section>\n"
    }

    /// Sorted ranges with overlapping or touching ones merged.
    static func mergedRanges(_ ranges: [Range<Int>]) -> [Range<Int>] {
        var result: [Range<Int>] = []
        for range in ranges.sorted(by: { $0.lowerBound < $1.lowerBound || ($0.lowerBound == $1.lowerBound && $0.upperBound < $1.upperBound) }) {
            if let last = result.last, range.lowerBound <= last.upperBound {
                result[result.count - 1] = last.lowerBound..<max(last.upperBound, range.upperBound)
            } else {
                result.append(range)
            }
        }
        return result
    }

    // MARK: Pages

    static func renderPages(_ comparison: CompetitorComparison, into html: inout String) {
        html += "<section id=\"pages-section\" aria-labelledby=\"pages-heading\">\n<h2 id=\"pages-heading\">Competitor pages</h2>\n"
        html += "<table class=\"pages\">\n<caption>Pages compared, in report order</caption>\n<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Rank</th>"
        html += "<th scope=\"col\">Title</th><th scope=\"col\">Source</th><th scope=\"col\">Words</th></tr></thead>\n<tbody>\n"
        for page in comparison.competitors {
            html += "<tr><td class=\"num\">\(page.id)</td><td class=\"num\">\(page.rank.map(String.init) ?? "–")</td>"
            html += "<td>\(page.title.map(HTMLEscape.isolated) ?? "<span class=\"muted\">(no title)</span>")</td>"
            html += "<td class=\"source\">\(HTMLEscape.link(page.source))</td><td class=\"num\">\(ComparisonFormat.number(Double(page.words)))</td></tr>\n"
        }
        html += "</tbody>\n</table>\n"
        if !comparison.leftOut.isEmpty {
            html += "<h3>Left out</h3>\n<ul>\n"
            for page in comparison.leftOut {
                html += "<li>\(HTMLEscape.link(page.source)): \(HTMLEscape.isolated(page.reason))</li>\n"
            }
            html += "</ul>\n"
        }
        html += "</section>\n"
    }
}
