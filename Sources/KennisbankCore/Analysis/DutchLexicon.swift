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
            guard let data = FileManager.default.contents(atPath: path) else { continue }
            words.reserveCapacity(420_000)
            // Byte-level scan: 400,000 lines, read by every process that stems Dutch, so keep it cheap.
            data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
                var start = 0
                for index in 0...bytes.count {
                    guard index == bytes.count || bytes[index] == 0x0A else { continue }
                    defer { start = index + 1 }
                    let line = UnsafeRawBufferPointer(rebasing: bytes[start..<index])
                    // At least 3 letters, no apostrophes (*baby's*), no proper names (capital first letter).
                    guard line.count >= 3, !line.contains(0x27), !(0x41...0x5A).contains(line[0]) else { continue }
                    let word = String(decoding: line, as: UTF8.self)
                    if line[0] >= 0x80, word.unicodeScalars.first!.properties.isUppercase { continue }
                    words.insert(Folding.fold(word))
                }
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
