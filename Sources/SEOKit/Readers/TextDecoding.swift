#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Input bytes turned into valid UTF-8, with notes on anything that had to be repaired.
public struct DecodedInput: Sendable {
    public var bytes: [UInt8]
    /// The encoding the input was decoded from (`utf-8`, `utf-16le`, `windows-1252`...).
    public var encoding: String
    public var notes: [ReadNote]
}

/// Detects the encoding of an input, rejects binary files and decodes to valid UTF-8.
///
/// Order: a byte order mark wins; then, for HTML, the declared charset (`<meta charset>`,
/// `http-equiv`, the XML declaration); otherwise UTF-8. Invalid UTF-8 is repaired with U+FFFD
/// and reported, NUL bytes likewise, so the parsers downstream never see either.
public enum TextDecoding {
    /// - Parameter declaredCharset: a charset declared outside the bytes, such as the `charset`
    ///   of an HTTP `Content-Type` header. It comes after a byte order mark and before the page's
    ///   own declaration (the order browsers use); an unknown label is ignored with a note.
    public static func decode(_ raw: [UInt8], format: InputFormat, path: String, declaredCharset transportCharset: String? = nil) throws(InputError) -> DecodedInput {
        if raw.starts(with: [0xEF, 0xBB, 0xBF]) {
            return finishUTF8(Array(raw.dropFirst(3)), encoding: "utf-8", notes: [])
        }
        if raw.starts(with: [0xFF, 0xFE]) {
            return finishUTF8(decodeUTF16(raw.dropFirst(2), bigEndian: false), encoding: "utf-16le", notes: [])
        }
        if raw.starts(with: [0xFE, 0xFF]) {
            return finishUTF8(decodeUTF16(raw.dropFirst(2), bigEndian: true), encoding: "utf-16be", notes: [])
        }
        if let kind = binarySignature(raw) {
            throw InputError(path: path, cause: .binary(kind))
        }
        if let bigEndian = looksLikeUTF16WithoutBOM(raw) {
            return finishUTF8(decodeUTF16(raw[...], bigEndian: bigEndian), encoding: bigEndian ? "utf-16be" : "utf-16le", notes: [])
        }
        // Text has almost no C0 control bytes; random or compressed data about one in ten.
        if let share = controlByteShare(raw), share > 0.05 {
            throw InputError(path: path, cause: .binary("\(Int(share * 100))% control bytes"))
        }
        var transportNotes: [ReadNote] = []
        if let transportCharset, !transportCharset.trimmed().isEmpty {
            let label = canonicalCharset(transportCharset)
            if label == "utf-8" { return finishUTF8(raw, encoding: "utf-8", notes: []) }
            if let converted = convert(raw, from: label) { return finishUTF8(converted, encoding: label, notes: []) }
            transportNotes.append(ReadNote(message: "unknown charset '\(transportCharset)' in the Content-Type header; ignored"))
        }
        if format == .html, let declared = declaredCharset(raw) {
            let label = canonicalCharset(declared)
            if label != "utf-8" {
                switch convert(raw, from: label) {
                case .some(let converted):
                    return finishUTF8(converted, encoding: label, notes: transportNotes)
                case .none:
                    let note = ReadNote(message: "unknown declared charset '\(declared)'; read as UTF-8")
                    return finishUTF8(raw, encoding: "utf-8", notes: transportNotes + [note])
                }
            }
        }
        return finishUTF8(raw, encoding: "utf-8", notes: transportNotes)
    }

    // MARK: UTF-8 validation and repair

    /// Validates UTF-8, replacing invalid sequences and NUL bytes with U+FFFD.
    static func finishUTF8(_ bytes: [UInt8], encoding: String, notes: [ReadNote]) -> DecodedInput {
        var notes = notes
        guard let firstProblem = firstInvalidOrNul(bytes) else {
            return DecodedInput(bytes: bytes, encoding: encoding, notes: notes)
        }
        var repaired = [UInt8]()
        repaired.reserveCapacity(bytes.count + 16)
        repaired.append(contentsOf: bytes[..<firstProblem])
        var invalid = 0
        var nuls = 0
        var index = firstProblem
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0 {
                nuls += 1
                repaired.append(contentsOf: replacement)
                index += 1
            } else if byte < 0x80 {
                repaired.append(byte)
                index += 1
            } else {
                let length = validSequenceLength(bytes, at: index)
                if length == 0 {
                    invalid += 1
                    repaired.append(contentsOf: replacement)
                    index += 1
                } else {
                    repaired.append(contentsOf: bytes[index..<(index + length)])
                    index += length
                }
            }
        }
        let source = SourceText(bytes: bytes)
        let location = source.location(at: firstProblem)
        if invalid > 0 {
            notes.append(ReadNote(message: "invalid UTF-8: \(invalid) byte\(invalid == 1 ? "" : "s") replaced with U+FFFD", location: location))
        }
        if nuls > 0 {
            notes.append(ReadNote(message: "\(nuls) NUL byte\(nuls == 1 ? "" : "s") replaced with U+FFFD", location: location))
        }
        return DecodedInput(bytes: repaired, encoding: encoding, notes: notes)
    }

    /// Offset of the first invalid UTF-8 sequence or NUL byte, or `nil` if there is none.
    static func firstInvalidOrNul(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { buffer -> Int? in
            let count = buffer.count
            var index = 0
            while index < count {
                // ASCII fast path, eight bytes at a time.
                while index + 8 <= count {
                    let word = UnsafeRawPointer(buffer.baseAddress! + index).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 != 0 { break }
                    // A zero byte in the word: (w - 0x01..) & ~w & 0x80..
                    if (word &- 0x0101_0101_0101_0101) & ~word & 0x8080_8080_8080_8080 != 0 { break }
                    index += 8
                }
                guard index < count else { return nil }
                let byte = buffer[index]
                if byte == 0 { return index }
                if byte < 0x80 { index += 1; continue }
                let length = validSequenceLength(buffer, at: index)
                if length == 0 { return index }
                index += length
            }
            return nil
        }
    }

    /// Length of the valid UTF-8 sequence starting at `index`, or 0 if it is invalid.
    @inline(__always)
    static func validSequenceLength<C: RandomAccessCollection>(_ bytes: C, at index: Int) -> Int where C.Element == UInt8, C.Index == Int {
        let end = bytes.endIndex
        let lead = bytes[index]
        func continuation(_ offset: Int) -> Bool {
            index + offset < end && bytes[index + offset] & 0xC0 == 0x80
        }
        switch lead {
        case 0xC2...0xDF:
            return continuation(1) ? 2 : 0
        case 0xE0...0xEF:
            guard continuation(1), continuation(2) else { return 0 }
            let second = bytes[index + 1]
            if lead == 0xE0, second < 0xA0 { return 0 }   // overlong
            if lead == 0xED, second > 0x9F { return 0 }   // surrogate
            return 3
        case 0xF0...0xF4:
            guard continuation(1), continuation(2), continuation(3) else { return 0 }
            let second = bytes[index + 1]
            if lead == 0xF0, second < 0x90 { return 0 }   // overlong
            if lead == 0xF4, second > 0x8F { return 0 }   // above U+10FFFF
            return 4
        default:
            return 0
        }
    }

    // MARK: UTF-16

    static func decodeUTF16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> [UInt8] {
        var units = [UInt16]()
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index + 1 < bytes.endIndex {
            let first = UInt16(bytes[index])
            let second = UInt16(bytes[index + 1])
            units.append(bigEndian ? (first << 8 | second) : (second << 8 | first))
            index += 2
        }
        var output = [UInt8]()
        output.reserveCapacity(units.count)
        // Unpaired surrogates become U+FFFD.
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) { output.append($0) }
        if index < bytes.endIndex { output.append(contentsOf: [0xEF, 0xBF, 0xBD]) }
        return output
    }

    /// UTF-16 without a byte order mark shows as NUL in every other byte of ASCII text.
    static func looksLikeUTF16WithoutBOM(_ bytes: [UInt8]) -> Bool? {
        let sample = min(bytes.count, 4096) & ~1
        guard sample >= 8 else { return nil }
        var evenZeros = 0
        var oddZeros = 0
        for index in stride(from: 0, to: sample, by: 2) {
            if bytes[index] == 0 { evenZeros += 1 }
            if bytes[index + 1] == 0 { oddZeros += 1 }
        }
        let pairs = sample / 2
        if evenZeros * 10 >= pairs * 7, oddZeros * 10 < pairs { return true }
        if oddZeros * 10 >= pairs * 7, evenZeros * 10 < pairs { return false }
        return nil
    }

    // MARK: Binary detection

    static func binarySignature(_ bytes: [UInt8]) -> String? {
        let signatures: [(prefix: [UInt8], name: String)] = [
            ([0x89, 0x50, 0x4E, 0x47], "PNG image"), ([0x47, 0x49, 0x46, 0x38], "GIF image"),
            ([0xFF, 0xD8, 0xFF], "JPEG image"), ([0x25, 0x50, 0x44, 0x46, 0x2D], "PDF document"),
            ([0x50, 0x4B, 0x03, 0x04], "ZIP archive"), ([0x1F, 0x8B], "gzip data"),
            ([0x7F, 0x45, 0x4C, 0x46], "ELF executable"), ([0x42, 0x5A, 0x68], "bzip2 data"),
            ([0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00], "xz data"), ([0x28, 0xB5, 0x2F, 0xFD], "zstd data"),
            ([0x53, 0x51, 0x4C, 0x69, 0x74, 0x65, 0x20, 0x66], "SQLite database"),
            ([0x00, 0x61, 0x73, 0x6D], "WebAssembly module"), ([0xCA, 0xFE, 0xBA, 0xBE], "Mach-O or class file"),
        ]
        for signature in signatures where bytes.starts(with: signature.prefix) { return signature.name }
        return nil
    }

    /// Share of control bytes (other than tab, newlines, form feed and escape) in the first 8 KB.
    /// Bytes that are not valid UTF-8 do not count: Latin-1 text is full of them and is text.
    static func controlByteShare(_ bytes: [UInt8]) -> Double? {
        let sample = min(bytes.count, 8192)
        guard sample > 0 else { return nil }
        var suspicious = 0
        for index in 0..<sample {
            let byte = bytes[index]
            if byte < 0x20, byte != 0x09, byte != 0x0A, byte != 0x0D, byte != 0x0C, byte != 0x1B { suspicious += 1 }
        }
        return Double(suspicious) / Double(sample)
    }

    // MARK: Declared charset (HTML)

    /// The charset an HTML page declares in its first 4 KB, following the HTML prescan loosely.
    static func declaredCharset(_ bytes: [UInt8]) -> String? {
        let head = String(decoding: bytes.prefix(4096), as: UTF8.self).lowercased()
        if head.hasPrefix("<?xml"), let value = attributeValue(named: "encoding", in: head[...]) {
            return value
        }
        var search = head[...]
        while let metaRange = search.range(of: "<meta") {
            let tagEnd = search[metaRange.upperBound...].firstIndex(of: ">") ?? search.endIndex
            let tag = search[metaRange.upperBound..<tagEnd]
            if let charset = attributeValue(named: "charset", in: tag) { return charset }
            if let equiv = attributeValue(named: "http-equiv", in: tag), equiv == "content-type",
               let content = attributeValue(named: "content", in: tag),
               let charsetRange = content.range(of: "charset=") {
                let value = content[charsetRange.upperBound...].prefix { $0 != ";" && $0 != " " && $0 != "\"" && $0 != "'" }
                if !value.isEmpty { return String(value) }
            }
            search = search[tagEnd...]
        }
        return nil
    }

    private static func attributeValue(named name: String, in tag: Substring) -> String? {
        var search = tag
        while let range = search.range(of: name) {
            // The name must stand alone: preceded by a space, quote or tag start.
            if range.lowerBound > tag.startIndex {
                let before = tag[tag.index(before: range.lowerBound)]
                if before.isLetter || before == "-" { search = search[range.upperBound...]; continue }
            }
            var rest = search[range.upperBound...].drop { $0 == " " }
            guard rest.first == "=" else { search = search[range.upperBound...]; continue }
            rest = rest.dropFirst().drop { $0 == " " }
            if let quote = rest.first, quote == "\"" || quote == "'" {
                let value = rest.dropFirst().prefix { $0 != quote }
                return value.trimmed()
            }
            let value = rest.prefix { $0 != " " && $0 != ">" && $0 != "/" && $0 != ";" && $0 != "\"" && $0 != "'" }
            return value.isEmpty ? nil : String(value)
        }
        return nil
    }

    /// Maps charset labels to the encoding browsers actually use for them (WHATWG Encoding).
    static func canonicalCharset(_ label: String) -> String {
        let trimmed = label.trimmed().lowercased()
        switch trimmed {
        case "utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8": return "utf-8"
        case "iso-8859-1", "iso8859-1", "latin1", "l1", "us-ascii", "ascii", "windows-1252", "cp1252", "x-cp1252", "iso_8859-1":
            return "windows-1252"
        case "shift_jis", "sjis", "x-sjis": return "shift_jis"
        case "gb2312", "gbk", "x-gbk": return "gbk"
        default: return trimmed
        }
    }

    /// Converts bytes from a named charset to UTF-8 with iconv; invalid bytes become U+FFFD.
    static func convert(_ bytes: [UInt8], from charset: String) -> [UInt8]? {
        let converter = iconv_open("UTF-8", charset)
        if converter == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(converter) }
        var output = [UInt8](repeating: 0, count: bytes.count * 3 + 16)
        var produced = 0
        var input = bytes
        input.withUnsafeMutableBufferPointer { inputBuffer in
            output.withUnsafeMutableBufferPointer { outputBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inputBuffer.count
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outputBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outLeft = outputBuffer.count - 4
                while inLeft > 0 {
                    let result = iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft)
                    if result != -1 { break }
                    if errno == EILSEQ || errno == EINVAL {
                        // Skip one undecodable byte and write U+FFFD.
                        inPointer = inPointer.map { $0 + 1 }
                        inLeft -= 1
                        guard outLeft >= 3, let out = outPointer else { break }
                        out[0] = CChar(bitPattern: 0xEF); out[1] = CChar(bitPattern: 0xBF); out[2] = CChar(bitPattern: 0xBD)
                        outPointer = out + 3
                        outLeft -= 3
                    } else {
                        break
                    }
                }
                produced = outputBuffer.count - 4 - outLeft
            }
        }
        output.removeSubrange(produced...)
        return output
    }
}

