import Testing
@testable import SEOKit

struct MetaSlugTests {
    @Test(arguments: [
        "sourdough-starter-guide", "japan-itinerary-2025", "how-to-bake-bread", "blog/how-to-bake-bread",
        "café-au-lait", "a", "best-shoes-for-running",
    ])
    func readable(_ slug: String) {
        let analysis = SlugAnalysis(slug)
        #expect(analysis.isReadable, "\(slug): \(analysis.problems)")
    }

    @Test func eachProblem() {
        #expect(SlugAnalysis("Sourdough-Guide").problems == [.uppercase])
        #expect(SlugAnalysis("sourdough_starter").problems == [.underscores])
        #expect(SlugAnalysis("sourdough starter").problems == [.spaces])
        #expect(SlugAnalysis("sourdough+starter").problems == [.spaces])
        #expect(SlugAnalysis("sourdough%20starter").problems == [.percentEncoding, .spaces])
        #expect(SlugAnalysis("caf%C3%A9-guide").problems == [.percentEncoding])
        #expect(SlugAnalysis("sourdough!-starter,-now").problems == [.punctuation("! ,")])
        #expect(SlugAnalysis("sourdough--starter").problems == [.extraHyphens])
        #expect(SlugAnalysis("-sourdough-starter-").problems == [.extraHyphens])
        #expect(SlugAnalysis("sourdough-starter-1582736").problems == [.longNumber("1582736")])
        #expect(SlugAnalysis("post.php").problems == [.fileExtension("php")])
        #expect(SlugAnalysis("sourdough-starter.html").problems == [.fileExtension("html")])
        // 5 stop words (what, is, the, to, a) of 9: more than 3.
        #expect(SlugAnalysis("what-is-the-best-way-to-feed-a-starter").problems == [.stopWords(count: 5, of: 9)])
        // 3 of 4 is more than half.
        #expect(SlugAnalysis("the-art-of-it").problems == [.stopWords(count: 3, of: 4)])
    }

    @Test func thresholdsAreOptions() {
        #expect(SlugAnalysis("sourdough-starter-1582736", maxDigits: 7).isReadable)
        #expect(!SlugAnalysis("japan-2025", maxDigits: 3).isReadable)
        #expect(SlugAnalysis("what-is-the-best-way-to-feed-a-starter", maxStopWords: 5, maxStopWordShare: 0.6).isReadable)
        // Exactly half is not more than half.
        #expect(SlugAnalysis("how-to-bake-bread").isReadable)
        #expect(!SlugAnalysis("how-to-bake-bread", maxStopWordShare: 0.4).isReadable)
    }

    @Test func suggestionRepairsEverything() {
        #expect(SlugAnalysis("My_Sourdough Starter.html").suggestion == "my-sourdough-starter")
        #expect(SlugAnalysis("caf%C3%A9-guide").suggestion == "café-guide")
        #expect(SlugAnalysis("sourdough-starter-1582736").suggestion == "sourdough-starter")
        #expect(SlugAnalysis("what-is-the-best-way-to-feed-a-starter").suggestion == "best-way-feed-starter")
        #expect(SlugAnalysis("Blog/Don't_Panic!").suggestion == "blog/dont-panic")
        let suggested = SlugAnalysis("What_IS the--Best%20Way.php")
        #expect(!suggested.isReadable)
        #expect(SlugAnalysis(suggested.suggestion).isReadable)
    }

    @Test func percentDecoding() {
        #expect(SlugAnalysis.percentDecoded("a%20b") == "a b")
        #expect(SlugAnalysis.percentDecoded("caf%c3%a9") == "café")
        #expect(SlugAnalysis.percentDecoded("100%") == "100%")
        #expect(SlugAnalysis.percentDecoded("%zz") == "%zz")
    }
}
