import XapianKit

/// Dutch stemming measured on Tests/Relevance/conflation: the lexicon-checked lemmatiser first
/// (verb forms, diminutives, comparatives, irregular forms), then Snowball's Dutch stemmer with repairs:
/// a second pass (Snowball strips one suffix layer, so *fiets* → *fiet* but *fietsen* → *fiets*),
/// undoubling of a final double consonant (*rollenspellen* → *rollenspell* → *rollenspel*), plural -s
/// after diminutives, -ie and apostrophes (*meisjes*, *instanties*, *baby's*), and one spelling for the
/// open and closed syllable (*seksuele*/*seksueel*, *preventieve*/*preventief*).
struct DutchStemmer {
    private let snowball: XapianStemmer
    private let lemmatizer: DutchLemmatizer?

    init(lexicon: DutchLexicon? = nil) throws(XapianError) {
        snowball = try XapianStemmer(language: "dutch")
        lemmatizer = lexicon.flatMap { $0.isEmpty ? nil : DutchLemmatizer(lexicon: $0) }
    }

    func stem(_ word: String) -> String {
        var word = lemmatizer?.lemma(word) ?? word
        // Plural -s after a diminutive (meisjes, briefjes), after -ie (instanties), after -eau (cadeaus)
        // and after an apostrophe (baby's) is left alone by Snowball; strip it so the plural meets the singular.
        if (word.hasSuffix("jes") && word.count > 4) || (word.hasSuffix("ies") && word.count > 5)
            || (word.hasSuffix("eaus") && word.count > 5) { word.removeLast() }
        if word.hasSuffix("'s") && word.count > 3 { word.removeLast(2) }
        let once = snowball.stem(word)
        var stem = once.count >= 4 && once != word ? snowball.stem(once) : once
        if stem.count < 3 { stem = once }
        return Self.closedSyllable(Self.undouble(stem))
    }

    static func undouble(_ stem: String) -> String {
        let scalars = Array(stem.unicodeScalars)
        guard scalars.count >= 4, let last = scalars.last, scalars[scalars.count - 2] == last,
              !"aeiouy".unicodeScalars.contains(last) else { return stem }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.dropLast())
        return String(view)
    }

    /// One spelling for a final syllable that Dutch writes two ways: *seksueel*/*seksuel(e)*,
    /// *sociaal*/*social(e)*, *preventief*/*preventiev(e)*.
    static func closedSyllable(_ stem: String) -> String {
        var s = Array(stem)
        guard s.count >= 5 else { return stem }
        if s.last == "v" { s[s.count - 1] = "f" }
        if let single = DutchLemmatizer.singleVowel(s) { s = single }
        return String(s)
    }
}
