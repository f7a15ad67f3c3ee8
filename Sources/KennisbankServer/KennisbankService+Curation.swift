import Foundation
import KennisbankCore

/// Exports, feeds and statistics: like search, every call takes the role whose levels may be read.
extension KennisbankService {
    /// The full documents a search finds (best or newest first), at most `limit`.
    func exportDocuments(_ parameters: SearchParameters, role: Role, limit: Int) async throws -> [KnowledgeDocument] {
        let request = parameters.searchRequest
        return try await pool.withSearcher(role: role) { searcher in try searcher.documents(matching: request, limit: limit) }
    }

    func statistics(role: Role) async throws -> CollectionStatistics {
        let vocabulary = labels.vocabulary
        return try await pool.withSearcher(role: role) { searcher in try searcher.statistics(vocabulary: vocabulary) }
    }

    /// Brings the ledger of first-seen times up to date when the index changed since it was last brought up to date.
    func updateLedger(_ ledger: DocumentChanges) async throws {
        let count = try await documentCount(role: .curator)
        let stamp = Self.stamp(of: pool.location) + "|" + String(count)
        guard await !ledger.isCurrent(stamp: stamp) else { return }
        // Over every level, inside the server only: what a caller learns from it is filtered by the caller's role below.
        let fingerprints = try await pool.withSearcher(role: .curator) { searcher -> [String: String] in
            var fingerprints: [String: String] = [:]
            // The stored data is the document as IndexSchema.encode wrote it: a change to it is a new version.
            try searcher.forEachStoredDocument { id, data in fingerprints[id] = ContentFingerprint.of(data.utf8) }
            return fingerprints
        }
        await ledger.update(stamp: stamp, documents: fingerprints)
    }

    /// The documents `role` may see that the search finds and that are new or changed since `since`, newest first.
    ///
    /// A document's time is the later of its publication date and the moment it was first seen in this version.
    func feedEntries(_ parameters: SearchParameters, role: Role, since: Date, seen: [String: Date],
                     limit: Int = 50) async throws -> [AtomFeed.Entry] {
        var request = parameters.searchRequest
        request.sort = .date
        request.offset = 0
        request.limit = SearchRequest.maxLimit
        let base = request
        return try await pool.withSearcher(role: role) { searcher -> [AtomFeed.Entry] in
            var candidates: [(id: String, updated: Date)] = []
            var page = base
            while true {
                let result = try searcher.search(page)
                for hit in result.hits {
                    let published = AtomFeed.publicationDate(hit.date) ?? .distantPast
                    let updated = max(published, seen[hit.id] ?? .distantPast)
                    if updated >= since { candidates.append((hit.id, updated)) }
                }
                page.offset += result.hits.count
                if result.hits.isEmpty || page.offset >= result.total { break }
            }
            candidates.sort { $0.updated != $1.updated ? $0.updated > $1.updated : $0.id < $1.id }
            return try candidates.prefix(limit).compactMap { candidate in
                try searcher.document(id: candidate.id).map { AtomFeed.Entry(document: $0, updated: candidate.updated) }
            }
        }
    }

    /// Lowercased words that are not names: the vocabulary's values and labels, the thesaurus, and the words of
    /// the collection's organisations and places. For search analytics; read over every level, never shown.
    func knownWords(thesaurus: Thesaurus?) async -> Set<String> {
        var words = Set<String>()
        func add(_ text: String) {
            for word in text.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber && $0 != "'" }) {
                words.insert(String(word))
            }
        }
        if let vocabulary = labels.vocabulary {
            for (_, terms) in vocabulary.lists {
                for term in terms {
                    add(term.value.replacingOccurrences(of: "-", with: " "))
                    add(term.label)
                }
            }
        }
        if let thesaurus {
            for (source, targets) in thesaurus.entries { ([source] + targets).forEach(add) }
        }
        let facets = try? await pool.withSearcher(role: .curator) { searcher in
            try searcher.search(SearchRequest(limit: 1, expand: false)).facets
        }
        for facet in [Facet.organisation, .region] {
            for value in facets?[facet.rawValue] ?? [] { add(value.value) }
        }
        return words
    }
}

extension SearchParameters {
    /// The search without page and size: what an export or a saved search carries.
    var withoutPaging: SearchParameters {
        with { $0.page = 1; $0.size = SearchParameters.defaultSize }
    }

    /// In words, for a handout, a saved search or a feed: `loverboy; Soort document: Rapport; vanaf 2010`.
    func describe(labels: Labels) -> String {
        var parts: [String] = []
        let text = query.trimmingCharacters(in: .whitespaces)
        if !text.isEmpty { parts.append(text) }
        for facet in Facet.allCases {
            guard let values = filters[facet], !values.isEmpty else { continue }
            parts.append("\(Labels.title(of: facet)): " + values.map { labels.label($0, in: facet) }.joined(separator: ", "))
        }
        if let from { parts.append("vanaf \(from)") }
        if let to { parts.append("tot en met \(to)") }
        return parts.isEmpty ? "alle documenten" : parts.joined(separator: "; ")
    }
}
