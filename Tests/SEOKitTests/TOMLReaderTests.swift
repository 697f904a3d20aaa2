import Testing
@testable import SEOKit

/// SEOKit's own TOML reader (front matter): values, structure, and errors with their lines.
struct TOMLReaderTests {
    private func fields(_ text: String) throws -> [String: FrontMatterValue] {
        try TOMLReader.parse(text).fields
    }

    private func failureLine(_ text: String) -> Int? {
        do {
            _ = try TOMLReader.parse(text)
            return nil
        } catch {
            return error.line
        }
    }

    @Test func scalars() throws {
        let result = try fields("""
            basic = "tab\\there \\"quoted\\" \\u00e9 \\U0001F600"
            literal = 'C:\\path\\no escapes'
            integer = 1_000
            negative = -17
            hex = 0xff
            octal = 0o17
            binary = 0b101
            float = 3.5e2
            infinity = -inf
            yes = true
            no = false
            date = 2024-05-01
            datetime = 1979-05-27 07:32:00Z
            """)
        #expect(result["basic"] == .string("tab\there \"quoted\" é 😀"))
        #expect(result["literal"] == .string("C:\\path\\no escapes"))
        #expect(result["integer"] == .number(1000))
        #expect(result["negative"] == .number(-17))
        #expect(result["hex"] == .number(255))
        #expect(result["octal"] == .number(15))
        #expect(result["binary"] == .number(5))
        #expect(result["float"] == .number(350))
        #expect(result["infinity"] == .number(-.infinity))
        #expect(result["yes"] == .bool(true))
        #expect(result["no"] == .bool(false))
        #expect(result["date"] == .string("2024-05-01"))
        #expect(result["datetime"] == .string("1979-05-27 07:32:00Z"))
    }

    @Test func multilineStrings() throws {
        let result = try fields("""
            description = \"\"\"
            First line,
            second line.\"\"\"
            folded = \"\"\"\\
                   one \\
                   two\"\"\"
            raw = '''
            [not a table]
            \\n stays'''
            """)
        #expect(result["description"] == .string("First line,\nsecond line."))
        #expect(result["folded"] == .string("one two"))
        #expect(result["raw"] == .string("[not a table]\n\\n stays"))
    }

    @Test func arraysAndInlineTables() throws {
        let result = try fields("""
            tags = [ "a", 'b', # a comment
              "c", ]
            matrix = [
              [],
              [1, 2],
            ]
            point = { x = 1, y = { z = "deep" } }
            """)
        #expect(result["tags"] == .list([.string("a"), .string("b"), .string("c")]))
        #expect(result["matrix"] == .list([.list([]), .list([.number(1), .number(2)])]))
        #expect(result["point"] == .table(["x": .number(1), "y": .table(["z": .string("deep")])]))
    }

    @Test func tablesDottedKeysAndArraysOfTables() throws {
        let parsed = try TOMLReader.parse("""
            title = "Top"
            site.name = "Blog"

            [seokit]
            disable = ["style"]

            [extra."quoted key"]
            value = 1

            [[authors]]
            name = "Ada"
            [[authors]]
            name = "Grace"
            """)
        #expect(parsed.fields["title"] == .string("Top"))
        #expect(parsed.fields["site"] == .table(["name": .string("Blog")]))
        #expect(parsed.fields["seokit"]?["disable"] == .list([.string("style")]))
        #expect(parsed.fields["extra"] == .table(["quoted key": .table(["value": .number(1)])]))
        #expect(parsed.fields["authors"] == .list([.table(["name": .string("Ada")]), .table(["name": .string("Grace")])]))
        // Only keys of the root table get a line: keys inside tables are not front matter fields.
        #expect(parsed.keyLines == ["title": 1, "site": 2])
    }

    @Test(arguments: [
        ("title = \"ok\"\ndraft = maybe", 2),
        ("title = \"unclosed", 1),
        ("a = 1\na = 2", 2),
        ("[t]\nx = 1\n[t]", 3),
        ("[", 1),
        ("[[[a]]]", 1),
        ("x = [1, 2", 1),
        ("x = 1 y = 2", 1),
        ("x = 01", 1),
        ("x = \"\\q\"", 1),
        ("ok = 1\n\nlist = [\n  1,\n  2 3\n]", 5),
    ])
    func errorsNameTheLine(text: String, line: Int) {
        #expect(failureLine(text) == line, "\(text)")
    }

    @Test func deepNestingIsRefusedNotRecursedForever() {
        let text = "x = " + String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        #expect(failureLine(text) == 1)
    }
}
