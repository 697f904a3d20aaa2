/// Fixed, locale-free number formatting for comparison reports: the same value always prints
/// the same way (round half away from zero, `,` between thousands, `.` before decimals).
public enum ComparisonFormat {
    /// `1234.5` with 0 places → `1,235`; with 1 place → `1,234.5`; `-0.04` with 1 place → `0.0`.
    public static func number(_ value: Double, places: Int = 0) -> String {
        guard value.isFinite else { return "–" }
        let places = min(max(places, 0), 6)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        let negative = value < 0 && scaled > 0
        let units = UInt64(scaled)
        let factor = UInt64(scale)
        let whole = units / factor
        let fraction = units % factor
        var digits = String(whole)
        var grouped = ""
        while digits.count > 3 {
            grouped = "," + digits.suffix(3) + grouped
            digits.removeLast(3)
        }
        grouped = digits + grouped
        if places > 0 {
            let text = String(fraction)
            grouped += "." + String(repeating: "0", count: places - text.count) + text
        }
        return (negative ? "-" : "") + grouped
    }

    /// A metric's value with the metric's own decimal places.
    public static func value(_ value: Double?, of metric: ComparisonMetric) -> String {
        guard let value else { return "–" }
        return number(value, places: metric.places)
    }

    /// `a–b`, or `a` when both ends print the same.
    public static func range(_ lower: Double, _ upper: Double, places: Int = 0) -> String {
        let low = number(lower, places: places)
        let high = number(upper, places: places)
        return low == high ? low : low + "–" + high
    }

    /// `n thing` or `n things`.
    static func count(_ value: Int, _ singular: String, _ plural: String? = nil) -> String {
        "\(number(Double(value))) \(value == 1 ? singular : (plural ?? singular + "s"))"
    }
}
