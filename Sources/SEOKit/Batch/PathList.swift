/// Paths given one per line (`--files-from`), as `git diff --name-only` and `find` print them.
public enum PathList {
    /// Reads a list from a file or, for `-`, standard input. Blank lines are skipped.
    public static func read(_ source: String) throws(InputError) -> [String] {
        let bytes = source == "-" ? try InputFile.readStandardInput(sizeLimit: 0) : try InputFile.read(path: source, sizeLimit: 0)
        return String(decoding: bytes, as: UTF8.self)
            .split(whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
            .map { $0.trimmed() }
            .filter { !$0.isEmpty }
    }
}
