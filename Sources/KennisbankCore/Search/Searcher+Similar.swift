import XapianKit

extension Searcher {
    /// Documents like the one with `id`, by relevance-set expansion: the document's most telling terms
    /// become a query. Only the levels this searcher opened take part, so neither the terms nor the
    /// results can come from a level the caller may not see. Nil when the id is not visible.
    public func similar(to id: String, limit: Int = 5) throws(KennisbankError) -> [SearchHit]? {
        do {
            guard let docid = try database.document(withUniqueTerm: IndexSchema.idTerm(id)) else { return nil }
            let terms = try database.expansionTerms(of: [docid], count: 30)
            guard !terms.isEmpty else { return [] }
            let query = XapianQuery.combine(.andNot, [
                .combine(.or, terms.map { .term($0) }),
                .term(IndexSchema.idTerm(id)),
            ])
            var options = XapianSearchOptions()
            options.limit = UInt32(max(1, min(limit, SearchRequest.maxLimit)))
            let page = try database.search(query, options: options)
            var hits: [SearchHit] = []
            for index in 0..<page.count {
                let document = try IndexSchema.decode(try page.data(at: index))
                hits.append(SearchHit(id: document.id, title: document.title, type: document.type, date: document.published,
                                      organisation: document.organisations, language: document.language,
                                      access: document.access.rawValue, snippet: Self.escape(Self.excerpt(document.summary)),
                                      passages: [], score: page.weight(at: index)))
            }
            return hits
        } catch let error as XapianError {
            throw .index("similar documents failed: \(error.message)")
        } catch {
            throw .index("stored data unreadable: \(error)")
        }
    }
}
