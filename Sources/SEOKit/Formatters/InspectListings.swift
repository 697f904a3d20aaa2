/// Sentence text as `inspect sentences` prints it: line breaks folded to spaces.
public enum SentenceText {
    public static func folded(_ text: String) -> String {
        var output = ""
        output.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if scalar == "\n" || scalar == "\r" || scalar == "\t" { output.append(" ") } else { output.unicodeScalars.append(scalar) }
        }
        return output
    }
}

/// Syllable counting for words given as strings (the inspect command, tests).
public struct SyllableCounter: Sendable {
    public var rulesOnly: Bool
    public init(rulesOnly: Bool = false) { self.rulesOnly = rulesOnly }

    public func count(_ word: String) -> Int {
        var bytes = Array(word.lowercased().utf8)
        return bytes.withUnsafeMutableBufferPointer { buffer in
            let word = UnsafeBufferPointer(buffer)
            if rulesOnly { return Syllables.countByRules(word) }
            return Syllables.count(word, entry: EnglishLexicon.shared.entry(word))
        }
    }
}

/// The listings of `inspect tokens` and `inspect blocks`.
public enum TokenListing {
    public static func render(document: Document, analysis: TextAnalysis) -> String {
        var output = ""
        for token in analysis.tokens {
            let location = document.source.location(at: document.text.sourceOffset(forTextOffset: Int(token.start)))
            let text = document.text.string(in: token.range)
            output += "\(location.line):\(location.column)\t\(name(of: token))\t\(text)"
            if token.kind == .word { output += "\t\(token.syllables)" }
            output += "\n"
        }
        return output
    }

    public static func name(of token: Token) -> String {
        switch token.kind {
        case .word: return "word"
        case .number: return "number"
        case .link: return "link"
        case .cjk: return "cjk"
        case .symbol: return "symbol"
        case .terminal:
            switch token.terminal {
            case .ellipsis: return "ellipsis"
            case .ellipsisPeriod: return "ellipsis+period"
            default: return "terminal"
            }
        case .punctuation:
            switch token.punctuation {
            case .openQuote, .closeQuote, .ambiguousQuote: return "quote"
            case .openBracket, .closeBracket: return "bracket"
            case .bullet: return "bullet"
            case .dash: return "dash"
            default: return "punctuation"
            }
        }
    }

    public static func renderBlocks(document: Document) -> String {
        var output = ""
        for block in document.blocks {
            let kind = block.kind == .heading ? "h\(block.level)" : block.kind.rawValue
            output += "\(block.range.start.line):\(block.range.start.column)\t\(kind)\t\(SentenceText.folded(document.text(of: block)))\n"
        }
        return output
    }
}

/// Reads a descriptor in chunks and hands over complete lines as they arrive, so a command
/// can answer a stream line by line without waiting for the end of input.
public enum LineStream {
    public static func forEachChunk(descriptor: Int32, _ body: ([Substring]) -> Void) {
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = buffer.withUnsafeMutableBytes { systemReadChunk(descriptor, $0.baseAddress!, $0.count) }
            if count <= 0 { break }
            pending.append(contentsOf: buffer[0..<count])
            guard let lastNewline = pending.lastIndex(of: 0x0A) else { continue }
            // Split on bytes: in a String, "\r\n" is one Character and would not split on "\n".
            let lines = pending[..<lastNewline].split(separator: 0x0A, omittingEmptySubsequences: false).map { line in
                Substring(String(decoding: line.last == 0x0D ? line.dropLast() : line, as: UTF8.self))
            }
            body(lines)
            pending.removeSubrange(...lastNewline)
        }
        if !pending.isEmpty {
            body([Substring(String(decoding: pending, as: UTF8.self))])
        }
    }
}
