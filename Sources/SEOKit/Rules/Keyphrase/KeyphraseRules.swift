extension RuleCatalog {
    /// The keyphrase rules, in listing order.
    static let keyphraseRules: [any Rule.Type] = [
        KeyphraseMissingRule.self,
        KeyphraseLengthRule.self,
        KeyphraseDensityRule.self,
        KeyphraseDistributionRule.self,
        KeyphraseInTitleRule.self,
        KeyphraseInH1Rule.self,
        KeyphraseInIntroductionRule.self,
        KeyphraseInDescriptionRule.self,
        KeyphraseInSlugRule.self,
        KeyphraseInSubheadingsRule.self,
        KeyphraseInImageAltRule.self,
        KeyphraseStuffingRule.self,
    ]
}
