import ArgumentParser
import SEOKit

struct Stats: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Counts and readability formulas for each input.")

    @Argument(help: "Files or folders to read; '-' reads standard input.")
    var paths: [String] = []

    func run() throws {}
}

struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Show how SEOKit reads text: tokens, sentences, syllables.")
    func run() throws {}
}
