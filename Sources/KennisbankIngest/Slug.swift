import Foundation
import KennisbankCore

/// Document ids for files that do not name one: derived from the path inside the collection, so the same
/// file always gets the same id ("NRM/Jaarplan 2017.pdf" → "nrm-jaarplan-2017").
enum Slug {
    /// Same limit as the schema's id pattern.
    static let maxLength = 81

    static func id(forPath path: String) -> String {
        var withoutExtension = path
        if let dot = path.lastIndex(of: "."), !path[dot...].contains("/") { withoutExtension = String(path[..<dot]) }
        let folded = withoutExtension.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: Locale(identifier: "en_US_POSIX"))
        var slug = ""
        for character in folded.lowercased() {
            if character.isASCII && (character.isLetter || character.isNumber) {
                slug.append(character)
            } else if !slug.isEmpty && slug.last != "-" {
                slug.append("-")
            }
        }
        while slug.last == "-" { slug.removeLast() }
        if slug.isEmpty { slug = "document" }
        if slug.count > maxLength {
            // Long paths keep their start and get a short hash, so two long names stay distinct.
            let hash = String(ContentFingerprint.of(Array(path.utf8)).prefix(8))
            slug = String(slug.prefix(maxLength - 9)).trimmingCharacters(in: CharacterSet(charactersIn: "-")) + "-" + hash
        }
        return slug
    }
}
