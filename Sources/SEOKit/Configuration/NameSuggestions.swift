/// "Did you mean …?" for mistyped keys, rule ids and option names.
public enum NameSuggestions {
    /// The candidates closest to `name` by edit distance, best first; only those close enough
    /// to be a plausible typo (at most a third of the name's length, at least 1 edit, at most 3).
    public static func closest(to name: String, among candidates: [String], limit: Int = 1) -> [String] {
        let lowered = name.lowercased()
        let allowed = min(3, max(1, lowered.count / 3))
        var scored: [(distance: Int, candidate: String)] = []
        for candidate in candidates {
            let distance = editDistance(lowered, candidate.lowercased())
            if distance <= allowed { scored.append((distance, candidate)) }
        }
        // A candidate that ends with the name (`density` for `keyphrase.density`) is a good guess too.
        if scored.isEmpty, lowered.count >= 4 {
            for candidate in candidates where candidate.lowercased().hasSuffix("." + lowered) { scored.append((allowed + 1, candidate)) }
        }
        scored.sort { ($0.distance, $0.candidate) < ($1.distance, $1.candidate) }
        var seen: Set<String> = []
        return scored.map(\.candidate).filter { seen.insert($0).inserted }.prefix(limit).map { $0 }
    }

    /// " (did you mean x?)" or "".
    public static func hint(for name: String, among candidates: [String]) -> String {
        guard let best = closest(to: name, among: candidates).first else { return "" }
        return " (did you mean \(best)?)"
    }

    /// Optimal string alignment distance (Levenshtein plus adjacent transpositions).
    static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars)
        let b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previousPrevious = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count)
        var current = [Int](repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                var value = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { value = min(value, previousPrevious[j - 2] + 1) }
                current[j] = value
            }
            (previousPrevious, previous, current) = (previous, current, previousPrevious)
        }
        return previous[b.count]
    }
}
