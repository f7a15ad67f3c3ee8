import Foundation
import KennisbankCore
import Logging

/// What the routes need, independent of HTTP: search, documents, similar documents, original files.
///
/// Every call takes the caller's role; the Searcher it uses opens only the levels that role may see.
struct KennisbankService: Sendable {
    let pool: SearcherPool
    let labels: Labels
    /// The collection folder, standardized and with symlinks resolved; nil when not configured.
    let collectionRoot: URL?
    /// The index folder, standardized and with symlinks resolved: never served, even inside the collection.
    let indexRoot: URL
    /// Which files the documents of each restricted level name, to withhold them from callers below that level.
    let claims = FileClaims()
    /// Answers to recent searches per role and index snapshot (see SearchResultCache).
    let resultCache: SearchResultCache

    init(pool: SearcherPool, labels: Labels, collectionRoot: URL?, cacheCapacity: Int = 2048) {
        self.pool = pool
        resultCache = SearchResultCache(capacity: cacheCapacity)
        self.labels = labels
        self.collectionRoot = collectionRoot
        indexRoot = pool.location.root.standardizedFileURL.resolvingSymlinksInPath()
    }

    func search(_ parameters: SearchParameters, role: Role) async throws -> SearchResult {
        let request = parameters.searchRequest
        let levels = role.visibleLevels
        return try await pool.withSearcher(role: role) { searcher in
            let key = SearchResultCache.Key(levels: levels, request: request, snapshot: searcher.snapshot)
            if let cached = resultCache.result(for: key) { return cached }
            let result = try searcher.search(request)
            resultCache.store(result, for: key)
            return result
        }
    }

    /// The document, or a 404 APIError when it is unknown or not visible to `role` (the same error either way).
    func document(id: String, role: Role) async throws -> KnowledgeDocument {
        let found = try await pool.withSearcher(role: role) { searcher in try searcher.document(id: id) }
        guard let found else { throw APIError.noDocument(id) }
        return found
    }

    func documentCount(role: Role) async throws -> Int {
        try await pool.withSearcher(role: role) { searcher in searcher.documentCount }
    }

    /// Related documents by relevance-set expansion, within the levels `role` may see; never the document itself.
    func similar(to document: KnowledgeDocument, role: Role, limit: Int = 5) async throws -> [SearchHit] {
        try await pool.withSearcher(role: role) { searcher in try searcher.similar(to: document.id, limit: limit) ?? [] }
    }

    /// The original file of a document that `role` may download, or nil. See `originalFile(of:)`; in addition a
    /// file that a document above `role`'s levels also names is withheld, whichever document the caller asked for.
    func servableFile(of document: KnowledgeDocument, role: Role) async throws -> URL? {
        guard let file = originalFile(of: document) else { return nil }
        let hidden = AccessLevel.allCases.filter { !role.visibleLevels.contains($0) }
        guard !hidden.isEmpty else { return file }
        let stamp = Self.stamp(of: pool.location)
        let claimed = try await pool.withSearcher(role: .curator) { searcher in
            try claims.current(stamp: stamp, searcher: searcher) { self.candidates(of: $0) }
        }
        if let level = claimed[file.path], hidden.contains(level) { return nil }
        return file
    }

    /// The original file of a document inside the collection folder: the file named in `<source file="...">`
    /// (relative to the record's folder, else to the collection) when the record names one, else the record itself.
    /// Nil when there is no collection folder or no such file. Whatever a record says, only regular files that,
    /// with every symbolic link resolved, lie inside the collection folder are served: never anything outside it,
    /// never the index folder, never a hidden file or a file in a hidden folder.
    func originalFile(of document: KnowledgeDocument) -> URL? {
        for candidate in candidates(of: document) {
            guard isServable(candidate) else { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate
            }
        }
        return nil
    }

    /// Where the original file of a document may be, in order, standardized and with symlinks resolved.
    func candidates(of document: KnowledgeDocument) -> [URL] {
        guard let root = collectionRoot, let files = document.source?.files, let record = files.first else { return [] }
        let recordFolder = root.appendingPathComponent(record).deletingLastPathComponent()
        let attached = files.dropFirst()
        let paths = attached.isEmpty
            ? [root.appendingPathComponent(record)]
            : attached.flatMap { [recordFolder.appendingPathComponent($0), root.appendingPathComponent($0)] }
        return paths.map { $0.standardizedFileURL.resolvingSymlinksInPath() }
    }

    private func isServable(_ resolved: URL) -> Bool {
        guard let root = collectionRoot, resolved.path.hasPrefix(root.path + "/") else { return false }
        if resolved.path == indexRoot.path || resolved.path.hasPrefix(indexRoot.path + "/") { return false }
        let relative = resolved.path.dropFirst(root.path.count + 1)
        return !relative.split(separator: "/").contains { $0.hasPrefix(".") }
    }

    /// Changes whenever the index does (a new generation, or a new manifest after an incremental run).
    static func stamp(of location: IndexLocation) -> String {
        let manifest = location.manifestURL
        let attributes = try? FileManager.default.attributesOfItem(atPath: manifest.path)
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        return "\(manifest.path)|\(modified)|\(size)"
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

/// For each file that a document of a restricted level (professional, vertrouwelijk) names, the highest such
/// level. Built with a Searcher over every level — inside the server only; what a caller learns is no more than
/// that a file is not served — and rebuilt when the index changes.
final class FileClaims: @unchecked Sendable {
    private let lock = NSLock()
    private var cached: (stamp: String, claims: [String: AccessLevel])?

    func current(stamp: String, searcher: Searcher,
                 candidates: (KnowledgeDocument) -> [URL]) throws -> [String: AccessLevel] {
        let key = stamp + "|" + String(searcher.documentCount)
        if let hit = lock.withLock({ cached?.stamp == key ? cached?.claims : nil }) { return hit }
        var claims: [String: AccessLevel] = [:]
        for level in AccessLevel.allCases where level != .openbaar {
            var offset = 0
            while true {
                let page = try searcher.search(SearchRequest(filters: [.access: [level.rawValue]], sort: .date, offset: offset,
                                                             limit: SearchRequest.maxLimit, expand: false))
                for hit in page.hits {
                    guard let document = try searcher.document(id: hit.id), document.access != .openbaar else { continue }
                    for file in candidates(document) {
                        claims[file.path] = max(claims[file.path] ?? document.access, document.access)
                    }
                }
                offset += page.hits.count
                if page.hits.isEmpty || offset >= page.total { break }
            }
        }
        lock.withLock { cached = (key, claims) }
        return claims
    }
}
