/// The JSON form of a comparison (`seokit compare --format json`), schema version
/// ``CompetitorComparison/schemaVersion``. Keys appear in the order below; numbers are rounded
/// to fixed places (values 2, weights and inverse frequencies 3, points 2); arrays are in report
/// order, so the output is the same byte for byte for the same inputs.
///
/// ```
/// {
///   "schemaVersion": 1,
///   "tool": {"name": "seokit", "version": "0.1.0"},
///   "draft": {"id": 0, "source", "title", "words"},
///   "competitors": [{"id": 1, "source", "rank", "title", "words"}],
///   "leftOut": [{"source", "reason"}],
///   "keyphrases": ["sourdough starter"],
///   "options": {"topTerms", "minimumTermShare", "minimumTermPages", "maximumTermWords",
///               "headingSimilarity", "minimumTopicShare"},
///   "score": {"value", "total",
///             "components": [{"component", "maximum", "points"}],
///             "gaps": [{"component", "kind", "name", "maximum", "points", "missing", "advice"}]},
///   "metrics": [{"metric", "label", "draft", "position", "target": {"lower", "upper"},
///                "distribution": {"count", "q1", "median", "q3", "iqr", "lowerFence", "upperFence",
///                                 "trimmedMin", "trimmedMax", "min", "max"},
///                "closeness", "suggestion",
///                "pages": [{"page", "value", "outlier"}]}],
///   "terms": [{"rank", "term", "key", "forms", "words", "documentFrequency", "documentShare",
///              "inverseFrequency", "weight",
///              "perThousandWords": {"q1", "median", "q3", "trimmedMin", "trimmedMax"},
///              "pages": [{"page", "count", "perThousandWords", "inSubheading"}],
///              "subheadingPages", "sectionCandidate",
///              "draft": {"count", "perThousandWords", "inHeading"},
///              "status", "covers", "points", "maximum"}],
///   "topics": [{"label", "keyTerms", "pages", "coverage", "draftHeading",
///               "headings": [{"page", "level", "text"}]}],
///   "keyphrase": {"checks": [{"check", "passed"}]},
///   "contributions": [{"component", "kind", "name", "maximum", "points", "credit", "advice"}]
/// }
/// ```
///
/// `draft` values are `null` when the draft cannot be measured (no sentence); `position` is
/// `null` then. `target.lower` is `null` for the readability metrics (lower is fine).
extension CompetitorComparison {
    public func json() -> JSONValue {
        .object([
            ("schemaVersion", .int(Self.schemaVersion)),
            ("tool", .object([("name", .string("seokit")), ("version", .string(SEOKitVersion.string))])),
            ("draft", Self.json(draft)),
            ("competitors", .array(competitors.map(Self.json))),
            ("leftOut", .array(leftOut.map { .object([("source", .string($0.source)), ("reason", .string($0.reason))]) })),
            ("keyphrases", .array(keyphrases.map(JSONValue.string))),
            ("options", .object([
                ("topTerms", .int(options.topTerms)),
                ("minimumTermShare", .number(options.minimumTermShare, places: 3)),
                ("minimumTermPages", .int(options.minimumTermPages)),
                ("maximumTermWords", .int(options.maximumTermWords)),
                ("headingSimilarity", .number(options.headingSimilarity, places: 3)),
                ("minimumTopicShare", .number(options.minimumTopicShare, places: 3)),
            ])),
            ("score", .object([
                ("value", .int(score.value)),
                ("total", .number(score.total)),
                ("components", .array(score.components.map { component in
                    .object([
                        ("component", .string(component.component.rawValue)),
                        ("maximum", .number(component.maximum)),
                        ("points", .number(component.points)),
                    ])
                })),
                ("gaps", .array(score.gaps.map { Self.json($0, credit: false) })),
            ])),
            ("metrics", .array(metrics.map(Self.json))),
            ("terms", .array(terms.map { json($0) })),
            ("topics", .array(topics.map(Self.json))),
            ("keyphrase", .object([
                ("checks", .array(placements.map { .object([("check", .string($0.placement.rawValue)), ("passed", .bool($0.passed))]) })),
            ])),
            ("contributions", .array(score.contributions.map { Self.json($0, credit: true) })),
        ])
    }

    static func json(_ page: ComparedPage) -> JSONValue {
        .object([
            ("id", .int(page.id)),
            ("source", .string(page.source)),
            ("rank", page.rank.map(JSONValue.int) ?? .null),
            ("title", .optional(page.title)),
            ("words", .int(page.words)),
        ])
    }

    static func json(_ distribution: ComparisonDistribution?) -> JSONValue {
        guard let distribution else { return .null }
        return .object([
            ("count", .int(distribution.count)),
            ("q1", .number(distribution.q1)),
            ("median", .number(distribution.median)),
            ("q3", .number(distribution.q3)),
            ("iqr", .number(distribution.interquartileRange)),
            ("lowerFence", .number(distribution.lowerFence)),
            ("upperFence", .number(distribution.upperFence)),
            ("trimmedMin", .number(distribution.trimmedMinimum)),
            ("trimmedMax", .number(distribution.trimmedMaximum)),
            ("min", .number(distribution.minimum)),
            ("max", .number(distribution.maximum)),
        ])
    }

    static func json(_ metric: MetricComparison) -> JSONValue {
        .object([
            ("metric", .string(metric.metric.rawValue)),
            ("label", .string(metric.metric.label)),
            ("draft", .number(metric.draft)),
            ("position", .optional(metric.position?.rawValue)),
            ("target", .object([("lower", .number(metric.targetLower)), ("upper", .number(metric.targetUpper))])),
            ("distribution", json(metric.distribution)),
            ("closeness", .number(metric.closeness, places: 3)),
            ("suggestion", .optional(metric.suggestion)),
            ("pages", .array(metric.competitors.map { value in
                .object([("page", .int(value.page)), ("value", .number(value.value)), ("outlier", .bool(value.isOutlier))])
            })),
        ])
    }

    func json(_ term: TermComparison) -> JSONValue {
        let contribution = score.contributions.first { $0.kind == .term && $0.name == term.term }
        let d = term.distribution
        return .object([
            ("rank", .int(term.rank)),
            ("term", .string(term.term)),
            ("key", .string(term.key)),
            ("forms", .array(term.forms.map(JSONValue.string))),
            ("words", .int(term.length)),
            ("documentFrequency", .int(term.documentFrequency)),
            ("documentShare", .number(term.documentShare, places: 3)),
            ("inverseFrequency", .number(term.inverseFrequency, places: 3)),
            ("weight", .number(term.weight, places: 3)),
            ("perThousandWords", .object([
                ("q1", .number(d.q1)), ("median", .number(d.median)), ("q3", .number(d.q3)),
                ("trimmedMin", .number(d.trimmedMinimum)), ("trimmedMax", .number(d.trimmedMaximum)),
            ])),
            ("pages", .array(term.usage.map { usage in
                .object([
                    ("page", .int(usage.page)),
                    ("count", .int(usage.count)),
                    ("perThousandWords", .number(usage.perThousandWords)),
                    ("inSubheading", .bool(usage.inSubheading)),
                ])
            })),
            ("subheadingPages", .array(term.subheadingPages.map(JSONValue.int))),
            ("sectionCandidate", .bool(term.isSectionCandidate)),
            ("draft", .object([
                ("count", .int(term.draftCount)),
                ("perThousandWords", .number(term.draftPerThousandWords)),
                ("inHeading", .bool(term.draftInHeading)),
            ])),
            ("status", .string(term.status.rawValue)),
            ("covers", .array(term.covers.map(JSONValue.string))),
            ("points", .number(contribution?.points)),
            ("maximum", .number(contribution?.maximum)),
        ])
    }

    static func json(_ topic: HeadingTopic) -> JSONValue {
        .object([
            ("label", .string(topic.label)),
            ("keyTerms", .array(topic.keyTerms.map(JSONValue.string))),
            ("pages", .array(topic.pages.map(JSONValue.int))),
            ("coverage", .string(topic.coverage.rawValue)),
            ("draftHeading", .optional(topic.draftHeading)),
            ("headings", .array(topic.headings.map { heading in
                .object([("page", .int(heading.page)), ("level", .int(heading.level)), ("text", .string(heading.text))])
            })),
        ])
    }

    static func json(_ contribution: ScoreContribution, credit: Bool) -> JSONValue {
        var fields: [(String, JSONValue)] = [
            ("component", .string(contribution.component.rawValue)),
            ("kind", .string(contribution.kind.rawValue)),
            ("name", .string(contribution.name)),
            ("maximum", .number(contribution.maximum)),
            ("points", .number(contribution.points)),
        ]
        if credit {
            fields.append(("credit", .number(contribution.credit, places: 3)))
        } else {
            fields.append(("missing", .number(contribution.missing)))
        }
        fields.append(("advice", .optional(contribution.advice)))
        return .object(fields)
    }
}
