extension RuleCatalog {
    /// The keyphrase rules, in listing order.
    static let keyphraseRules: [any Rule.Type] = []
}
