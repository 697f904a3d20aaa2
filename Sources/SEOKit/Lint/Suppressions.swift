/// Inline suppressions: `<!-- seokit-disable RULE... -->` … `<!-- seokit-enable -->`,
/// `<!-- seokit-disable-next-line RULE -->`, `<!-- seokit-disable-line RULE -->`, and
/// `seokit: {disable: [...]}` in front matter (the whole file). A directive without rules
/// applies to all of them; rules are ids, categories or `category.*`.
public struct Suppressions: Sendable {
    private enum Directive: Sendable {
        case disable(line: Int, selectors: [RuleSelector])
        case enable(line: Int, selectors: [RuleSelector])
        case lines(ClosedRange<Int>, selectors: [RuleSelector])
    }

    private let fileWide: [RuleSelector]
    private let directives: [Directive]

    public init(document: Document) {
        fileWide = document.metadata.disabledRules.map(RuleSelector.init)
        var directives: [Directive] = []
        for comment in document.comments where Suppressions.mayBeDirective(comment.text) {
            let words = comment.text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" || $0 == "," || $0 == "\r" })
            guard let keyword = words.first?.lowercased() else { continue }
            let selectors = words.dropFirst().map { RuleSelector(String($0)) }
            let line = comment.range.start.line
            switch keyword {
            case "seokit-disable":
                directives.append(.disable(line: line, selectors: selectors))
            case "seokit-enable":
                directives.append(.enable(line: line, selectors: selectors))
            case "seokit-disable-line":
                directives.append(.lines(comment.range.start.line...comment.range.end.line, selectors: selectors))
            case "seokit-disable-next-line":
                let next = Suppressions.nextContentLine(after: comment.range.end.line, in: document.source)
                directives.append(.lines(next...next, selectors: selectors))
            default:
                continue
            }
        }
        self.directives = directives
    }

    /// Whether a comment's first word may be a directive (`seokit-…`, any case): a byte
    /// check, so the long comments of a page (commented-out sections) are not split into words.
    static func mayBeDirective(_ text: String) -> Bool {
        text.utf8.drop { $0 == 0x20 || $0 == 0x0A || $0 == 0x09 || $0 == 0x0D || $0 == UInt8(ascii: ",") }
            .hasASCIIPrefix(ignoringCase: "seokit-")
    }

    /// Whether a finding of `ruleID` starting on `line` is suppressed.
    public func isSuppressed(ruleID: String, line: Int) -> Bool {
        if fileWide.contains(where: { $0.matches(ruleID) }) { return true }
        var disabled = false
        for directive in directives {
            switch directive {
            case .disable(let at, let selectors):
                if at <= line, selectors.isEmpty || selectors.contains(where: { $0.matches(ruleID) }) { disabled = true }
            case .enable(let at, let selectors):
                if at <= line, selectors.isEmpty || selectors.contains(where: { $0.matches(ruleID) }) { disabled = false }
            case .lines(let lines, let selectors):
                if lines.contains(line), selectors.isEmpty || selectors.contains(where: { $0.matches(ruleID) }) { return true }
            }
        }
        return disabled
    }

    /// The first line after `line` that is not blank.
    static func nextContentLine(after line: Int, in source: SourceText) -> Int {
        var candidate = line + 1
        while candidate <= source.lineCount, source.lineText(candidate).trimmed().isEmpty { candidate += 1 }
        return candidate
    }
}
