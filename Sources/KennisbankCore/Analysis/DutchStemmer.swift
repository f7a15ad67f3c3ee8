import XapianKit

/// Snowball's Dutch stemmer with three repairs measured on Tests/Relevance/conflation:
/// a second pass (Snowball strips one suffix layer, so *fiets* → *fiet* but *fietsen* → *fiets*)
/// undoubling of any final double consonant (*rollenspellen* → *rollenspell* → *rollenspel*),
/// and plural -s after diminutives and apostrophes (*meisjes*, *baby's*).
struct DutchStemmer {
    private let snowball: XapianStemmer

    init() throws(XapianError) {
        snowball = try XapianStemmer(language: "dutch")
    }

    func stem(_ word: String) -> String {
        var word = word
        // Plural -s after a diminutive (meisjes, briefjes) and after an apostrophe (baby's) is left
        // alone by Snowball; strip it so the plural meets the singular.
        if word.hasSuffix("jes") && word.count > 4 { word.removeLast() }
        if word.hasSuffix("'s") && word.count > 3 { word.removeLast(2) }
        let once = snowball.stem(word)
        var stem = once.count >= 4 && once != word ? snowball.stem(once) : once
        if stem.count < 3 { stem = once }
        return Self.undouble(stem)
    }

    static func undouble(_ stem: String) -> String {
        let scalars = Array(stem.unicodeScalars)
        guard scalars.count >= 4, let last = scalars.last, scalars[scalars.count - 2] == last,
              !"aeiouy".unicodeScalars.contains(last) else { return stem }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars.dropLast())
        return String(view)
    }
}
