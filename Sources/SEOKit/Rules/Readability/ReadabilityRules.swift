extension RuleCatalog {
    /// The readability rules, in listing order.
    static let readabilityRules: [any Rule.Type] = [
        FleschReadingEaseRule.self,
        SentenceLengthRule.self,
        HardSentenceRule.self,
        ParagraphLengthRule.self,
        PassiveVoiceRule.self,
        TransitionWordsRule.self,
        ConsecutiveSentencesRule.self,
    ]
}
