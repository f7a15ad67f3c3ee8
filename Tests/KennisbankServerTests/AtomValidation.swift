import Foundation
import LibXMLKit

/// Checks an Atom feed the way a feed validator would: against `Resources/atom.rng` (the subset of RFC 4287 the
/// saved-search feeds use, with libxml2's RELAX NG validator) and RFC 3339 for its dates.
///
/// In a file of its own because LibXMLKit's `XMLElement` would clash with FoundationXML's in the tests that read
/// feeds with `XMLDocument`.
enum AtomValidation {
    private static let schema = Result { () throws(XMLDiagnostics) -> RelaxNGSchema in
        guard let url = Bundle.module.url(forResource: "atom", withExtension: "rng") else {
            throw XMLDiagnostics([XMLDiagnostic(line: 0, column: 0, message: "atom.rng is missing from the test bundle")])
        }
        return try RelaxNGSchema(path: url.path)
    }

    /// What the schema finds wrong with `text` (line, column, message); empty when it is valid.
    static func problems(_ text: String) -> [String] {
        do {
            _ = try XMLReader.parse(Array(text.utf8), schema: try schema.get())
            return []
        } catch {
            return error.items.map(\.description)
        }
    }

    /// An RFC 3339 date-time as RFC 4287 (3.3) wants it: `2024-01-31T09:30:00Z`, `2024-01-31T09:30:00.25+01:00`;
    /// upper-case T and Z, a time zone, and a date and time that exist (no 31 April, no 24:00).
    static func isRFC3339(_ text: String) -> Bool {
        let pattern = #"^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$"#
        guard let regex = try? NSRegularExpression(pattern: pattern),
              let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { return false }
        func number(_ group: Int) -> Int? {
            guard let range = Range(match.range(at: group), in: text) else { return nil }
            return Int(text[range])
        }
        guard let year = number(1), let month = number(2), let day = number(3), let hour = number(4),
              let minute = number(5), let second = number(6), (1...12).contains(month) else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]
        guard (1...days).contains(day), (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else {
            return false
        }
        if let offsetHours = number(9), let offsetMinutes = number(10) {
            return (0...23).contains(offsetHours) && (0...59).contains(offsetMinutes)
        }
        return true
    }
}
