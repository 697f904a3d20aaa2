import ArgumentParser
import SEOKit

/// `seokit extract`: the main content of web pages, as SEOKit scores it.
struct Extract: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Extract the main content of HTML pages (what compare scores).")

    @Argument(help: "HTML files to read.")
    var pages: [String] = []

    func run() throws {}
}
