import KennisbankCore

/// Reads plain text: blank lines separate paragraphs, form feeds separate pages (text saved from a PDF keeps
/// them), hyphenated line breaks are joined and bare page numbers dropped.
struct PlainTextExtractor {
    func extract(_ decoded: TextDecoding.Decoded) throws(SkipReason) -> ExtractedDocument {
        let text = TextCleaner.normalise(decoded.text)
        var document: ExtractedDocument
        if text.contains("\u{0C}") {
            let (sections, pages) = TextCleaner.pagedSections(text)
            document = ExtractedDocument(format: .text, sections: sections, pages: pages, properties: FileProperties(origin: "text"))
        } else {
            var paragraphs = TextCleaner.paragraphs(ofText: text)
            // A short first line without a full stop is the text's title: keep it as the heading.
            var heading: String? = nil
            if let first = paragraphs.first, paragraphs.count > 1, first.split(separator: " ").count <= 12,
               let last = first.last, !".!?:;,".contains(last) {
                heading = first
                paragraphs.removeFirst()
            }
            document = ExtractedDocument(format: .text, sections: paragraphs.isEmpty ? [] : [.init(heading: heading, page: nil, paragraphs: paragraphs)],
                                         pages: nil, properties: FileProperties(origin: "text"))
        }
        if decoded.encoding != "UTF-8" { document.notes.append("converted from \(decoded.encoding)") }
        if document.wordCount == 0 { throw SkipReason(message: "text file has no words") }
        document.plainText = text
        document.plainTextIsFile = true
        return document
    }
}
