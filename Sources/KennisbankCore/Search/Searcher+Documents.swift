extension Searcher {
    /// The full documents matching a request, best first (or newest first), up to `limit`:
    /// what an export or a feed needs. Pages through the results so any limit works.
    public func documents(matching request: SearchRequest, limit: Int = 500) throws(KennisbankError) -> [KnowledgeDocument] {
        var documents: [KnowledgeDocument] = []
        var page = request
        page.limit = SearchRequest.maxLimit
        page.offset = 0
        while documents.count < limit {
            let result = try search(page)
            for hit in result.hits {
                if let document = try document(id: hit.id) { documents.append(document) }
            }
            page.offset += result.hits.count
            if result.hits.isEmpty || page.offset >= result.total { break }
        }
        return Array(documents.prefix(limit))
    }
}

extension Searcher {
    /// Hands every document of the levels this searcher sees to `body`, as its id and stored data (the JSON
    /// written by `IndexSchema.encode`), in no particular order, one at a time (never all in memory). Reads
    /// the id terms directly: bookkeeping over the whole index (the server's change ledger) must not run a
    /// search per page of 1,000 (30 s at 100,000 documents).
    public func forEachStoredDocument(_ body: (_ id: String, _ data: String) -> Void) throws(KennisbankError) {
        do {
            for shard in shards {
                for (term, _) in try shard.terms(withPrefix: IndexSchema.idPrefix) {
                    guard let docid = try shard.document(withUniqueTerm: term) else { continue }
                    body(String(term.dropFirst(IndexSchema.idPrefix.count)), try shard.data(ofDocument: docid))
                }
            }
        } catch {
            throw .index("cannot read the stored documents: \(error.message)")
        }
    }
}
