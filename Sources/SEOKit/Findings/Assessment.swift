/// The two scores SEOKit gives a document.
public enum ScoreKind: String, Sendable, Hashable, Codable, CaseIterable {
    case seo
    case readability
}

/// How a check rates a document: the measured value, the target and the points behind a score.
///
/// Scores are built from assessments only, so `--explain` can show every point: a document's
/// score is 100 × (points earned) / (points possible) over the assessments that apply.
public struct Assessment: Sendable, Hashable {
    public enum Rating: String, Sendable, Hashable, Codable {
        case good, ok, bad
        /// The check does not apply (no keyphrase, text too short...): not counted.
        case notApplicable = "n/a"

        /// Share of a check's weight a rating earns.
        public var share: Double {
            switch self {
            case .good: return 1
            case .ok: return 0.5
            case .bad, .notApplicable: return 0
            }
        }
    }

    public var ruleID: String
    public var score: ScoreKind
    public var rating: Rating
    /// The measured value, readable ("2.4% (12 of 498 words)").
    public var measured: String
    /// The target the value is judged against ("0.5–3%").
    public var target: String
    /// The check's weight in its score.
    public var weight: Double

    public init(ruleID: String = "", score: ScoreKind, rating: Rating, measured: String, target: String, weight: Double = 1) {
        self.ruleID = ruleID
        self.score = score
        self.rating = rating
        self.measured = measured
        self.target = target
        self.weight = weight
    }

    public var points: Double { rating.share * weight }
    public var possiblePoints: Double { rating == .notApplicable ? 0 : weight }
}

/// A 0–100 score with the assessments it is made of.
public struct Score: Sendable, Hashable {
    public var kind: ScoreKind
    /// `nil` when no assessment applied.
    public var value: Int?
    public var assessments: [Assessment]

    public init(kind: ScoreKind, assessments: [Assessment]) {
        self.kind = kind
        self.assessments = assessments.filter { $0.score == kind }
        let possible = self.assessments.reduce(0) { $0 + $1.possiblePoints }
        let earned = self.assessments.reduce(0) { $0 + $1.points }
        value = possible > 0 ? Int((100 * earned / possible).rounded()) : nil
    }
}
