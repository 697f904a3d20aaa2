// Stand-alone driver for SEOKit's syllable counter, compiled by syllable_support.py together with
// the library's Syllables.swift and WordTable.swift and LexiconStub.swift (the syllable part of
// EnglishLexicon), so the evaluation and the exception-lexicon build run the library's rules
// without building the whole package.
//
//   harness rules           one word per line on stdin -> word<TAB>countByRules
//   harness count           one word per line on stdin -> word<TAB>count (lexicon, then rules)
//   harness bench FILE N    words of FILE (one per line) counted N times by countByRules and by
//                           count with the lexicon lookup; prints words per second
#if canImport(Glibc)
import Glibc
#endif

func now() -> Double {
    var spec = timespec()
    clock_gettime(CLOCK_MONOTONIC, &spec)
    return Double(spec.tv_sec) + Double(spec.tv_nsec) / 1e9
}

let arguments = CommandLine.arguments
let mode = arguments.count > 1 ? arguments[1] : "rules"

if mode == "bench" {
    guard arguments.count > 3, let repeats = Int(arguments[3]),
          let file = fopen(arguments[2], "r") else {
        print("usage: harness bench FILE REPEATS")
        exit(2)
    }
    var bytes: [UInt8] = []
    var offsets: [Int] = [0]
    var line: UnsafeMutablePointer<CChar>? = nil
    var capacity = 0
    while getline(&line, &capacity, file) > 0 {
        var k = 0
        while let c = line?[k], c != 0, c != 10, c != 13 { bytes.append(UInt8(bitPattern: c)); k += 1 }
        if k > 0 { offsets.append(bytes.count) }
    }
    fclose(file)
    let words = offsets.count - 1
    _ = EnglishLexicon.shared.wordCount  // build the table outside the timing
    var checksum = 0
    var best = Double.infinity
    var bestLexicon = Double.infinity
    bytes.withUnsafeBufferPointer { all in
        for _ in 0..<repeats {
            let start = now()
            for i in 0..<words {
                let word = UnsafeBufferPointer(rebasing: all[offsets[i]..<offsets[i + 1]])
                checksum &+= Syllables.countByRules(word)
            }
            best = min(best, now() - start)
            let start2 = now()
            for i in 0..<words {
                let word = UnsafeBufferPointer(rebasing: all[offsets[i]..<offsets[i + 1]])
                checksum &+= Syllables.count(word, entry: EnglishLexicon.shared.entry(word))
            }
            bestLexicon = min(bestLexicon, now() - start2)
        }
    }
    let rate = Double(words) / best
    let rateLexicon = Double(words) / bestLexicon
    print("words\t\(words)\tmean_bytes\t\(Double(bytes.count) / Double(max(words, 1)))")
    print("countByRules\t\(Int(rate)) words/s\t\(best / Double(words) * 1e9) ns/word")
    print("count+lookup\t\(Int(rateLexicon)) words/s\t\(bestLexicon / Double(words) * 1e9) ns/word")
    print("checksum\t\(checksum)")
    exit(0)
}

let lexicon = mode == "count"
var output: [UInt8] = []
output.reserveCapacity(1 << 20)
while let line = readLine(strippingNewline: true) {
    if line.isEmpty { continue }
    var bytes = Array(line.utf8)
    let n = bytes.withUnsafeMutableBufferPointer { buffer -> Int in
        let word = UnsafeBufferPointer(buffer)
        return lexicon ? Syllables.count(word, entry: EnglishLexicon.shared.entry(word)) : Syllables.countByRules(word)
    }
    output.append(contentsOf: line.utf8)
    output.append(0x09)
    output.append(contentsOf: String(n).utf8)
    output.append(0x0A)
    if output.count > 1 << 19 {
        output.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
        output.removeAll(keepingCapacity: true)
    }
}
output.withUnsafeBufferPointer { _ = fwrite($0.baseAddress, 1, $0.count, stdout) }
fflush(stdout)
