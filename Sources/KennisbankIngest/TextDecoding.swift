/// Turns the bytes of a text file into a String: UTF-8 (with or without BOM), UTF-16 with a BOM, or — for
/// old Windows files — Windows-1252 when the bytes are plausibly that. Anything else is refused rather than
/// indexed as mojibake.
enum TextDecoding {
    struct Decoded {
        var text: String
        /// "UTF-8", "UTF-16LE", "UTF-16BE" or "Windows-1252".
        var encoding: String
    }

    static func decode(_ bytes: [UInt8]) -> Result<Decoded, SkipReason> {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            guard let text = String(validating: bytes.dropFirst(3), as: UTF8.self) else {
                return .failure(SkipReason(message: "starts with a UTF-8 byte order mark but is not valid UTF-8"))
            }
            return .success(Decoded(text: text, encoding: "UTF-8"))
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let little = bytes[0] == 0xFF
            let body = bytes.dropFirst(2)
            guard body.count % 2 == 0 else { return .failure(SkipReason(message: "UTF-16 text with an odd number of bytes (truncated?)")) }
            var units: [UInt16] = []
            units.reserveCapacity(body.count / 2)
            var index = body.startIndex
            while index < body.endIndex {
                let first = UInt16(body[index]), second = UInt16(body[index + 1])
                units.append(little ? first | second << 8 : first << 8 | second)
                index += 2
            }
            guard let text = String(validating: units, as: UTF16.self) else {
                return .failure(SkipReason(message: "invalid UTF-16 text"))
            }
            return .success(Decoded(text: text, encoding: little ? "UTF-16LE" : "UTF-16BE"))
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return .success(Decoded(text: text, encoding: "UTF-8"))
        }
        if isPlausiblyWindows1252(bytes) {
            return .success(Decoded(text: windows1252(bytes), encoding: "Windows-1252"))
        }
        return .failure(SkipReason(message: "unknown text encoding: not UTF-8 and not plausibly Windows-1252/Latin-1; save it as UTF-8"))
    }

    /// Windows-1252 leaves five bytes undefined, and real Western text has few bytes above 0x7F
    /// and no control characters besides tab, newline, carriage return and form feed.
    static func isPlausiblyWindows1252(_ bytes: [UInt8]) -> Bool {
        var high = 0
        for byte in bytes {
            switch byte {
            case 0x81, 0x8D, 0x8F, 0x90, 0x9D: return false
            case 0x09, 0x0A, 0x0C, 0x0D: continue
            case 0x00..<0x20, 0x7F: return false
            case 0x80...: high += 1
            default: continue
            }
        }
        return high * 5 <= bytes.count
    }

    /// The characters Windows-1252 puts at 0x80–0x9F; the rest of the upper half is Latin-1.
    private static let upperControlRange: [Unicode.Scalar] = [
        "\u{20AC}", "\u{FFFD}", "\u{201A}", "\u{0192}", "\u{201E}", "\u{2026}", "\u{2020}", "\u{2021}",
        "\u{02C6}", "\u{2030}", "\u{0160}", "\u{2039}", "\u{0152}", "\u{FFFD}", "\u{017D}", "\u{FFFD}",
        "\u{FFFD}", "\u{2018}", "\u{2019}", "\u{201C}", "\u{201D}", "\u{2022}", "\u{2013}", "\u{2014}",
        "\u{02DC}", "\u{2122}", "\u{0161}", "\u{203A}", "\u{0153}", "\u{FFFD}", "\u{017E}", "\u{0178}",
    ]

    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if (0x80...0x9F).contains(byte) {
                scalars.append(upperControlRange[Int(byte - 0x80)])
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }
}
