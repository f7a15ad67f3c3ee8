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
            let paragraphs = TextCleaner.paragraphs(ofText: text)
            document = ExtractedDocument(format: .text, sections: paragraphs.isEmpty ? [] : [.init(heading: nil, page: nil, paragraphs: paragraphs)],
                                         pages: nil, properties: FileProperties(origin: "text"))
        }
        if decoded.encoding != "UTF-8" { document.notes.append("converted from \(decoded.encoding)") }
        if document.wordCount == 0 { throw SkipReason(message: "text file has no words") }
        return document
    }
}
