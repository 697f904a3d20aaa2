import Testing
@testable import SEOKit

@Test func readsMarkdown() throws {
    let document = try DocumentReader().read(string: "# Hello\n\nWorld.", format: .markdown)
    #expect(document.blocks.count == 2)
}
