extension RuleCatalog {
    /// The headline rules, in listing order.
    static let headlineRules: [any Rule.Type] = []
}
