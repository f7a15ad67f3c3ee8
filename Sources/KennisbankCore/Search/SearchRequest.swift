/// What a caller asks for. Validated by `Searcher`; every problem names its parameter.
public struct SearchRequest: Sendable, Hashable {
    public enum Sort: String, CaseIterable, Sendable { case relevance, date }
    /// How the words of a query combine.
    /// - allFirst (default): documents with every word first, then those with some of them. The page
    ///   starts exactly as `all` would, but a relevant record that lacks one word is still found.
    /// - all: every word must occur (falling back to any word when that finds nothing).
    /// - any: ranked by any word.
    public enum Mode: String, CaseIterable, Sendable { case allFirst = "all-first", all, any }

    public var query: String
    /// Selected values per facet: values of one facet are ORed, different facets ANDed.
    public var filters: [Facet: [String]]
    /// Inclusive date bounds as typed: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    public var from: String?
    public var to: String?
    public var sort: Sort
    public var offset: Int
    public var limit: Int
    /// Expand query words through the thesaurus (the user can switch this off per query).
    public var expand: Bool
    public var mode: Mode
    /// Pseudo-relevance feedback: re-rank with the telling terms of the first results
    /// (the match set, totals and facet counts stay exactly those of the query).
    public var feedback: Bool
    /// Exact facet counts over every match (the page's facets). Off, the total is Xapian's estimate and
    /// no facets are returned: for callers that only need a ranked page.
    public var countFacets: Bool = true

    public init(query: String = "", filters: [Facet: [String]] = [:], from: String? = nil, to: String? = nil,
                sort: Sort = .relevance, offset: Int = 0, limit: Int = 10, expand: Bool = true, mode: Mode = .allFirst, feedback: Bool = false) {
        self.mode = mode
        self.feedback = feedback
        self.expand = expand
        self.query = query
        self.filters = filters
        self.from = from
        self.to = to
        self.sort = sort
        self.offset = offset
        self.limit = limit
    }

    public static let maxQueryLength = 1000
    /// Callers facing the network clamp further (the API allows 100 per page).
    public static let maxLimit = 1000
}
