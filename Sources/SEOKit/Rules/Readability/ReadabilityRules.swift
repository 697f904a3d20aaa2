extension RuleCatalog {
    /// The readability rules, in listing order.
    static let readabilityRules: [any Rule.Type] = []
}
