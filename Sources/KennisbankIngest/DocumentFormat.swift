/// The kinds of file the indexer reads. Decided from a file's content, not its name (see `ContentSniffer`).
public enum DocumentFormat: String, Codable, Sendable, CaseIterable, Comparable {
    /// The project's own XML records.
    case xml
    case pdf
    case html
    case docx
    case odt
    case text
    case markdown

    /// File name extensions that make a file a candidate for indexing at all.
    static let candidateExtensions: Set<String> = ["xml", "pdf", "html", "htm", "xhtml", "docx", "odt", "doc", "txt", "text", "md", "markdown"]

    /// What a file's extension claims; used only where content cannot tell (text versus Markdown) and in messages.
    static func claimed(byExtension ext: String) -> DocumentFormat? {
        switch ext.lowercased() {
        case "xml": .xml
        case "pdf": .pdf
        case "html", "htm", "xhtml": .html
        case "docx": .docx
        case "odt": .odt
        case "txt", "text": .text
        case "md", "markdown": .markdown
        default: nil
        }
    }

    public static func < (lhs: DocumentFormat, rhs: DocumentFormat) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
