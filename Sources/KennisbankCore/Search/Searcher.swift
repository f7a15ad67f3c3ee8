import Foundation
import XapianKit

/// Searches the access levels it was opened with, and nothing else.
///
/// Not thread-safe (Xapian handles are not): give each task or request its own Searcher, or serialise use.
public final class Searcher {
    public let location: IndexLocation
    public let levels: [AccessLevel]
    /// The visible levels searched as one, for ranking, parsing and documents.
    let database: XapianDatabase
    /// Each visible level on its own, for exhaustive matching (facet counts use shard-local docids).
    let shards: [XapianDatabase]
    /// The generation folder the databases were opened in (a full reindex switches to a new one).
    private let openedDirectory: String
    private(set) var facets: FacetIndex
    /// Query analysers per document language, the same pipeline the indexer used.
    private let analyzers: [String: Analyzer] = ["nl": Analyzer(language: "nl"), "en": Analyzer(language: "en")]

    /// Dutch and English function words dropped from queries; never domain words (see Stopwords.swift).
    static let stopwords = Stopwords.dutch + Stopwords.english
    static let stopwordSet = Set(stopwords)

    public init(location: IndexLocation, levels: [AccessLevel]) throws(KennisbankError) {
        guard location.exists else {
            throw .index("no index at \(location.root.path); run `kennisbank index <folder> --index \(location.root.path)` first")
        }
        self.location = location
        self.levels = levels
        openedDirectory = location.dataDirectory.path
        do {
            database = try XapianDatabase(paths: levels.map { location.databasePath($0) })
            shards = try levels.map { level throws(XapianError) in try XapianDatabase(paths: [location.databasePath(level)]) }
            facets = try FacetIndex(shards: shards)
        } catch {
            throw .index("cannot open \(location.root.path): \(error.message)")
        }
    }

    public var documentCount: Int { Int(database.documentCount) }

    /// What this searcher sees: the index generation folder and the committed revision of each level's
    /// database. Two searchers with equal snapshots give equal answers (the thesaurus and spelling data are
    /// committed with the documents), which is what lets the server cache results safely.
    public var snapshot: String {
        openedDirectory + ":" + shards.map { String($0.revision) }.joined(separator: ",")
    }

    /// BM25 parameters (k1, k2, k3, b, min_normlen), chosen on the relevance sets (see Tests/Relevance).
    /// `KENNISBANK_BM25="k1,b"` overrides k1 and b, for tuning with Scripts/eval.
    /// The weighting scheme: DPH (parameter-free divergence from randomness), chosen on the relevance sets.
    /// The collection mixes one-page records with 150-page reports, and BM25 let the long reports crowd out
    /// the records (judged set MAP 0.55 → 0.63, targets in the top 10 30/39 → 35/39, PolicyQA MRR@10
    /// 0.879 → 0.893); on uniform short abstracts BM25 is better (Vaswani 0.2997 against 0.2745).
    /// `KENNISBANK_WEIGHT` (dph, bm25, bm25plus:delta, lm:mu, pl2:c) switches it, e.g. for such collections.
    static let scheme: XapianSearchOptions.Scheme = {
        let parts = (ProcessInfo.processInfo.environment["KENNISBANK_WEIGHT"] ?? "dph").split(separator: ":")
        let parameter = parts.count > 1 ? Double(parts[1]) : nil
        switch parts.first ?? "dph" {
        case "bm25": return .bm25
        case "bm25plus": return .bm25Plus(delta: parameter ?? 1)
        case "lm": return .languageModel(mu: parameter ?? 2000)
        case "dph": return .dph
        case "pl2": return .pl2(c: parameter ?? 1)
        default: return .dph
        }
    }()

    static let bm25: (k1: Double, k2: Double, k3: Double, b: Double, minNormLength: Double) = {
        var k1 = 0.8, b = 0.5
        if let text = ProcessInfo.processInfo.environment["KENNISBANK_BM25"] {
            let parts = text.split(separator: ",").compactMap { Double($0) }
            if parts.count == 2 { (k1, b) = (parts[0], parts[1]) }
        }
        return (k1, 0, 1, b, 0.5)
    }()

    /// Moves to the newest committed index, if there is one. Returns true when it changed.
    @discardableResult
    public func refresh() throws(KennisbankError) -> Bool {
        do {
            var changed = try database.reopen()
            for shard in shards where try shard.reopen() { changed = true }
            guard changed else { return false }
            facets = try FacetIndex(shards: shards)
            return true
        } catch {
            throw .index("cannot reopen \(location.root.path): \(error.message)")
        }
    }

    public func search(_ request: SearchRequest) throws(KennisbankError) -> SearchResult {
        let (selections, filterQuery) = try facetSelections(request.filters)
        let limit = max(1, min(request.limit, SearchRequest.maxLimit))
        let offset = max(0, request.offset)
        guard request.query.count <= SearchRequest.maxQueryLength else {
            throw .invalidParameter(name: "q", message: "query is longer than \(SearchRequest.maxQueryLength) characters")
        }
        var dateQuery: XapianQuery? = nil
        if request.from != nil || request.to != nil {
            var lower: String? = nil
            var upper: String? = nil
            if let from = request.from { lower = try DateBound.lower(from, parameter: "from") }
            if let to = request.to { upper = try DateBound.upper(to, parameter: "to") }
            if let lower, let upper, lower > upper {
                throw .invalidParameter(name: "from", message: "from (\(lower)) is after to (\(upper))")
            }
            dateQuery = .valueRange(slot: IndexSchema.dateSlot, from: lower, to: upper)
        }

        func attempt(_ text: String) throws(KennisbankError) -> (Interpretation, Outcome) {
            var interpretation = try interpret(text, languages: request.filters[.language], expand: request.expand,
                                               mode: request.mode)
            var outcome = try run(interpretation, dateQuery: dateQuery, filterQuery: filterQuery, selections: selections,
                                  sort: request.sort, offset: offset, limit: limit, feedback: request.feedback,
                                  countFacets: request.countFacets)
            // All words required finds nothing: try any of the words, and say so.
            if outcome.total == 0, interpretation.canRelaxToAny, request.mode == .all {
                interpretation = try interpret(text, languages: request.filters[.language], expand: request.expand,
                                               mode: .any)
                outcome = try run(interpretation, dateQuery: dateQuery, filterQuery: filterQuery, selections: selections,
                                  sort: request.sort, offset: offset, limit: limit, feedback: request.feedback,
                                  countFacets: request.countFacets)
            }
            // Nothing has every word: the page holds documents with some of them, and says so.
            if outcome.totalAllWords == 0 { interpretation.reading = Self.anyWordReading(interpretation.typed) }
            return (interpretation, outcome)
        }
        var (interpretation, outcome) = try attempt(request.query)
        var suggestion = outcome.total < 3 ? try spellingSuggestion(for: request.query, dateQuery: dateQuery) : nil
        var correctedFrom: String? = nil
        // Nothing found but a correction would find something: show its results, and say so.
        if outcome.total == 0, let corrected = suggestion {
            let retry = try attempt(corrected)
            if retry.1.total > 0 {
                (interpretation, outcome) = retry
                interpretation.reading = interpretation.reading ?? corrected
                correctedFrom = request.query
                suggestion = nil
            }
        }
        var hits: [SearchHit] = []
        if let page = outcome.page { hits = try makeHits(page, interpretation: interpretation) }
        var facetLists: [String: [FacetCount]] = [:]
        for facet in Facet.allCases where !outcome.counts.isEmpty {
            let index = Facet.allCases.firstIndex(of: facet)!
            let names = facets.values(in: facet)
            let selected = Set(request.filters[facet] ?? [])
            var list = names.indices.compactMap { i -> FacetCount? in
                let count = outcome.counts[index][i]
                guard count > 0 || selected.contains(names[i]) else { return nil }
                return FacetCount(value: names[i], count: count, selected: selected.contains(names[i]))
            }
            list.sort { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
            facetLists[facet.rawValue] = list
        }
        return SearchResult(query: request.query, understood: interpretation.reading, correctedFrom: correctedFrom,
                            expansions: interpretation.expansions, suggestion: suggestion, total: outcome.total,
                            totalAllWords: outcome.totalAllWords,
                            allWordsExcept: interpretation.optionalWords,
                            offset: offset, hits: hits, facets: facetLists)
    }

    /// The document with this id, if it is in a level this searcher may see.
    public func document(id: String) throws(KennisbankError) -> KnowledgeDocument? {
        do {
            guard let docid = try database.document(withUniqueTerm: IndexSchema.idTerm(id)) else { return nil }
            return try IndexSchema.decode(try database.data(ofDocument: docid))
        } catch let error as XapianError {
            throw .index(error.message)
        } catch {
            throw .index("stored data of \(id) is unreadable: \(error)")
        }
    }

    // MARK: - Steps

    private struct Outcome {
        var total: Int
        var totalAllWords: Int? = nil
        var counts: [[Int]]
        var page: XapianMatchSet?
    }

    private func run(_ interpretation: Interpretation, dateQuery: XapianQuery?, filterQuery: XapianQuery?,
                     selections: [Facet: Set<Int32>], sort: SearchRequest.Sort, offset: Int, limit: Int,
                     feedback: Bool = false, countFacets: Bool = true) throws(KennisbankError) -> Outcome {
        var base = interpretation.query
        if let dateQuery { base = .combine(.filter, [base, dateQuery]) }
        var ranked = filterQuery.map { XapianQuery.combine(.filter, [base, $0]) } ?? base
        do {
            var options = XapianSearchOptions()
            options.offset = UInt32(offset)
            options.limit = UInt32(limit)
            options.bm25 = Self.bm25
            options.scheme = Self.scheme
            if sort == .date || interpretation.isEmpty {
                options.sortSlot = IndexSchema.dateSlot
                options.sortDescending = true
            }
            // Exact counts need every match; without them the total is Xapian's estimate from the page itself.
            var exact: (total: Int, counts: [[Int]])? = nil
            var totalAllWords: Int? = nil
            if countFacets {
                var docids: [[UInt32]] = []
                for shard in shards { docids.append(try shard.matchingDocumentIDs(base)) }
                exact = facets.count(matching: docids, selections: selections)
                // Those with every word are a subset; with the selections as filter terms, a count is all it takes.
                if var allWords = interpretation.allWords, let total = exact?.total, total > 0 {
                    if let dateQuery { allWords = .combine(.filter, [allWords, dateQuery]) }
                    if let filterQuery { allWords = .combine(.filter, [allWords, filterQuery]) }
                    var count = 0
                    for shard in shards { count += try shard.matchingDocumentIDs(allWords).count }
                    totalAllWords = count
                } else if interpretation.allWords != nil {
                    totalAllWords = 0
                }
            }
            if feedback, (exact?.total ?? 1) > 0, options.sortSlot == nil {
                ranked = try withFeedback(ranked, query: interpretation.query, options: options)
            }
            guard let exact else {
                let page = try database.search(ranked, options: options)
                return Outcome(total: Int(page.estimatedTotal), counts: [], page: page.count > 0 ? page : nil)
            }
            let page = exact.total > offset ? try database.search(ranked, options: options) : nil
            return Outcome(total: exact.total, totalAllWords: totalAllWords, counts: exact.counts, page: page)
        } catch {
            throw .index("search failed: \(error.message)")
        }
    }

    /// The query, re-ranked by the stems that best describe its first ten results (Xapian's
    /// relevance-set expansion). AND_MAYBE adds weight without adding matches.
    private func withFeedback(_ ranked: XapianQuery, query: XapianQuery, options: XapianSearchOptions) throws(XapianError) -> XapianQuery {
        var first = options
        first.offset = 0
        first.limit = 10
        let top = try database.search(ranked, options: first)
        guard top.count > 0 else { return ranked }
        let known = Set(query.terms)
        let terms = try database.expansionTerms(of: (0..<top.count).map { top.documentID(at: $0) }, count: 40)
            .filter { $0.hasPrefix("Z") && !known.contains($0) }.prefix(Self.feedbackTerms)
        guard !terms.isEmpty else { return ranked }
        let expansion = XapianQuery.combine(.or, terms.map { .term($0) }).scaled(by: Self.feedbackWeight)
        return .combine(.andMaybe, [ranked, expansion])
    }

    static let feedbackTerms = Int(ProcessInfo.processInfo.environment["KENNISBANK_FEEDBACK_TERMS"] ?? "") ?? 12
    static let feedbackWeight = Double(ProcessInfo.processInfo.environment["KENNISBANK_FEEDBACK_WEIGHT"] ?? "") ?? 0.1

    private func facetSelections(_ filters: [Facet: [String]]) throws(KennisbankError) -> ([Facet: Set<Int32>], XapianQuery?) {
        var selections: [Facet: Set<Int32>] = [:]
        var clauses: [XapianQuery] = []
        for facet in Facet.allCases {
            guard let values = filters[facet], !values.isEmpty else { continue }
            selections[facet] = Set(values.compactMap { facets.id(of: $0, in: facet) })
            clauses.append(.combine(.or, values.map { .term(IndexSchema.facetTerm(facet, $0)) }))
        }
        return (selections, clauses.isEmpty ? nil : .combine(.and, clauses))
    }

    // MARK: - Reading the query

    struct Interpretation {
        var query: XapianQuery
        var isEmpty: Bool
        /// Shown to the user when it differs from what they typed.
        var reading: String?
        var expansions: [Expansion]
        var canRelaxToAny: Bool
        /// In all-first mode: the documents with every word, which rank first (counted separately).
        var allWords: XapianQuery? = nil
        /// The repaired query text, for messages.
        var typed: String = ""
        /// Typed words a document need not have to count as having all words (*problematiek*).
        var optionalWords: [String] = []
    }

    /// Occurrences of an ASCII marker, by bytes (Foundation's `components(separatedBy:)` compares Unicode-aware
    /// and showed up in the page profile).
    static func count(of marker: StaticString, in text: String) -> Int {
        let needle = UnsafeBufferPointer(start: marker.utf8Start, count: marker.utf8CodeUnitCount)
        guard let first = needle.first else { return 0 }
        var count = 0
        var copy = text
        copy.withUTF8 { bytes in
            var index = 0
            while index + needle.count <= bytes.count {
                if bytes[index] == first, needle.indices.allSatisfy({ bytes[index + $0] == needle[$0] }) {
                    count += 1
                    index += needle.count
                } else {
                    index += 1
                }
            }
        }
        return count
    }

    /// JSON has no infinity: a weight that overflowed (it should not) still sorts first, and encodes.
    static func finite(_ weight: Double) -> Double {
        weight.isFinite ? weight : weight.isNaN ? 0 : weight > 0 ? .greatestFiniteMagnitude : -.greatestFiniteMagnitude
    }

    static func anyWordReading(_ repaired: String) -> String { "een of meer van: " + repaired }

    /// Weight factor that lifts every document with all words above every document with only some.
    /// DPH and BM25 weights of one query differ by far less than this between documents.
    static let allWordsTier = 1000.0

    /// Query words are weighed by 1 + their residual IDF (`XapianDatabase.scalingByResidualIDF`): Vaswani MAP
    /// 0.2942 → 0.3029, PolicyQA MRR@10 0.8812 → 0.9003, judged MAP 0.6389 → 0.6427. `KENNISBANK_RIDF=0`
    /// turns it off, to measure against.
    static let residualIDF = ProcessInfo.processInfo.environment["KENNISBANK_RIDF"] != "0"

    func interpret(_ text: String, languages: [String]?, expand: Bool, mode: SearchRequest.Mode) throws(KennisbankError) -> Interpretation {
        let trimmed = text.trimmingWhitespace()
        let empty = Interpretation(query: .matchAll, isEmpty: true, reading: nil, expansions: [], canRelaxToAny: false)
        if trimmed.isEmpty { return empty }
        let dutch = analyzers["nl"]!
        let normalised = dutch.normaliseQuery(trimmed)
        var tokens = RequestPhrases.strip(QueryRepair.repairedTokens(normalised))
        let repaired = QueryRepair.render(tokens)
        if repaired.isEmpty { return empty }
        var expansions: [Expansion] = []
        if expand && dutch.stage.thesaurus {
            do {
                let expansion = QueryExpansion(database: database, analyzer: dutch, stopwords: Self.stopwordSet)
                let result = try expansion.expand(tokens)
                tokens = result.tokens
                expansions = result.applied.map { Expansion(term: $0.term, added: $0.added) }
            } catch {
                throw .index("cannot read the thesaurus: \(error.message)")
            }
        }
        let wanted = (languages ?? []).filter { analyzers[$0] != nil }
        let hasOperators = tokens.contains { if case .op = $0 { return true } else { return false } }
        let hasPhrase = tokens.contains { if case .phrase = $0 { return true } else { return false } }
        let wordCount = tokens.reduce(0) { count, token in
            switch token {
            case .word: count + 1
            case .expansion(let original, _): count + original.count
            default: count
            }
        }
        // Operators and phrases are taken as typed; only a plain list of words is tiered or relaxed.
        let plainWords = !hasOperators && !hasPhrase && wordCount > 1
        let requireAll = mode == .all || (mode == .allFirst && !plainWords)
        var options = XapianParserOptions()
        options.defaultOperatorIsAnd = requireAll
        options.stopwords = Self.stopwords
        options.prefixes = IndexSchema.textFields.map { .init(field: $0.field, prefix: $0.prefix, isBoolean: false) }
            + Facet.allCases.map { .init(field: $0.queryFieldName, prefix: $0.termPrefix, isBoolean: true) }
        // Documents are stemmed in their own language, so each language's reading of the query is
        // matched against that language's documents only.
        let languages = wanted.isEmpty ? ["nl", "en"] : wanted
        func read(allRequired: Bool, tokens: [QueryRepair.Token]) throws(KennisbankError) -> XapianQuery {
            options.defaultOperatorIsAnd = allRequired
            let text = QueryRepair.render(tokens, placeholder: Self.expansionPlaceholder)
            let expansions: [[(text: String, words: [String])]] = tokens.compactMap {
                if case .expansion(let original, let alternatives) = $0 { return QueryRepair.readings(original: original, alternatives: alternatives) }
                return nil
            }
            var parsed: [XapianQuery] = []
            do {
                // One reading per language; each word is weighed alike in all of them (see scalingByResidualIDF).
                var readings: [XapianQuery] = []
                var groups: [[XapianQuery]] = Array(repeating: [], count: expansions.count)
                for language in languages {
                    options.stemmer = analyzers[language]
                    readings.append(try database.parse(text, options: options).query)
                    for (index, alternatives) in expansions.enumerated() {
                        groups[index].append(.combine(.or, try alternatives.map { reading throws(XapianError) in
                            let query = try database.parse(reading.text, options: options).query
                            // Each reading weighs as one word: *seksuele uitbuiting van minderjarigen* must not
                            // outweigh the compound the user typed only because it has more words to match.
                            let words = reading.words.filter { !Self.stopwordSet.contains($0) }.count
                            return words > 1 ? query.scaled(by: 1 / Double(words)) : query
                        }))
                    }
                }
                if Self.residualIDF {
                    readings = try database.scalingByResidualIDF(readings)
                    // A thesaurus group is one concept: all its readings share one factor.
                    groups = try groups.map { group throws(XapianError) in try database.scalingByResidualIDF(group, asOne: true) }
                }
                for (languageIndex, reading) in readings.enumerated() {
                    var replacements: [String: XapianQuery] = [:]
                    for (index, group) in groups.enumerated() {
                        replacements[Self.expansionPlaceholder(index).lowercased()] = group[languageIndex]
                    }
                    parsed.append(reading.substituting(replacements))
                }
            } catch {
                throw .invalidQuery(Self.explain(error.message))
            }
            // Readings that came out the same (a quoted phrase: exact words, no stems) are one query. Split
            // by language, Xapian checked the phrase's positions in every document before the language filter.
            if parsed.count == 1 || Set(parsed.map(\.description)).count == 1 { return parsed[0] }
            return .combine(.or, zip(parsed, languages).map { reading, language in
                .combine(.filter, [reading, .term(IndexSchema.facetTerm(.language, language))])
            })
        }
        // The whole compound weighs in each tier, so it still decides between documents of one tier.
        let joined = Self.joinedCompounds(tokens, analyzer: dutch)
        func weighted(_ reading: XapianQuery) -> XapianQuery {
            joined.map { .combine(.andMaybe, [reading, $0]) } ?? reading
        }
        // *Problematiek* in *loverboy problematiek* names no subject of its own: a record about loverboys that
        // never says it still has every word that matters. It weighs in the ranking, but is not required.
        func isWeak(_ token: QueryRepair.Token) -> Bool {
            if case .word(let word) = token { return Stopwords.dutchWeakHeads.contains(word.lowercased()) }
            return false
        }
        let strong = tokens.filter { !isWeak($0) }
        let optionalWords: [String] = plainWords && !strong.isEmpty && strong.count < tokens.count
            ? tokens.compactMap { if case .word(let word) = $0, isWeak($0) { return word.lowercased() }; return nil } : []
        let required = optionalWords.isEmpty ? tokens : strong
        var query: XapianQuery
        if mode == .all && !optionalWords.isEmpty {
            query = .combine(.andMaybe, [weighted(try read(allRequired: true, tokens: required)),
                                         try read(allRequired: false, tokens: tokens.filter(isWeak))])
        } else {
            query = weighted(try read(allRequired: requireAll, tokens: tokens))
        }
        var allWords: XapianQuery? = nil
        if mode == .allFirst && plainWords {
            let all = try read(allRequired: true, tokens: required)
            allWords = all
            query = .combine(.andMaybe, [query, weighted(all).scaled(by: Self.allWordsTier)])
        }
        // Dropped sentence punctuation (*loverboy?*) is no reading worth showing.
        let typedWords = trimmed.lowercased().split(separator: " ").map(QueryRepair.droppingSentencePunctuation).joined(separator: " ")
        var reading: String? = repaired.lowercased() == typedWords ? nil : repaired
        if mode == .any { reading = Self.anyWordReading(repaired) }
        return Interpretation(query: query, isEmpty: false, reading: reading, expansions: expansions,
                              canRelaxToAny: mode == .all && plainWords, allWords: allWords, typed: repaired,
                              optionalWords: optionalWords)
    }

    /// A word the query parser reads as one plain term (capitalised: not stemmed), replaced after parsing by
    /// the expansion's readings.
    static func expansionPlaceholder(_ index: Int) -> String {
        "Kbxexpansion" + String(UnicodeScalar(UInt8(97 + index % 26))) + String(repeating: "z", count: index / 26)
    }

    /// Dutch writes compounds as one word, people type them as two (*jeugd prostitutie*, *hotel kamers*).
    /// Documents index a compound as itself and its parts, so the parts already match; this adds weight
    /// (never matches) for documents with the whole compound, which is what the user meant.
    static func joinedCompounds(_ tokens: [QueryRepair.Token], analyzer: Analyzer) -> XapianQuery? {
        guard analyzer.stage.decompounding else { return nil }
        var terms: [XapianQuery] = []
        for index in tokens.indices.dropLast() {
            guard case .word(let first) = tokens[index], case .word(let second) = tokens[index + 1],
                  QueryExpansion.isPlain(first), QueryExpansion.isPlain(second),
                  !QueryExpansion.isAcronym(first), !QueryExpansion.isAcronym(second),
                  !stopwordSet.contains(first.lowercased()), !stopwordSet.contains(second.lowercased()),
                  first.count >= 3, second.count >= 3 else { continue }
            let joined = (first + second).lowercased()
            guard joined.allSatisfy(\.isLetter) else { continue }
            terms.append(.term("Z" + analyzer.stem(joined)))
        }
        guard !terms.isEmpty else { return nil }
        return terms.count == 1 ? terms[0] : .combine(.or, terms)
    }

    private static func explain(_ message: String) -> String {
        if message.contains("range") {
            return "ranges such as 2010..2015 are not supported in the query text; use --from and --to (\(message))"
        }
        return message
    }

    // MARK: - Hits

    private func makeHits(_ page: XapianMatchSet, interpretation: Interpretation) throws(KennisbankError) -> [SearchHit] {
        var documents: [KnowledgeDocument] = []
        do {
            for index in 0..<page.count { documents.append(try IndexSchema.decode(try page.data(at: index))) }
        } catch let error as XapianError {
            throw .index("cannot read hit: \(error.message)")
        } catch {
            throw .index("stored data unreadable: \(error)")
        }
        let texts = documents.map { $0.summary + "\n" + $0.bodyText }
        let passageLists = documents.map { Passage.split($0.sections) }
        // Every word's first snippet is then the 300-character one, as priming assumes; a long document's probe
        // (bestPassages) weighs words of its own first, so pages with one are not primed.
        if !interpretation.isEmpty, !passageLists.contains(where: { $0.count > 8 }) {
            do {
                for language in Set(documents.map(\.language)).sorted() {
                    let group = documents.indices.filter { documents[$0].language == language }
                    try page.primeSnippets(words: SnippetPriming.words(of: group.map { texts[$0] }), length: 300,
                                           language: documents[group[0]].stemmerLanguage, stemmer: analyzers[language])
                }
            } catch {
                throw .index("cannot read hit: \(error.message)")
            }
        }
        var hits: [SearchHit] = []
        for (index, document) in documents.enumerated() {
            do {
                let language = document.stemmerLanguage
                let stemmer = analyzers[document.language]
                var snippet = ""
                var passages: [PassageHit] = []
                if interpretation.isEmpty {
                    snippet = Self.escape(Self.excerpt(document.summary))
                } else {
                    snippet = try page.snippet(of: texts[index], length: 300, language: language, stemmer: stemmer)
                    passages = try bestPassages(of: document, passages: passageLists[index], page: page, language: language,
                                                stemmer: stemmer)
                }
                hits.append(SearchHit(id: document.id, title: document.title, type: document.type, date: document.published,
                                      organisation: document.organisations, language: document.language,
                                      access: document.access.rawValue, snippet: snippet, passages: passages,
                                      score: Self.finite(page.weight(at: index))))
            } catch {
                throw .index("cannot read hit: \(error.message)")
            }
        }
        return hits
    }

    /// The passages with the most matches, for documents long enough to have several.
    ///
    /// A snippet per passage makes Xapian stem a 200-page report word by word for every hit. For long documents
    /// one snippet over the document's distinct words instead finds which words the query matches (Xapian still
    /// decides: stemming, wildcards, expansions); Swift then counts those words per passage by hash, and only the
    /// best three passages get a snippet. When that finds fewer than three (a phrase matches no single word),
    /// every passage gets a snippet, as for short documents.
    private func bestPassages(of document: KnowledgeDocument, passages: [Passage], page: XapianMatchSet, language: String,
                              stemmer: Analyzer?) throws(XapianError) -> [PassageHit] {
        guard passages.count > 1 else { return [] }
        func hit(_ index: Int) throws(XapianError) -> (marks: Int, hit: PassageHit)? {
            let extract = try page.snippet(of: passages[index].text, length: 400, language: language, stemmer: stemmer,
                                           emptyWithoutMatch: true)
            let marks = Self.count(of: "<mark>", in: extract)
            guard marks > 0 else { return nil }
            return (marks, PassageHit(page: passages[index].page, heading: passages[index].heading, text: extract))
        }
        // Words of a text as byte ranges with a 64-bit FNV-1a hash, UTF-8 level: ASCII letters and digits, and any
        // non-ASCII character except Latin-1 and general punctuation. Exactness does not depend on matching
        // Xapian's word rules, because matches are found within these very words (see below).
        func words(_ text: String, _ body: (UInt64, UnsafeBufferPointer<UInt8>.SubSequence) -> Void) {
            var copy = text
            copy.withUTF8 { bytes in
                var index = 0
                while index < bytes.count {
                    let start = index
                    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
                    while index < bytes.count {
                        let byte = bytes[index]
                        var width = 1
                        if byte < 0x80 {
                            let lower = byte | 0x20
                            guard (byte >= 0x30 && byte <= 0x39) || (lower >= 0x61 && lower <= 0x7A) else { break }
                        } else {
                            width = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
                            let next = index + 1 < bytes.count ? bytes[index + 1] : 0
                            if (byte == 0xC2 && next < 0xC0) || (byte == 0xE2 && (next == 0x80 || next == 0x81)) { break }
                        }
                        for offset in 0..<width where index + offset < bytes.count {
                            hash = (hash ^ UInt64(bytes[index + offset])) &* 0x100_0000_01b3
                        }
                        index += width
                    }
                    if index > start {
                        body(hash, bytes[start..<index])
                    } else {
                        index += bytes[index] >= 0xE0 ? 3 : bytes[index] >= 0xC0 ? 2 : 1
                    }
                }
            }
        }
        if passages.count > 8 {
            var hashes: [[UInt64]] = []
            var seen = Set<UInt64>()
            var probe: [UInt8] = []
            for passage in passages {
                var list: [UInt64] = []
                words(passage.text) { hash, bytes in
                    list.append(hash)
                    if seen.insert(hash).inserted {
                        probe.append(contentsOf: bytes)
                        probe.append(0x0A)
                    }
                }
                hashes.append(list)
            }
            // One word per line: a marked line is one of our words (or holds the part Xapian matched).
            let probeText = String(decoding: probe, as: UTF8.self)
            let marked = try page.snippet(of: probeText, length: probe.count + 64, language: language, stemmer: stemmer,
                                          highlight: ("\u{1}", "\u{2}"), emptyWithoutMatch: true)
            // Lines with a mark, markers removed, hashed like the passages' words (bytes only: this runs per hit).
            var matched = Set<UInt64>()
            var line: [UInt8] = []
            var isMarked = false
            for byte in marked.utf8 + [0x0A] {
                switch byte {
                case 0x0A:
                    if isMarked { words(String(decoding: line, as: UTF8.self)) { hash, _ in matched.insert(hash) } }
                    line.removeAll(keepingCapacity: true)
                    isMarked = false
                case 0x01: isMarked = true
                case 0x02: break
                default: line.append(byte)
                }
            }
            if !matched.isEmpty {
                var ranked: [(count: Int, index: Int)] = []
                for (index, list) in hashes.enumerated() {
                    var count = 0
                    for hash in list where matched.contains(hash) { count += 1 }
                    if count > 0 { ranked.append((count, index)) }
                }
                ranked.sort { $0.count != $1.count ? $0.count > $1.count : $0.index < $1.index }
                var scored: [(marks: Int, order: Int, hit: PassageHit)] = []
                var tried = Set<Int>()
                for candidate in ranked where scored.count < 3 {
                    tried.insert(candidate.index)
                    if let found = try hit(candidate.index) { scored.append((found.marks, candidate.index, found.hit)) }
                }
                if scored.count == 3 { return scored.map(\.hit) }
                // Fewer than three: a phrase (which single words cannot show) may match elsewhere; try the rest.
                for index in passages.indices where !tried.contains(index) {
                    if let found = try hit(index) { scored.append((found.marks, index, found.hit)) }
                }
                return scored.sorted { $0.marks != $1.marks ? $0.marks > $1.marks : $0.order < $1.order }.prefix(3).map(\.hit)
            }
        }
        var scored: [(marks: Int, order: Int, hit: PassageHit)] = []
        for index in passages.indices {
            if let found = try hit(index) { scored.append((found.marks, index, found.hit)) }
        }
        return scored.sorted { $0.marks != $1.marks ? $0.marks > $1.marks : $0.order < $1.order }.prefix(3).map(\.hit)
    }

    /// The start of a text, cut at a word boundary with an ellipsis when it is longer than `length`.
    static func excerpt(_ text: String, length: Int = 300) -> String {
        guard text.count > length else { return text }
        let cut = text.prefix(length)
        let end = cut.lastIndex(where: { $0 == " " }) ?? cut.endIndex
        return String(cut[..<end]) + " …"
    }

    static func escape(_ text: String) -> String { Markup.escape(text) }
}
