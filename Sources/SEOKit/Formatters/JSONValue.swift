/// A JSON value with ordered object keys, so output is stable byte for byte and fields appear
/// in the documented order.
public indirect enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool { lhs.serialized() == rhs.serialized() }
    public func hash(into hasher: inout Hasher) { hasher.combine(serialized()) }

    /// A number rounded to `places` decimals, or `null` for `nil` and non-finite values.
    public static func number(_ value: Double?, places: Int = 2) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        return .double(rounded == 0 ? 0 : rounded)
    }

    public static func optional(_ value: String?) -> JSONValue { value.map(JSONValue.string) ?? .null }

    /// Compact JSON (one line).
    public func serialized() -> String {
        var output = ByteBuffer(capacity: 256)
        write(to: &output, indent: nil, level: 0)
        return output.string
    }

    /// JSON indented by two spaces.
    public func pretty() -> String {
        var output = ByteBuffer(capacity: 4096)
        write(to: &output, indent: 2, level: 0)
        return output.string
    }

    /// Writes into a byte buffer: reports of thousands of findings are megabytes of JSON.
    func write(to output: inout ByteBuffer, indent: Int?, level: Int) {
        switch self {
        case .null: output.append("null")
        case .bool(let value): output.append(value ? "true" : "false")
        case .int(let value): output.appendDecimal(value)
        case .double(let value): JSONValue.writeDouble(value, into: &output)
        case .string(let value): JSONValue.escape(value, into: &output)
        case .array(let items):
            if items.isEmpty { output.append("[]"); return }
            output.append(UInt8(ascii: "["))
            for (index, item) in items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.newline(&output, indent, level + 1)
                item.write(to: &output, indent: indent, level: level + 1)
            }
            JSONValue.newline(&output, indent, level)
            output.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty { output.append("{}"); return }
            output.append(UInt8(ascii: "{"))
            for (index, (key, value)) in fields.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONValue.newline(&output, indent, level + 1)
                JSONValue.escape(key, into: &output)
                output.append(UInt8(ascii: ":"))
                if indent != nil { output.append(UInt8(ascii: " ")) }
                value.write(to: &output, indent: indent, level: level + 1)
            }
            JSONValue.newline(&output, indent, level)
            output.append(UInt8(ascii: "}"))
        }
    }

    /// Whole numbers without a fraction (`2`, not `2.0`), others as Swift prints them.
    static func writeDouble(_ value: Double, into output: inout ByteBuffer) {
        if value == value.rounded(), abs(value) < 1e15 {
            output.appendDecimal(Int(value))
        } else {
            output.append(value.description)
        }
    }

    @inline(__always)
    static func newline(_ output: inout ByteBuffer, _ indent: Int?, _ level: Int) {
        guard let indent else { return }
        output.appendLineBreak(indent: indent * level)
    }

    /// Whether a byte starts something `escape` rewrites: quote, backslash, controls, DEL and
    /// the lead byte of U+2028/U+2029.
    private static let needsEscape: [Bool] = (0..<256).map { byte in
        byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0x7F || byte == 0xE2
    }

    /// Appends a JSON string literal: runs that need no escaping are copied as they are.
    static func escape(_ string: String, into output: inout ByteBuffer) {
        var string = string
        string.withUTF8 { escape($0, into: &output) }
    }

    static func escape(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout ByteBuffer) {
        output.append(UInt8(ascii: "\""))
        escapeContents(bytes, into: &output)
        output.append(UInt8(ascii: "\""))
    }

    /// The inside of a string literal, without the quotes.
    static func escapeContents(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout ByteBuffer) {
        needsEscape.withUnsafeBufferPointer { needsEscape in
            var runStart = 0
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                guard needsEscape[Int(byte)] else { index += 1; continue }
                if byte == 0xE2 {
                    // U+2028 and U+2029 (E2 80 A8/A9) end lines in JavaScript: escape them too.
                    guard index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9 else {
                        index += 1
                        continue
                    }
                }
                if index > runStart { output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
                var length = 1
                switch byte {
                case UInt8(ascii: "\""): output.append(#"\""#)
                case UInt8(ascii: "\\"): output.append(#"\\"#)
                case 0x0A: output.append(#"\n"#)
                case 0x0D: output.append(#"\r"#)
                case 0x09: output.append(#"\t"#)
                case 0xE2:
                    output.append(bytes[index + 2] == 0xA8 ? #"\u2028"# : #"\u2029"#)
                    length = 3
                default:
                    // Other controls and DEL: \u00XX with lowercase hex digits.
                    func hex(_ digit: UInt8) -> UInt8 { digit < 10 ? UInt8(ascii: "0") + digit : UInt8(ascii: "a") + digit - 10 }
                    output.append(#"\u00"#)
                    output.append(hex(byte >> 4))
                    output.append(hex(byte & 0x0F))
                }
                index += length
                runStart = index
            }
            if index > runStart { output.append(UnsafeBufferPointer(rebasing: bytes[runStart..<index])) }
        }
    }

    /// Appends a JSON string literal to a `String`.
    static func escape(_ string: String, into output: inout String) {
        var bytes = ByteBuffer(capacity: string.utf8.count + 16)
        escape(string, into: &bytes)
        output += bytes.string
    }
}

/// The containers a JSON document written in pieces has open between pieces.
struct JSONNesting {
    var counts: [Int] = []
}

/// Writes indented JSON straight into a byte buffer, byte for byte as `JSONValue.pretty()`
/// writes the same value, without building the tree first: a lint run's JSON is megabytes,
/// and a tree of boxed values costs more than writing it.
///
/// Open a container, give each member's key (objects) or call `item()` (arrays) before its
/// value, close it; `value(_:)` writes a small `JSONValue` in place.
struct JSONStreamWriter: ~Copyable {
    var output: ByteBuffer
    /// Members written so far in each open container, innermost last.
    private var counts: [Int]

    /// A writer that continues a buffer with the containers `nesting` has open; `release()`
    /// hands the buffer back.
    private init(appendingTo buffer: consuming ByteBuffer, nesting: JSONNesting) {
        output = buffer
        counts = nesting.counts
        counts.reserveCapacity(16)
    }

    /// Writes one piece of a document written in several (a lint run's output, report by
    /// report): the containers left open stay open in `nesting` until a later piece closes them.
    static func piece(_ output: inout ByteBuffer, _ nesting: inout JSONNesting, _ body: (inout JSONStreamWriter) -> Void) {
        var writer = JSONStreamWriter(appendingTo: output, nesting: nesting)
        body(&writer)
        nesting.counts = writer.counts
        output = writer.release()
    }

    /// The buffer, as written so far.
    private consuming func release() -> ByteBuffer { output }

    private var level: Int { counts.count }

    mutating func beginObject() { open(UInt8(ascii: "{")) }
    mutating func endObject() { close(UInt8(ascii: "}")) }
    mutating func beginArray() { open(UInt8(ascii: "[")) }
    mutating func endArray() { close(UInt8(ascii: "]")) }

    /// The next member of an object; `name` is written as is, so it must need no escaping.
    mutating func key(_ name: StaticString) {
        separate()
        output.append(UInt8(ascii: "\""))
        output.append(name)
        output.append("\": ")
    }

    /// The next member of an object, with a key that may need escaping.
    mutating func key(escaping name: String) {
        separate()
        JSONValue.escape(name, into: &output)
        output.append(": ")
    }

    /// The next element of an array.
    mutating func item() { separate() }

    mutating func string(_ value: String) { JSONValue.escape(value, into: &output) }

    /// One string from two parts joined by a space, without concatenating them first.
    mutating func string(_ first: String, _ second: String) {
        var first = first
        var second = second
        output.append(UInt8(ascii: "\""))
        first.withUTF8 { JSONValue.escapeContents($0, into: &output) }
        output.append(UInt8(ascii: " "))
        second.withUTF8 { JSONValue.escapeContents($0, into: &output) }
        output.append(UInt8(ascii: "\""))
    }
    mutating func int(_ value: Int) { output.appendDecimal(value) }
    mutating func bool(_ value: Bool) { output.append(value ? "true" : "false") }
    mutating func null() { output.append("null") }

    /// As `JSONValue.number(_:places:)`.
    mutating func number(_ value: Double?, places: Int = 2) {
        guard let value, value.isFinite else { return null() }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        JSONValue.writeDouble(rounded == 0 ? 0 : rounded, into: &output)
    }

    mutating func value(_ value: JSONValue) { value.write(to: &output, indent: 2, level: level) }

    /// A key and a string value.
    mutating func field(_ name: StaticString, _ value: String) {
        key(name)
        string(value)
    }

    mutating func field(_ name: StaticString, _ value: Int) {
        key(name)
        int(value)
    }

    private mutating func open(_ bracket: UInt8) {
        output.append(bracket)
        counts.append(0)
    }

    /// An empty container closes on the same line (`{}`), as `JSONValue` writes it.
    private mutating func close(_ bracket: UInt8) {
        let count = counts.removeLast()
        if count > 0 { JSONValue.newline(&output, 2, level) }
        output.append(bracket)
    }

    private mutating func separate() {
        let last = counts.count - 1
        let isFirst = counts[last] == 0
        counts[last] += 1
        output.appendLineBreak(after: isFirst ? nil : UInt8(ascii: ","), indent: 2 * level)
    }
}
