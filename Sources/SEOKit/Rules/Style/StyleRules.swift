extension RuleCatalog {
    /// The style rules, in listing order.
    static let styleRules: [any Rule.Type] = [
        AdverbsRule.self,
        WordyPhrasesRule.self,
    ]
}
