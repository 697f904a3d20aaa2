/// The spread of one measurement over the competitor pages: quartiles, Tukey fences and the
/// range that is left once outliers are set aside.
///
/// ## Quantile method
///
/// Quantiles use linear interpolation between the closest ranks, Hyndman and Fan's type 7 (the
/// default of R, NumPy and Excel's `PERCENTILE.INC`). With the `n` values sorted as
/// `x[0] ≤ … ≤ x[n-1]`, the quantile `p` is at position `h = (n − 1) · p`:
///
/// ```
/// Q(p) = x[⌊h⌋] + (h − ⌊h⌋) · (x[⌊h⌋ + 1] − x[⌊h⌋])
/// ```
///
/// Q1 = Q(0.25), median = Q(0.5), Q3 = Q(0.75), IQR = Q3 − Q1. For `1, 2, 3, 4` this gives
/// Q1 = 1.75, median = 2.5, Q3 = 3.25.
///
/// ## Outliers
///
/// Tukey's fences: a value below `Q1 − 1.5 · IQR` or above `Q3 + 1.5 · IQR` is an outlier. The
/// quartiles are computed on all values; only the *trimmed* minimum and maximum leave the
/// outliers out, so one 5,000-word page does not stretch the range that is shown.
public struct ComparisonDistribution: Sendable, Hashable {
    /// How many values the distribution was computed from.
    public let count: Int
    public let q1: Double
    public let median: Double
    public let q3: Double
    /// `Q1 − 1.5 · IQR`.
    public let lowerFence: Double
    /// `Q3 + 1.5 · IQR`.
    public let upperFence: Double
    /// Smallest value inside the fences.
    public let trimmedMinimum: Double
    /// Largest value inside the fences.
    public let trimmedMaximum: Double
    /// Smallest and largest values, outliers included.
    public let minimum: Double
    public let maximum: Double
    /// Number of values outside the fences.
    public let outlierCount: Int

    /// Q3 − Q1.
    public var interquartileRange: Double { q3 - q1 }

    /// Whether a value lies outside the fences.
    public func isOutlier(_ value: Double) -> Bool { value < lowerFence || value > upperFence }

    /// The distribution of some values, or `nil` when there are none (non-finite values are
    /// ignored).
    public init?(_ values: [Double]) {
        let sorted = values.filter(\.isFinite).sorted()
        guard let first = sorted.first, let last = sorted.last else { return nil }
        count = sorted.count
        q1 = Self.quantile(sorted: sorted, 0.25)
        median = Self.quantile(sorted: sorted, 0.5)
        q3 = Self.quantile(sorted: sorted, 0.75)
        let spread = q3 - q1
        lowerFence = q1 - 1.5 * spread
        upperFence = q3 + 1.5 * spread
        let (lower, upper) = (lowerFence, upperFence)
        let inside = sorted.filter { $0 >= lower && $0 <= upper }
        // The quartiles always lie inside the fences, so `inside` is never empty.
        trimmedMinimum = inside.first ?? first
        trimmedMaximum = inside.last ?? last
        minimum = first
        maximum = last
        outlierCount = sorted.count - inside.count
    }

    /// The type-7 quantile `p` (0…1) of values sorted in ascending order.
    public static func quantile(sorted: [Double], _ p: Double) -> Double {
        precondition(!sorted.isEmpty, "quantile of no values")
        let position = Double(sorted.count - 1) * min(max(p, 0), 1)
        let lower = Int(position.rounded(.down))
        let fraction = position - Double(lower)
        guard lower + 1 < sorted.count, fraction > 0 else { return sorted[lower] }
        return sorted[lower] + fraction * (sorted[lower + 1] - sorted[lower])
    }
}
