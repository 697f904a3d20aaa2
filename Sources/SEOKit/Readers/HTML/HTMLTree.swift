import CLibXML2
#if canImport(Glibc)
import Glibc
#endif

/// A compact tree of an HTML page built from libxml2's SAX events, with source offsets.
///
/// libxml2's own tree carries line numbers but no columns; its SAX interface lets us read the
/// parser's position at every event, so this tree keeps exact byte offsets for elements and
/// text. Nodes live in one array and refer to each other by index: no object per node, and
/// walks are loops, never recursion, so a page nested 100,000 levels deep is no problem.
public struct HTMLTree: Sendable {
    public enum NodeKind: UInt8, Sendable { case element, text, comment }

    public struct Node: Sendable {
        public var kind: NodeKind
        public var tag: HTMLTag
        /// Text nodes: whether `text` is a byte-for-byte copy of the source.
        public var isVerbatim: Bool
        public var parent: Int32
        public var firstChild: Int32 = -1
        public var lastChild: Int32 = -1
        public var nextSibling: Int32 = -1
        /// Elements: offset of `<`; text and comments: offset of their first source byte.
        public var sourceStart: Int32
        /// Exclusive end offset in the source.
        public var sourceEnd: Int32
        /// Text and comments: range in `HTMLTree.text`. Elements: range in `attributes`.
        public var payloadStart: Int32
        public var payloadEnd: Int32
        /// Depth below the root element.
        public var depth: Int32
    }

    public struct Attribute: Sendable {
        public var name: HTMLAttributeName
        public var value: String
    }

    public internal(set) var nodes: [Node] = []
    public internal(set) var text: [UInt8] = []
    public internal(set) var attributes: [Attribute] = []

    /// Index of the root node (a synthetic element holding everything), always 0.
    public static let root: Int32 = 0

    // MARK: Access

    public func node(_ index: Int32) -> Node { nodes[Int(index)] }

    public func attribute(_ name: HTMLAttributeName, of index: Int32) -> String? {
        let node = nodes[Int(index)]
        guard node.kind == .element else { return nil }
        var position = Int(node.payloadStart)
        while position < Int(node.payloadEnd) {
            if attributes[position].name == name { return attributes[position].value }
            position += 1
        }
        return nil
    }

    public func textBytes(of index: Int32) -> ArraySlice<UInt8> {
        let node = nodes[Int(index)]
        guard node.kind != .element else { return [] }
        return text[Int(node.payloadStart)..<Int(node.payloadEnd)]
    }

    /// Children of a node, in order.
    public func children(of index: Int32) -> ChildSequence { ChildSequence(tree: self, next: nodes[Int(index)].firstChild) }

    public struct ChildSequence: Sequence, IteratorProtocol {
        let tree: HTMLTree
        var upcoming: Int32
        init(tree: HTMLTree, next: Int32) {
            self.tree = tree
            self.upcoming = next
        }
        public mutating func next() -> Int32? {
            guard upcoming >= 0 else { return nil }
            defer { upcoming = tree.nodes[Int(upcoming)].nextSibling }
            return upcoming
        }
    }

    /// Visits every node below `start` in document order; `visit` returns false to skip a
    /// node's children. `leave` is called after an element's children.
    public func walk(from start: Int32 = HTMLTree.root, visit: (Int32) -> Bool, leave: (Int32) -> Void = { _ in }) {
        var stack: [(node: Int32, entered: Bool)] = [(start, false)]
        while let (index, entered) = stack.popLast() {
            if entered { leave(index); continue }
            let node = nodes[Int(index)]
            if visit(index), node.firstChild >= 0 {
                stack.append((index, true))
                var children: [Int32] = []
                var child = node.firstChild
                while child >= 0 { children.append(child); child = nodes[Int(child)].nextSibling }
                for child in children.reversed() { stack.append((child, false)) }
            } else if node.kind == .element {
                leave(index)
            }
        }
    }

    /// The first element with a tag, in document order.
    public func first(_ tag: HTMLTag, below start: Int32 = HTMLTree.root) -> Int32? {
        var found: Int32?
        walk(from: start, visit: { index in
            guard found == nil else { return false }
            if nodes[Int(index)].tag == tag && nodes[Int(index)].kind == .element { found = index; return false }
            return true
        })
        return found
    }

    /// All text below a node, whitespace collapsed, skipping non-prose elements.
    public func textContent(of start: Int32) -> String {
        var bytes: [UInt8] = []
        walk(from: start, visit: { index in
            let node = nodes[Int(index)]
            switch node.kind {
            case .text:
                bytes.append(contentsOf: text[Int(node.payloadStart)..<Int(node.payloadEnd)])
                return false
            case .comment:
                return false
            case .element:
                if node.tag.isNonProse { return false }
                if node.tag.isBlock || node.tag == .br { bytes.append(0x20) }
                return true
            }
        })
        return String(decoding: bytes, as: UTF8.self).collapsingWhitespace()
    }

    // MARK: Building

    /// Parses UTF-8 HTML. `baseOffset` is added to every offset (for fragments inside Markdown).
    public static func parse(_ bytes: [UInt8], baseOffset: Int = 0) -> HTMLTree {
        LibXML2.initialize()
        let builder = TreeBuilder(source: bytes, baseOffset: baseOffset)
        bytes.withUnsafeBufferPointer { buffer in
            guard buffer.count > 0 else { return }
            builder.sourcePointer = buffer.baseAddress
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                guard let context = htmlCreateMemoryParserCtxt(pointer, Int32(clamping: buffer.count)) else { return }
                defer { htmlFreeParserCtxt(context) }
                // Replace the default tree-building SAX handler with ours.
                context.pointee.sax.pointee = TreeBuilder.handler
                context.pointee._private = Unmanaged.passUnretained(builder).toOpaque()
                builder.context = context
                _ = htmlCtxtUseOptions(context, LibXML2.htmlOptions)
                _ = xmlSwitchEncoding(context, XML_CHAR_ENCODING_UTF8)
                _ = htmlParseDocument(context)
            }
        }
        return builder.finish()
    }
}

/// Receives SAX events; one per parse, never shared between threads.
private final class TreeBuilder {
    var tree = HTMLTree()
    var stack: [Int32] = [HTMLTree.root]
    let source: [UInt8]
    let baseOffset: Int
    var sourcePointer: UnsafePointer<UInt8>?
    var context: htmlParserCtxtPtr?

    init(source: [UInt8], baseOffset: Int) {
        self.source = source
        self.baseOffset = baseOffset
        tree.nodes.reserveCapacity(source.count / 24 + 16)
        tree.text.reserveCapacity(source.count / 2)
        tree.nodes.append(HTMLTree.Node(
            kind: .element, tag: .other, isVerbatim: false, parent: -1, sourceStart: Int32(clamping: baseOffset),
            sourceEnd: Int32(clamping: baseOffset + source.count), payloadStart: 0, payloadEnd: 0, depth: 0))
    }

    /// The parser's read position as an offset into `source`.
    var position: Int {
        guard let context, let input = context.pointee.input, let current = input.pointee.cur, let base = input.pointee.base else { return 0 }
        let offset = Int(input.pointee.consumed) + (current - base)
        return min(max(offset, 0), source.count)
    }

    func append(_ node: HTMLTree.Node) -> Int32 {
        let index = Int32(tree.nodes.count)
        var node = node
        let parent = stack.last!
        node.parent = parent
        node.depth = tree.nodes[Int(parent)].depth + 1
        tree.nodes.append(node)
        let last = tree.nodes[Int(parent)].lastChild
        if last >= 0 { tree.nodes[Int(last)].nextSibling = index } else { tree.nodes[Int(parent)].firstChild = index }
        tree.nodes[Int(parent)].lastChild = index
        return index
    }

    func startElement(_ name: UnsafePointer<UInt8>, _ attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?) {
        let tag = HTMLTag.lookup(name)
        // The parser stands at the tag's closing `>`; its `<` is the nearest one before.
        var start = position
        if start >= source.count { start = source.count - 1 }
        var scanned = 0
        while start > 0, source[start] != UInt8(ascii: "<"), scanned < 65536 { start -= 1; scanned += 1 }
        let attributeStart = Int32(tree.attributes.count)
        if let attributes {
            var index = 0
            while let name = attributes[index] {
                if let known = HTMLAttributeName.lookup(name) {
                    let value = attributes[index + 1].map { String(cString: $0) } ?? ""
                    tree.attributes.append(HTMLTree.Attribute(name: known, value: value))
                }
                index += 2
            }
        }
        let index = append(HTMLTree.Node(
            kind: .element, tag: tag, isVerbatim: false, parent: 0,
            sourceStart: Int32(clamping: start + baseOffset), sourceEnd: Int32(clamping: position + baseOffset),
            payloadStart: attributeStart, payloadEnd: Int32(tree.attributes.count), depth: 0))
        stack.append(index)
    }

    func endElement() {
        guard stack.count > 1 else { return }
        let index = stack.removeLast()
        // libxml2 has read past the end tag's `>` when it reports the end.
        let end = min(position, source.count)
        tree.nodes[Int(index)].sourceEnd = Int32(clamping: max(end + baseOffset, Int(tree.nodes[Int(index)].sourceEnd)))
    }

    func characters(_ bytes: UnsafePointer<UInt8>, _ length: Int) {
        guard length > 0 else { return }
        let end = position
        var start = end - length
        var verbatim = false
        if start >= 0, memcmp(sourcePointer! + start, bytes, length) == 0 {
            verbatim = true
        } else {
            // An entity or character reference: it ends here and starts at the last `&`.
            start = end
            var probe = end - 1
            while probe >= 0, end - probe <= 40 {
                if source[probe] == UInt8(ascii: "&") { start = probe; break }
                probe -= 1
            }
        }
        let textStart = Int32(tree.text.count)
        tree.text.append(contentsOf: UnsafeBufferPointer(start: bytes, count: length))
        _ = append(HTMLTree.Node(
            kind: .text, tag: .other, isVerbatim: verbatim, parent: 0,
            sourceStart: Int32(clamping: max(start, 0) + baseOffset), sourceEnd: Int32(clamping: end + baseOffset),
            payloadStart: textStart, payloadEnd: Int32(tree.text.count), depth: 0))
    }

    func comment(_ value: UnsafePointer<UInt8>) {
        let length = strlen(UnsafeRawPointer(value).assumingMemoryBound(to: CChar.self))
        let end = min(position, source.count)
        // The parser stands just past the comment's closing `>`; `<!--` is before its text.
        let start = max(0, end - length - 7)
        let textStart = Int32(tree.text.count)
        tree.text.append(contentsOf: UnsafeBufferPointer(start: value, count: length))
        _ = append(HTMLTree.Node(
            kind: .comment, tag: .other, isVerbatim: false, parent: 0,
            sourceStart: Int32(clamping: start + baseOffset), sourceEnd: Int32(clamping: end + baseOffset),
            payloadStart: textStart, payloadEnd: Int32(tree.text.count), depth: 0))
    }

    func finish() -> HTMLTree { tree }

    static func builder(_ context: UnsafeMutableRawPointer?) -> TreeBuilder? {
        guard let context else { return nil }
        let parserContext = context.assumingMemoryBound(to: xmlParserCtxt.self)
        guard let raw = parserContext.pointee._private else { return nil }
        return Unmanaged<TreeBuilder>.fromOpaque(raw).takeUnretainedValue()
    }

    nonisolated(unsafe) static let handler: htmlSAXHandler = {
        var handler = htmlSAXHandler()
        handler.startElement = { context, name, attributes in
            guard let name else { return }
            builder(context)?.startElement(name, attributes)
        }
        handler.endElement = { context, _ in builder(context)?.endElement() }
        handler.characters = { context, bytes, length in
            guard let bytes else { return }
            builder(context)?.characters(bytes, Int(length))
        }
        handler.ignorableWhitespace = handler.characters
        handler.comment = { context, value in
            guard let value else { return }
            builder(context)?.comment(value)
        }
        // Script and style content arrives as CDATA: not prose, not kept.
        handler.cdataBlock = nil
        // Quiet: errors and warnings are recovered from, never printed.
        handler.warning = nil
        handler.error = nil
        handler.fatalError = nil
        handler.initialized = 0
        return handler
    }()
}

/// One-time libxml2 set-up, done before any thread parses.
public enum LibXML2 {
    private static let initialized: Void = {
        xmlInitParser()
        // Never fetch anything: no network, no external entities.
        xmlSetExternalEntityLoader { _, _, _ in nil }
        seokit_silenceErrors()
    }()

    /// Initialises libxml2 once; safe to call from any thread, cheap after the first call.
    public static func initialize() { _ = initialized }

    static let htmlOptions = Int32(
        HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_NOIMPLIED.rawValue
            // The input is already UTF-8: a <meta charset> must not make libxml2 re-decode it.
            | HTML_PARSE_IGNORE_ENC.rawValue)
}
