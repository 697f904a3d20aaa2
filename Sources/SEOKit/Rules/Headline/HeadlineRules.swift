extension RuleCatalog {
    /// The headline rules, in listing order.
    static let headlineRules: [any Rule.Type] = [
        HeadlineLengthRule.self,
        HeadlinePowerWordsRule.self,
        HeadlineEmotionalWordsRule.self,
        HeadlineKeyphrasePositionRule.self,
    ]
}
