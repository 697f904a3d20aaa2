extension RuleCatalog {
    /// The links rules, in listing order.
    static let linksRules: [any Rule.Type] = [
        InternalLinksRule.self,
        OutboundLinksRule.self,
        GenericAnchorRule.self,
        EmptyLinkRule.self,
    ]
}
