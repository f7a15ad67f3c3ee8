/// The formats a selection of documents can be exported in.
public enum ExportFormat: String, CaseIterable, Sendable {
    /// A printable course handout with a table of contents.
    case html
    case md
    case csv
    case json
    /// Dublin Core XML (the `oai_dc` record format libraries and repositories exchange).
    case dc

    public var contentType: String {
        switch self {
        case .html: "text/html; charset=utf-8"
        case .md: "text/markdown; charset=utf-8"
        case .csv: "text/csv; charset=utf-8"
        case .json: "application/json"
        case .dc: "application/xml; charset=utf-8"
        }
    }

    public var fileExtension: String { rawValue == "dc" ? "xml" : rawValue }
}
