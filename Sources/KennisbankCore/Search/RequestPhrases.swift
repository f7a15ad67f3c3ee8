/// The polite wrapping of a question typed as a sentence: *ik zoek informatie over loverboys*, *please
/// supply information on parametric amplifiers*. Its words say nothing about the subject, yet as query words
/// they carry weight: *informatie* and *information* are in thousands of documents, and rank those that
/// happen to say them often. They are dropped only in these constructions, so *informatie-uitwisseling* and
/// *information transfer* stay searchable; a query that is nothing but such a phrase is left alone.
enum RequestPhrases {
    /// Lowercased word sequences, longest first within each language.
    static let phrases: [[String]] = [
        // Dutch
        "ik ben op zoek naar", "ik zoek informatie over", "ik wil graag weten", "ik wil graag", "ik zoek naar",
        "op zoek naar", "ik zoek", "meer informatie over", "informatie over", "informatie omtrent",
        "literatuur over", "artikelen over", "graag",
        // English
        "could you please give me", "could you please send", "could you please", "i would like information on",
        "i would like information about", "i would like", "i am interested in", "i am looking for", "i wish to have",
        "i wish to", "please supply information on", "please supply", "please send", "please give", "please",
        "information on", "information about", "information concerning", "references on", "references to",
        "references about", "details of", "details on", "articles about", "articles on", "an abstract on",
        "abstracts on", "papers on", "literature on",
    ].map { $0.split(separator: " ").map(String.init) }

    /// The tokens without request phrases; unchanged when nothing else would remain.
    static func strip(_ tokens: [QueryRepair.Token]) -> [QueryRepair.Token] {
        var out: [QueryRepair.Token] = []
        var index = 0
        var removed = false
        while index < tokens.count {
            if let length = match(at: index, in: tokens) {
                index += length
                removed = true
            } else {
                out.append(tokens[index])
                index += 1
            }
        }
        guard removed, out.contains(where: { if case .word = $0 { return true }; if case .phrase = $0 { return true }; return false })
        else { return tokens }
        return out
    }

    private static func match(at index: Int, in tokens: [QueryRepair.Token]) -> Int? {
        for phrase in phrases where index + phrase.count <= tokens.count {
            let matches = phrase.indices.allSatisfy { offset in
                if case .word(let word) = tokens[index + offset] { return word.lowercased() == phrase[offset] }
                return false
            }
            if matches { return phrase.count }
        }
        return nil
    }
}
