/// Decides whether a hyphen at a line end is a typesetter's break or a real hyphen, using what the document
/// itself writes elsewhere: if "mensenhandelonderzoek" occurs in running text the break is joined, if only
/// "informatie-uitwisseling" occurs the hyphen is kept. Without evidence, a lowercase continuation is joined.
struct HyphenationEvidence {
    enum Decision: Equatable {
        /// "jeugd-" + "prostitutie" → "jeugdprostitutie"
        case join
        /// "Noord-" + "Holland" → "Noord-Holland"
        case keepHyphen
        /// "land-" + "en tuinbouw" → "land- en tuinbouw"
        case separate
    }

    private var words = Set<String>()
    private var compounds = Set<String>()

    /// Words that continue a Dutch or English elliptical compound: "opsporings- en vervolgingsbeleid".
    static let conjunctions: Set<String> = ["en", "of", "tot", "noch", "dan", "and", "or", "nor", "to"]
    /// Prefixes written with a hyphen (non-gouvernementeel, non-profit).
    static let hyphenPrefixes: Set<String> = ["non"]

    init<S: Sequence>(_ lines: S) where S.Element == String {
        // Byte-level for speed: ASCII letters and hyphens, and every non-ASCII byte (Dutch letters with
        // diacritics are multi-byte), make up tokens; ASCII letters are lowercased on the way.
        var token: [UInt8] = []
        func flush() {
            defer { token.removeAll(keepingCapacity: true) }
            // A fragment that ends (or starts) with a hyphen is exactly what we are trying to decide about.
            guard token.count > 1, token.first != 0x2D, token.last != 0x2D else { return }
            let text = String(decoding: token, as: UTF8.self)
            if token.contains(0x2D) { compounds.insert(text) } else { words.insert(text) }
        }
        for line in lines {
            for byte in line.utf8 {
                switch byte {
                case 0x41...0x5A: token.append(byte + 32)
                case 0x61...0x7A, 0x2D, 0x80...: token.append(byte)
                default: flush()
                }
            }
            flush()
        }
    }

    /// - Parameters:
    ///   - before: the text before the line-end hyphen.
    ///   - after: the next line.
    func decide(before: Substring, after: String) -> Decision {
        guard let last = before.last, let next = after.first else { return .separate }
        if last.isNumber && next.isNumber { return .keepHyphen }  // "2003-" + "2004"
        guard last.isLetter else { return .separate }  // a dash after a space or punctuation, not a broken word
        let head = String(before.reversed().prefix { $0.isLetter }.reversed())
        let tail = String(after.prefix { $0.isLetter })
        guard next.isLetter else { return .keepHyphen }
        if next.isUppercase { return .keepHyphen }
        let nextWord = after.prefix { !$0.isWhitespace && !",.;:".contains($0) }
        if Self.conjunctions.contains(String(nextWord)) { return .separate }
        if head.count >= 2, head.allSatisfy(\.isUppercase) { return .keepHyphen }  // "VN-verdrag", "OM-zaken"
        // Lowercased like the evidence: ASCII letters only.
        func lower(_ text: String) -> String { String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 + 32 : $0 }, as: UTF8.self) }
        let joined = lower(head + tail)
        let hyphenated = lower(head) + "-" + lower(tail)
        if words.contains(joined) { return .join }
        if compounds.contains(hyphenated) { return .keepHyphen }
        if Self.hyphenPrefixes.contains(head.lowercased()) { return .keepHyphen }
        return .join
    }
}
