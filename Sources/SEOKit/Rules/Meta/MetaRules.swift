extension RuleCatalog {
    /// The meta rules, in listing order.
    static let metaRules: [any Rule.Type] = []
}
