/// The SEOKit version, reported by `seokit --version` and written into JSON and SARIF output.
public enum SEOKitVersion {
    public static let string = "0.1.0"
}
