import ArgumentParser
import SEOKit

/// `seokit init`: a commented starter `.seokit.yml` in the current folder.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Write a commented starter .seokit.yml in the current folder.",
        discussion: """
            The starter names every rule category and shows each rule option with its default, \
            an override and the front matter mapping, all commented out: it behaves like no \
            configuration until you uncomment a line. It refuses to replace an existing file \
            unless --force is given.
            """)

    @Flag(name: .long, help: "Replace an existing .seokit.yml.")
    var force = false

    func run() throws {
        let path = ConfigurationLoader.fileName
        if Paths.exists(path), !force {
            throw CommandFailure(
                code: ExitStatus.usageOrInputError,
                message: "seokit: \(path) already exists in this folder; use --force to replace it")
        }
        do {
            try AtomicFile.write(StarterConfiguration.text(), to: path)
        } catch {
            throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(error)")
        }
        StandardStreams.writeOutput("Wrote \(path). Run 'seokit lint PATH' to use it; 'seokit rules' lists the rules.\n")
    }
}
