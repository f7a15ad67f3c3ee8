import KennisbankCore
import Synchronization

/// Recent search results, so a popular query is answered without matching and counting facets again.
///
/// An entry is keyed by the caller's visible access levels, the whole request and the searcher's index
/// snapshot (generation folder + revision of each level), so roles never share entries and any reindex or
/// thesaurus load simply makes old entries unreachable; they age out in least-recently-used order.
final class SearchResultCache: Sendable {
    struct Key: Hashable, Sendable {
        let levels: [AccessLevel]
        let request: SearchRequest
        let snapshot: String
    }

    private struct State {
        var entries: [Key: (result: SearchResult, lastUse: UInt64)] = [:]
        var clock: UInt64 = 0
    }

    let capacity: Int
    private let state = Mutex(State())

    /// - Parameter capacity: entries kept; 0 switches the cache off.
    init(capacity: Int) {
        self.capacity = max(0, capacity)
    }

    func result(for key: Key) -> SearchResult? {
        guard capacity > 0 else { return nil }
        return state.withLock { state in
            guard let entry = state.entries[key] else { return nil }
            state.clock += 1
            state.entries[key] = (entry.result, state.clock)
            return entry.result
        }
    }

    func store(_ result: SearchResult, for key: Key) {
        guard capacity > 0 else { return }
        state.withLock { state in
            state.clock += 1
            state.entries[key] = (result, state.clock)
            if state.entries.count > capacity {
                // Evict the oldest eighth at once: amortised O(1) per store, no linked list to maintain.
                let keep = capacity - capacity / 8
                let cutoff = state.entries.values.map(\.lastUse).sorted(by: >)[min(keep, state.entries.count) - 1]
                state.entries = state.entries.filter { $0.value.lastUse >= cutoff }
            }
        }
    }

    var count: Int { state.withLock { $0.entries.count } }
}
