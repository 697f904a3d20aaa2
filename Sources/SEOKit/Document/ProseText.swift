/// The prose of a document in one UTF-8 buffer, with the map back to the original input.
///
/// Readers append block text here while they walk the parser's tree. Wherever the text stops
/// being a byte-for-byte copy of the source (markup removed, an entity decoded, whitespace
/// collapsed) the reader records an anchor, so any byte of prose maps to its source offset
/// without searching the source again.
public struct ProseText: Sendable {
    public private(set) var bytes: [UInt8]
    /// Parallel arrays of anchors, sorted by text offset: from `anchorText[i]` on, text bytes
    /// correspond one to one to source bytes from `anchorSource[i]` on.
    private var anchorText: [Int]
    private var anchorSource: [Int]

    public init() {
        bytes = []
        anchorText = []
        anchorSource = []
    }

    /// Prose that is the source itself, byte for byte (plain text): no copy, no anchors.
    public init(identicalTo source: [UInt8]) {
        bytes = source
        anchorText = []
        anchorSource = []
    }

    /// Number of bytes in the buffer.
    public var count: Int { bytes.count }

    /// Text of a byte range as a `String`.
    public func string(in range: Range<Int>) -> String {
        let clamped = range.clamped(to: 0..<bytes.count)
        return String(decoding: bytes[clamped], as: UTF8.self)
    }

    /// The source offset of a byte of prose.
    public func sourceOffset(forTextOffset offset: Int) -> Int {
        guard !anchorText.isEmpty else { return offset }
        var low = 0
        var high = anchorText.count - 1
        if offset < anchorText[0] { return anchorSource[0] }
        while low < high {
            let mid = (low + high + 1) >> 1
            if anchorText[mid] <= offset { low = mid } else { high = mid - 1 }
        }
        return anchorSource[low] + (offset - anchorText[low])
    }

    // MARK: Building

    /// Marks that the next appended byte comes from `sourceOffset`.
    public mutating func anchor(source sourceOffset: Int) {
        let here = bytes.count
        if let last = anchorText.last, last == here {
            anchorSource[anchorSource.count - 1] = sourceOffset
            return
        }
        // Skip anchors that the running correspondence already implies.
        if let last = anchorText.last, anchorSource[anchorSource.count - 1] + (here - last) == sourceOffset {
            return
        }
        anchorText.append(here)
        anchorSource.append(sourceOffset)
    }

    /// Appends bytes copied verbatim from the source at `sourceOffset`.
    public mutating func append<Bytes: Collection>(_ newBytes: Bytes, from sourceOffset: Int) where Bytes.Element == UInt8 {
        anchor(source: sourceOffset)
        bytes.append(contentsOf: newBytes)
    }

    /// Appends bytes that stand for a source span of different length (an entity, a line break).
    public mutating func appendReplacement<Bytes: Collection>(_ newBytes: Bytes, forSource span: Range<Int>) where Bytes.Element == UInt8 {
        anchor(source: span.lowerBound)
        bytes.append(contentsOf: newBytes)
        anchor(source: span.upperBound)
    }

    /// Appends one byte with no source of its own (a separator), mapped to `sourceOffset`.
    public mutating func appendSeparator(_ byte: UInt8, at sourceOffset: Int) {
        anchor(source: sourceOffset)
        bytes.append(byte)
        anchor(source: sourceOffset)
    }

    /// Removes trailing ASCII whitespace (used when a block ends).
    public mutating func trimTrailingWhitespace(downTo floor: Int) {
        while bytes.count > floor, let last = bytes.last, last == 0x20 || last == 0x0A || last == 0x09 || last == 0x0D {
            bytes.removeLast()
        }
        while let last = anchorText.last, last > bytes.count {
            anchorText.removeLast()
            anchorSource.removeLast()
        }
    }

    /// Reserves room for the expected number of bytes.
    public mutating func reserveCapacity(_ capacity: Int) { bytes.reserveCapacity(capacity) }
}
