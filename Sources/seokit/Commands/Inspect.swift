import ArgumentParser
import SEOKit

#if canImport(Glibc)
import Glibc
#endif

/// `seokit inspect`: shows how SEOKit reads text, so a user can check it.
struct Inspect: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show how SEOKit reads text: blocks, tokens, sentences, syllables.",
        subcommands: [Sentences.self, Syllables.self, Tokens.self, Blocks.self])

    struct Sentences: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "sentences", abstract: "One sentence per line, as SEOKit splits them.")

        @Argument(help: "A file, or '-' for standard input (plain text unless --input-format says otherwise).")
        var path: String = "-"

        @OptionGroup var input: InputOptions

        func run() throws {
            let document = try readDocument(path, input)
            let analysis = TextAnalysis(document: document)
            var output = ""
            for sentence in analysis.sentences {
                output += SentenceText.folded(document.text.string(in: sentence.textRange)) + "\n"
            }
            StandardStreams.writeOutput(output)
        }
    }

    struct Syllables: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "syllables",
            abstract: "Syllable counts: 'word<TAB>count' per line.",
            discussion: "Words come from the arguments, or one per line on standard input (streamed).")

        @Argument(help: "Words to count; none reads standard input.")
        var words: [String] = []

        @Flag(name: .long, help: "Use the rules alone, without the pronunciation lexicon.")
        var rulesOnly = false

        func run() throws {
            let counter = SyllableCounter(rulesOnly: rulesOnly)
            if !words.isEmpty {
                StandardStreams.writeOutput(words.map { "\($0)\t\(counter.count($0))\n" }.joined())
                return
            }
            LineStream.forEachChunk(descriptor: 0) { lines in
                var output = [UInt8]()
                output.reserveCapacity(lines.count * 12)
                for line in lines {
                    let word = line.trimmed()
                    guard !word.isEmpty else { continue }
                    output.append(contentsOf: word.utf8)
                    output.append(0x09)
                    output.append(contentsOf: String(counter.count(word)).utf8)
                    output.append(0x0A)
                }
                StandardStreams.writeOutput(bytes: output)
            }
        }
    }

    struct Tokens: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "tokens", abstract: "Tokens with their kind and line:column.")

        @Argument(help: "A file, or '-' for standard input.")
        var path: String = "-"

        @OptionGroup var input: InputOptions

        func run() throws {
            let document = try readDocument(path, input)
            StandardStreams.writeOutput(TokenListing.render(document: document, analysis: TextAnalysis(document: document)))
        }
    }

    struct Blocks: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "blocks", abstract: "Blocks (headings, paragraphs, list items...) with positions.")

        @Argument(help: "A file, or '-' for standard input.")
        var path: String = "-"

        @OptionGroup var input: InputOptions

        func run() throws {
            let document = try readDocument(path, input)
            StandardStreams.writeOutput(TokenListing.renderBlocks(document: document))
        }
    }
}

/// Reads one input for the inspect commands; errors end the command with status 2.
func readDocument(_ path: String, _ input: InputOptions) throws -> Document {
    var options = input.readOptions
    if path == "-", options.formatOverride == nil { options.formatOverride = .text }
    do {
        let document = try DocumentReader(options: options).read(path: path)
        var problems = ProblemReporter()
        problems.report(notes: document.notes, path: path)
        return document
    } catch {
        throw CommandFailure(code: ExitStatus.usageOrInputError, message: "seokit: \(error)")
    }
}
