/// Reads any supported input into a `Document`: the one entry point the commands use.
public struct DocumentReader: Sendable {
    public var options: ReadOptions

    public init(options: ReadOptions = ReadOptions()) {
        self.options = options
    }

    /// The format for a path: the override, then the extension.
    public func format(for path: String) -> InputFormat? {
        if let override = options.formatOverride { return override }
        let name = path.split(separator: "/").last.map(String.init) ?? path
        guard let dot = name.lastIndex(of: ".") else { return nil }
        return InputFormat(pathExtension: String(name[name.index(after: dot)...]))
    }

    /// Reads a file, or standard input for `-`.
    public func read(path: String) throws(InputError) -> Document {
        let raw: [UInt8]
        if path == "-" {
            raw = try InputFile.readStandardInput(sizeLimit: options.sizeLimit)
        } else {
            raw = try InputFile.read(path: path, sizeLimit: options.sizeLimit)
        }
        let format = self.format(for: path) ?? (path == "-" ? .text : nil)
        guard let format else {
            let ext = path.split(separator: "/").last?.split(separator: ".").last.map(String.init) ?? ""
            throw InputError(path: path, cause: .unsupportedFormat(ext))
        }
        return try read(bytes: raw, path: path, format: format)
    }

    /// Reads bytes already in memory.
    public func read(bytes: [UInt8], path: String, format: InputFormat) throws(InputError) -> Document {
        let decoded = try TextDecoding.decode(bytes, format: format, path: path)
        switch format {
        case .markdown: return try MarkdownReader.read(decoded, path: path, options: options)
        case .html: return HTMLReader.read(decoded, path: path, options: options)
        case .text: return PlainTextReader.read(decoded, path: path)
        }
    }

    /// Reads a string (tests, library users with text in hand).
    public func read(string: String, path: String = "-", format: InputFormat) throws(InputError) -> Document {
        try read(bytes: Array(string.utf8), path: path, format: format)
    }
}
