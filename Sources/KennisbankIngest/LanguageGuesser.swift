/// Tells Dutch from English by counting function words that only one of the two has.
/// Only used when neither the metadata nor the file names a language.
enum LanguageGuesser {
    private static let dutch: Set<String> = ["de", "het", "een", "en", "van", "dat", "die", "niet", "met", "voor", "zijn",
                                             "worden", "wordt", "ook", "aan", "bij", "naar", "door", "als", "er", "nog",
                                             "maar", "te", "deze", "zij", "hij", "wij", "ik", "heeft", "hebben", "kan", "of"]
    private static let english: Set<String> = ["the", "of", "and", "to", "that", "for", "with", "as", "are", "be", "by",
                                               "this", "it", "was", "from", "or", "which", "not", "have", "has", "were",
                                               "their", "they", "we", "an", "been", "can", "these", "there"]

    /// "nl", "en", or nil when the text is too short or too mixed to tell.
    static func guess(_ paragraphs: [String], sampleWords: Int = 4000) -> String? {
        var dutchHits = 0, englishHits = 0, seen = 0
        outer: for paragraph in paragraphs {
            for word in paragraph.lowercased().split(whereSeparator: { !$0.isLetter }) {
                let word = String(word)
                if dutch.contains(word) { dutchHits += 1 }
                if english.contains(word) { englishHits += 1 }
                seen += 1
                if seen >= sampleWords { break outer }
            }
        }
        // "of" is in both lists on purpose: it cancels out.
        guard max(dutchHits, englishHits) >= 5 else { return nil }
        if dutchHits >= englishHits * 2 { return "nl" }
        if englishHits >= dutchHits * 2 { return "en" }
        return nil
    }
}
