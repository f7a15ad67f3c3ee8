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
    /// Global value id = `base[facet] + value id`, so one flat counter array covers every facet.
    private var base: [Int32] = []
    /// Global value id -> facet index.
    private var facetOfValue: [UInt8] = []

    /// Values of docid d for facet f: `ids[f][offsets[f][d]..<offsets[f][d+1]]`. The same values again as
    /// global ids, all facets of a document together, `values[starts[d]..<starts[d+1]]`: counting then
    /// touches one contiguous stretch per matching document.
    private struct Shard {
        var offsets: [[Int32]] = []
        var ids: [[Int32]] = []
        var starts: [Int32] = []
        var values: [Int32] = []
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
        var next: Int32 = 0
        for (f, names) in valueNames.enumerated() {
            base.append(next)
            next += Int32(names.count)
            facetOfValue += [UInt8](repeating: UInt8(f), count: names.count)
        }
        for s in shards.indices {
            let documents = shards[s].offsets.first?.count ?? 1
            var starts = [Int32](repeating: 0, count: documents)
            var values: [Int32] = []
            for d in 0..<(documents - 1) {
                starts[d] = Int32(values.count)
                for f in valueNames.indices {
                    let offsets = shards[s].offsets[f]
                    for position in Int(offsets[d])..<Int(offsets[d + 1]) { values.append(base[f] + shards[s].ids[f][position]) }
                }
            }
            starts[documents - 1] = Int32(values.count)
            shards[s].starts = starts
            shards[s].values = values
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
        // One flat counter per value of every facet (a value's global id), split per facet at the end.
        var counts = [Int](repeating: 0, count: facetOfValue.count)
        var total = 0
        var selectedFacets: UInt32 = 0
        var isSelected = [Bool](repeating: false, count: facetOfValue.count)
        for (facet, values) in selections {
            let f = facetIndex(facet)
            selectedFacets |= 1 << UInt32(f)
            for value in values where Int(value) < valueNames[f].count { isSelected[Int(base[f] + value)] = true }
        }
        for (shard, docids) in zip(shards, matching) {
            let starts = shard.starts, values = shard.values
            let limit = starts.count
            if selectedFacets == 0 {
                for docid in docids {
                    let d = Int(docid)
                    guard d + 1 < limit else { continue }
                    total += 1
                    for position in Int(starts[d])..<Int(starts[d + 1]) { counts[Int(values[position])] += 1 }
                }
                continue
            }
            for docid in docids {
                let d = Int(docid)
                guard d + 1 < limit else { continue }
                let range = Int(starts[d])..<Int(starts[d + 1])
                var satisfied: UInt32 = 0
                for position in range where isSelected[Int(values[position])] {
                    satisfied |= 1 << UInt32(facetOfValue[Int(values[position])])
                }
                let missing = selectedFacets & ~satisfied
                if missing == 0 {
                    total += 1
                    for position in range { counts[Int(values[position])] += 1 }
                } else if missing & (missing - 1) == 0 {
                    // Exactly one selection fails: count that facet's values only.
                    let failed = UInt8(missing.trailingZeroBitCount)
                    for position in range where facetOfValue[Int(values[position])] == failed { counts[Int(values[position])] += 1 }
                }
            }
        }
        let perFacet = valueNames.indices.map { f in Array(counts[Int(base[f])..<Int(base[f]) + valueNames[f].count]) }
        return (total, perFacet)
    }
}
