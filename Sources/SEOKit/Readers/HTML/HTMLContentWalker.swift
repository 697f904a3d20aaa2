/// Turns a subtree of an `HTMLTree` into blocks, links, images and comments.
///
/// Used for whole pages, for the main content an extractor picked, and for raw HTML inside
/// Markdown. Whitespace is collapsed as a browser would, with an anchor after every collapsed
/// run so prose offsets still map to the source.
struct HTMLContentWalker {
    let tree: HTMLTree

    /// Walks `start` and its descendants into `builder`. `skip` can exclude subtrees
    /// (the extractor passes the boilerplate it found).
    func walk(from start: Int32, into builder: inout DocumentBuilder, skip: (Int32) -> Bool = { _ in false }) {
        var contexts: [Block.Kind] = []
        var openLinks: [(node: Int32, textStart: Int)] = []
        // `HTMLTree.walk` calls `leave` for an element whose children `visit` declined; nothing
        // was opened for a skipped or hidden element, so its `leave` must not close anything.
        var declined: Int32 = -1
        tree.walk(from: start, visit: { index in
            let node = tree.node(index)
            switch node.kind {
            case .comment:
                let text = String(decoding: tree.textBytes(of: index), as: UTF8.self)
                builder.comments.append(SourceComment(text: text, range: builder.range(Int(node.sourceStart), Int(node.sourceEnd))))
                return false
            case .text:
                appendText(index, contexts: contexts, into: &builder)
                return false
            case .element:
                if index != start, skip(index) { declined = index; return false }
                let entered = enter(index, node, contexts: &contexts, openLinks: &openLinks, into: &builder)
                if !entered { declined = index }
                return entered
            }
        }, leave: { index in
            if index == declined { return }
            leave(index, contexts: &contexts, openLinks: &openLinks, into: &builder)
        })
    }

    private func isHidden(_ index: Int32) -> Bool {
        if tree.attribute(.hidden, of: index) != nil { return true }
        if tree.attribute(.ariaHidden, of: index)?.lowercased() == "true" { return true }
        if let style = tree.attribute(.style, of: index) {
            // Compare bytes: lowercase, spaces dropped.
            let compact = style.utf8.filter { $0 != 0x20 }.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }
            if compact.containsSequence(Array("display:none".utf8)) || compact.containsSequence(Array("visibility:hidden".utf8)) {
                return true
            }
        }
        return false
    }

    private func enter(
        _ index: Int32, _ node: HTMLTree.Node, contexts: inout [Block.Kind],
        openLinks: inout [(node: Int32, textStart: Int)], into builder: inout DocumentBuilder
    ) -> Bool {
        let tag = node.tag
        if tag.isNonProse || isHidden(index) { return false }
        let start = Int(node.sourceStart)
        switch tag {
        case .h1, .h2, .h3, .h4, .h5, .h6:
            builder.beginBlock(.heading, level: tag.headingLevel, sourceOffset: start)
            contexts.append(.heading)
        case .p:
            builder.beginBlock(contexts.last.map { $0 == .heading ? .paragraph : $0 } ?? .paragraph, sourceOffset: start)
        case .li, .dt, .dd:
            builder.endBlock(sourceEnd: nil)
            contexts.append(.listItem)
        case .blockquote:
            builder.endBlock(sourceEnd: nil)
            contexts.append(.quote)
        case .td, .th:
            builder.endBlock(sourceEnd: nil)
            contexts.append(.tableCell)
        case .pre:
            builder.beginBlock(.code, sourceOffset: start)
            contexts.append(.code)
        case .br:
            if contexts.last == .code {
                builder.appendText([0x0A], replacing: start..<Int(node.sourceEnd))
            } else {
                builder.appendSpace(at: start)
            }
        case .img:
            let source = tree.attribute(.src, of: index) ?? tree.attribute(.dataSrc, of: index) ?? ""
            builder.images.append(Image(
                source: source, alt: tree.attribute(.alt, of: index), title: tree.attribute(.title, of: index),
                range: builder.range(start, Int(node.sourceEnd))))
        case .a:
            openLinks.append((index, builder.textCount))
        default:
            if tag.isBlock { builder.endBlock(sourceEnd: nil) }
        }
        return true
    }

    private func leave(
        _ index: Int32, contexts: inout [Block.Kind], openLinks: inout [(node: Int32, textStart: Int)],
        into builder: inout DocumentBuilder
    ) {
        let node = tree.node(index)
        switch node.tag {
        case .h1, .h2, .h3, .h4, .h5, .h6:
            builder.endBlock(sourceEnd: nil)
            contexts.removeLast()
        case .p:
            builder.endBlock(sourceEnd: nil)
        case .li, .dt, .dd, .blockquote, .td, .th, .pre:
            builder.endBlock(sourceEnd: nil)
            contexts.removeLast()
        case .a:
            guard let (linkNode, textStart) = openLinks.last, linkNode == index else { return }
            openLinks.removeLast()
            let rel = (tree.attribute(.rel, of: index) ?? "").lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            var text = builder.isInBlock && builder.textCount >= textStart ? builder.textSince(textStart).trimmed() : ""
            if text.isEmpty { text = tree.textContent(of: index) }
            if text.isEmpty, let label = tree.attribute(.ariaLabel, of: index) ?? tree.attribute(.title, of: index) { text = label }
            builder.links.append(Link(
                url: tree.attribute(.href, of: index) ?? "", text: text, rel: rel,
                range: builder.range(Int(node.sourceStart), Int(node.sourceEnd))))
        default:
            if node.tag.isBlock { builder.endBlock(sourceEnd: nil) }
        }
    }

    private func appendText(_ index: Int32, contexts: [Block.Kind], into builder: inout DocumentBuilder) {
        let node = tree.node(index)
        let bytes = tree.textBytes(of: index)
        let preformatted = contexts.last == .code
        if !builder.isInBlock {
            guard let firstVisible = bytes.firstIndex(where: { !isCollapsibleSpace($0) }) else { return }
            let offset = node.isVerbatim ? Int(node.sourceStart) + (firstVisible - bytes.startIndex) : Int(node.sourceStart)
            let kind = contexts.last.map { $0 == .heading ? Block.Kind.paragraph : $0 } ?? .paragraph
            builder.beginBlock(kind, sourceOffset: offset)
        }
        guard node.isVerbatim else {
            builder.appendText(bytes, replacing: Int(node.sourceStart)..<Int(node.sourceEnd))
            return
        }
        if preformatted {
            builder.appendVerbatim(bytes, sourceOffset: Int(node.sourceStart))
            return
        }
        // Collapse whitespace runs to one space; copy the rest verbatim with its source offset.
        var position = bytes.startIndex
        while position < bytes.endIndex {
            if isCollapsibleSpace(bytes[position]) {
                let runStart = position
                while position < bytes.endIndex, isCollapsibleSpace(bytes[position]) { position += 1 }
                builder.appendSpace(at: Int(node.sourceStart) + (runStart - bytes.startIndex))
            } else {
                let runStart = position
                while position < bytes.endIndex, !isCollapsibleSpace(bytes[position]) { position += 1 }
                builder.appendVerbatim(bytes[runStart..<position], sourceOffset: Int(node.sourceStart) + (runStart - bytes.startIndex))
            }
        }
    }

    @inline(__always)
    private func isCollapsibleSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D || byte == 0x0C
    }
}

extension Array where Element == UInt8 {
    /// Whether `needle` occurs in the bytes.
    func containsSequence(_ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= count else { return needle.isEmpty }
        for start in 0...(count - needle.count) where self[start] == needle[0] {
            if self[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
