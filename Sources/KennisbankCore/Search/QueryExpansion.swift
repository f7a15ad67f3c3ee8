import XapianKit

/// Expands query words through the thesaurus held in the index's synonym table.
/// Longest match first (up to four words), never inside quotes, never words with a field prefix or wildcard.
struct QueryExpansion {
    /// What was expanded, to show the user (and let them switch it off).
    struct Applied: Codable, Sendable, Equatable {
        var term: String
        var added: [String]
    }

    let database: XapianDatabase
    let analyzer: Analyzer
    let stopwords: Set<String>

    func expand(_ tokens: [QueryRepair.Token]) throws(XapianError) -> (tokens: [QueryRepair.Token], applied: [Applied]) {
        var out: [QueryRepair.Token] = []
        var applied: [Applied] = []
        var index = 0
        while index < tokens.count {
            var matched = false
            for length in stride(from: min(4, tokens.count - index), through: 1, by: -1) {
                let window = tokens[index..<(index + length)]
                let words = window.compactMap { token -> String? in
                    if case .word(let word) = token, Self.isPlain(word) { return word }
                    return nil
                }
                guard words.count == length else { continue }
                var alternatives = try database.synonyms(for: Self.key(words, analyzer: analyzer))
                    .filter { Self.isAcronym($0) || !stopwords.contains($0.lowercased()) }
                if alternatives.isEmpty, length == 2 { alternatives = try compoundSynonyms(words) }
                if length == 1, !alternatives.isEmpty, !Self.isAcronym(words[0]),
                   try !isThesaurusWord(words[0], alternatives: alternatives) { alternatives = [] }
                guard !alternatives.isEmpty else { continue }
                out.append(.expansion(original: words, alternatives: alternatives))
                applied.append(Applied(term: words.count == 1 && Self.isAcronym(words[0]) ? words[0] : words.joined(separator: " ").lowercased(),
                                       added: alternatives))
                index += length
                matched = true
                break
            }
            if !matched {
                out.append(tokens[index])
                index += 1
            }
        }
        return (out, applied)
    }

    /// Dutch compounds typed as two words (*jeugd prostitutie*, *hotel kamers*): the compound and its
    /// synonyms. Only true synonyms, those that list the compound in turn: a broader term such as
    /// *mensenhandel* would make every document about it count as having all the words.
    private func compoundSynonyms(_ words: [String]) throws(XapianError) -> [String] {
        guard analyzer.stage.decompounding, words.allSatisfy({ $0.count >= 3 && $0.allSatisfy(\.isLetter) }),
              !words.contains(where: { Self.isAcronym($0) || stopwords.contains($0.lowercased()) }) else { return [] }
        let joined = words.joined().lowercased()
        let joinedKey = Self.key([joined], analyzer: analyzer)
        var synonyms: [String] = []
        for alternative in try database.synonyms(for: joinedKey) where !stopwords.contains(alternative.lowercased()) {
            if try expansions(of: alternative).contains(where: { key(of: $0) == joinedKey }) { synonyms.append(alternative) }
        }
        return synonyms.isEmpty ? [] : [joined] + synonyms
    }

    /// Whether a typed word really is the thesaurus entry its stem matched. The synonym table is keyed by
    /// Dutch stems, and an English word can share one with a Dutch entry: *signal* has the stem of *signalen*,
    /// and was expanded to *warning signs*. A Dutch word (or a form of one) or a term the thesaurus itself
    /// lists is; anything else is not. Without a lexicon every stem match counts, as before.
    private func isThesaurusWord(_ word: String, alternatives: [String]) throws(XapianError) -> Bool {
        let lexicon = DutchLexicon.shared
        let folded = Folding.fold(word.lowercased())
        if lexicon.isEmpty || lexicon.contains(folded) || lexicon.contains(analyzer.stem(folded)) { return true }
        for alternative in alternatives where try expansions(of: alternative).contains(where: { Folding.fold($0) == folded }) {
            return true
        }
        return false
    }

    /// What the thesaurus expands an expression (as written in it) to: the way back from an alternative.
    private func expansions(of expression: String) throws(XapianError) -> [String] {
        try database.synonyms(for: key(of: expression))
    }

    private func key(of expression: String) -> String {
        Self.key(expression.split(separator: " ").map(String.init), analyzer: analyzer)
    }

    static func isPlain(_ word: String) -> Bool {
        !word.contains(":") && !word.contains("*") && !word.hasPrefix("-") && !word.hasPrefix("+")
    }

    /// *OM*, *NRM*, *JenV*: short, starting with a capital, with at least two capitals.
    static func isAcronym(_ word: String) -> Bool {
        (2...Tokenizer.longestAcronym).contains(word.count) && word.first?.isUppercase == true && word.filter(\.isUppercase).count >= 2
    }

    /// Synonym-table key: acronyms by their exact capitals (so *OM* is not the word *om*),
    /// anything else by its stems (so *loverboys* finds *loverboy*).
    static func key(_ words: [String], analyzer: Analyzer) -> String {
        if words.count == 1, isAcronym(words[0]) { return "^" + words[0] }
        return words.map { word in
            var stems: [String] = []
            Tokenizer.tokenize(word) { stems.append(analyzer.stem($0.word)) }
            return stems.joined(separator: " ")
        }.joined(separator: " ")
    }
}
