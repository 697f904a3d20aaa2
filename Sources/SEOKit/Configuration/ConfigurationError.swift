/// A configuration file SEOKit cannot use: one line naming the file, the line and the key.
///
///     .seokit.yml:7: unknown rule 'keyphrase.densty' (did you mean keyphrase.density?)
///     .seokit.yml:12: rules.headings.single-h1.title-is-h1: expected true or false, got 'maybe'
public struct ConfigurationError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The configuration file, as shown to the user.
    public var path: String
    /// 1-based line of the offending key or value, when known.
    public var line: Int?
    /// The dotted key path (`rules.headings.single-h1.severity`), when the problem is under a key.
    public var key: String?
    /// What is wrong, without the path and line.
    public var message: String

    public init(path: String, line: Int?, key: String? = nil, message: String) {
        self.path = path
        self.line = line
        self.key = key
        self.message = message
    }

    public var description: String {
        let location = line.map { "\(path):\($0)" } ?? path
        return "\(location): \(message)"
    }
}
