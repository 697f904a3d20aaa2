/// Every rule SEOKit has, in the order `seokit rules` lists them.
///
/// Each category folder lists its own rules (`RuleCatalog.headingsRules` and so on), so adding
/// a rule touches only its category.
public enum RuleCatalog {
    public static let all: [any Rule.Type] =
        keyphraseRules + metaRules + headingsRules + contentRules + linksRules + imagesRules
        + readabilityRules + styleRules + headlineRules

    /// The rule with an id, if any.
    public static func rule(id: String) -> (any Rule.Type)? {
        all.first { $0.description.id == id }
    }

    /// All rule ids.
    public static var ids: [String] { all.map { $0.description.id } }
}
