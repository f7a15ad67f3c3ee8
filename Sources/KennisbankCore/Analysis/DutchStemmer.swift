import XapianKit

/// Snowball's Dutch stemmer with two repairs measured on Tests/Relevance/conflation:
/// a second pass (Snowball strips one suffix layer, so *fiets* → *fiet* but *fietsen* → *fiets*)
/// and undoubling of any final double consonant (*rollenspellen* → *rollenspell* → *rollenspel*).
struct DutchStemmer {
    private let snowball: XapianStemmer

    init() throws(XapianError) {
        snowball = try XapianStemmer(language: "dutch")
    }

    func stem(_ word: String) -> String {
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
