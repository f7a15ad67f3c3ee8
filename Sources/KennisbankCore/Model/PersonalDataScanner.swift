/// Finds personal data in running text: Dutch citizen service numbers, phone numbers, e-mail addresses and
/// licence plates. One detector for the whole project: ingest uses it to guard the index (see the privacy guard
/// in KennisbankIngest) and search analytics use it so such text is never stored.
///
/// It aims at precision on documents: a year, a range like 2021-2023, a page number, an ISBN, an amount, a
/// percentage, a date or a word such as COVID-19 is not reported.
///
/// - Citizen service number (BSN): 9 digits passing the 11-test (9·d1 + 8·d2 + … + 2·d8 − d9 a multiple of 11,
///   not all zeros), written as one run (`111222333`) or grouped as `111.222.333`, `1112 22 333` or `11.12.22.333`
///   (a grouped form must stand alone, and not as an amount in euros).
/// - Phone number: Dutch numbers of ten digits (`06-12345678`, `06 1234 5678`, `020-1234567`, `010 123 4567`,
///   `(06) 12 34 56 78`), `+31`/`0031` numbers (`+31 6 12345678`, `+31 (0)20 123 4567`, `0031 20 1234567`), other
///   numbers written with `+` and a country code, and 0800/0900/0906/0909 numbers (`0800-1234`, `0800-1234567`).
/// - E-mail address: `local@domain.tld`.
/// - Licence plate: the RDW side codes 1–14 with hyphens, in capitals (`12-AB-34`, `GB-12-DF`, `1-KBF-23`,
///   `XT-934-B`). From side code 4 on only the letters plates use (no vowels, no C, Q, W, Y, M).
public enum PersonalDataScanner {
    public enum Kind: String, Sendable, CaseIterable, Codable {
        case bsn
        case phone
        case email
        case licencePlate = "licence-plate"

        /// For messages.
        public var label: String {
            switch self {
            case .bsn: "citizen service number (BSN)"
            case .phone: "phone number"
            case .email: "e-mail address"
            case .licencePlate: "licence plate"
            }
        }
    }

    public struct Match: Sendable, Equatable {
        public var kind: Kind
        /// The text as written.
        public var text: String
        /// A canonical form for comparing (digits of a number in national form, a lowercased address, plate letters
        /// and digits in capitals).
        public var normalised: String
        /// 1-based line and column (in Unicode scalars) in the scanned text.
        public var line: Int
        public var column: Int

        /// The text with most of its letters and digits replaced by `*`, for reports that must not repeat it.
        public var masked: String { PersonalDataScanner.mask(text, kind: kind) }
    }

    /// Every match in the text, in order.
    public static func scan(_ text: String) -> [Match] {
        guard text.unicodeScalars.contains(where: { isDigit($0) || $0 == "@" || $0 == "＠" }) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var found: [(offset: Int, kind: Kind, end: Int)] = []
        found += emails(scalars)
        let taken = found.map { $0.offset..<$0.end }
        for match in numbers(scalars) + plates(scalars) where !taken.contains(where: { $0.overlaps(match.offset..<match.end) }) {
            found.append(match)
        }
        found.sort { $0.offset < $1.offset }
        // Line and column of each start, in one pass.
        var results: [Match] = []
        var line = 1
        var lineStart = 0
        var position = 0
        for item in found {
            while position < item.offset {
                if scalars[position] == "\n" { line += 1; lineStart = position + 1 }
                position += 1
            }
            var written = String.UnicodeScalarView()
            written.append(contentsOf: scalars[item.offset..<item.end])
            let text = String(written)
            results.append(Match(kind: item.kind, text: text, normalised: normalise(text, kind: item.kind), line: line,
                                 column: item.offset - lineStart + 1))
        }
        return results
    }

    /// Whether the text holds any personal data at all.
    public static func contains(_ text: String) -> Bool { !scan(text).isEmpty }

    // MARK: - Canonical forms and masks

    /// The canonical form of a value of this kind, as `Match.normalised` gives it. `*` is kept (for patterns).
    public static func normalise(_ value: String, kind: Kind) -> String {
        let trimmed = value.trimmingSpaces
        switch kind {
        case .email:
            return trimmed.lowercased()
        case .licencePlate:
            return String(trimmed.uppercased().unicodeScalars.filter { isASCIIAlphanumeric($0) || $0 == "*" }.map(Character.init))
        case .bsn:
            return String(trimmed.unicodeScalars.filter { isDigit($0) || $0 == "*" }.map(Character.init))
        case .phone:
            var digits = String(trimmed.unicodeScalars.filter { isDigit($0) || $0 == "*" }.map(Character.init))
            let international = trimmed.hasPrefix("+")
            if international && digits.hasPrefix("31") {
                digits = "0" + digits.dropFirst(2)
            } else if digits.hasPrefix("0031") {
                digits = "0" + digits.dropFirst(4)
            } else if international {
                return "+" + digits
            }
            // +31 (0)6 …: the bracketed trunk zero.
            if digits.hasPrefix("00") { digits.removeFirst() }
            return digits
        }
    }

    /// Separators and punctuation stay; letters and digits become `*` except the first and last few: a phone
    /// number keeps its first two and last two digits (`06-******78`), a BSN its last two, an e-mail address
    /// the first letter of each part and the top-level domain (`j***@e******.nl`), a plate its first and last.
    public static func mask(_ text: String, kind: Kind) -> String {
        func maskRun(_ scalars: [Unicode.Scalar], keepFirst: Int, keepLast: Int) -> String {
            let total = scalars.filter(isASCIIAlphanumeric).count
            var seen = 0
            var out = String.UnicodeScalarView()
            for scalar in scalars {
                guard isASCIIAlphanumeric(scalar) else { out.append(scalar); continue }
                seen += 1
                out.append(seen <= keepFirst || seen > total - keepLast ? scalar : "*")
            }
            return String(out)
        }
        let scalars = Array(text.unicodeScalars)
        switch kind {
        case .phone: return maskRun(scalars, keepFirst: 2, keepLast: 2)
        case .bsn: return maskRun(scalars, keepFirst: 0, keepLast: 2)
        case .licencePlate: return maskRun(scalars, keepFirst: 1, keepLast: 1)
        case .email:
            guard let at = scalars.firstIndex(of: "@") else { return maskRun(scalars, keepFirst: 1, keepLast: 0) }
            let local = maskRun(Array(scalars[..<at]), keepFirst: 1, keepLast: 0)
            let domain = Array(scalars[(at + 1)...])
            let dot = domain.lastIndex(of: ".") ?? domain.count
            return local + "@" + maskRun(Array(domain[..<dot]), keepFirst: 1, keepLast: 0) + String(String.UnicodeScalarView(domain[dot...]))
        }
    }

    /// The 11-test of citizen service numbers: 9·d1 + 8·d2 + … + 2·d8 − d9 is a multiple of 11 (and not all zeros).
    public static func passesElevenTest(_ digits: String) -> Bool {
        let values = digits.compactMap { $0.wholeNumberValue }
        guard values.count == 9, digits.count == 9, values.contains(where: { $0 != 0 }) else { return false }
        var sum = 0
        for (index, value) in values.enumerated() {
            sum += index == 8 ? -value : value * (9 - index)
        }
        return sum % 11 == 0
    }

    // MARK: - E-mail addresses

    private static func isLocalPart(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || "._%+-'".unicodeScalars.contains(scalar)
    }

    private static func isDomainPart(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || scalar == "." || scalar == "-"
    }

    private static func emails(_ scalars: [Unicode.Scalar]) -> [(offset: Int, kind: Kind, end: Int)] {
        var found: [(offset: Int, kind: Kind, end: Int)] = []
        var index = 0
        while index < scalars.count {
            defer { index += 1 }
            guard scalars[index] == "@" || scalars[index] == "＠" else { continue }
            var start = index
            while start > 0, isLocalPart(scalars[start - 1]) { start -= 1 }
            while start < index, !isASCIIAlphanumeric(scalars[start]) { start += 1 }  // no leading dot, quote or dash
            var end = index + 1
            while end < scalars.count, isDomainPart(scalars[end]) { end += 1 }
            while end > index + 1, !isASCIIAlphanumeric(scalars[end - 1]) { end -= 1 }  // a sentence's full stop
            guard start < index, end > index + 1 else { continue }
            let labels = String(String.UnicodeScalarView(scalars[(index + 1)..<end])).split(separator: ".", omittingEmptySubsequences: false)
            guard labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }), let tld = labels.last,
                  tld.count >= 2, tld.unicodeScalars.allSatisfy({ isASCIILetter($0) }) else { continue }
            found.append((start, .email, end))
            index = end - 1
        }
        return found
    }

    // MARK: - Numbers: phone numbers and citizen service numbers

    /// A run of digits inside a number group.
    private struct Run {
        var start: Int
        var end: Int
        var digits: String
        /// The separators before it ("" for the first run).
        var separator: String
        /// Directly preceded by `+`.
        var plus: Bool
        /// Glued to a letter, a percent sign or a decimal comma: never part of a number we report.
        var attached: Bool
    }

    /// Separators inside a written number; white space counts once however long it is.
    private static func isNumberSeparator(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "-" || scalar == "." || scalar == "/" || scalar == "(" || scalar == ")" || isSpace(scalar)
    }

    private static func numbers(_ scalars: [Unicode.Scalar]) -> [(offset: Int, kind: Kind, end: Int)] {
        var found: [(offset: Int, kind: Kind, end: Int)] = []
        var index = 0
        while index < scalars.count {
            guard isDigit(scalars[index]) else { index += 1; continue }
            // A number glued to a word or code (COVID-19, art.12, v2-3, A2-123) is not one of ours.
            var glued = false
            if index > 0 {
                let before = scalars[index - 1]
                if isWordCharacter(before) {
                    glued = true
                } else if before == "-" || before == "/" || before == "_" || before == "." || before == ":" {
                    glued = index > 1 && (isASCIIAlphanumeric(scalars[index - 2]) || scalars[index - 2].properties.isAlphabetic)
                    // "tel.0612345678", "tel:0612345678" are numbers after a word, not codes.
                    if glued, before == "." || before == ":", !isDigit(scalars[index - 2]) { glued = false }
                }
            }
            var runs: [Run] = []
            var position = index
            var separator = ""
            while position < scalars.count {
                var end = position
                while end < scalars.count, isDigit(scalars[end]) { end += 1 }
                // A + that starts a number, not one between figures (59+41+144).
                let plus = runs.isEmpty ? (position > 0 && scalars[position - 1] == "+" && (position < 2 || !isWordCharacter(scalars[position - 2])))
                    : separator.hasSuffix(" +")
                var attached = false
                if end < scalars.count {
                    let next = scalars[end]
                    if isWordCharacter(next) || next == "%" || next == "‰" || next == "°" { attached = true }
                    if (next == "," || next == ":") && end + 1 < scalars.count && (isDigit(scalars[end + 1]) || scalars[end + 1] == "-") {
                        attached = true  // 1.234,56 or 12,- or a time 12:30
                    }
                }
                runs.append(Run(start: position, end: end, digits: String(String.UnicodeScalarView(scalars[position..<end])),
                                separator: separator, plus: plus, attached: attached))
                // Separators to the next run: at most three characters, white space counted once.
                var look = end
                var count = 0
                separator = ""
                while look < scalars.count, count <= 3 {
                    let scalar = scalars[look]
                    if scalar == "\n" { break }  // a number does not go on on the next line (tables, lists)
                    if isSpace(scalar) {
                        if !separator.hasSuffix(" ") { count += 1; separator += " " }
                    } else if isNumberSeparator(scalar) {
                        count += 1
                        separator.unicodeScalars.append(scalar)
                    } else if scalar == "+" && separator.hasSuffix(" ") {
                        count += 1
                        separator += "+"
                    } else {
                        break
                    }
                    look += 1
                }
                guard count <= 3, look > end, look < scalars.count, isDigit(scalars[look]) else { break }
                // A full stop ends a sentence: "… in 2019. 06-…" is two numbers.
                if separator.contains(".") && separator.contains(" ") { break }
                position = look
            }
            let groupEnd = runs.last!.end
            index = groupEnd
            if glued { continue }
            if isISBN(runs, scalars: scalars) { continue }
            found += matchNumbers(runs, scalars: scalars)
        }
        return found
    }

    /// ISBN and ISSN numbers (978-90-…, or after the word) are never personal data.
    private static func isISBN(_ runs: [Run], scalars: [Unicode.Scalar]) -> Bool {
        if runs.count >= 4, runs[0].digits == "978" || runs[0].digits == "979" { return true }
        let start = runs[0].start
        let before = String(String.UnicodeScalarView(scalars[max(0, start - 12)..<start])).uppercased()
        return before.contains("ISBN") || before.contains("ISSN")
    }

    private static let servicePrefixes: Set<String> = ["0800", "0900", "0906", "0909"]

    /// The longest phone number or BSN starting at each run, left to right.
    private static func matchNumbers(_ runs: [Run], scalars: [Unicode.Scalar]) -> [(offset: Int, kind: Kind, end: Int)] {
        var found: [(offset: Int, kind: Kind, end: Int)] = []
        var first = 0
        while first < runs.count {
            var best: (last: Int, kind: Kind)? = nil
            // The thousands of a figure (5 011, 1.011) do not start a number of their own.
            let thousands = first > 0 && runs[first].digits.count == 3 && (1...3).contains(runs[first - 1].digits.count)
                && [" ", "."].contains(runs[first].separator)
            if !runs[first].attached && !thousands {
                var digits = ""
                for last in first..<min(runs.count, first + 6) {
                    if last > first, runs[last - 1].attached { break }
                    digits += runs[last].digits
                    if digits.count > 15 { break }
                    if runs[last].attached { break }
                    let slice = Array(runs[first...last])
                    if let kind = classify(slice, digits: digits, whole: first == 0 && last == runs.count - 1, scalars: scalars) {
                        best = (last, kind)
                    }
                }
            }
            if let best {
                var start = runs[first].plus ? runs[first].start - 1 : runs[first].start
                // (06) 12 34 56 78: the bracket belongs to the number.
                if !runs[first].plus, start > 0, scalars[start - 1] == "(", best.last > first, runs[first + 1].separator.hasPrefix(")") { start -= 1 }
                found.append((start, best.kind, runs[best.last].end))
                first = best.last + 1
            } else {
                first += 1
            }
        }
        return found
    }

    private static func classify(_ runs: [Run], digits: String, whole: Bool, scalars: [Unicode.Scalar]) -> Kind? {
        let lengths = runs.map(\.digits.count)
        let inner = runs.dropFirst().map(\.separator)
        // International: + and a country code.
        if runs[0].plus {
            if digits.hasPrefix("31") {
                var rest = String(digits.dropFirst(2))
                if runs.count > 1, runs[0].digits == "31", runs[1].digits == "0" || runs[1].digits.hasPrefix("0") { rest = String(rest.dropFirst()) }
                if runs[0].digits.count > 2, runs[0].digits.hasPrefix("310") { return nil }
                return rest.count == 9 && rest.first != "0" ? .phone : nil
            }
            return (9...13).contains(digits.count) && runs[0].digits.count <= 4 && lengths.dropFirst().allSatisfy({ $0 >= 2 }) ? .phone : nil
        }
        if digits.hasPrefix("0031") {
            var rest = String(digits.dropFirst(4))
            if runs.count > 1, runs[0].digits == "0031", runs[1].digits.hasPrefix("0") { rest = String(rest.dropFirst()) }
            guard runs[0].digits == "0031" || runs.count == 1 else { return nil }
            return rest.count == 9 && rest.first != "0" ? .phone : nil
        }
        // National numbers start with 0 and an area code of two to four digits (or are written in one piece).
        // 07-690235-10 and 09/827059-14 are case numbers of the public prosecutor (parketnummers).
        if digits.hasPrefix("0"), !digits.hasPrefix("00"), runs.count <= 5, lengths != [2, 6, 2],
           (2...4).contains(lengths[0]) || lengths.count == 1, lengths.dropFirst().allSatisfy({ $0 >= 2 }),
           inner.allSatisfy({ !$0.contains("/") || $0 == "/" }), Set(inner.dropFirst()).count <= 1 {
            if servicePrefixes.contains(String(digits.prefix(4))), lengths[0] == 4 || lengths.count == 1 {
                if digits.count == 11 || (digits.count == 8 && !followedByTimeWord(runs.last!.end, scalars)) { return .phone }
                return nil
            }
            if digits.count == 10 { return .phone }
        }
        // Citizen service numbers: one run of nine, or a grouped form standing alone.
        guard digits.count == 9, passesElevenTest(digits) else { return nil }
        if lengths == [9] { return isAmount(runs, scalars: scalars) ? nil : .bsn }
        guard whole, [[3, 3, 3], [4, 2, 3], [2, 2, 2, 3]].contains(lengths) else { return nil }
        let separators = Set(inner)
        guard separators.count == 1, let separator = separators.first, separator == "." || separator == " " || separator == "-" else { return nil }
        if lengths == [3, 3, 3] && separator != "." { return nil }  // 120 340 560 is a row of figures
        return isAmount(runs, scalars: scalars) ? nil : .bsn
    }

    /// 0800-1700 uur is a time, not a number to call.
    private static func followedByTimeWord(_ end: Int, _ scalars: [Unicode.Scalar]) -> Bool {
        let after = String(String.UnicodeScalarView(scalars[end..<min(scalars.count, end + 5)])).lowercased().trimmingSpaces
        return after.hasPrefix("uur") || after.hasPrefix("u ") || after == "u" || after.hasPrefix("h ") || after.hasPrefix("u.")
    }

    /// € 111.222.333, 111.222.333 euro: money.
    private static func isAmount(_ runs: [Run], scalars: [Unicode.Scalar]) -> Bool {
        let start = runs[0].start
        let end = runs.last!.end
        let before = String(String.UnicodeScalarView(scalars[max(0, start - 6)..<start])).lowercased()
        let after = String(String.UnicodeScalarView(scalars[end..<min(scalars.count, end + 8)])).lowercased()
        return before.contains("€") || before.contains("eur") || before.contains("$") || after.trimmingSpaces.hasPrefix("euro")
            || after.trimmingSpaces.hasPrefix("eur") || after.hasPrefix(",-") || after.trimmingSpaces.hasPrefix("miljoen")
    }

    // MARK: - Licence plates

    /// Side codes 1–14 as letter (L) / digit (D) group lengths.
    private static let sideCodes: [(code: Int, shape: [(letters: Bool, count: Int)])] = [
        (1, [(true, 2), (false, 2), (false, 2)]), (2, [(false, 2), (false, 2), (true, 2)]), (3, [(false, 2), (true, 2), (false, 2)]),
        (4, [(true, 2), (false, 2), (true, 2)]), (5, [(true, 2), (true, 2), (false, 2)]), (6, [(false, 2), (true, 2), (true, 2)]),
        (7, [(false, 2), (true, 3), (false, 1)]), (8, [(false, 1), (true, 3), (false, 2)]), (9, [(true, 2), (false, 3), (true, 1)]),
        (10, [(true, 1), (false, 3), (true, 2)]), (11, [(true, 3), (false, 2), (true, 1)]), (12, [(true, 1), (false, 2), (true, 3)]),
        (13, [(false, 1), (true, 2), (false, 3)]), (14, [(false, 3), (true, 2), (false, 1)]),
    ]

    /// Letters of plates issued since 1978 (side code 4 on): no vowels, and not C, M, Q, W or Y.
    private static let modernPlateLetters = Set("BDFGHJKLNPRSTVXZ".unicodeScalars)
    /// The oldest series (side codes 1–3) used more letters; C, I, O and Q were never issued.
    private static let oldPlateLetters = Set("ABDEFGHJKLMNPRSTUVWXYZ".unicodeScalars)

    private static func plates(_ scalars: [Unicode.Scalar]) -> [(offset: Int, kind: Kind, end: Int)] {
        var found: [(offset: Int, kind: Kind, end: Int)] = []
        var index = 0
        while index < scalars.count {
            guard isASCIIAlphanumeric(scalars[index]), index == 0 || !isWordCharacter(scalars[index - 1]) && scalars[index - 1] != "-" else {
                index += 1
                continue
            }
            // A token of letters, digits and hyphens.
            var end = index
            while end < scalars.count, isASCIIAlphanumeric(scalars[end]) || scalars[end] == "-" { end += 1 }
            defer { index = max(index + 1, end) }
            guard end - index == 8, end == scalars.count || !isWordCharacter(scalars[end]) else { continue }
            let token = Array(scalars[index..<end])
            let groups = token.split(separator: "-", omittingEmptySubsequences: false)
            guard groups.count == 3 else { continue }
            let shape = groups.map { group -> (letters: Bool, count: Int)? in
                if group.allSatisfy(isDigit) { return (false, group.count) }
                if group.allSatisfy({ ("A"..."Z").contains($0) }) { return (true, group.count) }
                return nil
            }
            guard shape.allSatisfy({ $0 != nil }) else { continue }
            let actual = shape.map { $0! }
            guard let code = sideCodes.first(where: { candidate in
                zip(candidate.shape, actual).allSatisfy { $0.letters == $1.letters && $0.count == $1.count }
            })?.code else { continue }
            let allowed = code <= 3 ? oldPlateLetters : modernPlateLetters
            let letters = token.filter { ("A"..."Z").contains($0) }
            guard letters.allSatisfy({ allowed.contains($0) }) else { continue }
            found.append((index, .licencePlate, end))
        }
        return found
    }

    // MARK: - Characters

    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }
    private static func isASCIILetter(_ scalar: Unicode.Scalar) -> Bool { ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
    private static func isASCIIAlphanumeric(_ scalar: Unicode.Scalar) -> Bool { isDigit(scalar) || isASCIILetter(scalar) }
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        isASCIIAlphanumeric(scalar) || (scalar.value >= 0x80 && scalar.properties.isAlphabetic) || scalar == "_"
    }
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r" || scalar == "\u{00A0}" || scalar == "\u{202F}"
    }
}

private extension String {
    var trimmingSpaces: String {
        var scalars = Substring(self).unicodeScalars
        while let first = scalars.first, first == " " || first == "\n" || first == "\t" || first == "\u{00A0}" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\n" || last == "\t" || last == "\u{00A0}" { scalars.removeLast() }
        return String(scalars)
    }
}
