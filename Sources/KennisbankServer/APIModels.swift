import KennisbankCore

// The JSON shapes of the API. Optional fields are always present, as `null` when empty,
// so clients see one stable schema (see openapi.yaml).

struct SearchResponse: Encodable {
    var query: String
    var understood: String?
    var correctedFrom: String?
    var suggestion: String?
    var expansions: [Expansion]
    var total: Int
    var totalAllWords: Int?
    var allWordsExcept: [String]
    var page: Int
    var size: Int
    var hits: [Hit]
    var facets: [String: [FacetValue]]

    struct Hit: Encodable {
        var id: String
        var title: String
        var type: String
        var date: String
        var organisation: [String]
        /// HTML: escaped text with `<mark>` around matches.
        var snippet: String
        var passages: [PassageExtract]
    }

    struct FacetValue: Encodable {
        var value: String
        var label: String
        var count: Int
        var selected: Bool
    }

    enum CodingKeys: String, CodingKey { case query, understood, correctedFrom, suggestion, expansions, total, totalAllWords, allWordsExcept, page, size, hits, facets }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(query, forKey: .query)
        try container.encode(understood, forKey: .understood)
        try container.encode(correctedFrom, forKey: .correctedFrom)
        try container.encode(suggestion, forKey: .suggestion)
        try container.encode(expansions, forKey: .expansions)
        try container.encode(total, forKey: .total)
        try container.encode(totalAllWords, forKey: .totalAllWords)
        try container.encode(allWordsExcept, forKey: .allWordsExcept)
        try container.encode(page, forKey: .page)
        try container.encode(size, forKey: .size)
        try container.encode(hits, forKey: .hits)
        try container.encode(facets, forKey: .facets)
    }

    init(result: SearchResult, parameters: SearchParameters, role: Role, labels: Labels) {
        query = result.query
        understood = result.understood
        correctedFrom = result.correctedFrom
        suggestion = result.suggestion
        expansions = result.expansions
        total = result.total
        totalAllWords = result.totalAllWords
        allWordsExcept = result.allWordsExcept
        page = parameters.page
        size = parameters.size
        hits = result.hits.map { hit in
            Hit(id: hit.id, title: hit.title, type: hit.type, date: hit.date, organisation: hit.organisation,
                snippet: hit.snippet,
                passages: hit.passages.map { PassageExtract(page: $0.page, heading: $0.heading, text: $0.text) })
        }
        var facets: [String: [FacetValue]] = [:]
        for facet in Facet.allCases {
            facets[facet.rawValue] = (result.facets[facet.rawValue] ?? []).map {
                FacetValue(value: $0.value, label: labels.label($0.value, in: facet), count: $0.count, selected: $0.selected)
            }
        }
        self.facets = facets
    }
}

/// A passage: page and heading it came from, and its text (HTML with `<mark>` in search hits, plain in documents).
struct PassageExtract: Encodable {
    var page: Int?
    var heading: String?
    var text: String

    enum CodingKeys: String, CodingKey { case page, heading, text }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(page, forKey: .page)
        try container.encode(heading, forKey: .heading)
        try container.encode(text, forKey: .text)
    }
}

struct DocumentResponse: Encodable {
    var document: KnowledgeDocument
    var passages: [PassageExtract]
    /// `/api/documents/{id}/file` when the original file can be served, else null.
    var fileURL: String?

    enum CodingKeys: String, CodingKey {
        case id, type, language, access, title, summary, published, organisations, authors, region, municipality
        case audiences, approaches, themes, source, practice, workingMethod, sections, passages, fileUrl, links
    }

    struct Source: Encodable {
        var description: String
        var url: String?
        var files: [String]
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(description, forKey: .description)
            try container.encode(url, forKey: .url)
            try container.encode(files, forKey: .files)
        }
        enum CodingKeys: String, CodingKey { case description, url, files }
    }

    struct Section: Encodable {
        var heading: String?
        var page: Int?
        var paragraphs: [String]
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(heading, forKey: .heading)
            try container.encode(page, forKey: .page)
            try container.encode(paragraphs, forKey: .paragraphs)
        }
        enum CodingKeys: String, CodingKey { case heading, page, paragraphs }
    }

    struct Links: Encodable {
        var html: String
        var similar: String
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let d = document
        try container.encode(d.id, forKey: .id)
        try container.encode(d.type, forKey: .type)
        try container.encode(d.language, forKey: .language)
        try container.encode(d.access.rawValue, forKey: .access)
        try container.encode(d.title, forKey: .title)
        try container.encode(d.summary, forKey: .summary)
        try container.encode(d.published, forKey: .published)
        try container.encode(d.organisations, forKey: .organisations)
        try container.encode(d.authors, forKey: .authors)
        try container.encode(d.region, forKey: .region)
        try container.encode(d.municipality, forKey: .municipality)
        try container.encode(d.audiences, forKey: .audiences)
        try container.encode(d.approaches, forKey: .approaches)
        try container.encode(d.themes, forKey: .themes)
        try container.encode(d.source.map { Source(description: $0.description, url: $0.url, files: $0.files) }, forKey: .source)
        try container.encode(d.practice, forKey: .practice)
        try container.encode(d.workingMethod, forKey: .workingMethod)
        try container.encode(d.sections.map { Section(heading: $0.heading, page: $0.page, paragraphs: $0.paragraphs) },
                             forKey: .sections)
        try container.encode(passages, forKey: .passages)
        try container.encode(fileURL, forKey: .fileUrl)
        let id = QueryString.encodePathSegment(d.id)
        try container.encode(Links(html: "/document/\(id)", similar: "/api/documents/\(id)/similar"), forKey: .links)
    }
}

struct SimilarResponse: Encodable {
    var id: String
    var documents: [Item]

    struct Item: Encodable {
        var id: String
        var title: String
        var type: String
        var date: String
        var organisation: [String]
    }
}

struct HealthResponse: Encodable {
    var status: String
    var documents: Int
}
