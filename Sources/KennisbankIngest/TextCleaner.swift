import Foundation
import KennisbankCore

/// Turns extracted text into clean paragraphs: Unicode NFC, ligatures and odd spaces normalised, words
/// hyphenated across line breaks joined, and running page headers and footers dropped.
enum TextCleaner {
    /// Paragraphs longer than this many words are cut at sentence ends, so passages stay readable.
    static let maxParagraphWords = 250

    // MARK: - Characters

    /// NFC, ligatures spelled out, odd spaces made plain, zero-width characters and stray soft hyphens removed,
    /// line ends made `\n`. A soft hyphen at the end of a line is kept: it marks a word to join (see `joinLines`).
    static func normalise(_ text: String) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(text.unicodeScalars.count)
        let input = Array(text.unicodeScalars)
        var index = 0
        while index < input.count {
            let scalar = input[index]
            index += 1
            switch scalar.value {
            case 0x0D:  // \r\n and lone \r both end a line
                if index < input.count, input[index] == "\n" { index += 1 }
                scalars.append("\n")
            case 0x09, 0x0B:
                scalars.append(" ")
            case 0x0A, 0x0C:
                scalars.append(scalar)
            case 0x2028, 0x2029:  // Unicode line and paragraph separators
                scalars.append("\n")
            case 0x00..<0x20, 0x7F, 0x80..<0xA0:
                continue  // control characters carry no text
            case 0xAD:
                // Keep only a soft hyphen that ends a line (possibly followed by spaces).
                var look = index
                while look < input.count, input[look] == " " { look += 1 }
                if look >= input.count || input[look] == "\n" || input[look] == "\r" { scalars.append(scalar) }
            case 0xA0, 0x2000...0x200A, 0x202F, 0x205F, 0x3000:
                scalars.append(" ")
            case 0x200B...0x200D, 0x2060, 0xFEFF:
                continue
            case 0x2010, 0x2011:
                scalars.append("-")
            case 0xFB00: scalars.append(contentsOf: "ff".unicodeScalars)
            case 0xFB01: scalars.append(contentsOf: "fi".unicodeScalars)
            case 0xFB02: scalars.append(contentsOf: "fl".unicodeScalars)
            case 0xFB03: scalars.append(contentsOf: "ffi".unicodeScalars)
            case 0xFB04: scalars.append(contentsOf: "ffl".unicodeScalars)
            case 0xFB05, 0xFB06: scalars.append(contentsOf: "st".unicodeScalars)
            default:
                scalars.append(scalar)
            }
        }
        return String(scalars).precomposedStringWithCanonicalMapping
    }

    /// Collapses runs of whitespace to single spaces and trims (for text that has no meaningful line breaks).
    static func collapse(_ text: String) -> String {
        TextScanning.words(text).joined(separator: " ")
    }

    // MARK: - Pages

    /// Splits normalised text into pages at form feeds and cleans them: running headers and footers and bare
    /// page numbers are dropped, paragraphs rebuilt. Returns one section per page (empty pages are left out,
    /// but numbering follows the source) and the number of pages.
    static func pagedSections(_ text: String) -> (sections: [KnowledgeDocument.Section], pages: Int) {
        var pages = text.split(separator: "\u{0C}", omittingEmptySubsequences: false).map { page in
            page.split(separator: "\n", omittingEmptySubsequences: false).map { trimTrailing($0) }
        }
        // pdftotext ends the last page with a form feed too.
        if pages.count > 1, pages.last?.allSatisfy(\.isEmpty) == true { pages.removeLast() }
        removeRunningHeaders(&pages)
        let evidence = HyphenationEvidence(pages.joined())
        var sections: [KnowledgeDocument.Section] = []
        for (index, lines) in pages.enumerated() {
            let paragraphs = paragraphs(lines, evidence: evidence)
            if !paragraphs.isEmpty { sections.append(.init(heading: nil, page: index + 1, paragraphs: paragraphs)) }
        }
        return (sections, pages.count)
    }

    /// Paragraphs of text without page structure (blank lines separate paragraphs; bare page numbers dropped).
    static func paragraphs(ofText text: String) -> [String] {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { trimTrailing($0) }
        return paragraphs(lines, evidence: HyphenationEvidence(lines))
    }

    /// Lines on most pages, near the top or bottom, are running headers or footers: "Jaarverslag 2016   12".
    /// Digits are normalised so changing page numbers still match.
    static func removeRunningHeaders(_ pages: inout [[String]]) {
        let edge = 3
        func key(_ line: String) -> String {
            var out = ""
            var lastWasDigit = false
            for character in line.lowercased() where !character.isWhitespace {
                if character.isNumber {
                    if !lastWasDigit { out.append("#") }
                    lastWasDigit = true
                } else {
                    out.append(character)
                    lastWasDigit = false
                }
            }
            return out
        }
        func edgeIndices(_ lines: [String]) -> [Int] {
            let filled = lines.indices.filter { !TextScanning.trimmed(lines[$0]).isEmpty }
            return Array(Set(filled.prefix(edge) + filled.suffix(edge))).sorted()
        }
        var repeated = Set<String>()
        if pages.count >= 3 {
            var pagesWithKey: [String: Int] = [:]
            for lines in pages {
                // A running header or footer is a label, not a sentence: lines ending a sentence are never counted.
                let labels = edgeIndices(lines).filter { !endsSentence(lines[$0]) }
                for key in Set(labels.map { key(lines[$0]) }) where !key.isEmpty && key.count <= 120 {
                    pagesWithKey[key, default: 0] += 1
                }
            }
            repeated = Set(pagesWithKey.filter { $0.value * 2 > pages.count }.keys)
        }
        for page in pages.indices {
            let edges = Set(edgeIndices(pages[page]))
            pages[page] = pages[page].enumerated().compactMap { index, line in
                if isPageNumber(line) { return nil }
                if edges.contains(index), !endsSentence(line), repeated.contains(key(line)) { return nil }
                return line
            }
        }
    }

    private static func endsSentence(_ line: String) -> Bool {
        guard let last = TextScanning.trimmed(line).last else { return false }
        return ".!?".contains(last)
    }

    /// "12", "- 12 -", "xiv", "Pagina 3 van 10", "page 3 of 10", "3/10".
    static func isPageNumber(_ line: String) -> Bool {
        // Cheap rejections first: this runs on every line of every page.
        guard line.utf8.count <= 48 else { return false }
        let dashes: Set<Character> = ["-", "–", "—", "|"]
        var core = TextScanning.trimmed(line)
        while let first = core.first, dashes.contains(first) { core = core.dropFirst() }
        while let last = core.last, dashes.contains(last) { core = core.dropLast() }
        let trimmed = TextScanning.trimmed(core)
        guard !trimmed.isEmpty, trimmed.count <= 24 else { return false }
        // Up to three digits: a four-digit line is more often a year in a table than a page number.
        if trimmed.count <= 3, trimmed.allSatisfy(\.isASCIIDigit) { return true }
        if trimmed.count <= 6, trimmed.allSatisfy({ "ivxlcdm".contains($0) }) || trimmed.allSatisfy({ "IVXLCDM".contains($0) }) {
            return true
        }
        let words = trimmed.lowercased().split(separator: " ")
        if words.count >= 2, ["pagina", "page", "blz.", "p."].contains(String(words[0])), words[1].allSatisfy(\.isASCIIDigit) {
            return words.count == 2 || (words.count == 4 && ["van", "of", "/"].contains(String(words[2])) && words[3].allSatisfy(\.isASCIIDigit))
        }
        let parts = trimmed.split(separator: "/")
        return parts.count == 2 && parts.allSatisfy { !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCIIDigit) }
    }

    // MARK: - Paragraphs

    /// Blank lines end paragraphs; a bullet starts one. Lines inside a paragraph are joined, hyphenation undone.
    static func paragraphs(_ lines: [String], evidence: HyphenationEvidence) -> [String] {
        var result: [String] = []
        var block: [String] = []
        func flush() {
            guard !block.isEmpty else { return }
            let joined = collapse(joinLines(block, evidence: evidence))
            if !joined.isEmpty { result.append(contentsOf: splitLong(joined)) }
            block = []
        }
        for line in lines {
            let trimmed = String(TextScanning.trimmed(line))
            if trimmed.isEmpty || isPageNumber(trimmed) {
                if trimmed.isEmpty { flush() }
                continue
            }
            if startsWithBullet(trimmed) {
                flush()
                // One bullet for every list style ("- ", "* ", "– ").
                if let first = trimmed.first, "-*–".contains(first) {
                    block.append("• " + TextScanning.trimmed(trimmed.dropFirst()))
                    continue
                }
            }
            block.append(trimmed)
        }
        flush()
        return result
    }

    private static func startsWithBullet(_ line: String) -> Bool {
        guard let first = line.first else { return false }
        if "•▪◦●■□➢Ø".contains(first) { return true }
        return (first == "-" || first == "*" || first == "–") && line.dropFirst().first == " "
    }

    /// Joins the lines of one paragraph. A word broken with a hyphen at a line end is put back together when
    /// the next line goes on in lowercase ("jeugd-" + "prostitutie"); real hyphens stay ("Noord-" + "Holland",
    /// "VN-" + "verdrag", "land-" + "en tuinbouw", and compounds the document itself writes with a hyphen).
    static func joinLines(_ lines: [String], evidence: HyphenationEvidence) -> String {
        var out = ""
        for line in lines {
            if out.isEmpty { out = line; continue }
            if out.last == "\u{AD}" {
                out.removeLast()
                out += line
            } else if out.last == "-" {
                switch evidence.decide(before: out.dropLast(), after: line) {
                case .join:
                    out.removeLast()
                    out += line
                case .keepHyphen:
                    out += line
                case .separate:
                    out += " " + line
                }
            } else {
                out += " " + line
            }
        }
        return out.utf8.contains(0xAD) ? out.replacingOccurrences(of: "\u{AD}", with: "") : out
    }

    /// Cuts a very long paragraph at sentence ends into pieces of at most about `maxParagraphWords` words.
    static func splitLong(_ paragraph: String) -> [String] {
        let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
        guard words.count > maxParagraphWords else { return [paragraph] }
        var pieces: [String] = []
        var current: [Substring] = []
        for word in words {
            current.append(word)
            let endsSentence = word.last.map { ".!?".contains($0) } ?? false
            if (current.count >= maxParagraphWords * 3 / 4 && endsSentence) || current.count >= maxParagraphWords * 3 / 2 {
                pieces.append(current.joined(separator: " "))
                current = []
            }
        }
        if !current.isEmpty {
            if current.count < 20, let last = pieces.popLast() {
                pieces.append(last + " " + current.joined(separator: " "))
            } else {
                pieces.append(current.joined(separator: " "))
            }
        }
        return pieces
    }

    /// Footnote numbers set in superscript come out of PDFs glued to the word: "mensenhandel1", "zijn.12".
    /// The word must be findable, so digits after a lowercase word of four letters or more are dropped.
    static func removeFootnoteMarkers(_ paragraph: String) -> String {
        guard TextScanning.containsDigit(paragraph) else { return paragraph }
        var changed = false
        let words = paragraph.split(separator: " ", omittingEmptySubsequences: false).map { word -> Substring in
            var core = word
            var trailing: Substring = ""
            if let last = core.last, ",.;:)’”'\"".contains(last) {
                trailing = core.suffix(1)
                core = core.dropLast()
            }
            let digits = core.reversed().prefix { $0.isASCIIDigit }.count
            guard (1...3).contains(digits) else { return word }
            let letters = core.dropLast(digits)
            guard letters.count >= 4, letters.allSatisfy({ $0.isLetter && $0.isLowercase }) else { return word }
            changed = true
            return letters + trailing
        }
        return changed ? words.joined(separator: " ") : paragraph
    }

    private static func trimTrailing(_ line: Substring) -> String {
        var end = line.endIndex
        while end > line.startIndex, line[line.index(before: end)] == " " { end = line.index(before: end) }
        return String(line[..<end])
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
