import Foundation

/// The Dutch word list that decompounding and lemmatisation consult: Debian's `wdutch` (every inflected
/// form, so *werkte*, *gewerkt* and *werken* are all in it) plus the domain words curators add in
/// `Corpus/lexicon.txt`. Folded and lowercased; proper names are left out. Loaded once per process.
public final class DutchLexicon: Sendable {
    private let words: Set<String>

    public init(words: Set<String>) {
        self.words = words
    }

    public static let shared: DutchLexicon = {
        var words = Set<String>()
        for path in ["/usr/share/dict/dutch", "/usr/share/dict/nederlands"] {
            guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { continue }
            for line in text.split(separator: "\n") where line.count >= 3 && !line.contains("'") {
                if line.unicodeScalars.first!.properties.isUppercase { continue }
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
        return DutchLexicon(words: words)
    }()

    /// `Corpus/lexicon.txt` beside this source tree, or `KENNISBANK_LEXICON`.
    static var domainLexiconURL: URL? {
        if let path = ProcessInfo.processInfo.environment["KENNISBANK_LEXICON"] { return URL(fileURLWithPath: path) }
        let here = URL(fileURLWithPath: #filePath)
        let candidate = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Corpus/lexicon.txt")
        return FileManager.default.fileExists(atPath: candidate.path) ? candidate : nil
    }

    public var isEmpty: Bool { words.isEmpty }

    public func contains(_ word: String) -> Bool { words.contains(word) }
}
