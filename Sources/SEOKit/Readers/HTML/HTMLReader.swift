/// Reads an HTML page: the `<head>` into metadata, the `<body>` into blocks.
public enum HTMLReader {
    public static func read(_ decoded: DecodedInput, path: String, options: ReadOptions = ReadOptions()) -> Document {
        let source = SourceText(bytes: decoded.bytes)
        let tree = HTMLTree.parse(decoded.bytes)
        var builder = DocumentBuilder(source: source)
        let body = tree.first(.body) ?? HTMLTree.root
        // A page's own navigation, banner, sidebar and footer are not the copy being judged.
        let chrome = PageChrome(tree: tree)
        HTMLContentWalker(tree: tree).walk(from: body, into: &builder, skip: chrome.contains)
        return document(path: path, tree: tree, builder: &builder, notes: decoded.notes)
    }

    /// Completes a document from a walked builder, reading metadata from the tree's `<head>`.
    static func document(path: String, tree: HTMLTree, builder: inout DocumentBuilder, notes: [ReadNote]) -> Document {
        let source = builder.source
        let metadata = readMetadata(tree, source: source, path: path)
        // Comments outside the walked subtree (in the head, around the main content) still carry
        // directives.
        do {
            var seen = Set(builder.comments.map(\.range.start.offset))
            tree.walk(visit: { index in
                let node = tree.node(index)
                if node.kind == .comment, !seen.contains(Int(node.sourceStart)) {
                    seen.insert(Int(node.sourceStart))
                    builder.comments.append(SourceComment(
                        text: String(decoding: tree.textBytes(of: index), as: UTF8.self),
                        range: source.range(Int(node.sourceStart), Int(node.sourceEnd))))
                }
                return node.kind == .element
            })
            builder.comments.sort { $0.range.start.offset < $1.range.start.offset }
        }
        let (text, blocks) = builder.finish()
        return Document(
            path: path, format: .html, metadata: metadata, blocks: blocks, text: text, links: builder.links,
            images: builder.images, comments: builder.comments, source: source, notes: notes)
    }

    static func readMetadata(_ tree: HTMLTree, source: SourceText, path: String) -> Metadata {
        var metadata = Metadata()
        func range(_ index: Int32) -> SourceRange {
            let node = tree.node(index)
            return source.range(Int(node.sourceStart), Int(node.sourceEnd))
        }
        if let html = tree.first(.html), let lang = tree.attribute(.lang, of: html), !lang.isEmpty {
            metadata.language = lang
            metadata.fieldRanges[.language] = range(html)
        }
        if let title = tree.first(.title) {
            metadata.title = tree.textContent(of: title)
            metadata.fieldRanges[.title] = range(title)
        }
        tree.walk(visit: { index in
            let node = tree.node(index)
            guard node.kind == .element else { return false }
            switch node.tag {
            case .meta:
                let content = tree.attribute(.content, of: index)?.collapsingWhitespace()
                if let name = tree.attribute(.name, of: index)?.lowercased() {
                    switch name {
                    case "description":
                        if metadata.description == nil { metadata.description = content; metadata.fieldRanges[.description] = range(index) }
                    case "robots": metadata.robots = content
                    case "keyphrase", "seokit:keyphrase", "focus-keyphrase":
                        if let content, !content.isEmpty {
                            metadata.keyphrases.append(content)
                            metadata.fieldRanges[.keyphrase] = range(index)
                        }
                    case "seokit:synonyms":
                        metadata.synonyms += (content ?? "").split(separator: ",").map { $0.trimmed() }.filter { !$0.isEmpty }
                    case "seokit:disable":
                        metadata.disabledRules += (content ?? "").split(whereSeparator: { $0 == "," || $0 == " " }).map(String.init)
                    default: break
                    }
                }
                if let property = tree.attribute(.property, of: index)?.lowercased() {
                    if property == "og:title" { metadata.openGraphTitle = content }
                    if property == "og:description" { metadata.openGraphDescription = content }
                }
            case .link:
                if tree.attribute(.rel, of: index)?.lowercased().split(separator: " ").contains("canonical") == true {
                    metadata.canonical = tree.attribute(.href, of: index)
                }
            case .body:
                return false
            default:
                break
            }
            return true
        })
        if let canonical = metadata.canonical, let last = canonical.split(separator: "?").first?.split(separator: "/").last,
           !last.contains(":") {
            metadata.slug = Slug.fromPath(String(last))
            metadata.fieldRanges[.slug] = nil
        }
        if metadata.slug == nil { metadata.slug = Slug.fromPath(path) }
        return metadata
    }
}

/// The parts of a page around its content: `<nav>`, `<aside>`, the ARIA landmarks for
/// navigation, banner, complementary content, site information and search, and `<header>` or
/// `<footer>` outside any `<article>` or `<main>` (a header holding the H1 stays). The HTML reader leaves them out of the prose,
/// links and images, as a reader of the page would skip them.
struct PageChrome {
    let tree: HTMLTree

    func contains(_ index: Int32) -> Bool {
        let node = tree.node(index)
        guard node.kind == .element else { return false }
        switch node.tag {
        case .nav, .aside:
            return true
        case .header, .footer:
            var ancestor = node.parent
            while ancestor >= 0 {
                let tag = tree.node(ancestor).tag
                if tag == .article || tag == .main { return false }
                ancestor = tree.node(ancestor).parent
            }
            // A page header that holds the page's H1 is the article's title, not chrome.
            return node.tag == .footer || tree.first(.h1, below: index) == nil
        default:
            guard let role = tree.attribute(.role, of: index)?.lowercased() else { return false }
            return ["navigation", "banner", "complementary", "contentinfo", "search"].contains(role)
        }
    }
}

/// Raw HTML inside Markdown (`html_block` and `html_inline` nodes).
enum HTMLFragment {
    /// An HTML block: its prose becomes blocks, and its comments, images and links are kept.
    static func readBlock(_ bytes: [UInt8], baseOffset: Int, into builder: inout DocumentBuilder) {
        guard !bytes.isEmpty else { return }
        builder.endBlock(sourceEnd: nil)
        if readSimpleFragment(bytes, baseOffset: baseOffset, into: &builder) { return }
        let tree = HTMLTree.parse(bytes, baseOffset: baseOffset)
        HTMLContentWalker(tree: tree).walk(from: HTMLTree.root, into: &builder)
        builder.endBlock(sourceEnd: nil)
    }

    /// Reads a fragment made only of comments, closing tags and whitespace (the
    /// `<!-- seokit-disable … -->` directives and the `</aside>` lines most raw HTML in
    /// Markdown is) without a libxml2 parse: its comments are all it holds. `false` for
    /// anything else, which the caller gives libxml2.
    static func readSimpleFragment(_ bytes: [UInt8], baseOffset: Int, into builder: inout DocumentBuilder) -> Bool {
        guard let comments = commentsOfSimpleFragment(bytes) else { return false }
        for comment in comments {
            builder.comments.append(SourceComment(
                text: String(decoding: bytes[comment.text], as: UTF8.self),
                range: builder.range(baseOffset + comment.markup.lowerBound, baseOffset + comment.markup.upperBound)))
        }
        return true
    }

    /// The comments of a fragment made only of comments, closing tags and whitespace; `nil` for
    /// anything else. A comment qualifies when its text has no `--` and no characters outside
    /// XML's, so libxml2 would report the same text and span.
    static func commentsOfSimpleFragment(_ bytes: [UInt8]) -> [(text: Range<Int>, markup: Range<Int>)]? {
        var comments: [(text: Range<Int>, markup: Range<Int>)] = []
        var index = 0
        let count = bytes.count
        @inline(__always) func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 }
        @inline(__always) func isNameByte(_ byte: UInt8) -> Bool {
            let lower = byte | 0x20
            return (lower >= 0x61 && lower <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == UInt8(ascii: "-")
        }
        while index < count {
            let byte = bytes[index]
            if isSpace(byte) { index += 1; continue }
            guard byte == UInt8(ascii: "<"), index + 1 < count else { return nil }
            if bytes[index + 1] == UInt8(ascii: "/") {
                // A closing tag: `</name>`, spaces allowed before `>`.
                var cursor = index + 2
                guard cursor < count, (bytes[cursor] | 0x20) >= 0x61, (bytes[cursor] | 0x20) <= 0x7A else { return nil }
                while cursor < count, isNameByte(bytes[cursor]) { cursor += 1 }
                while cursor < count, isSpace(bytes[cursor]) { cursor += 1 }
                guard cursor < count, bytes[cursor] == UInt8(ascii: ">") else { return nil }
                index = cursor + 1
                continue
            }
            // A comment: `<!--`, text without `--`, `-->`.
            guard index + 3 < count, bytes[index + 1] == UInt8(ascii: "!"), bytes[index + 2] == UInt8(ascii: "-"),
                  bytes[index + 3] == UInt8(ascii: "-") else { return nil }
            let textStart = index + 4
            guard textStart < count, bytes[textStart] != UInt8(ascii: ">"), bytes[textStart] != UInt8(ascii: "-") else { return nil }
            var cursor = textStart
            while cursor + 1 < count, !(bytes[cursor] == UInt8(ascii: "-") && bytes[cursor + 1] == UInt8(ascii: "-")) {
                let byte = bytes[cursor]
                guard byte >= 0x20 || isSpace(byte), byte != 0x7F else { return nil }
                cursor += 1
            }
            guard cursor + 2 < count, bytes[cursor + 2] == UInt8(ascii: ">") else { return nil }
            comments.append((textStart..<cursor, index..<(cursor + 3)))
            index = cursor + 3
        }
        return comments
    }

    /// One inline tag inside a paragraph: comments (directives), `<img>` and `<br>` matter.
    static func scanInline(_ bytes: [UInt8], baseOffset: Int, into builder: inout DocumentBuilder) {
        guard bytes.count >= 4, bytes[0] == UInt8(ascii: "<") else { return }
        let second = bytes[1] | 0x20
        guard bytes[1] == UInt8(ascii: "!") || second == UInt8(ascii: "i") || second == UInt8(ascii: "b") else { return }
        if readSimpleFragment(bytes, baseOffset: baseOffset, into: &builder) { return }
        let tree = HTMLTree.parse(bytes, baseOffset: baseOffset)
        for index in tree.children(of: HTMLTree.root) {
            let node = tree.node(index)
            switch (node.kind, node.tag) {
            case (.comment, _):
                builder.comments.append(SourceComment(
                    text: String(decoding: tree.textBytes(of: index), as: UTF8.self),
                    range: builder.range(Int(node.sourceStart), Int(node.sourceEnd))))
            case (.element, .img):
                builder.images.append(Image(
                    source: tree.attribute(.src, of: index) ?? "", alt: tree.attribute(.alt, of: index),
                    title: tree.attribute(.title, of: index), range: builder.range(Int(node.sourceStart), Int(node.sourceEnd))))
            case (.element, .br):
                builder.appendSpace(at: Int(node.sourceStart))
            default:
                break
            }
        }
    }
}
