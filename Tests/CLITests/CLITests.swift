import Testing
@Test func cli() { #expect(true) }
