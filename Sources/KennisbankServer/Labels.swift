import KennisbankCore

/// Dutch display names: facet titles, vocabulary labels for values, dates.
struct Labels: Sendable {
    let vocabulary: Vocabulary?

    func label(_ value: String, in facet: Facet) -> String {
        vocabulary?.label(for: value, in: facet.rawValue) ?? value
    }

    static func title(of facet: Facet) -> String {
        switch facet {
        case .type: "Soort document"
        case .theme: "Thema"
        case .audience: "Doelgroep"
        case .approach: "Aanpak"
        case .region: "Regio"
        case .organisation: "Organisatie"
        case .language: "Taal"
        case .access: "Toegang"
        }
    }

    func evidence(_ value: String) -> String {
        vocabulary?.label(for: value, in: "evidence") ?? value
    }

    private static let months = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                                 "september", "oktober", "november", "december"]

    /// `2019-03-12` → `12 maart 2019`; `2019-03` → `maart 2019`; anything else as given.
    static func date(_ iso: String) -> String {
        let parts = iso.split(separator: "-").map(String.init)
        guard let year = parts.first, year.count == 4 else { return iso }
        if parts.count >= 2, let month = Int(parts[1]), (1...12).contains(month) {
            if parts.count >= 3, let day = Int(parts[2]) { return "\(day) \(months[month - 1]) \(year)" }
            return "\(months[month - 1]) \(year)"
        }
        return year
    }

    /// `1234` → `1.234` (Dutch thousands separator).
    static func number(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(".") }
            out.append(character)
        }
        return (value < 0 ? "-" : "") + out
    }
}

/// Makes extracts from the Searcher safe to insert unescaped: they are already escaped text with `<mark>`,
/// and this guarantees it — any other `<` or `>` is escaped, so only `<mark>` and `</mark>` survive as tags.
enum SafeMarkup {
    static func marked(_ html: String) -> String {
        let open = "\u{E000}", close = "\u{E001}"
        let protected = html.replacingOccurrences(of: "<mark>", with: open).replacingOccurrences(of: "</mark>", with: close)
        var out = ""
        out.reserveCapacity(protected.count)
        for character in protected {
            switch character {
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out.replacingOccurrences(of: open, with: "<mark>").replacingOccurrences(of: close, with: "</mark>")
    }
}
