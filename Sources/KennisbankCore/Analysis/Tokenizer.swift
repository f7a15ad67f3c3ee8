/// Splits text into lowercased words. Apostrophes inside words stay (*sms'jes*); hyphenated words
/// (*loverboy-problematiek*) come out as their parts plus the joined form.
struct Tokenizer {
    /// Acronyms are 2 to this many letters long (*OM*, *GGD*, *BIBOB*).
    static let longestAcronym = 6

    struct Token {
        /// Lowercased word as written (diacritics kept).
        var word: String
        /// For a hyphenated word: its parts. The word itself is then the joined form.
        var hyphenParts: [String]
        /// Written in capitals like an acronym (*OM*, *GGD*, *JenV*): indexed apart from the plain word.
        var isAcronym: Bool = false
    }

    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (value >= 0x61 && value <= 0x7A) || (value >= 0x41 && value <= 0x5A) || (value >= 0x30 && value <= 0x39)
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }

    /// Calls `emit` for every token of `text`, in order.
    static func tokenize(_ text: String, _ emit: (Token) -> Void) {
        var current = String.UnicodeScalarView()
        var parts: [String] = []
        var pending: Unicode.Scalar? = nil  // an apostrophe or hyphen that joins only if a letter follows
        var uppercase = 0
        var firstUppercase = false
        var length = 0
        var needsLowercasing = false  // only non-ASCII capitals need the full Unicode mapping

        func finishPart() {
            guard !current.isEmpty else { return }
            let part = String(current)
            parts.append(needsLowercasing ? part.lowercased() : part)
            needsLowercasing = false
            current = String.UnicodeScalarView()
        }
        func finishToken() {
            finishPart()
            pending = nil
            guard !parts.isEmpty else { return }
            let acronym = parts.count == 1 && firstUppercase && uppercase >= 2 && (2...longestAcronym).contains(length)
            uppercase = 0
            length = 0
            firstUppercase = false
            if parts.count == 1 {
                emit(Token(word: parts[0], hyphenParts: [], isAcronym: acronym))
            } else {
                emit(Token(word: parts.joined(), hyphenParts: parts))
            }
            parts = []
        }

        for scalar in text.unicodeScalars {
            if isWordScalar(scalar) {
                if let joiner = pending {
                    if joiner == "-" { finishPart() } else { current.append("'") }
                    pending = nil
                }
                // ASCII first: Unicode property lookups are the slowest part of tokenising.
                if scalar.value < 0x80 {
                    if scalar.value >= 0x41 && scalar.value <= 0x5A {
                        if length == 0 { firstUppercase = true }
                        uppercase += 1
                        current.append(Unicode.Scalar(scalar.value + 32)!)
                    } else {
                        current.append(scalar)
                    }
                } else {
                    if scalar.properties.isUppercase {
                        if length == 0 { firstUppercase = true }
                        uppercase += 1
                        needsLowercasing = true
                    }
                    current.append(scalar)
                }
                length += 1
            } else if (scalar == "'" || scalar == "\u{2019}") && !current.isEmpty && pending == nil {
                pending = "'"
            } else if (scalar == "-" || scalar == "\u{2010}") && !current.isEmpty && pending == nil {
                pending = "-"
            } else if scalar.value >= 0x300 && scalar.properties.generalCategory == .nonspacingMark && !current.isEmpty {
                current.append(scalar)
            } else {
                finishToken()
            }
        }
        finishToken()
    }
}
