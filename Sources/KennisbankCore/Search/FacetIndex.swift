import XapianKit

/// Every document's facet values held in memory as small integers, so exact counts over
/// tens of thousands of matches cost one pass over an array instead of a value lookup per document.
struct FacetIndex {
    /// Per facet: value id -> value text.
    private(set) var valueNames: [[String]]
    /// Per facet: value text -> value id.
    private var valueIDs: [[String: Int32]]
    /// Per facet: values of docid d are `ids[offsets[d]..<offsets[d+1]]`.
    private var offsets: [[Int32]]
    private var ids: [[Int32]]

    init(database: XapianDatabase) throws(XapianError) {
        let lastDocID = Int(database.lastDocumentID)
        valueNames = []
        valueIDs = []
        offsets = []
        ids = []
        for facet in Facet.allCases {
            var names: [String] = []
            var lookup: [String: Int32] = [:]
            var facetOffsets = [Int32](repeating: 0, count: lastDocID + 2)
            var facetIDs: [Int32] = []
            var nextDoc = 0
            for (docid, joined) in try database.values(inSlot: facet.valueSlot) {
                let d = Int(docid)
                while nextDoc <= d { facetOffsets[nextDoc] = Int32(facetIDs.count); nextDoc += 1 }
                for value in joined.split(separator: IndexSchema.valueSeparator) {
                    let text = String(value)
                    let id: Int32
                    if let known = lookup[text] { id = known } else {
                        id = Int32(names.count)
                        names.append(text)
                        lookup[text] = id
                    }
                    facetIDs.append(id)
                }
            }
            while nextDoc <= lastDocID + 1 { facetOffsets[nextDoc] = Int32(facetIDs.count); nextDoc += 1 }
            valueNames.append(names)
            valueIDs.append(lookup)
            offsets.append(facetOffsets)
            ids.append(facetIDs)
        }
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
    func count(matching docids: [UInt32], selections: [Facet: Set<Int32>]) -> (total: Int, counts: [[Int]]) {
        let facetCount = Facet.allCases.count
        var counts = valueNames.map { [Int](repeating: 0, count: $0.count) }
        var total = 0
        let selected: [(index: Int, values: Set<Int32>)] = selections.map { (facetIndex($0.key), $0.value) }
        for docid in docids {
            let d = Int(docid)
            guard d + 1 < offsets[0].count else { continue }
            var failed = -1
            var failures = 0
            for (index, values) in selected {
                let range = Int(offsets[index][d])..<Int(offsets[index][d + 1])
                var satisfied = false
                for position in range where values.contains(ids[index][position]) { satisfied = true; break }
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
                    for position in Int(offsets[index][d])..<Int(offsets[index][d + 1]) { counts[index][Int(ids[index][position])] += 1 }
                }
            } else {
                for position in Int(offsets[failed][d])..<Int(offsets[failed][d + 1]) { counts[failed][Int(ids[failed][position])] += 1 }
            }
        }
        return (total, counts)
    }
}
