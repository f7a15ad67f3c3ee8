/// Lowercase, diacritic-free spelling of a word, so *coördinatie* and *coordinatie* meet.
enum Folding {
    /// Folds an already lowercased word. Returns the input unchanged (no allocation) when it is plain ASCII.
    static func fold(_ word: String) -> String {
        guard word.utf8.contains(where: { $0 >= 0x80 }) else { return word }
        var out = String.UnicodeScalarView()
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x300...0x36F: continue  // combining marks left by decomposed input
            case 0xE0...0xE5: out.append("a")
            case 0xE7: out.append("c")
            case 0xE8...0xEB: out.append("e")
            case 0xEC...0xEF: out.append("i")
            case 0xF1: out.append("n")
            case 0xF2...0xF6, 0xF8: out.append("o")
            case 0xF9...0xFC: out.append("u")
            case 0xFD, 0xFF: out.append("y")
            case 0x133: out.append("i"); out.append("j")  // ĳ ligature
            case 0x2019, 0x2018: out.append("'")
            default: out.append(scalar)
            }
        }
        return String(out)
    }
}
