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
            // The encoding named: Yams' default reads the whole process environment on every
            // parse (it looks for YAMS_DEFAULT_ENCODING), a tenth of the reading of a draft.
            node = try Yams.compose(yaml: content, .default, .default, .utf8)
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
        do {
            let result = try TOMLReader.parse(content)
            return FrontMatter(syntax: .toml, fields: result.fields, keyLines: result.keyLines, bodyOffset: 0, lineCount: 0)
        } catch {
            // Lines count from the first line after the opening delimiter.
            throw InputError(path: path, cause: .malformedFrontMatter(line: error.line + 1, detail: error.message))
        }
    }
}
