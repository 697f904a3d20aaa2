/// A TOML 1.0 reader for front matter, as Hugo and Zola write it.
///
/// SEOKit reads TOML itself rather than through a C++ library: a bad front matter must be one
/// error line naming the file and the line, never an aborted process, and a batch of
/// thousands of posts must not leak a table per post. It reads the whole language: bare,
/// quoted and dotted keys, basic and literal strings (one-line and multi-line, with escapes),
/// integers (decimal, hex, octal, binary, with underscores), floats (with `inf` and `nan`),
/// booleans, dates and times (kept as text), arrays, inline tables, tables and arrays of
/// tables. It also records the line of each top-level key, so findings can point at it.
struct TOMLReader {
    struct Failure: Error {
        /// 1-based line within the TOML text.
        var line: Int
        var message: String
    }

    /// The parsed document: top-level fields and the line of each top-level key.
    struct Result {
        var fields: [String: FrontMatterValue]
        var keyLines: [String: Int]
    }

    private let bytes: [UInt8]
    private var position = 0
    private var line = 1
    /// Bounds nesting of arrays and inline tables (each level is a recursive call).
    private static let maximumDepth = 64

    init(_ text: String) {
        bytes = Array(text.utf8)
    }

    static func parse(_ text: String) throws(Failure) -> Result {
        var reader = TOMLReader(text)
        return try reader.document()
    }

    // MARK: Document structure

    /// The root table, built as nested dictionaries; `current` is the path of the table that
    /// key/value lines go into.
    private mutating func document() throws(Failure) -> Result {
        var root = Table()
        var current: [String] = []
        var keyLines: [String: Int] = [:]
        while true {
            skipBlankAndComments()
            guard position < bytes.count else { break }
            let lineOfStatement = line
            if bytes[position] == UInt8(ascii: "[") {
                let isArray = position + 1 < bytes.count && bytes[position + 1] == UInt8(ascii: "[")
                position += isArray ? 2 : 1
                skipSpaces()
                let path = try key()
                skipSpaces()
                try expect(isArray ? "]]" : "]")
                try endOfLine()
                current = path
                if isArray {
                    try root.appendTable(at: path, line: lineOfStatement)
                } else {
                    try root.defineTable(at: path, line: lineOfStatement)
                }
                continue
            }
            let path = try key()
            skipSpaces()
            try expect("=")
            skipSpaces()
            let value = try self.value(depth: 0)
            try endOfLine()
            try root.set(value, at: current + path, line: lineOfStatement)
            if current.isEmpty, let first = path.first, keyLines[first] == nil { keyLines[first] = lineOfStatement }
        }
        return Result(fields: root.frontMatterFields(), keyLines: keyLines)
    }

    /// A key, possibly dotted (`a."b c".d`).
    private mutating func key() throws(Failure) -> [String] {
        var parts: [String] = []
        while true {
            skipSpaces()
            guard position < bytes.count else { throw failure("expected a key") }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                parts.append(try basicString())
            } else if byte == UInt8(ascii: "'") {
                parts.append(try literalString())
            } else {
                let start = position
                while position < bytes.count, Self.isBareKeyByte(bytes[position]) { position += 1 }
                guard position > start else { throw failure("expected a key, found \(describe(byte))") }
                parts.append(String(decoding: bytes[start..<position], as: UTF8.self))
            }
            skipSpaces()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ".") else { return parts }
            position += 1
        }
    }

    private static func isBareKeyByte(_ byte: UInt8) -> Bool {
        byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39
            || byte == UInt8(ascii: "_") || byte == UInt8(ascii: "-")
    }

    // MARK: Values

    private mutating func value(depth: Int) throws(Failure) -> Value {
        guard depth < Self.maximumDepth else { throw failure("arrays or tables nested more than \(Self.maximumDepth) levels") }
        guard position < bytes.count else { throw failure("expected a value") }
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "\""):
            if hasPrefix("\"\"\"") { return .string(try multilineBasicString()) }
            return .string(try basicString())
        case UInt8(ascii: "'"):
            if hasPrefix("'''") { return .string(try multilineLiteralString()) }
            return .string(try literalString())
        case UInt8(ascii: "["):
            return try array(depth: depth)
        case UInt8(ascii: "{"):
            return try inlineTable(depth: depth)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            if hasPrefix("true") { position += 4; return .bool(true) }
            if hasPrefix("false") { position += 5; return .bool(false) }
            throw failure("invalid value starting with \(describe(byte))")
        default:
            return try numberOrDate()
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> Value {
        position += 1
        var items: [Value] = []
        while true {
            skipWhitespaceNewlinesAndComments()
            guard position < bytes.count else { throw failure("unclosed array") }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            items.append(try value(depth: depth + 1))
            skipWhitespaceNewlinesAndComments()
            guard position < bytes.count else { throw failure("unclosed array") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "]") { position += 1; return .array(items) }
            throw failure("expected ',' or ']' in an array, found \(describe(bytes[position]))")
        }
    }

    private mutating func inlineTable(depth: Int) throws(Failure) -> Value {
        position += 1
        var table = Table()
        skipSpaces()
        if position < bytes.count, bytes[position] == UInt8(ascii: "}") { position += 1; return .table(table) }
        while true {
            let path = try key()
            skipSpaces()
            try expect("=")
            skipSpaces()
            let item = try value(depth: depth + 1)
            try table.set(item, at: path, line: line)
            skipSpaces()
            guard position < bytes.count else { throw failure("unclosed inline table") }
            if bytes[position] == UInt8(ascii: ",") { position += 1; continue }
            if bytes[position] == UInt8(ascii: "}") { position += 1; return .table(table) }
            throw failure("expected ',' or '}' in an inline table, found \(describe(bytes[position]))")
        }
    }

    /// Numbers, and dates and times kept as their text.
    private mutating func numberOrDate() throws(Failure) -> Value {
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            let isValueByte = byte >= 0x30 && byte <= 0x39 || byte >= 0x41 && byte <= 0x5A || byte >= 0x61 && byte <= 0x7A
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: ":")
            // A space is part of a date-time only between a date and a time ("1979-05-27 07:32:00").
            let isDateTimeSpace = byte == UInt8(ascii: " ") && position - start == 10 && position + 1 < bytes.count
                && bytes[position + 1] >= 0x30 && bytes[position + 1] <= 0x39 && bytes[start + 4] == UInt8(ascii: "-")
            guard isValueByte || isDateTimeSpace else { break }
            position += 1
        }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        guard !text.isEmpty else { throw failure("expected a value, found \(position < bytes.count ? describe(bytes[position]) : "the end")") }
        if let number = Self.number(text) { return .number(number) }
        if Self.isDateOrTime(text) { return .string(text) }
        throw failure("invalid value '\(text.prefix(40))'")
    }

    private static func number(_ text: String) -> Double? {
        switch text {
        case "inf", "+inf": return .infinity
        case "-inf": return -.infinity
        case "nan", "+nan", "-nan": return .nan
        default: break
        }
        // Underscores only between digits.
        if text.hasPrefix("_") || text.hasSuffix("_") || text.contains("__") { return nil }
        let plain = text.filter { $0 != "_" }
        for (prefix, radix) in [("0x", 16), ("0o", 8), ("0b", 2)] where plain.hasPrefix(prefix) {
            return Int(plain.dropFirst(2), radix: radix).map(Double.init)
        }
        let unsigned = plain.hasPrefix("+") || plain.hasPrefix("-") ? plain.dropFirst() : plain[...]
        guard let first = unsigned.first, first.isASCII, first.isNumber else { return nil }
        // Leading zeros are not allowed ("01"), but "0", "0.5" and "0e1" are.
        if unsigned.count > 1, first == "0", let second = unsigned.dropFirst().first, second.isNumber { return nil }
        guard unsigned.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == "." || $0 == "e" || $0 == "E" || $0 == "+" || $0 == "-") }) else { return nil }
        return Double(plain)
    }

    private static func isDateOrTime(_ text: String) -> Bool {
        let digits = text.filter { $0.isASCII && $0.isNumber }.count
        guard digits >= 4 else { return false }
        return text.allSatisfy { $0.isASCII && ($0.isNumber || "-:.TtZz+ ".contains($0)) }
            && (text.contains("-") || text.contains(":"))
    }

    // MARK: Strings

    private mutating func basicString() throws(Failure) -> String {
        position += 1
        var output: [UInt8] = []
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") { position += 1; return String(decoding: output, as: UTF8.self) }
            if byte == 0x0A || byte == 0x0D { break }
            if byte == UInt8(ascii: "\\") {
                try escape(into: &output)
                continue
            }
            output.append(byte)
            position += 1
        }
        throw failure("unclosed string")
    }

    private mutating func literalString() throws(Failure) -> String {
        position += 1
        let start = position
        while position < bytes.count {
            let byte = bytes[position]
            if byte == UInt8(ascii: "'") {
                position += 1
                return String(decoding: bytes[start..<(position - 1)], as: UTF8.self)
            }
            if byte == 0x0A || byte == 0x0D { break }
            position += 1
        }
        throw failure("unclosed string")
    }

    private mutating func multilineBasicString() throws(Failure) -> String {
        position += 3
        skipNewlineDirectlyAfterDelimiter()
        var output: [UInt8] = []
        while position < bytes.count {
            if hasPrefix("\"\"\"") {
                position += 3
                // Up to two more quotes belong to the string ("""a""""" is `a""`).
                var extra = 0
                while extra < 2, position < bytes.count, bytes[position] == UInt8(ascii: "\"") { output.append(bytes[position]); position += 1; extra += 1 }
                return String(decoding: output, as: UTF8.self)
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "\\") {
                // A backslash at the end of a line trims the line break and leading whitespace.
                var probe = position + 1
                while probe < bytes.count, bytes[probe] == 0x20 || bytes[probe] == 0x09 { probe += 1 }
                if probe < bytes.count, bytes[probe] == 0x0A || bytes[probe] == 0x0D {
                    position = probe
                    while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0A || bytes[position] == 0x0D {
                        if bytes[position] == 0x0A { line += 1 }
                        position += 1
                    }
                    continue
                }
                try escape(into: &output)
                continue
            }
            if byte == 0x0A { line += 1 }
            output.append(byte)
            position += 1
        }
        throw failure("unclosed multi-line string")
    }

    private mutating func multilineLiteralString() throws(Failure) -> String {
        position += 3
        skipNewlineDirectlyAfterDelimiter()
        let start = position
        while position < bytes.count {
            if hasPrefix("'''") {
                var end = position
                position += 3
                var extra = 0
                while extra < 2, position < bytes.count, bytes[position] == UInt8(ascii: "'") { position += 1; extra += 1; end += 1 }
                return String(decoding: bytes[start..<end], as: UTF8.self)
            }
            if bytes[position] == 0x0A { line += 1 }
            position += 1
        }
        throw failure("unclosed multi-line string")
    }

    private mutating func skipNewlineDirectlyAfterDelimiter() {
        if hasPrefix("\r\n") { position += 2; line += 1 } else if hasPrefix("\n") { position += 1; line += 1 }
    }

    private mutating func escape(into output: inout [UInt8]) throws(Failure) {
        guard position + 1 < bytes.count else { throw failure("unfinished escape") }
        let code = bytes[position + 1]
        position += 2
        switch code {
        case UInt8(ascii: "b"): output.append(0x08)
        case UInt8(ascii: "t"): output.append(0x09)
        case UInt8(ascii: "n"): output.append(0x0A)
        case UInt8(ascii: "f"): output.append(0x0C)
        case UInt8(ascii: "r"): output.append(0x0D)
        case UInt8(ascii: "e"): output.append(0x1B)
        case UInt8(ascii: "\""): output.append(UInt8(ascii: "\""))
        case UInt8(ascii: "\\"): output.append(UInt8(ascii: "\\"))
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let length = code == UInt8(ascii: "u") ? 4 : 8
            guard position + length <= bytes.count,
                  let value = UInt32(String(decoding: bytes[position..<(position + length)], as: UTF8.self), radix: 16),
                  let scalar = Unicode.Scalar(value) else { throw failure("invalid Unicode escape") }
            output.append(contentsOf: Array(String(scalar).utf8))
            position += length
        default:
            throw failure("invalid escape '\\\(describe(code))'")
        }
    }

    // MARK: Whitespace and helpers

    private mutating func skipSpaces() {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 { position += 1 }
    }

    private mutating func skipComment() {
        guard position < bytes.count, bytes[position] == UInt8(ascii: "#") else { return }
        while position < bytes.count, bytes[position] != 0x0A { position += 1 }
    }

    private mutating func skipBlankAndComments() {
        while position < bytes.count {
            skipSpaces()
            skipComment()
            guard position < bytes.count else { return }
            if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
            guard bytes[position] == 0x0A else { return }
            position += 1
            line += 1
        }
    }

    private mutating func skipWhitespaceNewlinesAndComments() { skipBlankAndComments() }

    /// After a statement only spaces and a comment may follow on its line.
    private mutating func endOfLine() throws(Failure) {
        skipSpaces()
        skipComment()
        guard position < bytes.count else { return }
        if bytes[position] == 0x0D, position + 1 < bytes.count, bytes[position + 1] == 0x0A { position += 1 }
        guard bytes[position] == 0x0A else { throw failure("unexpected \(describe(bytes[position])) after a value") }
        position += 1
        line += 1
    }

    private mutating func expect(_ text: StaticString) throws(Failure) {
        let expected = text.withUTF8Buffer { Array($0) }
        guard hasPrefix(expected) else {
            throw failure("expected '\(text)', found \(position < bytes.count ? describe(bytes[position]) : "the end")")
        }
        position += expected.count
    }

    private func hasPrefix(_ text: String) -> Bool { hasPrefix(Array(text.utf8)) }

    private func hasPrefix(_ expected: [UInt8]) -> Bool {
        position + expected.count <= bytes.count && bytes[position..<(position + expected.count)].elementsEqual(expected)
    }

    private func describe(_ byte: UInt8) -> String {
        if byte == 0x0A { return "the end of the line" }
        if byte >= 0x20 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16)
    }

    private func failure(_ message: String) -> Failure { Failure(line: line, message: message) }

    // MARK: Values and tables

    indirect enum Value {
        case string(String)
        case number(Double)
        case bool(Bool)
        case array([Value])
        case table(Table)

        var frontMatterValue: FrontMatterValue {
            switch self {
            case .string(let text): return .string(text)
            case .number(let number): return .number(number)
            case .bool(let flag): return .bool(flag)
            case .array(let items): return .list(items.map(\.frontMatterValue))
            case .table(let table): return .table(table.frontMatterFields())
            }
        }
    }

    /// A table under construction, with the rules TOML sets on redefinition.
    struct Table {
        private var entries: [String: Value] = [:]
        /// Tables written with a `[header]`, which may not be written twice.
        private var headerTables: Set<[String]> = []

        func frontMatterFields() -> [String: FrontMatterValue] { entries.mapValues(\.frontMatterValue) }

        mutating func set(_ value: Value, at path: [String], line: Int) throws(Failure) {
            try Table.modify(&entries, path[...], line: line) { entries, key throws(Failure) in
                guard entries[key] == nil else { throw Failure(line: line, message: "duplicate key '\(key)'") }
                entries[key] = value
            }
        }

        mutating func defineTable(at path: [String], line: Int) throws(Failure) {
            guard headerTables.insert(path).inserted else { throw Failure(line: line, message: "table [\(path.joined(separator: "."))] defined twice") }
            try Table.modify(&entries, path[...], line: line) { entries, key throws(Failure) in
                switch entries[key] {
                case nil: entries[key] = .table(Table())
                case .table?: break
                default: throw Failure(line: line, message: "'\(key)' is already a value, not a table")
                }
            }
        }

        mutating func appendTable(at path: [String], line: Int) throws(Failure) {
            try Table.modify(&entries, path[...], line: line) { entries, key throws(Failure) in
                switch entries[key] {
                case nil: entries[key] = .array([.table(Table())])
                case .array(var items)?:
                    items.append(.table(Table()))
                    entries[key] = .array(items)
                default: throw Failure(line: line, message: "'\(key)' is already a value, not an array of tables")
                }
            }
        }

        /// Walks to the table holding the last key of `path` (creating implicit tables, and
        /// entering the last table of an array of tables) and applies `body` there.
        private static func modify(
            _ entries: inout [String: Value], _ path: ArraySlice<String>, line: Int,
            _ body: (inout [String: Value], String) throws(Failure) -> Void
        ) throws(Failure) {
            guard let first = path.first else { return }
            if path.count == 1 {
                try body(&entries, first)
                return
            }
            switch entries[first] {
            case nil:
                var table = Table()
                try modify(&table.entries, path.dropFirst(), line: line, body)
                entries[first] = .table(table)
            case .table(var table)?:
                try modify(&table.entries, path.dropFirst(), line: line, body)
                entries[first] = .table(table)
            case .array(var items)?:
                guard case .table(var table)? = items.last else {
                    throw Failure(line: line, message: "'\(first)' is an array of values, not of tables")
                }
                try modify(&table.entries, path.dropFirst(), line: line, body)
                items[items.count - 1] = .table(table)
                entries[first] = .array(items)
            default:
                throw Failure(line: line, message: "'\(first)' is already a value, not a table")
            }
        }
    }
}
