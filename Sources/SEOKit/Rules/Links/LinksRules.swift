extension RuleCatalog {
    /// The links rules, in listing order.
    static let linksRules: [any Rule.Type] = []
}
