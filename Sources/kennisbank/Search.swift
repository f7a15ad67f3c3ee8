import ArgumentParser
import Foundation
import KennisbankCore

extension Kennisbank {
    struct Search: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Search the index.",
            discussion: """
            Query syntax: words (documents with all of them first, then those with some; see --mode), \
            "phrases", AND/OR/NOT (or EN/OF/NIET), brackets, -word, \
            titel:word, organisatie:word, trailing wildcards (ronsel*). \
            Filters on the same facet are ORed, on different facets ANDed.
            Facets: \(Facet.allCases.map(\.rawValue).joined(separator: ", ")).
            """)

        @Argument(help: "The query; may be empty when filters are given.")
        var query: [String] = []

        @OptionGroup var options: IndexOptions

        @Option(name: .customLong("filter"), help: "A facet filter, facet=value (repeatable).")
        var filters: [String] = []

        @Option(help: "Earliest publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
        var from: String?

        @Option(help: "Latest publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
        var to: String?

        @Option(help: "relevance or date (newest first).")
        var sort: String = "relevance"

        @Option(help: "Number of hits to show (1-1000).")
        var limit: Int = 10

        @Option(help: "Number of hits to skip.")
        var offset: Int = 0

        @Option(name: .customLong("as"), help: "Show exactly what this role would see: anonymous, professional, trainer, curator.")
        var role: String = "curator"

        @Flag(help: "Print one JSON object.")
        var json = false

        @Flag(name: .customLong("no-expand"), help: "Do not expand words through the thesaurus.")
        var noExpand = false

        @Option(help: "all-first: documents with every word first, then those with some; all: every word must occur (any word when that finds nothing); any: ranked by any word.")
        var mode: String = "all-first"

        @Flag(help: "Re-rank by terms from the first results (pseudo-relevance feedback); matches stay the same.")
        var feedback = false

        func run() throws {
            do {
                let request = try makeRequest()
                guard let role = Role(rawValue: role) else {
                    throw KennisbankError.invalidParameter(
                        name: "--as", message: "unknown role \"\(self.role)\"; roles: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let searcher = try Searcher(location: IndexLocation(options.index), levels: role.visibleLevels)
                let result = try searcher.search(request)
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                    print(String(decoding: try encoder.encode(result), as: UTF8.self))
                } else {
                    ResultPrinter.print(result)
                }
            } catch let error as KennisbankError {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        }

        func makeRequest() throws(KennisbankError) -> SearchRequest {
            try RequestBuilder.request(query: query, filters: filters, from: from, to: to, sort: sort,
                                       limit: limit, offset: offset, expand: !noExpand, mode: mode, feedback: feedback)
        }
    }
}

/// Turns command-line search options into a SearchRequest; every problem names its option.
enum RequestBuilder {
    static func request(query: [String], filters: [String], from: String? = nil, to: String? = nil, sort: String = "relevance",
                        limit: Int = 10, offset: Int = 0, expand: Bool = true, mode: String = "all-first", feedback: Bool = false) throws(KennisbankError) -> SearchRequest {
        guard let searchMode = SearchRequest.Mode(rawValue: mode) else {
            throw .invalidParameter(name: "--mode", message: "\"\(mode)\" is not all-first, all or any")
        }
        var parsedFilters: [Facet: [String]] = [:]
        for filter in filters {
            guard let equals = filter.firstIndex(of: "=") else {
                throw .invalidParameter(name: "--filter", message: "\"\(filter)\" is not facet=value")
            }
            let name = String(filter[..<equals])
            let value = String(filter[filter.index(after: equals)...])
            guard let facet = Facet.named(name) else {
                throw .invalidParameter(
                    name: "--filter", message: "unknown facet \"\(name)\"; facets: \(Facet.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard !value.isEmpty else { throw .invalidParameter(name: "--filter", message: "\"\(filter)\" has no value") }
            parsedFilters[facet, default: []].append(value)
        }
        guard let sortOrder = SearchRequest.Sort(rawValue: sort) else {
            throw .invalidParameter(name: "--sort", message: "\"\(sort)\" is not relevance or date")
        }
        guard (1...SearchRequest.maxLimit).contains(limit) else {
            throw .invalidParameter(name: "--limit", message: "must be between 1 and \(SearchRequest.maxLimit)")
        }
        guard offset >= 0 else { throw .invalidParameter(name: "--offset", message: "must not be negative") }
        // Checked here too, so the message names the option (the searcher would say "from").
        if let from { _ = try DateBound.lower(from, parameter: "--from") }
        if let to { _ = try DateBound.upper(to, parameter: "--to") }
        return SearchRequest(query: query.joined(separator: " "), filters: parsedFilters, from: from, to: to,
                             sort: sortOrder, offset: offset, limit: limit, expand: expand, mode: searchMode, feedback: feedback)
    }
}

enum ResultPrinter {
    static func print(_ result: SearchResult) {
        if let understood = result.understood {
            if let typed = result.correctedFrom {
                Swift.print("Resultaten voor \(understood) (niets gevonden voor \(typed))")
            } else {
                Swift.print("gezocht op: \(understood)")
            }
        }
        for expansion in result.expansions {
            Swift.print("uitgebreid: \(expansion.term) → ook \(expansion.added.joined(separator: ", ")) (uitzetten: --no-expand)")
        }
        if let suggestion = result.suggestion { Swift.print("Bedoelde u: \(suggestion)?") }
        let shown = result.hits.isEmpty ? "" : " (\(result.offset + 1)-\(result.offset + result.hits.count))"
        var allWords = ""
        if let all = result.totalAllWords, all > 0, all < result.total {
            let verb = result.allWordsExcept.count == 1 ? "telt" : "tellen"
            let except = result.allWordsExcept.isEmpty ? "" : " (\(result.allWordsExcept.joined(separator: ", ")) \(verb) niet mee)"
            allWords = ", eerst \(all) met alle woorden\(except) (alleen die: --mode all)"
        }
        Swift.print("\(result.total) documenten\(allWords)\(shown)\n")
        for (index, hit) in result.hits.enumerated() {
            Swift.print("\(result.offset + index + 1). \(hit.title)")
            Swift.print("   \(hit.type) · \(hit.date) · \(hit.organisation.joined(separator: ", ")) · \(hit.id)")
            if !hit.snippet.isEmpty { Swift.print("   " + Terminal.highlight(hit.snippet)) }
            for passage in hit.passages {
                let page = passage.page.map { "p. \($0)" } ?? (passage.heading ?? "")
                Swift.print("   ▸ \(page): " + Terminal.highlight(passage.text))
            }
            Swift.print("")
        }
        Swift.print("Facetten:")
        for facet in Facet.allCases {
            guard let counts = result.facets[facet.rawValue], !counts.isEmpty else { continue }
            let listed = counts.prefix(12).map { ($0.selected ? "[x] " : "") + "\($0.value) (\($0.count))" }
            Swift.print("  \(facet.rawValue): " + listed.joined(separator: ", ") + (counts.count > 12 ? ", …" : ""))
        }
    }
}
