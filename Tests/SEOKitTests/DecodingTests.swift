import SEOKitTestSupport
import Testing
@testable import SEOKit

/// Byte order marks, UTF-16, declared charsets, invalid UTF-8, NUL bytes and binary files.
@Suite struct DecodingTests {
    static func decode(_ bytes: [UInt8], _ format: InputFormat = .text, path: String = "input") throws(InputError) -> DecodedInput {
        try TextDecoding.decode(bytes, format: format, path: path)
    }

    static func string(_ decoded: DecodedInput) -> String { String(decoding: decoded.bytes, as: UTF8.self) }

    static func utf16(_ text: String, bigEndian: Bool, bom: Bool) -> [UInt8] {
        var bytes: [UInt8] = bom ? (bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]) : []
        for unit in text.utf16 {
            let high = UInt8(unit >> 8)
            let low = UInt8(unit & 0xFF)
            bytes += bigEndian ? [high, low] : [low, high]
        }
        return bytes
    }

    static let sample = "Crème brûlée costs 5 € at the café — “really”. 東京 too.\nSecond line 🇨🇭."

    /// Large files are read into a buffer whose pages are mapped in ahead of the read: every
    /// byte comes back, at sizes on and off page boundaries.
    @Test(arguments: [(3 << 20) + 1, 4 << 20, (1 << 20) - 1])
    func largeFilesReadBackByteForByte(size: Int) throws {
        let directory = try TemporaryDirectory()
        let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 12) }
        let path = try directory.write("large.bin", bytes: bytes)
        let read = try InputFile.read(path: path, sizeLimit: 0)
        #expect(read.count == size)
        #expect(read == bytes)
    }

    // MARK: Byte order marks and UTF-16

    @Test func utf8BOMIsRemoved() throws {
        let decoded = try Self.decode([0xEF, 0xBB, 0xBF] + Array("# Café\n\nText.".utf8), .markdown)
        #expect(Self.string(decoded) == "# Café\n\nText.")
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.notes.isEmpty)
        // Positions are in the decoded text: the heading starts at 1:1, not after the mark.
        let document = try Read.document(bytes: [0xEF, 0xBB, 0xBF] + Array("# Café\n\nText.".utf8), .markdown)
        #expect(document.blocks.map(\.range.start.description) == ["1:1", "3:1"])
        #expect(document.blocks.first.map { document.text(of: $0) } == "Café")
    }

    @Test(arguments: [false, true])
    func utf16WithBOM(bigEndian: Bool) throws {
        let decoded = try Self.decode(Self.utf16(Self.sample, bigEndian: bigEndian, bom: true))
        #expect(Self.string(decoded) == Self.sample)
        #expect(decoded.encoding == (bigEndian ? "utf-16be" : "utf-16le"))
        #expect(decoded.notes.isEmpty)
    }

    @Test(arguments: [false, true])
    func utf16WithoutBOM(bigEndian: Bool) throws {
        let text = "Plain ASCII text sent as UTF-16 without a byte order mark.\nSecond line."
        let decoded = try Self.decode(Self.utf16(text, bigEndian: bigEndian, bom: false), .markdown)
        #expect(Self.string(decoded) == text)
        #expect(decoded.encoding == (bigEndian ? "utf-16be" : "utf-16le"))
    }

    @Test func utf16FileThroughTheReader() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("post.md", bytes: Self.utf16("---\ntitle: Été\n---\n# Été\n\nIl fait chaud.", bigEndian: false, bom: true))
        let document = try DocumentReader().read(path: path)
        #expect(document.metadata.title == "Été")
        #expect(document.blocks.map { document.text(of: $0) } == ["Été", "Il fait chaud."])
        #expect(document.blocks.last?.range.start.description == "6:1")
    }

    @Test func utf16OddTrailingByteIsReplaced() throws {
        let decoded = try Self.decode(Self.utf16("Hi there", bigEndian: false, bom: true) + [0x41])
        #expect(Self.string(decoded) == "Hi there\u{FFFD}")
    }

    // MARK: Declared charsets (HTML)

    @Test func latin1DeclaredPage() throws {
        let html = "<html><head><meta charset=\"iso-8859-1\"><title>Café</title></head><body><p>Crème brûlée, ça va, 50 °C.</p></body></html>"
        let decoded = try Self.decode(Latin1.encode(html), .html)
        #expect(decoded.encoding == "windows-1252")
        #expect(Self.string(decoded) == html)
        let document = try Read.document(bytes: Latin1.encode(html), .html)
        #expect(document.metadata.title == "Café")
        #expect(document.text(of: document.blocks[0]) == "Crème brûlée, ça va, 50 °C.")
    }

    /// Windows-1252 puts curly quotes, dashes, the euro sign and … in 0x80–0x9F.
    @Test func windows1252DeclaredByHttpEquiv() throws {
        let html = """
            <html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252">
            <title>“Quotes” — and €5</title></head>
            <body><p>It’s “smart” – 10 € … ™</p></body></html>
            """
        let bytes = Latin1.encodeWindows1252(html)
        #expect(bytes.contains(0x93) && bytes.contains(0x80))
        let document = try Read.document(bytes: bytes, .html)
        #expect(document.metadata.title == "“Quotes” — and €5")
        #expect(document.text(of: document.blocks[0]) == "It’s “smart” – 10 € … ™")
    }

    @Test func xmlDeclarationCharset() throws {
        let html = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html><body><p>Señor</p></body></html>"
        let document = try Read.document(bytes: Latin1.encode(html), .html)
        #expect(document.text(of: document.blocks[0]) == "Señor")
    }

    /// A declared charset is an HTML matter; Markdown with the same bytes is read as UTF-8 and repaired.
    @Test func markdownIgnoresMetaCharset() throws {
        let decoded = try Self.decode(Latin1.encode("<meta charset=\"iso-8859-1\">\n\nCafé"), .markdown)
        #expect(decoded.encoding == "utf-8")
        #expect(Self.string(decoded).hasSuffix("Caf\u{FFFD}"))
        #expect(decoded.notes.count == 1)
    }

    @Test func unknownDeclaredCharsetFallsBackWithANote() throws {
        let decoded = try Self.decode(Array("<meta charset=\"x-no-such-charset\"><p>Text</p>".utf8), .html)
        #expect(decoded.encoding == "utf-8")
        #expect(decoded.notes.map(\.message) == ["unknown declared charset 'x-no-such-charset'; read as UTF-8"])
    }

    @Test func utf8DeclaredPageIsLeftAlone() throws {
        let html = "<meta charset=utf-8><p>Zürich</p>"
        let decoded = try Self.decode(Array(html.utf8), .html)
        #expect(Self.string(decoded) == html)
        #expect(decoded.notes.isEmpty)
    }

    @Test(arguments: [
        ("Corpora/pages/latin1-article.html", "windows-1252"),
        ("Corpora/pages/windows1252-article.html", "windows-1252"),
        ("Corpora/pages/utf8-bom-article.html", "utf-8"),
        ("Corpora/pages/clean-article.html", "utf-8"),
    ])
    func corpusPagesDecodeCleanly(path: String, encoding: String) throws {
        let decoded = try Self.decode(Repository.bytes(path), .html, path: path)
        #expect(decoded.encoding == encoding)
        #expect(decoded.notes.isEmpty)
        let text = Self.string(decoded)
        #expect(!text.contains("\u{FFFD}"))
        #expect(!text.hasPrefix("\u{FEFF}"))
    }

    @Test func windows1252CorpusPageHasTypographicCharacters() throws {
        let document = try DocumentReader().read(path: Repository.path("Corpora/pages/windows1252-article.html"))
        let all = document.blocks.map { document.text(of: $0) }.joined(separator: " ")
        for character in ["“", "”", "’", "–", "€", "…", "™"] {
            #expect(all.contains(character) || (document.metadata.title ?? "").contains(character), "\(character)")
        }
    }

    @Test func latin1CorpusPageHasAccents() throws {
        let document = try DocumentReader().read(path: Repository.path("Corpora/pages/latin1-article.html"))
        let all = document.blocks.map { document.text(of: $0) }.joined(separator: " ")
        #expect(all.contains("é"))
        #expect(!all.contains("\u{FFFD}"))
        #expect(!all.contains("Ã©"))
    }

    // MARK: Invalid UTF-8 and NUL bytes

    @Test func invalidUTF8IsRepairedWithALocatedNote() throws {
        // Line 2, column 3: the lone continuation byte 0x80 after "ab"; then an overlong 0xC0 0xAF
        // (two invalid bytes) and a truncated three-byte sequence at the end. Enough ASCII around
        // them that the input stays far from looking binary.
        let padding = String(repeating: "Plain words. ", count: 8)
        let bytes = Array("First line\nab".utf8) + [0x80] + Array("cd \(padding)".utf8) + [0xC0, 0xAF] + Array(" end ".utf8) + [0xE2, 0x82]
        let decoded = try Self.decode(bytes)
        #expect(Self.string(decoded) == "First line\nab\u{FFFD}cd \(padding)\u{FFFD}\u{FFFD} end \u{FFFD}\u{FFFD}")
        #expect(decoded.notes.count == 1)
        #expect(decoded.notes.first?.message == "invalid UTF-8: 5 bytes replaced with U+FFFD")
        #expect(decoded.notes.first?.location?.line == 2)
        #expect(decoded.notes.first?.location?.column == 3)
        #expect(decoded.notes.first?.description.hasPrefix("2:3: invalid UTF-8") == true)
    }

    @Test(arguments: [
        [0xED, 0xA0, 0x80] as [UInt8],  // a UTF-16 surrogate encoded in UTF-8
        [0xF4, 0x90, 0x80, 0x80],       // above U+10FFFF
        [0xE0, 0x80, 0xAF],             // overlong three-byte form
        [0xFF],
    ])
    func invalidSequencesAreReplaced(sequence: [UInt8]) throws {
        let padding = String(repeating: "Plain words. ", count: 4)
        let decoded = try Self.decode(Array("ok ".utf8) + sequence + Array(" \(padding)".utf8))
        // Each byte of an invalid sequence becomes one U+FFFD.
        #expect(Self.string(decoded) == "ok " + String(repeating: "\u{FFFD}", count: sequence.count) + " \(padding)")
        #expect(decoded.notes.first?.message == "invalid UTF-8: \(sequence.count) byte\(sequence.count == 1 ? "" : "s") replaced with U+FFFD")
    }

    /// Latin-1 text without a declaration is invalid UTF-8 at every accented letter. French
    /// prose has many of them (here 9 of 60 bytes, 15%), but it is text to repair, not a binary file.
    @Test func undeclaredLatin1ProseIsRepairedNotRejected() throws {
        let text = "Le café était très agréable à côté de la mère de Noël."
        let bytes = Latin1.encode(text)
        #expect(bytes.count == 54)
        do {
            let decoded = try Self.decode(bytes, .markdown)
            #expect(decoded.notes.first?.message == "invalid UTF-8: 9 bytes replaced with U+FFFD")
        } catch {
            Issue.record("Latin-1 prose rejected: \(error)")
        }
    }

    /// A short page that declares Latin-1 and is full of accents must be converted, not taken
    /// for binary because its bytes are not UTF-8.
    @Test func denseLatin1DeclaredPageIsNotBinary() throws {
        let html = "<meta charset=iso-8859-1><p>Été à Noël: crème brûlée, café, thé, gâteau, pâté.</p>"
        do {
            let document = try Read.document(bytes: Latin1.encode(html), .html)
            #expect(document.text(of: document.blocks[0]) == "Été à Noël: crème brûlée, café, thé, gâteau, pâté.")
        } catch {
            Issue.record("declared Latin-1 page rejected: \(error)")
        }
    }

    /// `charset=iso-8859-1` inside an http-equiv `content` attribute: the label is read without
    /// the attribute's closing quote, so it maps to Windows-1252 as browsers do and 0x93/0x94
    /// are curly quotes, not C1 control characters.
    @Test func httpEquivLatin1LabelMapsToWindows1252() throws {
        let html = "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\"><p>“Très” bien – 5 €.</p>"
        let bytes = Latin1.encodeWindows1252(html)
        let decoded = try Self.decode(bytes, .html)
        #expect(decoded.encoding == "windows-1252")
        let document = try Read.document(bytes: bytes, .html)
        #expect(document.text(of: document.blocks[0]) == "“Très” bien – 5 €.")
    }

    @Test func validMultiByteTextHasNoNotes() throws {
        let decoded = try Self.decode(Array(Self.sample.utf8))
        #expect(Self.string(decoded) == Self.sample)
        #expect(decoded.notes.isEmpty)
    }

    @Test func nulBytesAreReplacedWithANote() throws {
        let bytes = Array("A line with a NUL".utf8) + [0] + Array(" inside it.\nAnd ".utf8) + [0] + Array(" another.".utf8)
        let decoded = try Self.decode(bytes)
        #expect(Self.string(decoded) == "A line with a NUL\u{FFFD} inside it.\nAnd \u{FFFD} another.")
        #expect(decoded.notes.map(\.message) == ["2 NUL bytes replaced with U+FFFD"])
        #expect(decoded.notes.first?.location?.description == "1:18")
    }

    @Test func notesReachTheDocument() throws {
        let document = try Read.document(bytes: Array("Bad ".utf8) + [0xFE] + Array(" byte.".utf8), .markdown)
        #expect(document.notes.count == 1)
        #expect(document.text(of: document.blocks[0]) == "Bad \u{FFFD} byte.")
    }

    // MARK: Binary files

    @Test(arguments: [
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] as [UInt8], "PNG image"),
        ([0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37], "PDF document"),
        ([0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "ZIP archive"),
        ([0x1F, 0x8B, 0x08, 0x00], "gzip data"),
        ([0xFF, 0xD8, 0xFF, 0xE0], "JPEG image"),
    ])
    func binarySignatures(prefix: [UInt8], kind: String) {
        let bytes = prefix + Array("then some text that looks harmless enough".utf8)
        #expect(throws: InputError(path: "input", cause: .binary(kind))) {
            try Self.decode(bytes, .markdown)
        }
    }

    @Test func pngWithMarkdownNameThroughTheReader() throws {
        let directory = try TemporaryDirectory()
        let path = try directory.write("photo.md", bytes: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] + [UInt8](repeating: 0, count: 200))
        #expect(throws: InputError(path: path, cause: .binary("PNG image"))) {
            try DocumentReader().read(path: path)
        }
        let error = InputError(path: path, cause: .binary("PNG image"))
        #expect(error.description == "\(path): looks like a binary file (PNG image), not text")
    }

    @Test func controlByteHeavyInputIsBinary() {
        // 40 of 200 bytes are control bytes (20%), spread through otherwise printable text.
        var bytes: [UInt8] = []
        for index in 0..<40 { bytes += Array("abcd".utf8) + [UInt8(1 + index % 7)] }
        #expect(bytes.count == 200)
        do {
            _ = try Self.decode(bytes, .markdown)
            Issue.record("expected a binary error")
        } catch {
            guard case .binary(let detail) = error.cause else {
                Issue.record("expected .binary, got \(error.cause)")
                return
            }
            #expect(detail == "20% control bytes")
        }
    }

    @Test func tabsFormFeedsEscapesAndFewControlsAreText() throws {
        // Tabs, CR, LF, form feed and ESC are ordinary; a few other controls stay under 10%.
        let bytes = Array("Col\tumn\r\nPage\u{0C}break \u{1B}[1mbold\u{1B}[0m and one bell".utf8) + [0x07] + Array(" here.".utf8)
        let decoded = try Self.decode(bytes)
        #expect(decoded.bytes == bytes)
    }

    @Test func emptyInputIsText() throws {
        let decoded = try Self.decode([])
        #expect(decoded.bytes.isEmpty)
        #expect(decoded.notes.isEmpty)
    }
}
