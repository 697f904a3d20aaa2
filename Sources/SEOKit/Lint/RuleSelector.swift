/// Names one rule, a category, a prefix (`keyphrase.*`) or all rules (`all`, `*`): the forms
/// configuration files, inline directives and `--enable`/`--disable` accept.
public struct RuleSelector: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) { self.text = text.trimmed().lowercased() }

    public var description: String { text }

    public func matches(_ ruleID: String) -> Bool {
        if text == "all" || text == "*" { return true }
        if text == ruleID { return true }
        if text.hasSuffix(".*") { return ruleID.hasPrefix(String(text.dropLast(1))) }
        // A bare category name selects its rules.
        return !text.contains(".") && ruleID.hasPrefix(text + ".")
    }

    /// Whether the selector names something that exists (for configuration errors).
    public func isKnown(ruleIDs: [String]) -> Bool {
        text == "all" || text == "*" || ruleIDs.contains(where: matches)
    }
}
