extension RuleCatalog {
    /// The images rules, in listing order.
    static let imagesRules: [any Rule.Type] = [
        ImageAltRule.self,
    ]
}
