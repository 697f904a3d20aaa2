extension RuleCatalog {
    /// The meta rules, in listing order.
    static let metaRules: [any Rule.Type] = [
        TitleMissingRule.self,
        TitleLengthRule.self,
        TitleWidthRule.self,
        DescriptionMissingRule.self,
        DescriptionLengthRule.self,
        SlugLengthRule.self,
        SlugReadableRule.self,
    ]
}
