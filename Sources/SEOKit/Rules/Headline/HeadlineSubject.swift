/// The headline the headline rules look at, and its analysis (computed once per document).
///
/// The headline is what readers see as the page's name: in Markdown the front matter title
/// (rendered as the H1 by site generators), else the first H1; in HTML the first H1, else
/// the `<title>` (which often carries a site name).
struct HeadlineSubject {
    enum Source { case title, h1 }

    var text: String
    var range: SourceRange
    var source: Source
    var analysis: HeadlineAnalysis

    var name: String { source == .title ? "title" : "H1" }

    /// Shared results for one document.
    struct Shared {
        var headline: HeadlineSubject?
    }

    static func shared(_ context: LintContext) -> Shared {
        context.shared(Shared.self) { context in
            let document = context.document
            let keyphrase = context.keyphrases.first
            var title: (String, SourceRange)?
            if let text = document.metadata.title?.collapsingWhitespace(), !text.isEmpty {
                title = (text, context.range(of: .title))
            }
            var h1: (String, SourceRange)?
            for block in document.blocks where block.kind == .heading && block.level == 1 {
                let text = document.text(of: block).collapsingWhitespace()
                if !text.isEmpty {
                    h1 = (text, block.range)
                    break
                }
            }
            func make(_ candidate: (String, SourceRange)?, _ source: Source) -> HeadlineSubject? {
                guard let (text, range) = candidate else { return nil }
                return HeadlineSubject(text: text, range: range, source: source, analysis: HeadlineAnalysis(text, keyphrase: keyphrase))
            }
            let titleSubject = make(title, .title)
            let h1Subject = make(h1, .h1)
            let headline = document.format == .html ? (h1Subject ?? titleSubject) : (titleSubject ?? h1Subject)
            return Shared(headline: headline)
        }
    }

    static func headline(_ context: LintContext) -> HeadlineSubject? { shared(context).headline }
}
