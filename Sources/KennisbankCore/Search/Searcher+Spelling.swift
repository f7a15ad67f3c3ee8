import XapianKit

/// "Bedoelde u ...?": spelling corrections from the dictionaries of the levels this searcher opened, so no
/// word of a level the caller may not see can be suggested.
extension Searcher {
    /// How much commoner a suggestion must be than a typed word the collection contains.
    static let typoRatio: UInt64 = 10

    /// "Bedoelde u ...?": each plain word replaced by the spelling dictionary's best match, offered only
    /// when the corrected query finds something. The dictionaries are per level, so only words from
    /// documents this caller may see can be suggested.
    func spellingSuggestion(for text: String, dateQuery: XapianQuery?) throws(KennisbankError) -> String? {
        let tokens = QueryRepair.repairedTokens(text.trimmingWhitespace())
        var changed = false
        var corrected: [QueryRepair.Token] = []
        do {
            for token in tokens {
                // Short words have too many neighbours one edit away (fiets → iets): leave them alone.
                if case .word(let word) = token, QueryExpansion.isPlain(word), word.count >= 6,
                   let suggestion = try spellingSuggestion(forWord: word.lowercased()), suggestion != word.lowercased(),
                   !Self.stopwords.contains(suggestion) {
                    corrected.append(.word(suggestion))
                    changed = true
                } else if case .phrase(let phrase) = token, let compound = try compound(ofPhrase: phrase) {
                    // *"jeugd prostitutie"* finds nothing: Dutch writes it as one word.
                    corrected.append(.word(compound))
                    changed = true
                } else {
                    corrected.append(token)
                }
            }
            guard changed else { return nil }
            let suggestion = QueryRepair.render(corrected)
            let interpretation = try interpret(suggestion, languages: nil, expand: false, mode: .all)
            var probe = interpretation.query
            if let dateQuery { probe = .combine(.filter, [probe, dateQuery]) }
            var options = XapianSearchOptions()
            options.limit = 1
            return try database.search(probe, options: options).count > 0 ? suggestion : nil
        } catch let error as XapianError {
            throw .index("spelling lookup failed: \(error.message)")
        } catch let error as KennisbankError {
            throw error
        } catch {
            throw .index("spelling lookup failed: \(error)")
        }
    }

    /// Xapian finds no spelling suggestion in several databases opened as one, so each level the caller may
    /// see is asked in turn (the most public first); the first suggestion wins.
    private func spellingSuggestion(forWord word: String) throws(XapianError) -> String? {
        var suggestion: String? = nil
        for shard in shards {
            if let found = try shard.spellingSuggestion(for: word) { suggestion = found; break }
        }
        guard let suggestion else { return nil }
        // A word this caller's documents contain is taken as meant unless the suggestion is far commoner: a
        // typo in one report is still corrected, *zeeland* is not turned into *beland*.
        let typed = try spellingFrequency(word)
        if typed > 0, typed * Self.typoRatio >= (try spellingFrequency(suggestion)) { return nil }
        return suggestion
    }

    /// How often the caller's own levels have `word` in their spelling dictionaries.
    private func spellingFrequency(_ word: String) throws(XapianError) -> UInt64 {
        var total: UInt64 = 0
        for shard in shards { total += UInt64(try shard.spellingFrequency(of: word)) }
        return total
    }

    /// The one word a quoted two-word phrase makes when written together, if the caller's documents have it.
    private func compound(ofPhrase phrase: String) throws(XapianError) -> String? {
        let words = phrase.split(separator: " ")
        guard words.count == 2, words.allSatisfy({ $0.count >= 3 && $0.allSatisfy(\.isLetter) }) else { return nil }
        let joined = words.joined().lowercased()
        return try spellingFrequency(joined) > 0 ? joined : nil
    }
}
