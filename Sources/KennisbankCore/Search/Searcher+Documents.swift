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
