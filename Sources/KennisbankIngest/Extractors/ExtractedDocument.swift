import KennisbankCore

/// What an extractor got out of a file: the cleaned text in sections, and what the file says about itself.
struct ExtractedDocument {
    var format: DocumentFormat
    var sections: [KnowledgeDocument.Section]
    /// Page count for paged formats (PDF, text with form feeds); nil otherwise.
    var pages: Int?
    var properties: FileProperties
    /// Remarks for the report ("converted from Windows-1252").
    var notes: [String] = []
    /// The whole text before it was cut into paragraphs (pages separated by form feeds), for the privacy guard's
    /// line numbers; nil when the format has no lines of its own (HTML, Word, OpenDocument).
    var plainText: String? = nil
    /// `plainText`'s lines are the file's lines (text, Markdown) rather than lines of extracted text (PDF).
    var plainTextIsFile = false

    var wordCount: Int {
        sections.reduce(0) { total, section in
            total + section.paragraphs.reduce(0) { $0 + TextScanning.wordCount($1) }
        }
    }
}

/// Metadata a file carries itself (PDF info, HTML meta and Dublin Core, Office document properties,
/// Markdown front matter). It only fills gaps the sidecar and folder catalogs leave.
struct FileProperties {
    var title: String?
    /// ISO `YYYY-MM-DD` once normalised.
    var published: String?
    var summary: String?
    var language: String?
    var authors: [String] = []
    var organisations: [String] = []
    var keywords: [String] = []
    /// Where these came from, for messages ("PDF info", "HTML meta").
    var origin: String
}
