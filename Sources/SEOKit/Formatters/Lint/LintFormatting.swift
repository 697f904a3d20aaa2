/// Helpers shared by the lint formats.
public enum LintFormatting {
    /// The range as annotations show it: a range that ends at column 1 of a later line (a
    /// block that includes its line break) ends instead after the last character of the line
    /// before, so it does not spill onto a line it does not touch. Offsets are left unchanged.
    public static func displayRange(_ range: SourceRange, in source: SourceText) -> SourceRange {
        var end = range.end
        if end.line > range.start.line, end.column == 1 {
            let previous = end.line - 1
            end.line = previous
            end.column = source.lineText(previous).unicodeScalars.count + 1
        }
        if end.line < range.start.line || (end.line == range.start.line && end.column < range.start.column) {
            end = range.start
        }
        return SourceRange(start: range.start, end: end)
    }

    /// "1 error", "2 warnings".
    static func plural(_ count: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(count) " + (count == 1 ? singular : (pluralForm ?? singular + "s"))
    }

    /// Every occurrence of `target` replaced, without Foundation.
    static func replace(_ target: String, with replacement: String, in text: String) -> String {
        guard !target.isEmpty, text.contains(target) else { return text }
        var result = ""
        var rest = text[...]
        while let range = rest.firstRange(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }

    /// Points as people write them: `1`, `0.5`, `2.25`.
    static func points(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e12 { return String(Int(rounded)) }
        return String(rounded)
    }
}

/// Stable identities for findings, so a result is recognised across runs (SARIF
/// `partialFingerprints`, baselines) while unrelated lines of the file change.
///
/// The fingerprint hashes the rule id, the text of the finding's first line with runs of
/// whitespace folded (so re-indenting or moving the line does not change it) and the occurrence
/// index: how many earlier findings of the same rule in the same file have the same normalised
/// line text. The hash is 64-bit FNV-1a, written as 16 lowercase hex digits.
public enum LintFingerprint {
    /// The key SARIF output uses in `partialFingerprints`.
    public static let sarifKey = "seokitLineHash/v1"

    /// Fingerprints of a report's findings, in the report's order.
    public static func fingerprints(of report: LintReport) -> [String] {
        var seen: [String: Int] = [:]
        // Lines often carry several findings: normalise each line once.
        var normalisedLines: [Int: String] = [:]
        return report.findings.map { finding in
            let lineNumber = finding.range.start.line
            let line: String
            if let known = normalisedLines[lineNumber] {
                line = known
            } else {
                line = report.source.lineText(lineNumber).collapsingWhitespace()
                normalisedLines[lineNumber] = line
            }
            let key = finding.ruleID + "\u{0}" + line
            let occurrence = seen[key, default: 0]
            seen[key] = occurrence + 1
            return fingerprint(ruleID: finding.ruleID, normalisedLine: line, occurrence: occurrence)
        }
    }

    /// The fingerprint of one finding from its parts.
    public static func fingerprint(ruleID: String, normalisedLine: String, occurrence: Int) -> String {
        // The hash of `ruleID + "\0" + normalisedLine + "\0" + String(occurrence)`, part by part.
        var hash = fnv1a64(ruleID)
        hash = fnv1a64(0, continuing: hash)
        hash = fnv1a64(normalisedLine, continuing: hash)
        hash = fnv1a64(0, continuing: hash)
        hash = fnv1a64(String(occurrence), continuing: hash)
        return hex(hash)
    }

    /// 64-bit FNV-1a over the UTF-8 bytes of a string.
    public static func fnv1a64(_ text: String) -> UInt64 {
        fnv1a64(text, continuing: 0xcbf2_9ce4_8422_2325)
    }

    static func fnv1a64(_ text: String, continuing hash: UInt64) -> UInt64 {
        var text = text
        return text.withUTF8 { bytes in
            var hash = hash
            for byte in bytes {
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
            return hash
        }
    }

    static func fnv1a64(_ byte: UInt8, continuing hash: UInt64) -> UInt64 {
        (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
    }

    static func hex(_ value: UInt64) -> String {
        String(unsafeUninitializedCapacity: 16) { buffer in
            for index in 0..<16 {
                let digit = UInt8((value >> (60 - 4 * UInt64(index))) & 0xF)
                buffer[index] = digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10
            }
            return 16
        }
    }
}
