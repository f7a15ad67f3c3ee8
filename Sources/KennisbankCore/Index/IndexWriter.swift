import Foundation
import XapianKit

/// Writes documents into the per-level databases of an index. Holds the write lock of each while open.
public final class IndexWriter: DocumentWriter {
    public let location: IndexLocation
    private var databases: [AccessLevel: XapianWritableDatabase] = [:]
    private var builder = DocumentBuilder()
    /// One document builder per core for `put(_ documents:)`; each keeps its own analyser caches.
    private let workers: [BuilderBox] = (0..<max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))).map { _ in BuilderBox() }
    /// Word counts per level since the last commit; each level's spelling dictionary only ever holds
    /// words of its own documents, so suggestions never reveal a word from a level a caller cannot see.
    private var spelling: [AccessLevel: [String: UInt32]] = [:]
    /// Batches are written on this serial queue while the caller reads and analyses the next one: Xapian's
    /// writer is single-threaded, and overlapping it with analysis keeps every core busy. Every other method
    /// waits for the queue first, so the databases and `spelling` are never touched from two threads.
    private let writeQueue = DispatchQueue(label: "kennisbank.index.write")
    private let writes = DispatchGroup()
    /// A failure of a background write, thrown by the next call (set on `writeQueue`, read after `writes.wait()`).
    private var deferredError: KennisbankError?

    /// Opens (creating when needed) every level's database for writing.
    /// - Throws: `KennisbankError.indexLocked` when another indexer is running.
    public init(location: IndexLocation) throws(KennisbankError) {
        self.location = location
        let isNew = !location.exists
        do {
            try FileManager.default.createDirectory(at: location.root, withIntermediateDirectories: true)
        } catch {
            throw .index("cannot create \(location.root.path): \(error.localizedDescription)")
        }
        for level in AccessLevel.allCases {
            do {
                databases[level] = try XapianWritableDatabase(path: location.databasePath(level))
            } catch let error where error.kind == .databaseLocked {
                throw .indexLocked("\(location.root.path) is being written by another process (\(error.message))")
            } catch {
                throw .index("cannot open \(location.databasePath(level)): \(error.message)")
            }
        }
        // A new index holds only what this version writes.
        if isNew { try recordBuildStamp() }
    }

    /// Adds or replaces the document with this id, removing it from any other level it used to be in.
    public func put(_ document: KnowledgeDocument) throws(KennisbankError) {
        try waitForWrites()
        var words = spelling.removeValue(forKey: document.access) ?? [:]  // no copy while counting
        let built = try builder.build(document) { word in SpellingWords.count(word, into: &words) }
        spelling[document.access] = words
        try write(built, for: document)
    }

    /// Adds or replaces several documents: they are analysed on all cores, then written in order.
    public func put(_ documents: [KnowledgeDocument]) throws(KennisbankError) {
        guard documents.count > 1, workers.count > 1 else {
            for document in documents { try put(document) }
            return
        }
        let results = PreparedBatch(count: documents.count)
        let workers = self.workers
        DispatchQueue.concurrentPerform(iterations: workers.count) { worker in
            let box = workers[worker]
            var index = worker
            while index < documents.count {
                let document = documents[index]
                var words: [String: UInt32] = [:]
                do {
                    let built = try box.builder.build(document) { word in SpellingWords.count(word, into: &words) }
                    results.store(index, .success((built, words)))
                } catch {
                    results.store(index, .failure(error as? KennisbankError ?? .index("\(error)")))
                }
                index += workers.count
            }
        }
        for index in documents.indices {
            if case .failure(let error) = results.take(index) { throw error }
        }
        try waitForWrites()
        nonisolated(unsafe) let writer = self
        writes.enter()
        writeQueue.async {
            defer { writer.writes.leave() }
            do {
                for (index, document) in documents.enumerated() {
                    guard case .success(let (built, words)) = results.take(index) else { continue }
                    writer.spelling[document.access, default: [:]].merge(words, uniquingKeysWith: +)
                    try writer.write(built, for: document)
                }
            } catch {
                writer.deferredError = error as? KennisbankError ?? .index("\(error)")
            }
        }
    }

    /// Waits until the batch being written in the background is in, and throws its failure, if any.
    private func waitForWrites() throws(KennisbankError) {
        writes.wait()
        if let error = deferredError {
            deferredError = nil
            throw error
        }
    }

    private func write(_ built: XapianDocument, for document: KnowledgeDocument) throws(KennisbankError) {
        let idTerm = IndexSchema.idTerm(document.id)
        do {
            for (level, database) in databases where level != document.access {
                try database.delete(uniqueTerm: idTerm)
            }
            try databases[document.access]!.replace(uniqueTerm: idTerm, with: built)
        } catch {
            throw .index("cannot write \(document.id): \(error.message)")
        }
    }

    public func delete(id: String) throws(KennisbankError) {
        try waitForWrites()
        do {
            for database in databases.values { try database.delete(uniqueTerm: IndexSchema.idTerm(id)) }
        } catch {
            throw .index("cannot delete \(id): \(error.message)")
        }
    }

    /// Commits every level. Each level's commit is atomic; readers never see half a batch within a level.
    public func commit() throws(KennisbankError) {
        try waitForWrites()
        do {
            for level in AccessLevel.allCases {
                for (word, count) in spelling[level] ?? [:] { try databases[level]!.addSpelling(word, frequency: count) }
                try databases[level]!.commit()
            }
            spelling = [:]
        } catch {
            throw .index("commit failed: \(error.message)")
        }
    }

    /// Replaces the synonym table of every level with the thesaurus, and adds its words to the
    /// spelling dictionaries (they are curators' words, not any document's). Committed at once.
    public func load(_ thesaurus: Thesaurus) throws(KennisbankError) {
        try waitForWrites()
        let table = thesaurus.synonymTable(analyzer: Analyzer(language: "nl"))
        let words = thesaurus.words
        do {
            for level in AccessLevel.allCases {
                let database = databases[level]!
                try database.clearSynonyms()
                for (key, targets) in table {
                    for target in targets { try database.addSynonym(target, for: key) }
                }
                for word in words where word.count >= 3 { try database.addSpelling(word) }
                try database.setMetadata(String(table.count), forKey: "thesaurus-entries")
                try database.setMetadata(thesaurus.source, forKey: Self.thesaurusSourceKey)
            }
            try commit()
        } catch let error as KennisbankError {
            throw error
        } catch {
            throw .index("cannot load the thesaurus: \(error)")
        }
    }

    static let thesaurusSourceKey = "thesaurus-source"
    static let buildStampKey = "build-stamp"

    /// The field weights and analysis that documents are indexed with now (see DocumentBuilder.stamp).
    public static var currentBuildStamp: String { DocumentBuilder.stamp }

    /// The stamp the index at `location` was built with; "" for an index from before stamps were kept.
    public static func buildStamp(at location: IndexLocation) throws(KennisbankError) -> String {
        try storedMetadata(buildStampKey, at: location)
    }

    /// What the index at `location` keeps under `key` (the same in every level; read from the public one).
    private static func storedMetadata(_ key: String, at location: IndexLocation) throws(KennisbankError) -> String {
        do {
            return try XapianDatabase(paths: [location.databasePath(.openbaar)]).metadata(forKey: key)
        } catch {
            throw .index("cannot read \(key) of \(location.root.path): \(error.message)")
        }
    }

    /// Records that every document in this index was built under the current stamp. Committed at once.
    public func recordBuildStamp() throws(KennisbankError) { try recordBuildStamp(Self.currentBuildStamp) }

    func recordBuildStamp(_ stamp: String) throws(KennisbankError) {
        try waitForWrites()
        do {
            for level in AccessLevel.allCases { try databases[level]!.setMetadata(stamp, forKey: Self.buildStampKey) }
            try commit()
        } catch let error as KennisbankError {
            throw error
        } catch {
            throw .index("cannot record the build stamp: \(error)")
        }
    }

    /// The thesaurus last loaded into the index at `location`, if any: a full rebuild loads it into the
    /// new generation, so curators' synonyms survive `index --full`.
    public static func loadedThesaurus(at location: IndexLocation) throws(KennisbankError) -> Thesaurus? {
        guard location.exists else { return nil }
        let text = try storedMetadata(thesaurusSourceKey, at: location)
        guard !text.isEmpty else { return nil }
        do { return try Thesaurus(text: text, name: "the thesaurus stored in \(location.root.path)") } catch let error as KennisbankError {
            throw error
        } catch {
            throw .index("the stored thesaurus is unreadable: \(error)")
        }
    }

    /// Releases the locks; uncommitted changes are discarded.
    public func close() {
        writes.wait()
        databases.values.forEach { $0.close() }
        databases = [:]
    }

    deinit { close() }
}

/// A document builder owned by one worker thread at a time.
private final class BuilderBox: @unchecked Sendable {
    var builder = DocumentBuilder()
}

/// Results of parallel preparation, one slot per document; each slot is written by exactly one worker.
private final class PreparedBatch: @unchecked Sendable {
    private var slots: [Result<(XapianDocument, [String: UInt32]), KennisbankError>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ result: Result<(XapianDocument, [String: UInt32]), KennisbankError>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func take(_ index: Int) -> Result<(XapianDocument, [String: UInt32]), KennisbankError> {
        lock.lock()
        defer { lock.unlock() }
        return slots[index]!
    }
}
