import Foundation
import SEOKitTestSupport
import Testing

/// Shared helpers of the end-to-end tests: the JSON of `seokit stats` as plain dictionaries.
enum StatsJSON {
    /// The `documents` array of `stats --format json` output.
    static func documents(_ output: ProcessOutput) throws -> [[String: Any]] {
        let object = try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any]
        return object?["documents"] as? [[String: Any]] ?? []
    }

    static func number(_ document: [String: Any], _ key: String) -> Double? {
        (document[key] as? NSNumber)?.doubleValue
    }
}

/// The binary the end-to-end tests run is the one built with them.
@Suite struct BinaryTests {
    @Test func binaryIsFound() throws {
        let path = try Seokit.binaryPath()
        #expect(path.hasSuffix("/seokit"))
        #expect(FileManager.default.isExecutableFile(atPath: path))
    }

    @Test func versionAndHelp() throws {
        let version = try Seokit.run(["--version"])
        #expect(version.status == 0)
        #expect(version.stdout.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: ".").count == 3)

        let help = try Seokit.run(["--help"])
        #expect(help.status == 0, "\(help)")
        #expect(help.stdout.contains("stats"))
        #expect(help.stdout.contains("inspect"))
        #expect(help.stderr.isEmpty)
    }

    @Test func unknownSubcommandExitsTwo() throws {
        let result = try Seokit.run(["frobnicate"])
        #expect(result.status == 2, "\(result)")
        #expect(!result.stderr.isEmpty)
    }
}
