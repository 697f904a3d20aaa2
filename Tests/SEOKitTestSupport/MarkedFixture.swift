import Foundation
import SEOKit

/// A fixture text with position markers such as `⟦1⟧` or `⟦title⟧` written where a position is
/// expected. The markers are removed and each one remembers where it stood in the remaining
/// text, so a test reads like the input it checks:
///
///     let fixture = MarkedFixture("# ⟦h⟧Café\n\n⟦p⟧Hello.")
///     fixture.text          // "# Café\n\nHello."
///     fixture["p"]          // line 3, column 1, offset 9
///
/// Positions follow `SourceLocation`: 1-based line, 1-based column in Unicode code points,
/// 0-based UTF-8 byte offset. They are computed here, independently of `SourceText`, so the
/// tests compare two implementations rather than one with itself. Line breaks are LF, CRLF or
/// a lone CR.
public struct MarkedFixture: Sendable {
    /// The text without markers.
    public let text: String
    /// Marker names in the order they appear.
    public let names: [String]
    private let locations: [String: SourceLocation]

    public static let open: Character = "⟦"
    public static let close: Character = "⟧"

    /// - Parameters:
    ///   - marked: the text with markers.
    ///   - lineEnding: replaces every `\n` of `marked` before markers are read (use `"\r\n"` for
    ///     CRLF fixtures written as ordinary string literals).
    public init(_ marked: String, lineEnding: String = "\n") {
        let source = lineEnding == "\n" ? marked : marked.replacingAll("\n", with: lineEnding)
        var output = ""
        var names: [String] = []
        var locations: [String: SourceLocation] = [:]
        var line = 1
        var column = 1
        var offset = 0
        var previousWasCR = false
        var scalars = source.unicodeScalars[...]
        while let scalar = scalars.first {
            if Character(scalar) == MarkedFixture.open, let closeIndex = scalars.firstIndex(where: { Character($0) == MarkedFixture.close }) {
                let name = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<closeIndex]))
                precondition(locations[name] == nil, "marker ⟦\(name)⟧ used twice")
                names.append(name)
                locations[name] = SourceLocation(line: line, column: column, offset: offset)
                scalars = scalars[scalars.index(after: closeIndex)...]
                continue
            }
            scalars = scalars.dropFirst()
            output.unicodeScalars.append(scalar)
            offset += String(scalar).utf8.count
            if scalar == "\n" {
                // The LF of a CRLF pair ends the line the CR already ended.
                if !previousWasCR { line += 1 }
                column = 1
            } else if scalar == "\r" {
                line += 1
                column = 1
            } else {
                column += 1
            }
            previousWasCR = scalar == "\r"
        }
        self.text = output
        self.names = names
        self.locations = locations
    }

    /// The location of a marker; traps on an unknown name (a mistake in the test itself).
    public subscript(_ name: String) -> SourceLocation {
        guard let location = locations[name] else { preconditionFailure("no marker ⟦\(name)⟧ in the fixture") }
        return location
    }

    /// `line:column` of a marker, the way findings print it.
    public func position(_ name: String) -> String { "\(self[name].line):\(self[name].column)" }

    /// The text as UTF-8 bytes.
    public var utf8: [UInt8] { Array(text.utf8) }

    /// The text encoded as ISO-8859-1 (every scalar must be below U+0100).
    public var latin1: [UInt8] { Latin1.encode(text) }
}

/// ISO-8859-1 and Windows-1252 encoders for fixtures of the charset tests.
public enum Latin1 {
    public static func encode(_ text: String) -> [UInt8] {
        text.unicodeScalars.map { scalar in
            precondition(scalar.value < 0x100, "\(scalar) is not in Latin-1")
            return UInt8(scalar.value)
        }
    }

    /// Windows-1252: Latin-1 plus the printable characters it puts in 0x80–0x9F.
    public static func encodeWindows1252(_ text: String) -> [UInt8] {
        let extras: [UInt32: UInt8] = [
            0x20AC: 0x80, 0x201A: 0x82, 0x0192: 0x83, 0x201E: 0x84, 0x2026: 0x85, 0x2020: 0x86, 0x2021: 0x87,
            0x02C6: 0x88, 0x2030: 0x89, 0x0160: 0x8A, 0x2039: 0x8B, 0x0152: 0x8C, 0x017D: 0x8E, 0x2018: 0x91,
            0x2019: 0x92, 0x201C: 0x93, 0x201D: 0x94, 0x2022: 0x95, 0x2013: 0x96, 0x2014: 0x97, 0x02DC: 0x98,
            0x2122: 0x99, 0x0161: 0x9A, 0x203A: 0x9B, 0x0153: 0x9C, 0x017E: 0x9E, 0x0178: 0x9F,
        ]
        return text.unicodeScalars.map { scalar in
            if let byte = extras[scalar.value] { return byte }
            precondition(scalar.value < 0x100 && !(0x80..<0xA0).contains(scalar.value), "\(scalar) is not in Windows-1252")
            return UInt8(scalar.value)
        }
    }
}

extension String {
    /// `replacingOccurrences(of:with:)` without Foundation.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        var result = ""
        var rest = self[...]
        while let range = rest.range(of: target) {
            result += rest[..<range.lowerBound]
            result += replacement
            rest = rest[range.upperBound...]
        }
        result += rest
        return result
    }
}
