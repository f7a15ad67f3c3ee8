/// Byte-level helpers for text that `TextCleaner.normalise` has already made plain (its only whitespace is
/// ASCII): Character-based scanning is correct but far too slow for a 200-page report.
enum TextScanning {
    /// Unicode whitespace by scalar value, without the slow property lookup.
    @inline(__always)
    static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// Runs of whitespace (any Unicode whitespace) collapsed to one space, trimmed at both ends.
    static func collapsingWhitespace(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for scalar in text.unicodeScalars {
            if isSpace(scalar) {
                pendingSpace = !out.isEmpty
            } else {
                if pendingSpace { out.append(" "); pendingSpace = false }
                out.append(scalar)
            }
        }
        return String(out)
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    /// The words of `text`: runs of non-whitespace bytes.
    static func words(_ text: some StringProtocol) -> [Substring] {
        let string = Substring(text)
        var result: [Substring] = []
        var start: String.Index? = nil
        var index = string.utf8.startIndex
        while index < string.utf8.endIndex {
            if isSpace(string.utf8[index]) {
                if let begin = start { result.append(string[begin..<index]); start = nil }
            } else if start == nil {
                start = index
            }
            index = string.utf8.index(after: index)
        }
        if let begin = start { result.append(string[begin...]) }
        return result
    }

    static func wordCount(_ text: some StringProtocol) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            if isSpace(byte) { inWord = false } else if !inWord { inWord = true; count += 1 }
        }
        return count
    }

    /// Without leading and trailing whitespace.
    static func trimmed(_ text: some StringProtocol) -> Substring {
        let string = Substring(text)
        let utf8 = string.utf8
        guard let first = utf8.firstIndex(where: { !isSpace($0) }), let last = utf8.lastIndex(where: { !isSpace($0) }) else {
            return string[string.endIndex...]
        }
        return string[first...last]
    }

    static func containsDigit(_ text: some StringProtocol) -> Bool {
        text.utf8.contains { $0 >= 0x30 && $0 <= 0x39 }
    }
}
