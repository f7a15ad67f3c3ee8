/// A stretch of a document of a few hundred words, with the page and heading it came from.
public struct Passage: Codable, Sendable, Equatable {
    public var page: Int?
    public var heading: String?
    public var text: String

    public init(page: Int?, heading: String?, text: String) {
        self.page = page
        self.heading = heading
        self.text = text
    }

    /// Groups a document's paragraphs into passages of about `targetWords` words, never across sections.
    public static func split(_ sections: [KnowledgeDocument.Section], targetWords: Int = 180) -> [Passage] {
        var passages: [Passage] = []
        for section in sections {
            var buffer: [String] = []
            var words = 0
            func flush() {
                guard !buffer.isEmpty else { return }
                passages.append(Passage(page: section.page, heading: section.heading, text: buffer.joined(separator: "\n\n")))
                buffer = []
                words = 0
            }
            for paragraph in section.paragraphs {
                let count = wordCount(paragraph)
                if words > 0 && words + count > targetWords { flush() }
                buffer.append(paragraph)
                words += count
            }
            flush()
        }
        return passages
    }

    /// Words separated by ASCII whitespace, counted on UTF-8 bytes (Unicode property lookups are slow).
    static func wordCount(_ text: String) -> Int {
        var count = 0
        var inWord = false
        for byte in text.utf8 {
            let space = byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
            if !space && !inWord { count += 1 }
            inWord = !space
        }
        return count
    }
}
