/// The measurements the extractor makes on a page, in a few linear passes over the tree.
///
/// Nodes are stored in document order with every parent before its children, so inherited
/// properties (visibility, boilerplate context) are one forward loop over the node array and
/// subtree sums (text, link text, prose, score) one backward loop: no recursion anywhere.
struct PageAnalysis {
    /// A run of text between two block boundaries, as a reader sees it.
    struct TextBlock {
        /// The innermost block-level element holding the block's first text.
        var owner: Int32
        /// First and last text node of the block.
        var firstText: Int32
        var lastText: Int32
        /// Visible characters (Unicode scalars that are not whitespace).
        var characters: Int32 = 0
        /// Characters inside links.
        var linkCharacters: Int32 = 0
        /// Sentence punctuation (. , ; ! ? and their CJK forms).
        var punctuation: Int32 = 0
        var isHeading = false

        var linkDensity: Float { characters > 0 ? Float(linkCharacters) / Float(characters) : 0 }
    }

    /// Semantic signal of an element on its own: tag, role, class, id, itemprop.
    enum Signal: Int8 {
        /// `<figcaption>` or a caption or credit class: text left out, images kept.
        case caption = -3
        /// `<nav>`, `<aside>`, `<footer>`, `role=navigation`, `<form>`...: page furniture by markup.
        case structuralBoilerplate = -2
        /// A class or id from the boilerplate patterns.
        case boilerplate = -1
        case none = 0
        /// A class or id from the content patterns.
        case content = 1
        /// `<article>`, `<main>`, `role=main`.
        case structuralContent = 2
        /// `itemprop=articleBody` (schema.org): the page says where its text is.
        case declaredBody = 3

        var isBoilerplate: Bool { rawValue < 0 }
        var isContent: Bool { rawValue > 0 }
    }

    let tree: HTMLTree
    let patterns: BoilerplatePatterns
    /// Where the page's content starts: `<body>`, or the root when there is none.
    let body: Int32
    var count: Int { tree.nodes.count }

    /// Per node: hidden or non-prose itself or through an ancestor.
    private(set) var invisible: [Bool]
    private(set) var signal: [Signal]
    /// Per node, summed over its subtree: visible characters, link characters, characters of
    /// prose-like blocks, number of prose-like blocks.
    private(set) var characters: [Int32]
    private(set) var linkCharacters: [Int32]
    private(set) var prose: [Int32]
    private(set) var proseBlocks: [Int32]
    /// Per node: images in its subtree.
    private(set) var images: [Int32]
    /// Per node: the largest prose of an element with a content signal in its subtree.
    private(set) var signalledProse: [Int32]
    /// Per node: inside boilerplate (a boilerplate signal on itself or an ancestor that does not
    /// hold most of the page's prose).
    private(set) var inBoilerplate: [Bool]
    /// Per node: sum of the block weights in its subtree (positive for prose, negative for
    /// boilerplate), with the content-signal bonus.
    private(set) var score: [Float]
    private(set) var blocks: [TextBlock] = []

    init(tree: HTMLTree, patterns: BoilerplatePatterns) {
        self.tree = tree
        self.patterns = patterns
        let count = tree.nodes.count
        self.body = tree.first(.body) ?? HTMLTree.root
        invisible = [Bool](repeating: false, count: count)
        signal = [Signal](repeating: .none, count: count)
        characters = [Int32](repeating: 0, count: count)
        linkCharacters = [Int32](repeating: 0, count: count)
        prose = [Int32](repeating: 0, count: count)
        proseBlocks = [Int32](repeating: 0, count: count)
        images = [Int32](repeating: 0, count: count)
        signalledProse = [Int32](repeating: 0, count: count)
        inBoilerplate = [Bool](repeating: false, count: count)
        score = [Float](repeating: 0, count: count)
        guard count > 1 else { return }
        markVisibilityAndSignals()
        segmentBlocks()
        sumBlockMeasures()
        markBoilerplateContext()
        scoreNodes()
    }

    // MARK: Pass 1: visibility and signals (forward)

    private mutating func markVisibilityAndSignals() {
        // Class names repeat a lot within a page: classify each distinct value once. The key is
        // a 64-bit hash of the bytes (cheaper than hashing a String).
        var cache: [UInt64: BoilerplatePatterns.Verdict] = [:]
        let patterns = self.patterns
        func classify(_ value: String) -> BoilerplatePatterns.Verdict {
            var hash: UInt64 = 0xcbf29ce484222325
            for byte in value.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100000001b3 }
            if let known = cache[hash] { return known }
            let result = patterns.classify(value)
            cache[hash] = result
            return result
        }
        var invisible = self.invisible
        var signal = self.signal
        self.invisible = []
        self.signal = []
        let tree = self.tree
        tree.nodes.withUnsafeBufferPointer { nodes in
            for index in 1..<nodes.count {
                let node = nodes[index]
                let parent = Int(node.parent)
                if parent >= 0, invisible[parent] {
                    invisible[index] = true
                    continue
                }
                guard node.kind == .element else {
                    if node.kind == .comment { invisible[index] = true }
                    continue
                }
                let tag = node.tag
                if tag.isNonProse || PageAnalysis.isHidden(node, in: tree) {
                    invisible[index] = true
                    continue
                }
                guard node.payloadEnd > node.payloadStart || tag.hasStructuralSignal else { continue }
                signal[index] = PageAnalysis.elementSignal(node, tag: tag, in: tree, classify: classify)
            }
        }
        self.invisible = invisible
        self.signal = signal
    }

    /// `hidden`, `aria-hidden="true"`, or an inline style that hides the element.
    static func isHidden(_ node: HTMLTree.Node, in tree: HTMLTree) -> Bool {
        guard node.payloadEnd > node.payloadStart else { return false }
        var position = Int(node.payloadStart)
        while position < Int(node.payloadEnd) {
            let attribute = tree.attributes[position]
            switch attribute.name {
            case .hidden:
                return true
            case .ariaHidden:
                if attribute.value.lowercased() == "true" { return true }
            case .style:
                if styleHides(attribute.value) { return true }
            default:
                break
            }
            position += 1
        }
        return false
    }

    /// Whether an inline style says `display:none` or `visibility:hidden` (any case and spacing).
    static func styleHides(_ style: String) -> Bool {
        var compact: [UInt8] = []
        compact.reserveCapacity(style.utf8.count)
        for byte in style.utf8 where byte != 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D {
            compact.append(byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte)
        }
        return BoilerplatePatterns.Rules.contains(compact, Array("display:none".utf8))
            || BoilerplatePatterns.Rules.contains(compact, Array("visibility:hidden".utf8))
    }

    static func elementSignal(_ node: HTMLTree.Node, tag: HTMLTag, in tree: HTMLTree, classify: (String) -> BoilerplatePatterns.Verdict) -> Signal {
        switch tag {
        case .nav, .aside, .footer, .form, .menu:
            return .structuralBoilerplate
        case .figcaption:
            return .caption
        default:
            break
        }
        var structural = tag == .article || tag == .main
        var declared = false
        var positive = false
        var negative = false
        var caption = false
        var position = Int(node.payloadStart)
        while position < Int(node.payloadEnd) {
            let attribute = tree.attributes[position]
            switch attribute.name {
            case .class, .id:
                switch classify(attribute.value) {
                case .content: positive = true
                case .boilerplate: negative = true
                case .caption: caption = true
                case .none: break
                }
            case .role:
                switch attribute.value.lowercased() {
                case "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar",
                     "dialog", "alertdialog", "toolbar", "tablist":
                    return .structuralBoilerplate
                case "main", "article":
                    structural = true
                default:
                    break
                }
            case .itemprop:
                let value = attribute.value.lowercased()
                if value.contains("articlebody") || value == "reviewbody" { declared = true }
                if value == "text" { structural = true }
            default:
                break
            }
            position += 1
        }
        if declared { return .declaredBody }
        if structural { return .structuralContent }
        if positive && !negative { return .content }
        if caption { return .caption }
        if negative && !positive { return .boilerplate }
        return .none
    }

    // MARK: Pass 2: text blocks (document order)

    private mutating func segmentBlocks() {
        var blockStack: [Int32] = [body]
        var linkDepth = 0
        var current: TextBlock?
        var blocks: [TextBlock] = []
        blocks.reserveCapacity(count / 8)
        let invisible = self.invisible
        var imageCounts = [Int32](repeating: 0, count: count)
        tree.nodes.withUnsafeBufferPointer { nodes in
            tree.text.withUnsafeBufferPointer { text in
                func flush() {
                    if let block = current, block.characters > 0 { blocks.append(block) }
                    current = nil
                }
                TreeTraversal.traverse(nodes, from: body, enter: { index in
                    let node = nodes[Int(index)]
                    if invisible[Int(index)] { return false }
                    switch node.kind {
                    case .comment:
                        return false
                    case .text:
                        var visible: Int32 = 0
                        var punctuation: Int32 = 0
                        var position = Int(node.payloadStart)
                        let end = Int(node.payloadEnd)
                        while position < end {
                            let byte = text[position]
                            switch byte {
                            case 0x20, 0x0A, 0x09, 0x0D, 0x0C:
                                break
                            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "!"), UInt8(ascii: "?"):
                                visible += 1
                                punctuation += 1
                            case 0x80..<0xC0:
                                break
                            case 0xE3:
                                // 、 and 。 (E3 80 81, E3 80 82).
                                if position + 2 < end, text[position + 1] == 0x80, text[position + 2] == 0x81 || text[position + 2] == 0x82 {
                                    punctuation += 1
                                }
                                visible += 1
                            case 0xC2:
                                // A no-break space (C2 A0) is whitespace.
                                if position + 1 < end, text[position + 1] == 0xA0 { position += 1 } else { visible += 1 }
                            default:
                                visible += 1
                            }
                            position += 1
                        }
                        guard visible > 0 else { return false }
                        if current == nil {
                            let owner = blockStack.last!
                            current = TextBlock(owner: owner, firstText: index, lastText: index)
                            current!.isHeading = nodes[Int(owner)].tag.headingLevel > 0
                        }
                        current!.lastText = index
                        current!.characters += visible
                        current!.punctuation += punctuation
                        if linkDepth > 0 { current!.linkCharacters += visible }
                        return false
                    case .element:
                        let tag = node.tag
                        if tag.isBlock {
                            flush()
                            blockStack.append(index)
                        } else if tag == .a {
                            linkDepth += 1
                        } else if tag == .img {
                            imageCounts[Int(index)] = 1
                            return false
                        } else if tag == .br {
                            return false
                        }
                        return true
                    }
                }, leave: { index in
                    // Declined elements get a `leave` too: nothing was opened for them.
                    if invisible[Int(index)] { return }
                    let tag = nodes[Int(index)].tag
                    if tag.isBlock {
                        flush()
                        if blockStack.count > 1 { blockStack.removeLast() }
                    } else if tag == .a {
                        linkDepth -= 1
                    }
                })
                flush()
            }
        }
        self.blocks = blocks
        self.images = imageCounts
    }

    /// Whether a block reads like prose: long enough, punctuated, not mostly links.
    static func isProse(_ block: TextBlock) -> Bool {
        guard !block.isHeading else { return false }
        let density = block.linkDensity
        if density > 0.33 { return false }
        if block.characters >= 80 { return true }
        return block.characters >= 25 && block.punctuation >= 1
    }

    // MARK: Pass 3: subtree sums (backward)

    private mutating func sumBlockMeasures() {
        var characters = self.characters, linkCharacters = self.linkCharacters, prose = self.prose
        var proseBlocks = self.proseBlocks, images = self.images, signalledProse = self.signalledProse
        self.characters = []; self.linkCharacters = []; self.prose = []
        self.proseBlocks = []; self.images = []; self.signalledProse = []
        let signal = self.signal
        for block in blocks {
            let owner = Int(block.owner)
            characters[owner] += block.characters
            linkCharacters[owner] += block.linkCharacters
            if PageAnalysis.isProse(block) {
                prose[owner] += block.characters
                proseBlocks[owner] += 1
            }
        }
        tree.nodes.withUnsafeBufferPointer { nodes in
            var index = nodes.count - 1
            while index > 0 {
                let parent = Int(nodes[index].parent)
                if parent >= 0, nodes[index].kind == .element {
                    characters[parent] += characters[index]
                    linkCharacters[parent] += linkCharacters[index]
                    prose[parent] += prose[index]
                    proseBlocks[parent] += proseBlocks[index]
                    images[parent] += images[index]
                    if signal[index].isContent { signalledProse[index] = max(signalledProse[index], prose[index]) }
                    signalledProse[parent] = max(signalledProse[parent], signalledProse[index])
                }
                index -= 1
            }
        }
        self.characters = characters; self.linkCharacters = linkCharacters; self.prose = prose
        self.proseBlocks = proseBlocks; self.images = images; self.signalledProse = signalledProse
    }

    // MARK: Pass 4: boilerplate context (forward)

    /// A boilerplate class is not believed on an element that holds a marked content element
    /// with at least this share of the page's prose, or that holds nearly all of it: themes put
    /// classes like `has-sidebar` or `with-comments` on the wrapper of everything.
    static let wrapperShare: Float = 0.3
    static let wholePageShare: Float = 0.85

    private mutating func markBoilerplateContext() {
        let pageProse = Float(max(prose[Int(body)], 1))
        var inBoilerplate = self.inBoilerplate
        self.inBoilerplate = []
        let signal = self.signal, invisible = self.invisible, prose = self.prose, signalledProse = self.signalledProse
        tree.nodes.withUnsafeBufferPointer { nodes in
            for index in 1..<nodes.count where nodes[index].kind == .element && !invisible[index] {
                let parent = Int(nodes[index].parent)
                if parent >= 0, inBoilerplate[parent] {
                    inBoilerplate[index] = true
                    continue
                }
                if signal[index].isBoilerplate,
                   !PageAnalysis.isWrapper(prose: prose[index], signalledProse: signalledProse[index], pageProse: pageProse) {
                    inBoilerplate[index] = true
                }
            }
        }
        self.inBoilerplate = inBoilerplate
    }

    /// Whether an element with a boilerplate signal wraps the page's content after all.
    func isWrapper(_ index: Int, pageProse: Float) -> Bool {
        PageAnalysis.isWrapper(prose: prose[index], signalledProse: signalledProse[index], pageProse: pageProse)
    }

    static func isWrapper(prose: Int32, signalledProse: Int32, pageProse: Float) -> Bool {
        Float(signalledProse) >= wrapperShare * pageProse || Float(prose) >= wholePageShare * pageProse
    }

    // MARK: Pass 5: scores (backward)

    /// How much boilerplate counts against the prose around it when ranking elements: below 1,
    /// so that a few link-heavy blocks inside an article (embeds, pop-ups, ads) do not split
    /// it, while a sidebar or a comment section still tips the balance.
    static let boilerplateFactor: Float = 0.5

    /// A block's contribution to the score of the elements around it: its prose (text outside
    /// links) for blocks that read like prose, negative for boilerplate.
    func weight(of block: TextBlock) -> Float {
        PageAnalysis.weight(of: block, inBoilerplate: inBoilerplate[Int(block.owner)])
    }

    static func weight(of block: TextBlock, inBoilerplate: Bool) -> Float {
        let characters = Float(block.characters)
        let raw: Float
        if inBoilerplate {
            raw = -characters
        } else if block.isHeading {
            raw = 0
        } else if isProse(block) {
            raw = characters - Float(block.linkCharacters)
        } else if block.linkDensity > 0.33 {
            raw = characters - 2 * Float(block.linkCharacters)
        } else {
            raw = -0.1 * characters
        }
        return raw < 0 ? raw * boilerplateFactor : raw
    }

    private mutating func scoreNodes() {
        var score = self.score
        self.score = []
        let inBoilerplate = self.inBoilerplate
        for block in blocks {
            score[Int(block.owner)] += PageAnalysis.weight(of: block, inBoilerplate: inBoilerplate[Int(block.owner)])
        }
        tree.nodes.withUnsafeBufferPointer { nodes in
            var index = nodes.count - 1
            while index > 0 {
                let parent = Int(nodes[index].parent)
                if parent >= 0, nodes[index].kind == .element {
                    score[parent] += score[index]
                }
                index -= 1
            }
        }
        self.score = score
    }

    /// The score used to rank an element as the content root: its subtree score, raised a
    /// little for elements whose markup says they are the content.
    func rank(_ index: Int) -> Float {
        let base = score[index]
        guard base > 0 else { return base }
        switch signal[index] {
        case .declaredBody: return base + Float(prose[index])
        case .structuralContent: return base * 1.15
        case .content: return base * 1.1
        default: return base
        }
    }
}

extension HTMLTag {
    /// Tags whose signal does not depend on attributes.
    var hasStructuralSignal: Bool {
        switch self {
        case .nav, .aside, .footer, .form, .menu, .article, .main, .figcaption: return true
        default: return false
        }
    }
}
