/// A growable buffer of output bytes, owned by one writer.
///
/// Formatters write megabytes in pieces of a few bytes (a key, a number, a quote). An `Array`
/// append checks uniqueness and goes through generic copying on every call; here a piece is a
/// capacity check and a `memcpy`, which made the JSON and SARIF writers several times faster.
/// Non-copyable, so the storage has exactly one owner and is freed once.
public struct ByteBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    /// Bytes written so far.
    public private(set) var count: Int
    private var capacity: Int

    public init(capacity: Int = 4096) {
        self.capacity = max(capacity, 64)
        base = .allocate(capacity: self.capacity)
        count = 0
    }

    deinit { base.deallocate() }

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private mutating func reserve(_ extra: Int) {
        if count + extra > capacity { grow(to: count + extra) }
    }

    private mutating func grow(to needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBase.update(from: base, count: count)
        base.deallocate()
        base = newBase
        capacity = newCapacity
    }

    @inline(__always)
    public mutating func append(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    @inline(__always)
    public mutating func append(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
        reserve(bytes.count)
        (base + count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    /// Appends a literal (keys, punctuation, fixed words).
    @inline(__always)
    public mutating func append(_ literal: StaticString) {
        literal.withUTF8Buffer { append($0) }
    }

    /// Appends the UTF-8 of a string. (A string literal picks the `StaticString` overload,
    /// which copies its bytes without making a `String`.)
    @_disfavoredOverload
    public mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }

    /// Appends the UTF-8 of a substring.
    @_disfavoredOverload
    public mutating func append(_ string: Substring) {
        var string = string
        string.withUTF8 { append($0) }
    }

    /// Appends an optional separator byte, a line break and `indent` spaces: what pretty JSON
    /// writes between members, with one capacity check.
    @inline(__always)
    public mutating func appendLineBreak(after separator: UInt8? = nil, indent: Int) {
        reserve(indent + 2)
        var position = count
        if let separator {
            base[position] = separator
            position += 1
        }
        base[position] = 0x0A
        position += 1
        let end = position + indent
        while position < end {
            base[position] = UInt8(ascii: " ")
            position += 1
        }
        count = end
    }

    /// Appends a whole number in decimal, without a `String` in between.
    public mutating func appendDecimal(_ value: Int) {
        if value >= 0, value < 10 {
            append(UInt8(ascii: "0") &+ UInt8(value))
            return
        }
        reserve(21)
        if value < 0 {
            base[count] = UInt8(ascii: "-")
            count += 1
        }
        var magnitude = value.magnitude
        var digits = 0
        var probe = magnitude
        repeat {
            digits += 1
            probe /= 10
        } while probe > 0
        var position = count + digits - 1
        repeat {
            base[position] = UInt8(ascii: "0") &+ UInt8(truncatingIfNeeded: magnitude % 10)
            magnitude /= 10
            position -= 1
        } while magnitude > 0
        count += digits
    }

    /// Empties the buffer, keeping its storage (after its bytes were written out).
    public mutating func removeAll() { count = 0 }

    /// The bytes written so far.
    public func withBytes<Result, Failure: Error>(_ body: (UnsafeBufferPointer<UInt8>) throws(Failure) -> Result) throws(Failure) -> Result {
        try body(UnsafeBufferPointer(start: base, count: count))
    }

    /// The bytes as an array (one copy).
    public var array: [UInt8] { withBytes { Array($0) } }

    /// The bytes as a `String`; invalid UTF-8 (which writers never produce) would be repaired.
    public var string: String { withBytes { String(decoding: $0, as: UTF8.self) } }
}
