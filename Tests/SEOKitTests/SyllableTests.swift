import Foundation
import Testing
@testable import SEOKit

/// Hand-checked syllable counts. The rules table holds the hard cases the rules must get right
/// on their own; the lexicon table holds words the rules get wrong and the CMUdict exception
/// lexicon must fix.
enum SyllableTables {
    static let rules: [(String, Int)] = [
    // silent e
        ("make", 1), ("time", 1), ("hope", 1), ("completely", 3), ("statement", 2), ("careful", 2),
        ("homeless", 2), ("lovely", 2), ("the", 1), ("be", 1), ("she", 1), ("whole", 1),
    // -le and -re
        ("table", 2), ("little", 2), ("apple", 2), ("bottle", 2), ("candle", 2), ("castle", 2),
        ("simple", 2), ("style", 1), ("whale", 1), ("tables", 2), ("handled", 2), ("people", 2),
        ("tickle", 2), ("acre", 2), ("centre", 2), ("fire", 2),
    // -ed
        ("wanted", 2), ("needed", 2), ("jumped", 1), ("played", 1), ("loved", 1), ("hated", 2), ("bed", 1),
        ("red", 1), ("shed", 1), ("tried", 1), ("studied", 2), ("agreed", 2), ("hundred", 2),
        ("supposedly", 4),
    // -es
        ("boxes", 2), ("wishes", 2), ("churches", 2), ("faces", 2), ("pages", 2), ("roses", 2), ("makes", 1),
        ("likes", 1), ("goes", 1), ("does", 1), ("horses", 2), ("judges", 2),
    // -ism, -asm, -thm
        ("tourism", 3), ("racism", 3), ("criticism", 4), ("prism", 2), ("chasm", 2), ("rhythm", 2),
        ("algorithm", 4), ("enthusiasm", 5),
    // -ia
        ("media", 3), ("india", 3), ("asia", 2), ("russia", 2), ("bacteria", 4), ("trivia", 3),
        ("militia", 3),
    // -ious, -eous
        ("various", 3), ("serious", 3), ("curious", 3), ("delicious", 3), ("precious", 2), ("anxious", 2),
        ("religious", 3), ("obvious", 3), ("previous", 3), ("cautious", 2), ("gorgeous", 2),
        ("courageous", 3), ("spontaneous", 4), ("hideous", 3), ("courteous", 3),
    // -ian, -tion
        ("indian", 3), ("christian", 2), ("russian", 2), ("musician", 3), ("physician", 3), ("canadian", 4),
        ("guardian", 3), ("librarian", 4), ("nation", 2), ("education", 4), ("question", 2),
        ("attention", 3), ("position", 3), ("mission", 2), ("version", 2),
    // y as a vowel
        ("happy", 2), ("my", 1), ("gym", 1), ("system", 2), ("yes", 1), ("you", 1), ("player", 2),
        ("beyond", 2), ("crying", 2), ("dryer", 2), ("flying", 2), ("anyone", 3), ("everyone", 3), ("yellow", 2),
        ("canyon", 2), ("type", 1), ("python", 2),
    // prefixes
        ("react", 2), ("reenter", 3), ("reopen", 3), ("reuse", 2), ("reinvent", 3), ("preexisting", 4),
        ("preamble", 3), ("cooperate", 4), ("coordinate", 4), ("coexist", 3), ("coauthor", 3),
        ("deactivate", 4), ("reach", 1), ("read", 1), ("real", 1), ("coat", 1), ("cook", 1), ("preach", 1),
    // compounds
        ("something", 2), ("baseball", 2), ("homework", 2), ("lifetime", 2), ("sometimes", 2),
        ("whatever", 3), ("household", 2), ("carelessness", 3), ("firefighter", 3), ("notebook", 2), ("spaceship", 2),
        ("safeguard", 2),
    // vowel pairs
        ("poem", 2), ("idea", 3), ("lion", 2), ("area", 3), ("create", 2), ("creation", 3), ("created", 3),
        ("quiet", 2), ("science", 2), ("diet", 2), ("fuel", 2), ("actual", 3), ("usual", 3), ("going", 2),
        ("being", 2), ("seeing", 2), ("doing", 2), ("museum", 3), ("video", 3), ("radio", 3), ("stadium", 3),
        ("heroic", 3), ("mosaic", 3), ("unique", 2), ("league", 1), ("tongue", 1), ("guess", 1),
        ("guide", 1), ("language", 2), ("queue", 1), ("argue", 2), ("beautiful", 3), ("automatically", 5), ("ocean", 2),
        ("special", 2), ("social", 2), ("initial", 3), ("appreciate", 4), ("negotiate", 4),
    // apostrophes
        ("don't", 1), ("didn't", 2), ("isn't", 2), ("can't", 1), ("won't", 1), ("children's", 2),
        ("boss's", 2), ("james's", 2), ("it's", 1), ("it'll", 2), ("could've", 2), ("you're", 1),
        ("they'll", 1), ("o'clock", 2), ("rock'n'roll", 3), ("'em", 1), ("y'all", 1), ("goin'", 2),
        ("students'", 2), ("don’t", 1), ("didn’t", 2),
    // hyphens
        ("state-of-the-art", 4), ("well-known", 2), ("mother-in-law", 4), ("twenty-one", 3), ("e-mail", 2),
        ("x-ray", 2), ("self-esteem", 3), ("long-term", 2),
    // accented letters
        ("café", 2), ("naïve", 2), ("über", 2), ("résumé", 3), ("fiancé", 3), ("cliché", 2), ("zoë", 2),
        ("noël", 2), ("façade", 2), ("piñata", 3), ("exposé", 3), ("crème", 1),
    // digits
        ("mp3", 3), ("20th", 3), ("4k", 2), ("h2o", 3), ("b2b", 3),
    // very short words, acronyms, interjections
        ("a", 1), ("i", 1), ("o", 1), ("we", 1), ("go", 1), ("ox", 1), ("eye", 1), ("awe", 1), ("to", 1),
        ("hmm", 1), ("shh", 1), ("bbc", 3), ("html", 4),
    // more vowel pairs, compounds and words that are easy to get wrong
        ("voice", 1), ("giant", 2), ("client", 2), ("lawyer", 2), ("fashion", 2), ("senior", 2),
        ("behavior", 3), ("geography", 4), ("atheist", 3), ("messiah", 3), ("recruiting", 3),
        ("continuity", 5), ("aisle", 1), ("isle", 1), ("element", 3), ("gentleman", 3), ("therefore", 2),
        ("eyebrow", 2), ("priest", 1), ("happiest", 3), ("overseas", 3), ("libya", 3), ("noah", 2),
        ("whoever", 3), ("marriage", 2), ("forest", 2), ("forever", 3), ("barefoot", 2), ("trademark", 2),
        ("arguing", 3), ("ambiguous", 4), ("tuition", 3), ("backyard", 2), ("everything", 3), ("heroic", 3),
        ("saying", 2), ("buying", 2), ("denying", 3),
    ]

    /// Words the rules miscount (foreign final e, -ed adjectives, syncope); CMUdict's count wins.
    static let lexicon: [(String, Int)] = [
        ("recipe", 3), ("cafe", 2), ("theatre", 3), ("naked", 2), ("wicked", 2),
        ("california", 4), ("righteous", 2), ("ma'am", 1),
        ("business", 2),
    ]
}

private func rules(_ word: String) -> Int {
    var bytes = Array(word.lowercased().utf8)
    return bytes.withUnsafeMutableBufferPointer { Syllables.countByRules(UnsafeBufferPointer($0)) }
}

private func rules(bytes: [UInt8]) -> Int {
    var bytes = bytes
    return bytes.withUnsafeMutableBufferPointer { Syllables.countByRules(UnsafeBufferPointer($0)) }
}

@Test("rules alone", arguments: SyllableTables.rules)
func syllableRules(_ word: String, _ expected: Int) {
    #expect(rules(word) == expected, "\(word)")
}

@Test("lexicon and rules agree on the rule cases", arguments: SyllableTables.rules)
func syllableCountOnRuleCases(_ word: String, _ expected: Int) {
    #expect(Syllables.count(word) == expected, "\(word)")
}

@Test("the lexicon fixes what the rules miss", arguments: SyllableTables.lexicon)
func syllableLexicon(_ word: String, _ expected: Int) {
    #expect(Syllables.count(word) == expected, "\(word)")
    #expect(rules(word) != expected, "\(word) no longer needs the lexicon: rebuild syllable-exceptions.txt")
}

@Test func syllableSeveralPronunciationsUseTheFirst() {
    // CMUdict: every EH1 V ER0 IY0 first, EH1 V R IY0 second; the first wins.
    #expect(Syllables.count("every") == 3)
    #expect(Syllables.count("family") == 3)
    #expect(Syllables.count("different") == 3)
    #expect(Syllables.count("several") == 2)  // CMUdict lists the reduced form first
}

@Test func syllableHyphenPartsUseTheLexicon() {
    // cafe is a lexicon word (2; the rules say 1): each part of a compound is looked up.
    #expect(Syllables.count("cafe-bar") == 3)
    #expect(rules("cafe-bar") == 2)
    #expect(Syllables.count("business-to-business") == 5)
    // A curly apostrophe finds the straight-apostrophe entry.
    #expect(Syllables.count("ma\u{2019}am") == 1)
    #expect(Syllables.count("ma'am") == 1)
    #expect(rules("ma\u{2019}am") == 2)
}

@Test func syllableEdgeCases() {
    #expect(rules(bytes: []) == 0)
    #expect(rules("'") == 1)
    #expect(rules("-") == 1)
    #expect(rules("x") == 1)
    #expect(rules("w") == 3)  // double-u
    #expect(rules("y") == 1)
    #expect(rules("supercalifragilisticexpialidocious") == 14)
    // Invalid UTF-8, stray continuation bytes, other scripts, emoji: no crash, at least one syllable.
    for bytes: [UInt8] in [[0xC3], [0x80, 0x80], [0xE2, 0x80], [0xF0, 0x9F, 0x98, 0x80], [0x61, 0xFF, 0x62],
                           Array("日本".utf8), Array("naïve\u{301}".utf8), [UInt8](repeating: 0x61, count: 300)] {
        #expect(rules(bytes: bytes) >= 1)
    }
    // Upper-case ASCII and Latin-1 capitals are read like lower case by the rules.
    #expect(rules(bytes: Array("CAFÉ".utf8)) == 2)
    #expect(rules(bytes: Array("Table".utf8)) == 2)
}

@Test func syllableCountsNeverZeroForWords() {
    let words = ["rhythm", "nth", "tsk", "brrr", "psst", "zzz", "crwth", "cwm", "pfft", "hmmm", "mmm", "e", "ye", "eye"]
    for word in words { #expect(rules(word) >= 1, "\(word)") }
}

/// The exception file must hold exactly the words whose CMUdict count the rules miss: every
/// entry is what `count` returns, and none agrees with the rules (else the file is stale:
/// run Corpora/tools/build_syllable_exceptions.py).
@Test func syllableExceptionFileIsCurrent() throws {
    let url = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Corpora/lexicons/syllable-exceptions.txt")
    let text = try String(contentsOf: url, encoding: .utf8)
    var entries = 0
    var stale: [String] = []
    var wrong: [String] = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        let fields = line.split(separator: "\t")
        guard fields.count == 2, let expected = Int(fields[1]) else { continue }
        let word = String(fields[0])
        entries += 1
        if Syllables.count(word) != expected { wrong.append(word) }
        if rules(word) == expected { stale.append(word) }
    }
    #expect(entries > 1000)
    #expect(wrong.isEmpty, "lexicon not applied: \(wrong.prefix(10))")
    #expect(stale.isEmpty, "entries the rules already get right: \(stale.prefix(10))")
}
