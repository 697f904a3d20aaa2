import TOMLKit
import Yams

/// A value from YAML or TOML front matter, reduced to what SEO checks need.
public indirect enum FrontMatterValue: Sendable, Hashable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case list([FrontMatterValue])
    case table([String: FrontMatterValue])
    case null

    /// The value as text, for scalar values.
    public var text: String? {
        switch self {
        case .string(let value): return value
        case .number(let value): return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case .bool(let value): return value ? "true" : "false"
        default: return nil
        }
    }

    /// The value as a list of strings: a list's scalar items, or one scalar.
    public var texts: [String] {
        switch self {
        case .list(let items): return items.compactMap(\.text)
        case .null: return []
        default: return text.map { [$0] } ?? []
        }
    }

    /// The value as a boolean (`true`, `yes`, `1` and so on).
    public var bool: Bool? {
        switch self {
        case .bool(let value): return value
        case .string(let value): return ["true", "yes", "on", "1"].contains(value.lowercased()) ? true
            : ["false", "no", "off", "0"].contains(value.lowercased()) ? false : nil
        case .number(let value): return value != 0
        default: return nil
        }
    }

    subscript(key: String) -> FrontMatterValue? {
        if case .table(let table) = self { return table[key] }
        return nil
    }
}

/// Front matter at the top of a Markdown file: YAML between `---` lines or TOML between `+++`.
public struct FrontMatter: Sendable, Hashable {
    public enum Syntax: String, Sendable, Hashable { case yaml, toml }

    public var syntax: Syntax
    /// Top-level fields.
    public var fields: [String: FrontMatterValue]
    /// 1-based line of each top-level key in the original file.
    public var keyLines: [String: Int]
    /// Byte offset where the Markdown body begins (after the closing delimiter line).
    public var bodyOffset: Int
    /// Number of lines the front matter occupies, delimiters included.
    public var lineCount: Int

    /// Splits off and parses front matter. Returns `nil` when the text has none.
    public static func parse(_ source: SourceText, path: String) throws(InputError) -> FrontMatter? {
        guard let (syntax, contentRange, bodyOffset, closingLine) = try locate(source, path: path) else { return nil }
        let content = String(decoding: source.bytes[contentRange], as: UTF8.self)
        var matter: FrontMatter
        switch syntax {
        case .yaml: matter = try parseYAML(content, path: path)
        case .toml: matter = try parseTOML(content, path: path)
        }
        matter.bodyOffset = bodyOffset
        matter.lineCount = closingLine
        // Keys were numbered within the front matter; the opening delimiter is line 1.
        matter.keyLines = matter.keyLines.mapValues { $0 + 1 }
        return matter
    }

    /// Finds the delimiters: the opening one must be the first line.
    private static func locate(_ source: SourceText, path: String) throws(InputError) -> (Syntax, Range<Int>, Int, Int)? {
        let lines = source.lineStarts
        func lineContent(_ index: Int) -> String {
            source.lineText(index + 1).trimmed()
        }
        guard source.bytes.count >= 3 else { return nil }
        let first = lineContent(0)
        let syntax: Syntax
        switch first {
        case "---": syntax = .yaml
        case "+++": syntax = .toml
        default: return nil
        }
        let closers: Set<String> = syntax == .yaml ? ["---", "..."] : ["+++"]
        var index = 1
        while index < lines.count {
            if closers.contains(lineContent(index)) {
                let contentStart = lines.count > 1 ? lines[1] : source.bytes.count
                let contentEnd = lines[index]
                let bodyOffset = index + 1 < lines.count ? lines[index + 1] : source.bytes.count
                return (syntax, contentStart..<max(contentStart, contentEnd), bodyOffset, index + 1)
            }
            index += 1
        }
        // A lone `---` line opening a file with no closing line is a thematic break in Markdown,
        // but nobody starts a post with one: report it rather than guess.
        throw InputError(path: path, cause: .malformedFrontMatter(line: 1, detail: "'\(first)' on line 1 opens front matter that is never closed"))
    }

    private static func parseYAML(_ content: String, path: String) throws(InputError) -> FrontMatter {
        let node: Node?
        do {
            node = try Yams.compose(yaml: content)
        } catch let error as YamlError {
            throw InputError(path: path, cause: .malformedFrontMatter(line: yamlErrorLine(error).map { $0 + 1 }, detail: yamlProblem(error)))
        } catch {
            throw InputError(path: path, cause: .malformedFrontMatter(line: nil, detail: "\(error)"))
        }
        guard let node else { return FrontMatter(syntax: .yaml, fields: [:], keyLines: [:], bodyOffset: 0, lineCount: 0) }
        guard let mapping = node.mapping else {
            throw InputError(path: path, cause: .malformedFrontMatter(line: (node.mark?.line ?? 1) + 1, detail: "YAML front matter must be a mapping of keys to values"))
        }
        var fields: [String: FrontMatterValue] = [:]
        var keyLines: [String: Int] = [:]
        // YAML aliases share nodes; walked naively, nine aliases on each of a few levels make
        // millions of values out of a few hundred bytes ("billion laughs"). Count every value.
        var budget = maximumValues
        for (key, value) in mapping {
            guard let name = key.string else { continue }
            fields[name] = convert(value, depth: 0, budget: &budget)
            if budget < 0 {
                throw InputError(path: path, cause: .malformedFrontMatter(
                    line: (key.mark?.line ?? 0) + 1, detail: "more than \(maximumValues) values (aliases expanding without end?)"))
            }
            if let line = key.mark?.line { keyLines[name] = line }
        }
        return FrontMatter(syntax: .yaml, fields: fields, keyLines: keyLines, bodyOffset: 0, lineCount: 0)
    }

    /// Most values a front matter may hold, aliases expanded: far more than any real post has.
    static let maximumValues = 10_000

    private static func convert(_ node: Node, depth: Int, budget: inout Int) -> FrontMatterValue {
        budget -= 1
        guard depth < 32, budget >= 0 else { return .null }
        switch node {
        case .scalar(let scalar):
            if scalar.style == .plain {
                if scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { return .null }
                if let bool = node.bool { return .bool(bool) }
                if let number = node.float, scalar.string.first.map({ $0.isNumber || $0 == "-" || $0 == "." }) == true {
                    return .number(number)
                }
            }
            return .string(scalar.string)
        case .sequence(let sequence):
            var items: [FrontMatterValue] = []
            for item in sequence {
                guard budget >= 0 else { break }
                items.append(convert(item, depth: depth + 1, budget: &budget))
            }
            return .list(items)
        case .mapping(let mapping):
            var table: [String: FrontMatterValue] = [:]
            for (key, value) in mapping {
                guard budget >= 0 else { break }
                if let name = key.string { table[name] = convert(value, depth: depth + 1, budget: &budget) }
            }
            return .table(table)
        case .alias:
            return .null
        }
    }

    private static func yamlErrorLine(_ error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _), .composer(let context, let problem, _, _):
            if let context { return "\(problem) (\(context.text))" }
            return problem
        case .duplicatedKeysInMapping(let duplicates, _):
            return "duplicate key\(duplicates.count == 1 ? "" : "s") \(duplicates.joined(separator: ", "))"
        default:
            return "\(error)".split(separator: "\n").first.map(String.init) ?? "invalid YAML"
        }
    }

    private static func parseTOML(_ content: String, path: String) throws(InputError) -> FrontMatter {
        // toml++ (inside TOMLKit) asserts, aborting the whole process, on a table header with no
        // key ("[", "[[[a]]]", "[=a]"): refuse those before it sees them.
        if let line = TOMLHeaders.firstMalformedHeaderLine(content) {
            throw InputError(path: path, cause: .malformedFrontMatter(line: line + 1, detail: "a table header without a name"))
        }
        let table: TOMLTable
        do {
            table = try TOMLTable(string: content)
        } catch let error as TOMLParseError {
            throw InputError(path: path, cause: .malformedFrontMatter(line: error.source.begin.line + 1, detail: error.description))
        } catch {
            throw InputError(path: path, cause: .malformedFrontMatter(line: nil, detail: "\(error)"))
        }
        var fields: [String: FrontMatterValue] = [:]
        for key in table.keys {
            if let value = table[key] { fields[key] = convert(value, depth: 0) }
        }
        return FrontMatter(syntax: .toml, fields: fields, keyLines: tomlKeyLines(content), bodyOffset: 0, lineCount: 0)
    }

    private static func convert(_ value: TOMLValueConvertible, depth: Int) -> FrontMatterValue {
        guard depth < 32 else { return .null }
        switch value.type {
        case .string: return .string(value.string ?? "")
        case .int: return .number(Double(value.int ?? 0))
        case .double: return .number(value.double ?? 0)
        case .bool: return .bool(value.bool ?? false)
        case .array: return .list((value.array ?? []).map { convert($0, depth: depth + 1) })
        case .table:
            var table: [String: FrontMatterValue] = [:]
            if let inner = value.table { for key in inner.keys { if let item = inner[key] { table[key] = convert(item, depth: depth + 1) } } }
            return .table(table)
        case .date, .time, .dateTime: return .string(value.tomlValue.debugDescription)
        }
    }

    /// TOML parsers here do not report key positions, so read top-level `key = value` lines
    /// (those before the first `[table]` header) directly: the grammar makes this unambiguous.
    private static func tomlKeyLines(_ content: String) -> [String: Int] {
        var lines: [String: Int] = [:]
        for (index, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.trimmed()
            if trimmed.hasPrefix("[") { break }
            guard let equals = trimmed.firstIndex(of: "="), !trimmed.hasPrefix("#") else { continue }
            var key = trimmed[..<equals].trimmed()
            if key.count >= 2, let first = key.first, first == "\"" || first == "'", key.last == first {
                key = String(key.dropFirst().dropLast())
            }
            if lines[key] == nil { lines[key] = index + 1 }
        }
        return lines
    }
}

/// Finds TOML table headers toml++ would assert on, reading just enough TOML to know which lines
/// are headers: lines inside multi-line strings and multi-line arrays are not.
enum TOMLHeaders {
    /// 1-based line (within the front matter) of the first header without a valid key, if any.
    static func firstMalformedHeaderLine(_ content: String) -> Int? {
        var inMultilineString: String?   // the closing delimiter, """ or '''
        var bracketDepth = 0             // open [ and { of a value spanning lines
        for (index, line) in content.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            if let delimiter = inMultilineString {
                guard let close = rest.range(of: delimiter) else { continue }
                inMultilineString = nil
                rest = rest[close.upperBound...]
            } else if bracketDepth == 0 {
                let trimmed = rest.drop { $0 == " " || $0 == "\t" }
                if trimmed.hasPrefix("[") {
                    // A header is "[key]" or "[[key]]": one or two brackets, then a key.
                    let brackets = trimmed.prefix { $0 == "[" }.count
                    let key = trimmed.dropFirst(brackets).drop { $0 == " " || $0 == "\t" }
                    guard brackets <= 2, let first = key.first, first.isASCII,
                          first.isLetter || first.isNumber || first == "_" || first == "-" || first == "\"" || first == "'" else {
                        return index + 1
                    }
                    continue
                }
            }
            scanValue(rest, depth: &bracketDepth, multiline: &inMultilineString)
        }
        return nil
    }

    /// Follows brackets and strings through the rest of a line.
    private static func scanValue(_ text: Substring, depth: inout Int, multiline: inout String?) {
        var position = text.startIndex
        while position < text.endIndex {
            let rest = text[position...]
            if rest.hasPrefix("#") { return }
            if let delimiter = ["\"\"\"", "'''"].first(where: { rest.hasPrefix($0) }) {
                let after = rest.dropFirst(3)
                guard let close = after.range(of: delimiter) else {
                    multiline = delimiter
                    return
                }
                position = close.upperBound
                continue
            }
            let character = text[position]
            switch character {
            case "\"", "'":
                // A one-line string: skip to its closing quote (backslash escapes in "...").
                var next = text.index(after: position)
                while next < text.endIndex, text[next] != character {
                    if character == "\"", text[next] == "\\" { next = text.index(after: next) }
                    if next < text.endIndex { next = text.index(after: next) }
                }
                position = next < text.endIndex ? text.index(after: next) : next
                continue
            case "[", "{": depth += 1
            case "]", "}": depth = max(0, depth - 1)
            default: break
            }
            position = text.index(after: position)
        }
    }
}
