/// Reads the dates files carry about themselves (ISO, PDF `D:` dates, Dutch and English day-month-year)
/// into the ISO `YYYY-MM-DD` the index sorts on. Partial dates get the first day of the month or year.
enum DateNormaliser {
    private static let months: [String: Int] = {
        let dutch = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]
        let english = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]
        var map: [String: Int] = [:]
        for (index, name) in dutch.enumerated() { map[name] = index + 1; map[String(name.prefix(3))] = index + 1 }
        for (index, name) in english.enumerated() { map[name] = index + 1; map[String(name.prefix(3))] = index + 1 }
        map["mrt"] = 3
        return map
    }()

    static func isoDate(_ raw: String) -> String? {
        var text = raw.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("D:") { text.removeFirst(2) }
        let digits = Array(text.prefix { $0.isASCIIDigit })
        // 20190218… (PDF date or compact ISO)
        if digits.count >= 8, text.count == digits.count || !text.dropFirst(digits.count).first!.isASCIIDigit {
            if digits.count == 8 || digits.count >= 12 {
                return make(Int(String(digits[0..<4])), Int(String(digits[4..<6])), Int(String(digits[6..<8])))
            }
        }
        let parts = text.split(whereSeparator: { "-/. ,T".contains($0) }).map(String.init)
        guard let first = parts.first else { return nil }
        if first.count == 4, let year = Int(first) {
            // 2019, 2019-02, 2019-02-18T…
            let month = parts.count > 1 ? Int(parts[1]) : 1
            let day = parts.count > 2 ? Int(parts[2].prefix(2)) : 1
            if parts.count > 1, month == nil { return make(year, 1, 1) }
            return make(year, month, day ?? 1)
        }
        guard parts.count >= 3 else { return nil }
        // 18-02-2019, 18 februari 2019
        if let day = Int(first), parts[2].count == 4, let year = Int(parts[2]) {
            if let month = Int(parts[1]) { return make(year, month, day) }
            if let month = months[parts[1].lowercased()] { return make(year, month, day) }
        }
        // February 18, 2019
        if let month = months[first.lowercased()], let day = Int(parts[1]), parts[2].count == 4, let year = Int(parts[2]) {
            return make(year, month, day)
        }
        return nil
    }

    private static func make(_ year: Int?, _ month: Int?, _ day: Int?) -> String? {
        guard let year, let month, let day, (1000...2999).contains(year), (1...12).contains(month) else { return nil }
        let daysInMonth = [31, (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard (1...daysInMonth[month - 1]).contains(day) else { return nil }
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
