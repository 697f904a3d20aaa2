extension RuleCatalog {
    /// The headings rules, in listing order.
    static let headingsRules: [any Rule.Type] = [
        SingleH1Rule.self,
        SkippedHeadingLevelRule.self,
        EmptyHeadingRule.self,
        SubheadingDistributionRule.self,
    ]
}
