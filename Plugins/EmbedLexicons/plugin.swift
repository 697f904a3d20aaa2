import Foundation
import PackagePlugin

/// Embeds every `Corpora/lexicons/*.txt` file into the target as a Swift string literal.
///
/// The word lists stay readable text files with their provenance beside them, and the built
/// binary needs no resource bundle at run time.
@main
struct EmbedLexicons: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let lexiconDirectory = context.package.directoryURL.appending(path: "Corpora/lexicons")
        let inputs = try FileManager.default.contentsOfDirectory(atPath: lexiconDirectory.path)
            .filter { $0.hasSuffix(".txt") }
            .sorted()
            .map { lexiconDirectory.appending(path: $0) }
        let output = context.pluginWorkDirectoryURL.appending(path: "EmbeddedLexicons.swift")
        return [
            .buildCommand(
                displayName: "Embedding lexicons from Corpora/lexicons",
                executable: try context.tool(named: "embed-lexicons").url,
                // The tool lists the folder itself when it runs: SwiftPM may reuse this command
                // without asking the plugin again, and a file added since must still be embedded.
                arguments: [output.path, lexiconDirectory.path],
                inputFiles: inputs + [lexiconDirectory],
                outputFiles: [output]
            )
        ]
    }
}
