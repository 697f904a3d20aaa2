extension Unicode.Scalar {
    /// Whitespace test with an ASCII fast path: the Unicode property lookup only for the rest.
    @inline(__always)
    var isSpaceLike: Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        return properties.isWhitespace
    }
}

extension StringProtocol {
    /// The string without leading and trailing whitespace and newlines.
    public func trimmed() -> String {
        // Most strings have nothing to trim: check the first and last bytes before anything else.
        let bytes = utf8
        guard let firstByte = bytes.first else { return "" }
        let lastByte = bytes[bytes.index(bytes.endIndex, offsetBy: -1)]
        func isPlain(_ byte: UInt8) -> Bool { byte > 0x20 && byte < 0x80 }
        if isPlain(firstByte) && isPlain(lastByte) { return String(self) }
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.isSpaceLike }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.isSpaceLike })!
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[start...end])
        return String(result)
    }

    /// Whether the bytes of `needle` occur in the string: a plain byte search, for the ASCII
    /// needles the rules look for (`-`, `%`, `href`), where Foundation's `contains` compares
    /// Unicode-aware at a thousand times the cost.
    public func containsBytes(_ needle: StaticString) -> Bool {
        needle.withUTF8Buffer { needle in
            guard let first = needle.first else { return true }
            let bytes = utf8
            var index = bytes.startIndex
            while let found = bytes[index...].firstIndex(of: first) {
                var candidate = found
                var matched = true
                for byte in needle {
                    guard candidate != bytes.endIndex, bytes[candidate] == byte else { matched = false; break }
                    candidate = bytes.index(after: candidate)
                }
                if matched { return true }
                index = bytes.index(after: found)
            }
            return false
        }
    }

    /// Whether any character is not whitespace (`Character.isWhitespace`), with a byte scan
    /// for ASCII text.
    public var hasVisibleCharacter: Bool {
        var sawNonASCII = false
        for byte in utf8 {
            if byte >= 0x80 { sawNonASCII = true; break }
            if !(byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)) { return true }
        }
        return sawNonASCII && contains { !$0.isWhitespace }
    }

    /// Runs of whitespace folded to one space, ends trimmed.
    public func collapsingWhitespace() -> String {
        // Byte copy for ASCII text; the scalar loop below only when there is more.
        if let collapsed = collapsingASCIIWhitespace() { return collapsed }
        var output = ""
        var pendingSpace = false
        for scalar in unicodeScalars {
            if scalar.isSpaceLike {
                pendingSpace = !output.isEmpty
            } else {
                if pendingSpace { output.append(" "); pendingSpace = false }
                output.unicodeScalars.append(scalar)
            }
        }
        return output
    }

    /// `collapsingWhitespace()` of an all-ASCII string, or `nil` when it is not all ASCII.
    private func collapsingASCIIWhitespace() -> String? {
        let bytes = utf8
        guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
        return String(unsafeUninitializedCapacity: bytes.count) { output in
            var length = 0
            var pendingSpace = false
            for byte in bytes {
                if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) {
                    pendingSpace = length > 0
                } else {
                    if pendingSpace {
                        output[length] = 0x20
                        length += 1
                        pendingSpace = false
                    }
                    output[length] = byte
                    length += 1
                }
            }
            return length
        }
    }
}

extension String {
    /// The string with control characters written as escapes (`\n`, `\u{1B}`), so a file name
    /// cannot move the cursor, retitle a terminal, forge a line in a CI log or reorder text with
    /// a bidirectional override. For text meant for terminals and logs.
    public var terminalSafe: String {
        // Bytes first: only C0 controls, DEL and the lead bytes of C1 controls (C2) and of
        // the bidirectional marks (E2) can start a scalar that needs escaping.
        var copy = self
        let mayNeedEscaping = copy.withUTF8 { bytes in
            bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0xC2 || $0 == 0xE2 }
        }
        guard mayNeedEscaping else { return self }
        guard unicodeScalars.contains(where: \.needsEscapingOnTerminal) else { return self }
        var output = ""
        for scalar in unicodeScalars {
            guard scalar.needsEscapingOnTerminal else { output.unicodeScalars.append(scalar); continue }
            switch scalar {
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            default: output += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return output
    }
}

extension Unicode.Scalar {
    /// C0 and C1 controls, DEL, and the bidirectional embedding, override and isolate marks.
    var needsEscapingOnTerminal: Bool {
        switch value {
        case 0x00...0x1F, 0x7F...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

extension UInt8 {
    /// The byte with A–Z lowercased; every other byte as it is.
    @inline(__always)
    var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self | 0x20 : self }
}

extension Sequence where Element == UInt8 {
    /// Whether the bytes start with `prefix` (written in lowercase), ignoring ASCII case: a
    /// scheme, `www.`, a `seokit-` directive, without lowercasing a copy first.
    func hasASCIIPrefix(ignoringCase prefix: StaticString) -> Bool {
        prefix.withUTF8Buffer { prefix in
            var bytes = makeIterator()
            for expected in prefix {
                guard let byte = bytes.next(), byte.asciiLowercased == expected else { return false }
            }
            return true
        }
    }
}

extension String {
    /// The bytes as a string with A–Z lowercased (ASCII only: hosts, schemes, tags, words of
    /// a lexicon), in one pass and one allocation.
    init(asciiLowercasing bytes: UnsafeBufferPointer<UInt8>) {
        self.init(unsafeUninitializedCapacity: bytes.count) { output in
            for (index, byte) in bytes.enumerated() { output[index] = byte.asciiLowercased }
            return bytes.count
        }
    }
}
