import Foundation

/// Finds the parts of Dutch compounds (*jeugdprostitutie* → *jeugd* + *prostitutie*) from a lexicon:
/// Debian's Dutch word list (`wdutch`) plus the domain words curators add in `Corpus/lexicon.txt`.
/// Dutch linking elements (-s-, -e-, -en-, -er-) between the parts are recognised.
public final class Decompounder: Sendable {
    private let lexicon: DutchLexicon
    static let minimumPart = 4
    static let minimumWord = 8
    static let linkingElements = ["s", "e", "en", "er"]

    public init(lexicon: DutchLexicon) {
        self.lexicon = lexicon
    }

    public convenience init(words: Set<String>) {
        self.init(lexicon: DutchLexicon(words: words))
    }

    /// The shared decompounder over the shared lexicon.
    public static let shared = Decompounder(lexicon: .shared)

    public var isEmpty: Bool { lexicon.isEmpty }

    /// The parts of a folded, lowercased word, or [] when it is not a compound the lexicon knows.
    public func parts(of word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= Self.minimumWord else { return [] }
        return split(scalars, depth: 0) ?? []
    }

    private func string(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Tries the longest head first whose tail is a word; parts shorter than `minimumPart` are never
    /// accepted, which keeps short lexicon entries (*aar*, *ver*) from producing nonsense splits.
    private func split(_ scalars: [Unicode.Scalar], depth: Int) -> [String]? {
        guard depth < 3, scalars.count >= 2 * Self.minimumPart else { return nil }
        let count = scalars.count
        for headLength in stride(from: count - Self.minimumPart, through: Self.minimumPart, by: -1) {
            let tail = string(scalars[headLength...])
            guard lexicon.contains(tail) else { continue }
            let head = Array(scalars[..<headLength])
            if let headParts = resolve(head, depth: depth) {
                return headParts + [tail]
            }
        }
        return nil
    }

    /// A head is a word, a word plus a linking element, or itself a compound.
    private func resolve(_ head: [Unicode.Scalar], depth: Int) -> [String]? {
        let whole = string(head[...])
        if lexicon.contains(whole) { return [whole] }
        for link in Self.linkingElements {
            let linkCount = link.unicodeScalars.count
            guard head.count - linkCount >= Self.minimumPart, whole.hasSuffix(link) else { continue }
            let stripped = string(head[..<(head.count - linkCount)])
            if lexicon.contains(stripped) { return [stripped] }
        }
        return split(head, depth: depth + 1)
    }
}
