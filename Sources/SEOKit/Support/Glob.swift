/// A shell-style glob for paths: `*` (within one path segment), `**` (any number of segments),
/// `?`, `[abc]`, `[!abc]`, `{md,markdown}`.
///
/// Patterns without a `/` match the file name anywhere (as `.gitignore` does); patterns with a
/// `/` match the whole path relative to where they were given.
public struct Glob: Sendable, Hashable, CustomStringConvertible {
    public let pattern: String
    private let alternatives: [[UInt8]]
    private let matchesNameOnly: Bool
    /// More brace alternatives than `maximumAlternatives`: such a glob matches nothing, and the
    /// configuration loader refuses it.
    public let isTooComplex: Bool

    /// `{a,b}` groups multiply: past this many alternatives a glob is refused rather than expanded.
    public static let maximumAlternatives = 256

    public init(_ pattern: String) {
        self.pattern = pattern
        var trimmed = pattern
        if trimmed.hasPrefix("./") { trimmed.removeFirst(2) }
        if trimmed.hasSuffix("/") { trimmed += "**" }
        matchesNameOnly = !trimmed.contains("/")
        var budget = Glob.maximumAlternatives
        let expanded = Glob.expandBraces(trimmed, budget: &budget)
        isTooComplex = budget < 0
        alternatives = isTooComplex ? [] : expanded.map { Array($0.utf8) }
    }

    public var description: String { pattern }

    /// Whether a relative path (with `/` separators) matches.
    public func matches(_ path: String) -> Bool {
        var relative = path
        if relative.hasPrefix("./") { relative.removeFirst(2) }
        let subject: Substring = matchesNameOnly ? (relative.split(separator: "/").last ?? Substring(relative)) : Substring(relative)
        let bytes = Array(subject.utf8)
        for alternative in alternatives where Glob.match(alternative[...], bytes[...]) { return true }
        // A folder pattern also matches everything below the folder.
        if !matchesNameOnly {
            for alternative in alternatives {
                var withContents = alternative
                withContents.append(contentsOf: Array("/**".utf8))
                if Glob.match(withContents[...], bytes[...]) { return true }
            }
        }
        return false
    }

    /// Expands `{a,b}` groups, counting alternatives against `budget` (negative once exceeded).
    private static func expandBraces(_ pattern: String, budget: inout Int) -> [String] {
        guard budget >= 0 else { return [] }
        guard let open = pattern.firstIndex(of: "{"), let close = pattern[open...].firstIndex(of: "}") else {
            budget -= 1
            return [pattern]
        }
        let prefix = pattern[..<open]
        let suffix = pattern[pattern.index(after: close)...]
        let options = pattern[pattern.index(after: open)..<close].split(separator: ",", omittingEmptySubsequences: false)
        var result: [String] = []
        for option in options {
            result += expandBraces(String(prefix) + option + suffix, budget: &budget)
            if budget < 0 { return [] }
        }
        return result
    }

    /// Matches path segment by segment: `**` takes any number of whole segments (none
    /// included); within a segment, `*` and `?` never cross a `/`.
    private static func match(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        let patternSegments = pattern.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        let textSegments = text.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false)
        return matchSegments(patternSegments[...], textSegments[...])
    }

    /// Whether pattern segments match path segments, by dynamic programming over (pattern
    /// position, path position): polynomial however many `**` a pattern has.
    private static func matchSegments(_ pattern: ArraySlice<ArraySlice<UInt8>>, _ text: ArraySlice<ArraySlice<UInt8>>) -> Bool {
        let patterns = Array(pattern)
        let segments = Array(text)
        // reachable[j]: the first i pattern segments can match the first j path segments.
        var reachable = [Bool](repeating: false, count: segments.count + 1)
        reachable[0] = true
        for segmentPattern in patterns {
            var next = [Bool](repeating: false, count: segments.count + 1)
            if segmentPattern.elementsEqual("**".utf8) {
                // `**` takes zero or more whole segments.
                var any = false
                for j in 0...segments.count {
                    any = any || reachable[j]
                    next[j] = any
                }
            } else {
                for j in 0..<segments.count where reachable[j] && matchSegment(segmentPattern, segments[j]) {
                    next[j + 1] = true
                }
            }
            reachable = next
        }
        return reachable[segments.count]
    }

    /// One segment: `*`, `?`, `[...]` and literal bytes, with backtracking for `*`.
    private static func matchSegment(_ pattern: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> Bool {
        var p = pattern.startIndex
        var t = text.startIndex
        var starP = -1
        var starT = -1
        while t < text.endIndex {
            if p < pattern.endIndex {
                let c = pattern[p]
                if c == UInt8(ascii: "*") {
                    starP = p + 1
                    starT = t
                    p += 1
                    continue
                }
                if c == UInt8(ascii: "?") { p += 1; t += 1; continue }
                if c == UInt8(ascii: "["), let (matched, next) = matchClass(pattern, p, text[t]) {
                    if matched { p = next; t += 1; continue }
                } else if c == text[t] {
                    p += 1
                    t += 1
                    continue
                }
            }
            if starP >= 0 {
                starT += 1
                t = starT
                p = starP
                continue
            }
            return false
        }
        while p < pattern.endIndex, pattern[p] == UInt8(ascii: "*") { p += 1 }
        return p == pattern.endIndex
    }

    private static func matchClass(_ pattern: ArraySlice<UInt8>, _ start: Int, _ byte: UInt8) -> (Bool, Int)? {
        var index = start + 1
        var negate = false
        if index < pattern.endIndex, pattern[index] == UInt8(ascii: "!") || pattern[index] == UInt8(ascii: "^") { negate = true; index += 1 }
        var matched = false
        var first = true
        while index < pattern.endIndex, pattern[index] != UInt8(ascii: "]") || first {
            first = false
            let low = pattern[index]
            if index + 2 < pattern.endIndex, pattern[index + 1] == UInt8(ascii: "-"), pattern[index + 2] != UInt8(ascii: "]") {
                if byte >= low && byte <= pattern[index + 2] { matched = true }
                index += 3
            } else {
                if byte == low { matched = true }
                index += 1
            }
        }
        guard index < pattern.endIndex else { return nil }
        return (matched != negate, index + 1)
    }
}
