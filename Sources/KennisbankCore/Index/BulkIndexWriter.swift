import Foundation
import XapianKit

/// Writes a brand-new index generation on every core. Xapian's writer is single-threaded and adding
/// documents to it is most of indexing's work, so one writer keeps one core busy at most. Here each core
/// owns a shard (its own three level databases, scratch files without fsync) and analyses and writes whole
/// batches into it; `merge()` then joins the shards level by level with Xapian's compact into the
/// generation's databases, synced once. This is the bulk-load approach Xapian's documentation recommends.
///
/// Nothing is readable before `merge()`, so use it only for a location nobody searches (a staging folder
/// that is installed afterwards). Batches go to the shards in turn, so the result does not depend on timing;
/// document ids follow shard order (the first shard's batches, then the second's), not file order.
public final class BulkIndexWriter: DocumentWriter {
    public let location: IndexLocation
    private let shards: [Shard]
    private let failure = Failure()
    private var nextShard = 0

    /// Creates the shards under `location` (which must not hold an index yet).
    public init(location: IndexLocation, shards count: Int = ProcessInfo.processInfo.activeProcessorCount) throws(KennisbankError) {
        self.location = location
        let folder = location.root.appendingPathComponent(Self.shardFolder)
        var shards: [Shard] = []
        for index in 0..<max(1, min(count, 8)) {
            let directory = folder.appendingPathComponent(String(index))
            do {
                try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
                shards.append(try Shard(directory: directory, index: index))
            } catch let error as XapianError {
                throw .index("cannot create \(directory.path): \(error.message)")
            } catch {
                throw .index("cannot create \(directory.path): \(error.localizedDescription)")
            }
        }
        self.shards = shards
    }

    static let shardFolder = ".shards"

    /// Hands the batch to the next shard and returns once it is queued; a shard holds at most two batches
    /// (one being written, one waiting), so reading never runs far ahead of writing.
    public func put(_ documents: [KnowledgeDocument]) throws(KennisbankError) {
        try failure.check()
        guard !documents.isEmpty else { return }
        let shard = shards[nextShard]
        nextShard = (nextShard + 1) % shards.count
        shard.room.wait()
        shard.pending.enter()
        let failure = self.failure
        shard.queue.async {
            defer {
                shard.room.signal()
                shard.pending.leave()
            }
            guard !failure.isSet else { return }
            do throws(KennisbankError) {
                try shard.write(documents)
            } catch {
                failure.set(error)
            }
        }
    }

    /// Deletes the id from every shard (after everything put before it).
    public func delete(id: String) throws(KennisbankError) {
        try waitForShards()
        for shard in shards { try shard.delete(id) }
    }

    /// Only reports a failure: nothing reads the shards, so each commits on its own schedule (see Shard).
    public func commit() throws(KennisbankError) {
        try failure.check()
    }

    /// Commits the shards and merges them, level by level (the levels in parallel), into the location's
    /// databases; the shards are removed afterwards. The merged databases are synced when this returns.
    public func merge() throws(KennisbankError) {
        try waitForShards()
        for shard in shards {
            try shard.commit()
            shard.close()
        }
        let levels = AccessLevel.allCases
        let results = LevelResults(count: levels.count)
        let shards = self.shards
        let location = self.location
        DispatchQueue.concurrentPerform(iterations: levels.count) { index in
            let level = levels[index]
            do throws(XapianError) {
                try XapianWritableDatabase.compact(shards.map { $0.path(level) }, into: location.databasePath(level))
            } catch {
                results.set(index, "cannot merge the \(level.rawValue) database: \(error.message)")
            }
        }
        if let message = results.first { throw .index(message) }
        try? FileManager.default.removeItem(at: location.root.appendingPathComponent(Self.shardFolder))
    }

    public func close() {
        for shard in shards { shard.pending.wait() }
        for shard in shards { shard.close() }
    }

    deinit { close() }

    private func waitForShards() throws(KennisbankError) {
        for shard in shards { shard.pending.wait() }
        try failure.check()
    }
}

/// One core's part of a bulk build: its level databases, document builder and spelling counts, used only
/// on its own serial queue (or by the owner after waiting for that queue).
private final class Shard: @unchecked Sendable {
    let directory: URL
    let queue: DispatchQueue
    let pending = DispatchGroup()
    let room = DispatchSemaphore(value: 2)
    private var databases: [AccessLevel: XapianWritableDatabase] = [:]
    private var builder = DocumentBuilder()
    /// Word counts per level since the last commit (a level's dictionary holds only its own documents' words).
    private var spelling: [AccessLevel: [String: UInt32]] = [:]
    /// A shard commits after this many documents or words. Small commits are cheaper per document here:
    /// Xapian keeps each term's pending postings in a tree that grows with the batch, and walking it
    /// dominates adding a document. On 5,000 benchmark documents (two shards), commits every 500
    /// documents per shard took 19.3 CPU-s and 148 MB, every 125 16.7 CPU-s and 99 MB, every 50 about the same.
    static let documentsPerCommit = 200
    static let wordsPerCommit = 400_000
    private var uncommittedDocuments = 0
    private var uncommittedWords = 0

    init(directory: URL, index: Int) throws(XapianError) {
        self.directory = directory
        queue = DispatchQueue(label: "kennisbank.index.shard-\(index)")
        for level in AccessLevel.allCases {
            databases[level] = try XapianWritableDatabase(scratchPath: path(level))
        }
    }

    func path(_ level: AccessLevel) -> String { directory.appendingPathComponent(level.rawValue).path }

    func write(_ documents: [KnowledgeDocument]) throws(KennisbankError) {
        for document in documents {
            // Taken out while counting, so adding to it does not copy the whole dictionary.
            var words = spelling.removeValue(forKey: document.access) ?? [:]
            var count = 0
            let built = try builder.build(document) { word in
                count += 1
                SpellingWords.count(word, into: &words)
            }
            spelling[document.access] = words
            do {
                // Every id is new in a fresh generation (the run claims each id once), so nothing to replace.
                try databases[document.access]!.add(built)
            } catch {
                throw .index("cannot write \(document.id): \(error.message)")
            }
            uncommittedDocuments += 1
            uncommittedWords += count
            if uncommittedDocuments >= Self.documentsPerCommit || uncommittedWords >= Self.wordsPerCommit { try commit() }
        }
    }

    func delete(_ id: String) throws(KennisbankError) {
        do {
            for database in databases.values { try database.delete(uniqueTerm: IndexSchema.idTerm(id)) }
        } catch {
            throw .index("cannot delete \(id): \(error.message)")
        }
    }

    func commit() throws(KennisbankError) {
        do {
            for (level, database) in databases {
                for (word, count) in spelling[level] ?? [:] { try database.addSpelling(word, frequency: count) }
                try database.commit()
            }
            spelling = [:]
            uncommittedDocuments = 0
            uncommittedWords = 0
        } catch {
            throw .index("commit failed: \(error.message)")
        }
    }

    func close() {
        databases.values.forEach { $0.close() }
        databases = [:]
    }
}

/// The first failure of any shard, thrown by the owner's next call; later batches are skipped.
private final class Failure: @unchecked Sendable {
    private let lock = NSLock()
    private var error: KennisbankError?

    var isSet: Bool { lock.withLock { error != nil } }

    func set(_ error: KennisbankError) {
        lock.withLock { if self.error == nil { self.error = error } }
    }

    func check() throws(KennisbankError) {
        if let error = lock.withLock({ error }) { throw error }
    }
}

/// Per-level merge failures, each slot written by one worker.
private final class LevelResults: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [String?]

    init(count: Int) { messages = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ message: String) { lock.withLock { messages[index] = message } }

    var first: String? { lock.withLock { messages.compactMap { $0 }.first } }
}
