import Foundation

/// Finds the parts of Dutch compounds (*jeugdprostitutie* → *jeugd* + *prostitutie*) from a lexicon:
/// Debian's Dutch word list (`wdutch`) plus the domain words curators add in `Corpus/lexicon.txt`.
/// Dutch linking elements (-s-, -e-, -en-, -er-) between the parts are recognised.
public final class Decompounder: Sendable {
    private let lexicon: Set<String>
    static let minimumPart = 4
    static let minimumWord = 8
    static let linkingElements = ["s", "e", "en", "er"]

    public init(words: Set<String>) {
        lexicon = words
    }

    /// The shared decompounder built from the system word list and the domain lexicon, loaded once.
    public static let shared: Decompounder = {
        var words = Set<String>()
        for path in ["/usr/share/dict/dutch", "/usr/share/dict/nederlands"] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.count >= minimumPart && !line.contains("'") {
                let first = line.unicodeScalars.first!
                if first.properties.isUppercase { continue }  // proper names are not compound heads
                words.insert(Folding.fold(String(line)))
            }
            break
        }
        if let domain = domainLexiconURL, let text = try? String(contentsOf: domain, encoding: .utf8) {
            for line in text.split(separator: "\n") where !line.hasPrefix("#") {
                let word = Folding.fold(line.trimmingCharacters(in: .whitespaces).lowercased())
                if word.count >= 3 { words.insert(word) }
            }
        }
        return Decompounder(words: words)
    }()

    /// `Corpus/lexicon.txt` beside this source tree, or `KENNISBANK_LEXICON`.
    static var domainLexiconURL: URL? {
        if let path = ProcessInfo.processInfo.environment["KENNISBANK_LEXICON"] { return URL(fileURLWithPath: path) }
        let here = URL(fileURLWithPath: #filePath)
        let candidate = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus/lexicon.txt")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }

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
