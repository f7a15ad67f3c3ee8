import Foundation
import KennisbankCore

/// The query-string parameters of `/api/search` and `/`, validated; every problem names its parameter.
struct SearchParameters: Sendable, Equatable {
    var query: String = ""
    /// Selected values per facet, in the order they were given.
    var filters: [Facet: [String]] = [:]
    var from: String?
    var to: String?
    var sort: SearchRequest.Sort = .relevance
    var page: Int = 1
    var size: Int = SearchParameters.defaultSize
    var mode: SearchRequest.Mode = .allFirst
    /// Thesaurus expansion; `expand=false` switches it off for this query.
    var expand = true

    static let defaultSize = 10
    static let maxSize = 100
    static let maxPage = 10_000

    init() {}

    /// Reads the parameters. Empty values (as an HTML form sends them) count as absent; unknown names are ignored.
    init(_ items: [(name: String, value: String)], vocabulary: Vocabulary?) throws(APIError) {
        func first(_ name: String) -> String? {
            items.first { $0.name == name && !$0.value.trimmingCharacters(in: .whitespaces).isEmpty }?.value
        }
        query = items.first { $0.name == "q" }?.value ?? ""
        for facet in Facet.allCases {
            var values: [String] = []
            for item in items where item.name == facet.rawValue && !item.value.isEmpty && !values.contains(item.value) {
                if let vocabulary, facet.isControlled, facet != .region, vocabulary.lists[facet.rawValue] != nil,
                   !vocabulary.contains(item.value, in: facet.rawValue) {
                    throw APIError.badParameter(
                        facet.rawValue,
                        "unknown value \"\(item.value)\"; allowed: \(vocabulary.allowedValues(facet.rawValue).joined(separator: ", "))")
                }
                values.append(item.value)
            }
            if !values.isEmpty { filters[facet] = values }
        }
        from = first("from")?.trimmingCharacters(in: .whitespaces)
        to = first("to")?.trimmingCharacters(in: .whitespaces)
        if let text = first("sort") {
            guard let sort = SearchRequest.Sort(rawValue: text) else {
                throw APIError.badParameter(
                    "sort", "unknown sort \"\(text)\"; allowed: \(SearchRequest.Sort.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            self.sort = sort
        }
        if let text = first("page") {
            guard let page = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw APIError.badParameter("page", "\"\(text)\" is not a whole number; pages start at 1")
            }
            guard (1...Self.maxPage).contains(page) else {
                throw APIError.badParameter("page", "must be between 1 and \(Self.maxPage)")
            }
            self.page = page
        }
        if let text = first("size") {
            guard let size = Int(text.trimmingCharacters(in: .whitespaces)) else {
                throw APIError.badParameter("size", "\"\(text)\" is not a whole number; use 1 to \(Self.maxSize)")
            }
            self.size = min(max(size, 1), Self.maxSize)
        }
        if let text = first("mode") {
            guard let mode = SearchRequest.Mode(rawValue: text) else {
                throw APIError.badParameter("mode", "unknown mode \"\(text)\"; allowed: all-first, all, any")
            }
            self.mode = mode
        }
        if let text = first("expand") {
            guard let expand = ["true": true, "false": false, "1": true, "0": false, "ja": true, "nee": false][text.lowercased()] else {
                throw APIError.badParameter("expand", "\"\(text)\" is not true or false")
            }
            self.expand = expand
        }
    }

    var searchRequest: SearchRequest {
        SearchRequest(query: query, filters: filters, from: from, to: to, sort: sort,
                      offset: (page - 1) * size, limit: size, expand: expand, mode: mode)
    }

    var hasFilters: Bool { !filters.isEmpty || from != nil || to != nil }

    /// The parameters as a query string (without "?"), leaving out defaults, for links on the page.
    var queryString: String {
        var items: [(String, String)] = []
        if !query.isEmpty { items.append(("q", query)) }
        for facet in Facet.allCases { for value in filters[facet] ?? [] { items.append((facet.rawValue, value)) } }
        if let from { items.append(("from", from)) }
        if let to { items.append(("to", to)) }
        if sort != .relevance { items.append(("sort", sort.rawValue)) }
        if page != 1 { items.append(("page", String(page))) }
        if size != Self.defaultSize { items.append(("size", String(size))) }
        if mode != .allFirst { items.append(("mode", mode.rawValue)) }
        if !expand { items.append(("expand", "false")) }
        return items.map { QueryString.encode($0.0) + "=" + QueryString.encode($0.1) }.joined(separator: "&")
    }

    /// A link to the search page with these parameters.
    var href: String {
        let string = queryString
        return string.isEmpty ? "/" : "/?" + string
    }

    func with(_ change: (inout SearchParameters) -> Void) -> SearchParameters {
        var copy = self
        change(&copy)
        return copy
    }
}

/// Reading and writing `application/x-www-form-urlencoded` query strings.
enum QueryString {
    /// Splits a raw query string into decoded name/value pairs, in order. `+` is a space, as forms send it.
    static func parse(_ raw: String?) -> [(name: String, value: String)] {
        guard let raw, !raw.isEmpty else { return [] }
        return raw.split(separator: "&", omittingEmptySubsequences: true).map { pair in
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = decode(parts[0])
            let value = parts.count > 1 ? decode(parts[1]) : ""
            return (name, value)
        }
    }

    static func decode(_ text: Substring) -> String {
        let spaced = text.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    private static let unreserved: CharacterSet = {
        var set = CharacterSet.alphanumerics.intersection(CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        set.insert(charactersIn: "-._~")
        return set
    }()

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: unreserved) ?? text
    }

    /// Percent-encodes one path segment (document ids are plain, but never trust that).
    static func encodePathSegment(_ text: String) -> String { encode(text) }
}
