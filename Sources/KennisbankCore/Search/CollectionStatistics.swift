/// The shape of the collection a curator needs to see its gaps: counts per type and year,
/// coverage of themes by approach and by audience, organisations, languages, access levels.
public struct CollectionStatistics: Codable, Sendable {
    public struct Count: Codable, Sendable, Equatable {
        public var value: String
        public var count: Int
    }

    /// A matrix of document counts: rows × columns (zero cells are the gaps).
    public struct Matrix: Codable, Sendable {
        public var rows: [String]
        public var columns: [String]
        public var cells: [[Int]]
    }

    public var total: Int
    /// Per type: documents per publication year.
    public var typeByYear: [String: [Count]]
    public var years: [String]
    public var themeByApproach: Matrix
    public var themeByAudience: Matrix
    public var organisations: [Count]
    public var languages: [Count]
    public var access: [Count]
}

extension Searcher {
    /// Statistics over every document this searcher may see.
    /// - Parameter vocabulary: when given, rows and columns list every controlled value, so a theme
    ///   nothing covers still shows up as an empty row.
    public func statistics(vocabulary: Vocabulary? = nil) throws(KennisbankError) -> CollectionStatistics {
        var typeYear: [String: [String: Int]] = [:]
        var years = Set<String>()
        var pairs: [Facet: [String: [String: Int]]] = [.approach: [:], .audience: [:]]
        var single: [Facet: [String: Int]] = [.organisation: [:], .language: [:], .access: [:], .theme: [:], .approach: [:], .audience: [:]]
        var total = 0
        do {
            for (index, shard) in shards.enumerated() {
                let dates = Dictionary(try shard.values(inSlot: IndexSchema.dateSlot).map { ($0.docid, $0.value) },
                                       uniquingKeysWith: { first, _ in first })
                for docid in try shard.matchingDocumentIDs(.matchAll) {
                    total += 1
                    func values(_ facet: Facet) -> [String] {
                        facets.valueIDs(shard: index, docid: docid, facet: facet).map { facets.values(in: facet)[Int($0)] }
                    }
                    let year = String((dates[docid] ?? "onbekend").prefix(4))
                    years.insert(year)
                    for type in values(.type) { typeYear[type, default: [:]][year, default: 0] += 1 }
                    for facet in single.keys { for value in values(facet) { single[facet]![value, default: 0] += 1 } }
                    let themes = values(.theme)
                    for facet in [Facet.approach, .audience] {
                        for column in values(facet) { for theme in themes { pairs[facet]![theme, default: [:]][column, default: 0] += 1 } }
                    }
                }
            }
        } catch {
            throw .index("cannot compute statistics: \(error.message)")
        }
        func sorted(_ counts: [String: Int]) -> [CollectionStatistics.Count] {
            counts.map { .init(value: $0.key, count: $0.value) }.sorted { $0.count != $1.count ? $0.count > $1.count : $0.value < $1.value }
        }
        func matrix(_ facet: Facet, list: String) -> CollectionStatistics.Matrix {
            let rows = vocabulary?.allowedValues("theme") ?? single[.theme]!.keys.sorted()
            let columns = vocabulary?.allowedValues(list) ?? single[facet]!.keys.sorted()
            let cells = rows.map { row in columns.map { pairs[facet]![row]?[$0] ?? 0 } }
            return .init(rows: rows, columns: columns, cells: cells)
        }
        let sortedYears = years.sorted()
        return CollectionStatistics(
            total: total,
            typeByYear: typeYear.mapValues { perYear in sortedYears.map { .init(value: $0, count: perYear[$0] ?? 0) } },
            years: sortedYears,
            themeByApproach: matrix(.approach, list: "approach"),
            themeByAudience: matrix(.audience, list: "audience"),
            organisations: Array(sorted(single[.organisation]!).prefix(15)),
            languages: sorted(single[.language]!),
            access: sorted(single[.access]!))
    }
}
