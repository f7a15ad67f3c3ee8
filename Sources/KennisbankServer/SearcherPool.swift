import KennisbankCore
import Logging

/// Owns the open Searchers. Searcher is not thread-safe, so each one is lent to one request at a time.
///
/// Searchers are kept per access-level set (a role sees a fixed set of levels), at most `limit` per set;
/// a request that finds none free waits for one to come back. Before a Searcher is lent it is
/// refreshed, so a reindex is picked up without a restart (a reopen is cheap when nothing changed).
public actor SearcherPool {
    public let location: IndexLocation
    public let limit: Int
    private let logger: Logger
    private var idle: [[AccessLevel]: [PooledSearcher]] = [:]
    private var open: [[AccessLevel]: Int] = [:]
    private var waiting: [[AccessLevel]: [CheckedContinuation<PooledSearcher?, Never>]] = [:]

    public init(location: IndexLocation, limit: Int = 4, logger: Logger = Logger(label: "kennisbank.searchers")) {
        self.location = location
        self.limit = max(1, limit)
        self.logger = logger
    }

    /// Runs `body` with a Searcher that sees exactly what `role` may see. The Searcher must not escape `body`.
    public nonisolated func withSearcher<T: Sendable>(
        role: Role, _ body: (Searcher) throws -> T
    ) async throws -> T {
        let pooled = try await checkOut(levels: role.visibleLevels)
        do {
            let result = try body(pooled.searcher)
            await checkIn(pooled)
            return result
        } catch {
            await checkIn(pooled)
            throw error
        }
    }

    private func checkOut(levels: [AccessLevel]) async throws(KennisbankError) -> PooledSearcher {
        while true {
            if var free = idle[levels], let pooled = free.popLast() {
                idle[levels] = free
                do {
                    if try pooled.searcher.refresh() {
                        logger.info("index changed; searcher reopened", metadata: ["levels": "\(levels.map(\.rawValue))"])
                    }
                    return pooled
                } catch {
                    // A searcher that cannot reopen is dropped; a fresh one is tried below.
                    logger.warning("dropping searcher: \(error)")
                    open[levels, default: 1] -= 1
                    continue
                }
            }
            if open[levels, default: 0] < limit {
                open[levels, default: 0] += 1
                do {
                    return PooledSearcher(levels: levels, searcher: try Searcher(location: location, levels: levels))
                } catch {
                    open[levels, default: 1] -= 1
                    throw error
                }
            }
            // All in use: wait for one to be checked in (nil means: a slot came free, try again).
            if let handedOver = await withCheckedContinuation({ waiting[levels, default: []].append($0) }) {
                do {
                    _ = try handedOver.searcher.refresh()
                    return handedOver
                } catch {
                    open[levels, default: 1] -= 1
                    continue
                }
            }
        }
    }

    private func checkIn(_ pooled: PooledSearcher) {
        if var queue = waiting[pooled.levels], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[pooled.levels] = queue
            next.resume(returning: pooled)
        } else {
            idle[pooled.levels, default: []].append(pooled)
        }
    }

    /// Number of Searchers currently open for a level set (for tests and diagnostics).
    public func openCount(role: Role) -> Int { open[role.visibleLevels, default: 0] }
}

/// A Searcher together with the level set it was opened for.
///
/// `@unchecked Sendable` because the pool guarantees that only one task uses it at a time:
/// it is either idle inside the pool or lent to exactly one `withSearcher` call.
final class PooledSearcher: @unchecked Sendable {
    let levels: [AccessLevel]
    let searcher: Searcher

    init(levels: [AccessLevel], searcher: Searcher) {
        self.levels = levels
        self.searcher = searcher
    }
}
