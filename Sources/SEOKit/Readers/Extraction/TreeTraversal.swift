/// Depth-first traversal of an `HTMLTree` that follows the parent, child and sibling links in
/// place: no recursion and no allocation, so 100,000 levels of nesting cost nothing special.
enum TreeTraversal {
    /// Visits `start` and its descendants in document order. `enter` returns whether to go into
    /// a node's children; `leave` is called for every visited element after its children, and
    /// right away when it has none or when `enter` declined them (callers that open something
    /// in `enter` must not close it for a declined element).
    @inline(__always)
    static func traverse(
        _ nodes: UnsafeBufferPointer<HTMLTree.Node>, from start: Int32,
        enter: (Int32) -> Bool, leave: (Int32) -> Void
    ) {
        guard start >= 0, Int(start) < nodes.count else { return }
        var current = start
        while true {
            let node = nodes[Int(current)]
            if enter(current), node.firstChild >= 0 {
                current = node.firstChild
                continue
            }
            if node.kind == .element { leave(current) }
            // Next sibling, or climb until an ancestor has one.
            while true {
                if current == start { return }
                let sibling = nodes[Int(current)].nextSibling
                if sibling >= 0 {
                    current = sibling
                    break
                }
                current = nodes[Int(current)].parent
                if current < 0 { return }
                leave(current)
            }
        }
    }
}
