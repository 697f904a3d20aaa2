/// Finds the main content of a web page (the article, the post, the documentation page) and
/// reads only that into a `Document`: navigation, sidebars, ads, share bars, related-article
/// lists and comment sections are left out.
///
/// How it works, in linear passes over the parsed tree (never recursive):
/// 1. Every element gets a signal from its markup: `<article>`, `<main>`, `role=main`,
///    `itemprop=articleBody` and content class names count for it; `<nav>`, `<aside>`,
///    `<footer>`, `<form>`, navigation roles and boilerplate class or id names (the patterns in
///    `Corpora/lexicons/boilerplate-patterns.txt`) against it.
/// 2. The page is cut into text blocks the way a reader sees them. A block that reads like
///    prose (long enough, punctuated, few links) weighs its length; link lists, blocks inside
///    boilerplate and short fragments weigh negatively.
/// 3. Each element's score is the sum of the weights below it; the best-scoring element is the
///    content root: the smallest subtree that holds the prose while leaving the furniture out.
/// 4. Inside the root, boilerplate subtrees are pruned (share bars, related lists, ads, comment
///    sections, link lists, blocks that are only "Advertisement" or "Read more"), and the
///    article's `<h1>` is kept when it sits just above the root.
public struct MainContentExtractor: Sendable {
    public struct Options: Sendable {
        /// Class, id and phrase patterns.
        public var patterns: BoilerplatePatterns
        /// Keep the page's `<h1>` when it stands just before the content root.
        public var keepsHeadline: Bool
        /// Remove boilerplate inside the content root.
        public var prunesBoilerplate: Bool

        public init(patterns: BoilerplatePatterns = .standard, keepsHeadline: Bool = true, prunesBoilerplate: Bool = true) {
            self.patterns = patterns
            self.keepsHeadline = keepsHeadline
            self.prunesBoilerplate = prunesBoilerplate
        }
    }

    public var options: Options

    public init(options: Options = Options()) {
        self.options = options
    }

    /// Extracts the main content of a decoded HTML page with the default options.
    public static func extract(_ decoded: DecodedInput, path: String) -> Document {
        MainContentExtractor().extract(decoded, path: path)
    }

    /// Extracts the main content of a page already parsed, with the default options.
    public static func extract(tree: HTMLTree, source: SourceText, path: String, notes: [ReadNote] = []) -> Document {
        MainContentExtractor().extract(tree: tree, source: source, path: path, notes: notes)
    }

    /// Extracts the main content of a decoded HTML page.
    public func extract(_ decoded: DecodedInput, path: String) -> Document {
        let source = SourceText(bytes: decoded.bytes)
        let tree = HTMLTree.parse(decoded.bytes)
        return extract(tree: tree, source: source, path: path, notes: decoded.notes)
    }

    /// Extracts the main content of a page already parsed. `source` must be the text `tree`
    /// was parsed from.
    public func extract(tree: HTMLTree, source: SourceText, path: String, notes: [ReadNote] = []) -> Document {
        let selection = select(in: tree)
        var builder = DocumentBuilder(source: source)
        let walker = HTMLContentWalker(tree: tree)
        if let headline = selection.headline {
            walker.walk(from: headline, into: &builder)
            builder.endBlock(sourceEnd: nil)
        }
        if let root = selection.root {
            let pruned = selection.pruned
            walker.walk(from: root, into: &builder, skip: { pruned[Int($0)] })
        }
        var document = HTMLReader.document(path: path, tree: tree, builder: &builder, notes: notes)
        if document.metadata.title?.isEmpty ?? true {
            if let title = document.metadata.openGraphTitle, !title.isEmpty {
                document.metadata.title = title
            } else if let headline = selection.headline ?? selection.firstHeading(in: tree) {
                let text = tree.textContent(of: headline)
                if !text.isEmpty { document.metadata.title = text }
            }
        }
        return document
    }

    /// Decides which part of a parsed page is the main content.
    public func select(in tree: HTMLTree) -> ContentSelection {
        let count = tree.nodes.count
        guard count > 1 else { return ContentSelection(root: nil, headline: nil, pruned: [Bool](repeating: false, count: count), usedFallback: true) }
        let analysis = PageAnalysis(tree: tree, patterns: options.patterns)
        var root: Int32?
        var best: Float = 0
        tree.nodes.withUnsafeBufferPointer { nodes in
            TreeTraversal.traverse(nodes, from: analysis.body, enter: { index in
                let node = nodes[Int(index)]
                guard node.kind == .element, !analysis.invisible[Int(index)] else { return false }
                // A subtree with no text cannot hold the root.
                guard analysis.characters[Int(index)] > 0 else { return false }
                let rank = analysis.rank(Int(index))
                if rank > best {
                    best = rank
                    root = index
                }
                return true
            }, leave: { _ in })
        }
        if let declared = declaredBody(analysis: analysis, bestProse: root.map { analysis.prose[Int($0)] } ?? 0) {
            root = declared
        }
        var usedFallback = false
        if root == nil {
            // Nothing reads like prose: keep the whole body, without its boilerplate.
            usedFallback = true
            if analysis.characters[Int(analysis.body)] > 0 { root = analysis.body }
        }
        var pruned = [Bool](repeating: false, count: count)
        var headline: Int32?
        if let root {
            if options.prunesBoilerplate {
                prune(below: root, analysis: analysis, into: &pruned)
                pruneOrphanHeadings(below: root, analysis: analysis, pruned: &pruned)
            }
            if options.keepsHeadline { headline = findHeadline(for: root, analysis: analysis) }
        }
        return ContentSelection(root: root, headline: headline, pruned: pruned, usedFallback: usedFallback)
    }

    // MARK: Declared body

    /// Share of the best candidate's prose that the elements a page declares as its article body
    /// (`itemprop=articleBody`) must hold to be taken instead of it.
    static let declaredBodyShare: Float = 0.25

    /// The smallest element holding every declared article body of the page, when they hold
    /// prose enough; `nil` when the page declares none.
    private func declaredBody(analysis: PageAnalysis, bestProse: Int32) -> Int32? {
        let tree = analysis.tree
        var declared: [Int32] = []
        var declaredProse: Int32 = 0
        tree.nodes.withUnsafeBufferPointer { nodes in
            TreeTraversal.traverse(nodes, from: analysis.body, enter: { index in
                guard nodes[Int(index)].kind == .element, !analysis.invisible[Int(index)] else { return false }
                if analysis.signal[Int(index)] == .declaredBody {
                    // Outermost declarations only; boilerplate ones (a teaser in a sidebar) do not count.
                    if analysis.prose[Int(index)] > 0, !analysis.inBoilerplate[Int(index)] {
                        declared.append(index)
                        declaredProse += analysis.prose[Int(index)]
                    }
                    return false
                }
                return true
            }, leave: { _ in })
        }
        guard !declared.isEmpty, Float(declaredProse) >= MainContentExtractor.declaredBodyShare * Float(bestProse) else { return nil }
        // The lowest common ancestor of the declarations.
        var common = declared[0]
        for other in declared.dropFirst() {
            var ancestors = Set<Int32>()
            var walk = common
            while walk >= 0 { ancestors.insert(walk); walk = tree.nodes[Int(walk)].parent }
            walk = other
            while walk >= 0, !ancestors.contains(walk) { walk = tree.nodes[Int(walk)].parent }
            common = max(walk, 0)
        }
        return common
    }

    // MARK: Pruning

    private func prune(below root: Int32, analysis: PageAnalysis, into pruned: inout [Bool]) {
        let tree = analysis.tree
        let rootProse = Float(max(analysis.prose[Int(root)], 1))
        let rootCharacters = Float(analysis.characters[Int(root)])
        let rootInBoilerplate = analysis.inBoilerplate[Int(root)]
        tree.nodes.withUnsafeBufferPointer { nodes in
            TreeTraversal.traverse(nodes, from: root, enter: { index in
                let node = nodes[Int(index)]
                guard node.kind == .element else { return false }
                if index == root { return true }
                let slot = Int(index)
                if analysis.invisible[slot] { return false }
                let characters = Float(analysis.characters[slot])
                let prose = Float(analysis.prose[slot])
                let signal = analysis.signal[slot]
                if signal.isBoilerplate, !analysis.isWrapper(slot, pageProse: rootProse) {
                    // Captions: the text goes, the images stay.
                    if signal == .caption, analysis.images[slot] > 0 { return true }
                    if !rootInBoilerplate || signal == .structuralBoilerplate {
                        pruned[slot] = true
                        return false
                    }
                }
                // Never prune what holds most of the content.
                guard prose <= 0.5 * rootProse, characters < 0.8 * rootCharacters else { return true }
                guard characters > 0 else { return true }
                let tag = node.tag
                if tag.headingLevel == 0, tag.isBlock {
                    // Link lists and link-only paragraphs (a paragraph with a long text
                    // around its links stays).
                    // Items and cells follow their list or table: a list that was kept keeps
                    // all its items.
                    let links = Float(analysis.linkCharacters[slot])
                    let density = links / characters
                    let isItem = tag == .li || tag == .dt || tag == .dd || tag == .td || tag == .th || tag == .tr
                    if !isItem, density > 0.8 || (density > 0.5 && characters - links < 100) {
                        pruned[slot] = true
                        return false
                    }
                    // Blocks that are only a boilerplate phrase or a dateline.
                    if characters <= 120 {
                        let text = tree.textContent(of: index)
                        // Dates in a table are data, not a dateline.
                        let isCell = tag == .td || tag == .th
                        if options.patterns.isBoilerplatePhrase(text) || (!isCell && options.patterns.isDateline(text)) {
                            pruned[slot] = true
                            return false
                        }
                    }
                }
                return true
            }, leave: { _ in })
        }
    }

    /// Headings left without content by the pruning ("Related stories" over a pruned list,
    /// "Sponsored links" at the end): a heading followed by nothing, or by a heading of the same
    /// or a higher level, goes too.
    private func pruneOrphanHeadings(below root: Int32, analysis: PageAnalysis, pruned: inout [Bool]) {
        let tree = analysis.tree
        let nodes = tree.nodes
        // The subtree of the root is the contiguous index range after it.
        var end = Int(root) + 1
        while end < nodes.count, nodes[end].depth > nodes[Int(root)].depth { end += 1 }
        var prunedContext = [Bool](repeating: false, count: end - Int(root))
        for index in (Int(root) + 1)..<end {
            let parent = Int(nodes[index].parent)
            prunedContext[index - Int(root)] = pruned[index] || (parent > Int(root) && prunedContext[parent - Int(root)])
        }
        // Kept blocks of the root, in order: (owner, heading level or 0).
        var kept: [(owner: Int32, level: Int)] = []
        for block in analysis.blocks where Int(block.firstText) > Int(root) && Int(block.firstText) < end {
            if prunedContext[Int(block.firstText) - Int(root)] { continue }
            kept.append((block.owner, block.isHeading ? nodes[Int(block.owner)].tag.headingLevel : 0))
        }
        for (position, block) in kept.enumerated() where block.level > 1 {
            var orphan = true
            if position + 1 < kept.count {
                let next = kept[position + 1]
                orphan = next.level > 0 && next.level <= block.level
            }
            if orphan, Int(block.owner) > Int(root) { pruned[Int(block.owner)] = true }
        }
    }

    // MARK: Headline

    /// The `<h1>` just before the root, when the root has none of its own.
    private func findHeadline(for root: Int32, analysis: PageAnalysis) -> Int32? {
        let tree = analysis.tree
        let nodes = tree.nodes
        if let own = tree.first(.h1, below: root), !analysis.invisible[Int(own)] { return nil }
        // Walk the blocks before the root backwards, counting the prose between.
        let rootStart = root
        var proseBetween: Int32 = 0
        var index = analysis.blocks.count - 1
        while index >= 0, analysis.blocks[index].firstText > rootStart { index -= 1 }
        var examined = 0
        while index >= 0, examined < 60 {
            let block = analysis.blocks[index]
            let owner = block.owner
            if nodes[Int(owner)].tag == .h1 {
                if analysis.inBoilerplate[Int(owner)] { return nil }
                return owner
            }
            if PageAnalysis.isProse(block) {
                proseBetween += block.characters
                if proseBetween > 400 { return nil }
            }
            index -= 1
            examined += 1
        }
        return nil
    }
}

/// What the extractor chose on a page.
public struct ContentSelection: Sendable {
    /// The element holding the main content, or `nil` when the page has no text.
    public var root: Int32?
    /// The page's `<h1>`, kept because it stands just before the root.
    public var headline: Int32?
    /// Per node of the tree: a subtree left out of the root as boilerplate.
    public var pruned: [Bool]
    /// True when no block read like prose and the whole body was kept.
    public var usedFallback: Bool

    public func isPruned(_ node: Int32) -> Bool { node >= 0 && Int(node) < pruned.count && pruned[Int(node)] }

    /// The first heading in the content root, or of the page.
    func firstHeading(in tree: HTMLTree) -> Int32? {
        if let root, let heading = tree.first(.h1, below: root) { return heading }
        return tree.first(.h1)
    }
}

extension MainContentExtractor {
    /// A human-readable account of the selection: the root's path and score, the best other
    /// candidates, the headline and every pruned subtree (for `seokit extract --explain`).
    public func explain(_ tree: HTMLTree, source: SourceText, includeBlocks: Bool = false) -> String {
        let selection = select(in: tree)
        let analysis = PageAnalysis(tree: tree, patterns: options.patterns)
        func describe(_ index: Int32) -> String {
            let node = tree.node(index)
            var label = "\(node.tag)"
            if let id = tree.attribute(.id, of: index), !id.isEmpty { label += "#" + id }
            if let classes = tree.attribute(.class, of: index), !classes.isEmpty {
                label += "." + classes.split(separator: " ").prefix(4).joined(separator: ".")
            }
            let location = source.location(at: Int(node.sourceStart))
            let slot = Int(index)
            return "\(label) @\(location.line):\(location.column) score=\(Int(analysis.score[slot])) rank=\(Int(analysis.rank(slot))) "
                + "chars=\(analysis.characters[slot]) links=\(analysis.linkCharacters[slot]) prose=\(analysis.prose[slot]) "
                + "signal=\(analysis.signal[slot]) boilerplate=\(analysis.inBoilerplate[slot])"
        }
        func path(_ index: Int32) -> String {
            var chain: [String] = []
            var current = index
            while current > 0 {
                let node = tree.node(current)
                var label = "\(node.tag)"
                if let classes = tree.attribute(.class, of: current), !classes.isEmpty {
                    label += "." + (classes.split(separator: " ").first.map(String.init) ?? "")
                }
                label += "(\(Int(analysis.score[Int(current)])))"
                chain.append(label)
                current = node.parent
            }
            return chain.reversed().joined(separator: " > ")
        }
        var lines: [String] = []
        if let root = selection.root {
            lines.append("root: " + describe(root))
            lines.append("  path: " + path(root))
        } else {
            lines.append("root: none")
        }
        if selection.usedFallback { lines.append("fallback: no prose found, whole body kept") }
        if let headline = selection.headline { lines.append("headline: " + describe(headline)) }
        // The best candidates overall.
        var ranked: [(Float, Int32)] = []
        for index in 0..<tree.nodes.count where tree.nodes[index].kind == .element && analysis.score[index] > 0 {
            ranked.append((analysis.rank(index), Int32(index)))
        }
        ranked.sort { $0.0 > $1.0 }
        for (_, index) in ranked.prefix(8) { lines.append("candidate: " + describe(index)) }
        for index in 0..<selection.pruned.count where selection.pruned[index] {
            let text = tree.textContent(of: Int32(index))
            lines.append("pruned: " + describe(Int32(index)) + " \"" + String(text.prefix(80)) + "\"")
        }
        if includeBlocks {
            for block in analysis.blocks {
                var text = ""
                var index = block.firstText
                while index <= block.lastText, text.utf8.count < 70 {
                    if tree.nodes[Int(index)].kind == .text { text += String(decoding: tree.textBytes(of: index), as: UTF8.self) }
                    index += 1
                }
                lines.append("block: <\(tree.node(block.owner).tag)> \(block.owner) chars=\(block.characters) links=\(block.linkCharacters) "
                    + "punct=\(block.punctuation) weight=\(Int(analysis.weight(of: block))) \"\(text.collapsingWhitespace().prefix(70))\"")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
