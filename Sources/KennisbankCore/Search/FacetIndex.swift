import XapianKit

/// Every document's facet values held in memory as small integers, so exact counts over
/// tens of thousands of matches cost one pass over an array instead of a value lookup per document.
///
/// Kept per access-level database (shard), with value ids shared by all shards so counts add up.
struct FacetIndex {
    /// Per facet: value id -> value text.
    private(set) var valueNames: [[String]]
    /// Per facet: value text -> value id.
    private var valueIDs: [[String: Int32]]
    private var shards: [Shard]

    /// Values of docid d for facet f: `ids[f][offsets[f][d]..<offsets[f][d+1]]`.
    private struct Shard {
        var offsets: [[Int32]] = []
        var ids: [[Int32]] = []
    }

    init(shards databases: [XapianDatabase]) throws(XapianError) {
        valueNames = Array(repeating: [], count: Facet.allCases.count)
        valueIDs = Array(repeating: [:], count: Facet.allCases.count)
        shards = []
        for database in databases {
            var shard = Shard()
            let lastDocID = Int(database.lastDocumentID)
            for (f, facet) in Facet.allCases.enumerated() {
                var facetOffsets = [Int32](repeating: 0, count: lastDocID + 2)
                var facetIDs: [Int32] = []
                var nextDoc = 0
                for (docid, joined) in try database.values(inSlot: facet.valueSlot) {
                    let d = Int(docid)
                    while nextDoc <= d { facetOffsets[nextDoc] = Int32(facetIDs.count); nextDoc += 1 }
                    for value in joined.split(separator: IndexSchema.valueSeparator) {
                        facetIDs.append(intern(String(value), facet: f))
                    }
                }
                while nextDoc <= lastDocID + 1 { facetOffsets[nextDoc] = Int32(facetIDs.count); nextDoc += 1 }
                shard.offsets.append(facetOffsets)
                shard.ids.append(facetIDs)
            }
            shards.append(shard)
        }
    }

    private mutating func intern(_ value: String, facet: Int) -> Int32 {
        if let known = valueIDs[facet][value] { return known }
        let id = Int32(valueNames[facet].count)
        valueNames[facet].append(value)
        valueIDs[facet][value] = id
        return id
    }

    /// The value ids one document (by shard and shard-local docid) has for a facet.
    func valueIDs(shard: Int, docid: UInt32, facet: Facet) -> ArraySlice<Int32> {
        let f = facetIndex(facet)
        let d = Int(docid)
        let data = shards[shard]
        guard d + 1 < data.offsets[f].count else { return [] }
        return data.ids[f][Int(data.offsets[f][d])..<Int(data.offsets[f][d + 1])]
    }

    func id(of value: String, in facet: Facet) -> Int32? {
        valueIDs[facetIndex(facet)][value]
    }

    func values(in facet: Facet) -> [String] { valueNames[facetIndex(facet)] }

    private func facetIndex(_ facet: Facet) -> Int { Facet.allCases.firstIndex(of: facet)! }

    /// Exact disjunctive counts in one pass over the documents matching the text query and date range.
    ///
    /// A document that satisfies every facet selection counts for every facet and towards the total.
    /// One that fails exactly one facet's selection counts only for that facet: that is what ticking
    /// another value of that facet would add. Documents failing two or more selections count nowhere.
    /// - Parameter matching: per shard, in the order the shards were given, that shard's matching docids.
    func count(matching: [[UInt32]], selections: [Facet: Set<Int32>]) -> (total: Int, counts: [[Int]]) {
        let facetCount = Facet.allCases.count
        var counts = valueNames.map { [Int](repeating: 0, count: $0.count) }
        var total = 0
        let selected: [(index: Int, values: Set<Int32>)] = selections.map { (facetIndex($0.key), $0.value) }
        for (shard, docids) in zip(shards, matching) {
            let limit = shard.offsets[0].count
            for docid in docids {
                let d = Int(docid)
                guard d + 1 < limit else { continue }
                var failed = -1
                var failures = 0
                for (index, values) in selected {
                    let start = Int(shard.offsets[index][d]), end = Int(shard.offsets[index][d + 1])
                    var satisfied = false
                    var position = start
                    while position < end {
                        if values.contains(shard.ids[index][position]) { satisfied = true; break }
                        position += 1
                    }
                    if !satisfied {
                        failures += 1
                        failed = index
                        if failures > 1 { break }
                    }
                }
                if failures > 1 { continue }
                if failures == 0 {
                    total += 1
                    for index in 0..<facetCount {
                        let ids = shard.ids[index]
                        for position in Int(shard.offsets[index][d])..<Int(shard.offsets[index][d + 1]) { counts[index][Int(ids[position])] += 1 }
                    }
                } else {
                    let ids = shard.ids[failed]
                    for position in Int(shard.offsets[failed][d])..<Int(shard.offsets[failed][d + 1]) { counts[failed][Int(ids[position])] += 1 }
                }
            }
        }
        return (total, counts)
    }
}
