import SEOKit
import SEOKitFetch

#if canImport(Glibc)
import Glibc
#endif

// `seokit-fetch --urls FILE --snapshot DIR`: fetches the competitor pages of a URL list and
// saves them as a snapshot, for `seokit compare --urls`.
//
// The network stack (FoundationNetworking, libcurl and the TLS and Kerberos libraries under
// it) costs about 10 ms to load. It lives in this helper so that every other run of `seokit`
// (a lint in CI, a score, stats) starts without it; `compare --urls` runs the helper and
// reads the snapshot it wrote.
//
// Standard output, one item a line: `pages N` (the pages fetched and saved), then `problem
// TEXT` for each page left out or URL list line skipped (`URL: cause`); or `error TEXT` alone
// when nothing could be fetched at all (unreadable list, unwritable snapshot), with exit
// status 2. Standard error is left to whatever else has something to say.

/// One protocol line: the text on one line.
func line(_ kind: String, _ text: String) -> String {
    kind + " " + text.split(whereSeparator: \.isNewline).joined(separator: " ") + "\n"
}

func fail(_ message: String) -> Never {
    StandardStreams.writeOutput(line("error", message))
    exit(2)
}

var arguments = CommandLine.arguments.dropFirst()
var urls: String?
var snapshot: String?
while let argument = arguments.popFirst() {
    switch argument {
    case "--urls": urls = arguments.popFirst()
    case "--snapshot": snapshot = arguments.popFirst()
    case "--version":
        StandardStreams.writeOutput(SEOKitVersion.string + "\n")
        exit(0)
    default: fail("unknown argument '\(argument)' (usage: seokit-fetch --urls FILE --snapshot DIR)")
    }
}
guard let urls, let snapshot else { fail("usage: seokit-fetch --urls FILE --snapshot DIR") }

do {
    let loaded = try CompetitorSource.load(urls: urls, competitorsDirectory: nil, snapshot: snapshot)
    var report = line("pages", String(loaded.snapshot == nil ? 0 : loaded.pages.count))
    for problem in loaded.problems { report += line("problem", problem) }
    StandardStreams.writeOutput(report)
} catch {
    fail(error.description)
}
