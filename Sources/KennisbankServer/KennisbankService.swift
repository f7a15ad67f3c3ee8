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
    /// A stand-in until KennisbankCore offers a proper similar() (for example Xapian's relevance-set expansion).
    func similar(to document: KnowledgeDocument, role: Role, limit: Int = 5) async throws -> [SearchHit] {
        let query = Self.similarityQuery(for: document)
        guard !query.isEmpty else { return [] }
        let request = SearchRequest(query: query, sort: .relevance, offset: 0, limit: limit + 1)
        let result = try await pool.withSearcher(role: role) { searcher in try searcher.search(request) }
        return Array(result.hits.filter { $0.id != document.id }.prefix(limit))
    }

    private static let ignoredWords: Set<String> = [
        "de", "het", "een", "en", "van", "in", "op", "te", "dat", "die", "voor", "met", "aan", "er", "is", "zijn", "als",
        "bij", "om", "of", "tot", "naar", "over", "uit", "door", "hun", "wat", "hoe", "wie", "the", "and", "for", "with",
        "from", "into", "its", "not", "nor", "but",
    ]

    /// Title words and theme words, ORed: plain words only, so no query syntax can sneak in.
    static func similarityQuery(for document: KnowledgeDocument) -> String {
        var words: [String] = []
        let text = ([document.title] + document.themes).joined(separator: " ")
        for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
            let word = String(word)
            guard word.count >= 3, !ignoredWords.contains(word), !words.contains(word) else { continue }
            words.append(word)
            if words.count == 24 { break }
        }
        return words.joined(separator: " OR ")
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
