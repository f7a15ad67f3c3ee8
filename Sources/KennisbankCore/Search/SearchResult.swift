/// The answer to a SearchRequest: one page of hits, the exact total and facet counts.
public struct SearchResult: Codable, Sendable {
    /// The query as typed.
    public var query: String
    /// How the query was read, when that differs from what was typed (repaired syntax, OR fallback).
    public var understood: String?
    /// Set when the query found nothing and the results shown are for its spelling correction
    /// (`understood`); holds the query as typed, so the user can search for it as typed after all.
    public var correctedFrom: String?
    /// Thesaurus expansions that were applied (empty when none, or when expansion was switched off).
    public var expansions: [Expansion]
    /// A spelling correction of the query, offered when it finds little or nothing ("Bedoelde u ...?").
    public var suggestion: String?
    public var total: Int
    /// In `all-first` mode, how many of the `total` documents contain every word (they come first);
    /// nil when the query has one word, operators or phrases, or in the other modes.
    public var totalAllWords: Int?
    /// Typed words that "all words" (`totalAllWords`, mode `all`) does not require, because they name no
    /// subject of their own (*problematiek* in *loverboy problematiek*); they still weigh in the ranking.
    public var allWordsExcept: [String] = []
    public var offset: Int
    public var hits: [SearchHit]
    /// For every facet, its values with exact counts (see FacetCounter for the disjunctive rule).
    public var facets: [String: [FacetCount]]
}

public struct SearchHit: Codable, Sendable {
    public var id: String
    public var title: String
    public var type: String
    public var date: String
    public var organisation: [String]
    public var language: String
    public var access: String
    /// HTML-escaped extract with matches wrapped in `<mark>`...`</mark>`.
    public var snippet: String
    /// Best passages of long documents, with their page numbers.
    public var passages: [PassageHit]
    public var score: Double
}

public struct PassageHit: Codable, Sendable, Equatable {
    public var page: Int?
    public var heading: String?
    /// HTML-escaped passage extract with `<mark>` around matches.
    public var text: String
}

public struct FacetCount: Codable, Sendable, Equatable {
    public var value: String
    public var count: Int
    public var selected: Bool
}

public struct Expansion: Codable, Sendable, Equatable {
    public var term: String
    public var added: [String]
}
