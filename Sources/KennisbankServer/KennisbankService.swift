import Foundation
import KennisbankCore
import Logging

/// What the routes need, independent of HTTP: search, documents, similar documents, original files.
///
/// Every call takes the caller's role; today every request is anonymous, a later access layer passes its own.
struct KennisbankService: Sendable {
    let pool: SearcherPool
    let labels: Labels
    /// The collection folder, standardized and with symlinks resolved; nil when not configured.
    let collectionRoot: URL?

    func search(_ parameters: SearchParameters, role: Role) async throws -> SearchResult {
        let request = parameters.searchRequest
        return try await pool.withSearcher(role: role) { searcher in try searcher.search(request) }
    }

    /// The document, or a 404 APIError when it is unknown or not visible to `role`.
    func document(id: String, role: Role) async throws -> KnowledgeDocument {
        let found = try await pool.withSearcher(role: role) { searcher in try searcher.document(id: id) }
        guard let found else { throw APIError.notFound("no document with id \"\(id)\"") }
        return found
    }

    func documentCount(role: Role) async throws -> Int {
        try await pool.withSearcher(role: role) { searcher in searcher.documentCount }
    }

    /// Related documents: those sharing the most title words and themes, best first, never the document itself.
    ///
    /// Related documents by relevance-set expansion, within the levels `role` may see.
    func similar(to document: KnowledgeDocument, role: Role, limit: Int = 5) async throws -> [SearchHit] {
        try await pool.withSearcher(role: role) { searcher in try searcher.similar(to: document.id, limit: limit) ?? [] }
    }

    /// The original file of a document inside the collection folder: the file named in `<source file="...">`
    /// if present, else the XML record itself. Nil when there is no collection folder or no such file.
    func originalFile(of document: KnowledgeDocument) -> URL? {
        guard let root = collectionRoot, let files = document.source?.files, let record = files.first else { return nil }
        let recordFolder = root.appendingPathComponent(record).deletingLastPathComponent()
        var candidates: [URL] = []
        for attached in files.dropFirst() {
            candidates.append(root.appendingPathComponent(attached))
            candidates.append(recordFolder.appendingPathComponent(attached))
        }
        candidates.append(root.appendingPathComponent(record))
        for candidate in candidates {
            let resolved = candidate.standardizedFileURL.resolvingSymlinksInPath()
            // Never serve anything outside the collection, whatever a record says.
            guard resolved.path.hasPrefix(root.path + "/") else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: resolved.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return resolved
            }
        }
        return nil
    }

    static func contentType(of file: URL) -> String {
        switch file.pathExtension.lowercased() {
        case "pdf": "application/pdf"
        case "xml": "application/xml; charset=utf-8"
        case "html", "htm": "text/html; charset=utf-8"
        case "txt", "md": "text/plain; charset=utf-8"
        case "doc": "application/msword"
        case "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
        case "odt": "application/vnd.oasis.opendocument.text"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        default: "application/octet-stream"
        }
    }
}
