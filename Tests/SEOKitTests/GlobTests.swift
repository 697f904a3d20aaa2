import Testing
@testable import SEOKit

/// Shell-style globs for `--include` and `--exclude`.
@Suite struct GlobTests {
    @Test(arguments: [
        // Patterns without a slash match the file name at any depth.
        ("*.md", "post.md", true),
        ("*.md", "blog/2024/post.md", true),
        ("*.md", "post.mdx", false),
        ("*.md", "post.md.bak", false),
        ("draft-*", "posts/draft-one.md", true),
        ("draft-*", "drafts/one.md", false),
        // `?` and classes.
        ("post?.md", "post1.md", true),
        ("post?.md", "post10.md", false),
        ("post[0-9].md", "post7.md", true),
        ("post[0-9].md", "postx.md", false),
        ("post[!0-9].md", "postx.md", true),
        ("post[!0-9].md", "post7.md", false),
        ("[abc]*.md", "beta.md", true),
        // Braces.
        ("*.{md,markdown}", "notes.markdown", true),
        ("*.{md,markdown}", "notes.md", true),
        ("*.{md,markdown}", "notes.txt", false),
        // Patterns with a slash match the whole relative path.
        ("blog/*.md", "blog/post.md", true),
        ("blog/*.md", "blog/2024/post.md", false),
        ("blog/*.md", "other/blog/post.md", false),
        ("blog/**/*.md", "blog/2024/05/post.md", true),
        ("blog/**/*.md", "blog/post.md", true),
        ("**/drafts/*.md", "drafts/a.md", true),
        ("**/drafts/*.md", "site/content/drafts/a.md", true),
        ("./blog/*.md", "blog/post.md", true),
        ("blog/*.md", "./blog/post.md", true),
        // A folder pattern matches everything below it.
        ("archive/", "archive/2019/old.md", true),
        ("archive", "archive/2019/old.md", false),
        ("content/archive", "content/archive/2019/old.md", true),
        ("content/archive", "content/archived/old.md", false),
        // `*` never crosses a slash; `**` does.
        ("blog*.md", "blog/post.md", false),
        ("*", "anything.md", true),
    ])
    func matches(pattern: String, path: String, expected: Bool) {
        #expect(Glob(pattern).matches(path) == expected, "\(pattern) vs \(path)")
    }

    @Test func descriptionIsThePattern() {
        #expect(Glob("**/*.md").description == "**/*.md")
        #expect(Glob("**/*.md").pattern == "**/*.md")
    }

    @Test func nonASCIINames() {
        #expect(Glob("café-*.md").matches("posts/café-zürich.md"))
        #expect(Glob("*-zürich.md").matches("café-zürich.md"))
        #expect(!Glob("*-zurich.md").matches("café-zürich.md"))
    }
}
