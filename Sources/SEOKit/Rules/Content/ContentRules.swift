extension RuleCatalog {
    /// The content rules, in listing order.
    static let contentRules: [any Rule.Type] = [
        ContentLengthRule.self,
    ]
}
