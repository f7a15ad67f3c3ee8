import Foundation
import KennisbankCore

/// One pass over a collection: decide what changed, read what must be read, write it (unless checking),
/// remove what is gone, and record every file's outcome.
///
/// Files with identical content and identical metadata (the same PDF twice in one folder) become one document
/// listing every copy in `Source.files`; its id comes from the first copy by path. Copies that curators describe
/// differently (another sidecar, another folder catalog — perhaps another access level) stay separate documents.
final class IngestRun {
    /// Receives the documents of a run; nil when only checking.
    protocol Sink: AnyObject {
        func put(_ document: KnowledgeDocument, words: Int) throws(KennisbankError)
        func delete(id: String) throws(KennisbankError)
        /// Commits what is left.
        func finish() throws(KennisbankError)
    }

    let folder: URL
    let loader: FileLoader
    let previous: FileManifest
    let retryFailed: Bool
    let sink: Sink?
    let progress: ((IngestProgress) -> Void)?

    private(set) var summary = IndexSummary()
    private(set) var next = FileManifest()
    private var claimed: [String: String] = [:]
    private var outcomes: [String: FileOutcome] = [:]
    private var done = 0
    private var bytesDone = 0
    private var total = 0
    private var bytesTotal = 0
    private let started = Date()

    init(folder: URL, loader: FileLoader, previous: FileManifest, retryFailed: Bool, sink: Sink?, progress: ((IngestProgress) -> Void)?) {
        self.folder = folder
        self.loader = loader
        self.previous = previous
        self.retryFailed = retryFailed
        self.sink = sink
        self.progress = progress
    }

    /// A file as this run sees it after the cheap checks.
    private struct Item {
        var candidate: CollectionScanner.Candidate
        var metadata: String?
        var hash: String
        var format: DocumentFormat?
        /// Not to be read again: same content and metadata as last run.
        var unchanged: Entry?
        /// Known to fail before extraction (unreadable, not a document, outside the collection).
        var failure: SkipReason?
        typealias Entry = FileManifest.Entry

        var readable: Readable { Readable(path: candidate.path, format: format, failure: failure) }
    }

    func run() throws(KennisbankError) -> (IndexSummary, FileManifest) {
        let scan = CollectionScanner(folder: folder).scan()
        let candidates = scan.candidates
        total = candidates.count
        bytesTotal = candidates.reduce(0) { $0 + $1.size }
        let items = classifyAll(candidates)
        report(nil)

        // Records are units of their own; other files are grouped by content and metadata.
        var units: [(first: String, members: [Item])] = []
        var groups: [String: [Item]] = [:]
        for item in items {
            if item.failure == nil, item.format != nil, item.format != .xml {
                groups[item.hash + "|" + (item.metadata ?? ""), default: []].append(item)
            } else {
                units.append((item.candidate.path, [item]))
            }
        }
        units += groups.values.map { members in (members[0].candidate.path, members) }
        units.sort { $0.first < $1.first }

        // Unchanged documents claim their ids first, so a new file cannot silently take one over.
        var pending: [[Item]] = []
        for unit in units {
            if isUnchanged(unit.members) { keep(unit.members) } else { pending.append(unit.members) }
        }
        try process(pending)

        for path in scan.ignored {
            record(FileOutcome(path: path, status: .ignored,
                               reason: "text at the collection root is configuration (lexicon, thesaurus, README), not a document; put documents in a folder"))
        }
        for orphan in scan.orphanSidecars {
            let document = String(orphan.dropLast(MetadataReader.sidecarSuffix.count))
            let reason = "sidecar without its file: \(document) is missing"
            summary.skipped.append(.init(path: orphan, reason: reason))
            record(FileOutcome(path: orphan, status: .skipped, reason: reason))
        }
        try removeStale(present: Set(candidates.map(\.path)))
        next.staleIDs = nil
        try sink?.finish()
        summary.files = outcomes.values.sorted { ($0.status == .removed ? 1 : 0, $0.path) < ($1.status == .removed ? 1 : 0, $1.path) }
        summary.seconds = Date().timeIntervalSince(started)
        return (summary, next)
    }

    // MARK: - Deciding

    /// Classifies every candidate on all cores: it reads and hashes each new or changed file, and nothing
    /// else can start before it ends (on a first run of 100,000 files it was a minute on one core).
    private func classifyAll(_ candidates: [CollectionScanner.Candidate]) -> [Item] {
        let workers = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 8))
        let (folder, loader, previous, retryFailed) = (self.folder, self.loader, self.previous, self.retryFailed)
        func classify(_ candidate: CollectionScanner.Candidate) -> Item {
            Self.classify(candidate, folder: folder, loader: loader, previous: previous, retryFailed: retryFailed)
        }
        guard workers > 1, candidates.count > 1 else { return candidates.map(classify) }
        let items = Slots<Item>(count: candidates.count)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < candidates.count {
                items.store(index, Self.classify(candidates[index], folder: folder, loader: loader, previous: previous,
                                                 retryFailed: retryFailed))
                index += workers
            }
        }
        return items.values
    }

    private static func classify(_ candidate: CollectionScanner.Candidate, folder: URL, loader: FileLoader, previous: FileManifest,
                                 retryFailed: Bool) -> Item {
        let path = candidate.path
        let isRecord = path.lowercased().hasSuffix(".xml")
        let metadata = isRecord ? nil : loader.metadataFingerprint(for: path)
        var item = Item(candidate: candidate, metadata: metadata, hash: "")
        if candidate.outside {
            item.failure = SkipReason(message: "symbolic link points outside the collection folder")
            return item
        }
        let old = previous.files[path]
        let retry = old?.failure != nil && retryFailed
        if let old, !retry, old.size == candidate.size, old.modified == candidate.modified, old.metadata == metadata {
            item.hash = old.hash
            item.format = old.format
            item.unchanged = old
            return item
        }
        switch FileLoader.read(folder.appendingPathComponent(path)) {
        case .failure(let reason):
            item.failure = reason
        case .success(let bytes):
            item.hash = ContentFingerprint.of(bytes)
            if let old, !retry, old.hash == item.hash, old.metadata == metadata {
                var refreshed = old
                refreshed.size = candidate.size
                refreshed.modified = candidate.modified
                item.format = old.format
                item.unchanged = refreshed
            } else {
                switch FileLoader.sniff(bytes, path: path) {
                case .success(let format): item.format = format
                case .failure(let reason): item.failure = reason
                }
            }
        }
        return item
    }

    /// A unit is unchanged when none of its files changed and it has the same files as last run.
    private func isUnchanged(_ members: [Item]) -> Bool {
        guard members.allSatisfy({ $0.unchanged != nil }) else { return false }
        guard members.count > 1 || members[0].format != .xml else { return true }
        let (hash, metadata) = (members[0].hash, members[0].metadata)
        let before = Set(previous.files.filter { $0.value.hash == hash && $0.value.metadata == metadata && $0.value.format != .xml }.keys)
        return before == Set(members.map(\.candidate.path))
    }

    private func keep(_ members: [Item]) {
        for item in members {
            let entry = item.unchanged!
            next.files[item.candidate.path] = entry
            let path = item.candidate.path
            if let failure = entry.failure {
                // A remembered failure keeps the last good document it may have left.
                if let id = entry.id { claimed[id] = path }
                skip(path, item: item, reason: failure + " (unchanged since last run)", keepID: nil, read: false)
            } else {
                if let id = entry.id, item.candidate.path == members[0].candidate.path { claimed[id] = path }
                summary.unchanged += 1
                record(FileOutcome(path: path, status: .unchanged, format: entry.format, id: entry.id, copyOf: entry.copyOf,
                                   bytes: item.candidate.size))
            }
            advance(item)
        }
    }

    // MARK: - Reading and writing

    /// What reading one unit gave, prepared off the main thread.
    private struct Prepared: Sendable {
        var result: Result<FileLoader.Loaded, FileFailure>
        var seconds: Double
    }

    /// Reads units ahead on other cores (pdftotext and text cleaning for the next files while this one is
    /// analysed and written) but claims ids and writes strictly in order, so results never depend on timing.
    private func process(_ units: [[Item]]) throws(KennisbankError) {
        let window = max(1, min(ProcessInfo.processInfo.activeProcessorCount, 4))
        // One handover per unit in flight, reused in turn: unit i + window starts only once unit i is taken.
        let slots = (0..<window).map { _ in Handover<Prepared>() }
        let queue = DispatchQueue(label: "kennisbank.ingest.read", attributes: .concurrent)
        let loader = self.loader
        let folder = self.folder
        func start(_ index: Int) {
            guard index < units.count else { return }
            let members = units[index]
            let slot = slots[index % window]
            queue.async {
                slot.fill(Self.prepare(members.map(\.readable), loader: loader, folder: folder))
            }
        }
        for index in 0..<min(window, units.count) { start(index) }
        for (index, members) in units.enumerated() {
            let prepared = slots[index % window].take()
            start(index + window)
            try write(members, prepared)
        }
    }

    /// The part of an item another thread may read.
    struct Readable: Sendable {
        var path: String
        var format: DocumentFormat?
        var failure: SkipReason?
    }

    private static func prepare(_ members: [Readable], loader: FileLoader, folder: URL) -> Prepared {
        let first = members[0]
        let start = Date()
        if let failure = first.failure {
            return Prepared(result: .failure(FileFailure(format: first.format, reason: failure)), seconds: 0)
        }
        let result = FileLoader.read(folder.appendingPathComponent(first.path)).mapError { FileFailure(format: first.format, reason: $0) }
            .flatMap { loader.load(first.path, bytes: $0, copies: members.dropFirst().map(\.path)) }
        return Prepared(result: result, seconds: Date().timeIntervalSince(start))
    }

    private func write(_ members: [Item], _ prepared: Prepared) throws(KennisbankError) {
        let path = members[0].candidate.path
        let loaded: FileLoader.Loaded
        switch prepared.result {
        case .success(let result): loaded = result
        case .failure(let failure):
            fail(members, reason: failure.reason, format: failure.format ?? members[0].format, seconds: prepared.seconds)
            return
        }
        let document = loaded.document
        if let other = claimed[document.id], !members.contains(where: { $0.candidate.path == other }) {
            let reason = SkipReason(message: "duplicate id \"\(document.id)\", already used by \(other)")
            fail(members, reason: reason, format: loaded.format, seconds: prepared.seconds, keepOldIDs: false)
            return
        }
        let start = Date()
        try sink?.put(document, words: loaded.words)
        claimed[document.id] = path
        let seconds = prepared.seconds + Date().timeIntervalSince(start)
        for (index, item) in members.enumerated() {
            let copyOf = index == 0 ? nil : path
            next.files[item.candidate.path] = FileManifest.Entry(size: item.candidate.size, modified: item.candidate.modified, hash: item.hash,
                                                                 id: document.id, failure: nil, metadata: item.metadata,
                                                                 format: loaded.format, copyOf: copyOf)
            summary.indexed.append(item.candidate.path)
            if index == 0 { summary.warnings += loaded.warnings.map { IndexSummary.Warning(path: path, message: $0) } }
            record(FileOutcome(path: item.candidate.path, status: .indexed, format: loaded.format, id: document.id, copyOf: copyOf,
                               pages: index == 0 ? loaded.pages : nil, words: index == 0 ? loaded.words : nil,
                               bytes: item.candidate.size, seconds: index == 0 ? seconds : 0,
                               notes: index == 0 && !loaded.notes.isEmpty ? loaded.notes : nil,
                               warnings: index == 0 && !loaded.warnings.isEmpty ? loaded.warnings : nil))
            advance(item)
        }
    }

    private func fail(_ members: [Item], reason: SkipReason, format: DocumentFormat?, seconds: Double, keepOldIDs: Bool = true) {
        let first = members[0].candidate.path
        for (index, item) in members.enumerated() {
            let path = item.candidate.path
            let message = index == 0 ? reason.description : "same content as \(first): \(reason.description)"
            // Keep what the file produced before: a broken edit must not lose an indexed document.
            var keptID: String? = nil
            if keepOldIDs, let id = previous.files[path]?.id, claimed[id] == nil || claimed[id] == path {
                keptID = id
                claimed[id] = path
            }
            next.files[path] = FileManifest.Entry(size: item.candidate.size, modified: item.candidate.modified, hash: item.hash, id: keptID,
                                                  failure: message, metadata: item.metadata, format: format, copyOf: nil)
            skip(path, item: item, reason: message, keepID: keptID, read: true, format: format, seconds: index == 0 ? seconds : 0)
            advance(item)
        }
    }

    private func skip(_ path: String, item: Item, reason: String, keepID: String?, read: Bool, format: DocumentFormat? = nil, seconds: Double? = nil) {
        summary.skipped.append(.init(path: path, reason: reason))
        record(FileOutcome(path: path, status: .skipped, format: format ?? item.format, id: keepID ?? item.unchanged?.id, reason: reason,
                           bytes: item.candidate.size, seconds: read ? seconds : nil,
                           notes: keepID != nil ? ["the last good version stays in the index"] : nil))
    }

    /// Ids of documents no file produces any more are deleted; paths no longer there are reported removed.
    private func removeStale(present: Set<String>) throws(KennisbankError) {
        for (path, entry) in previous.files where !present.contains(path) {
            summary.removed.append(path)
            record(FileOutcome(path: path, status: .removed, format: entry.format, id: entry.id))
        }
        summary.removed.sort()
        for id in previous.allIDs.subtracting(claimed.keys).sorted() {
            try sink?.delete(id: id)
        }
    }

    /// The manifest as it would be if the run stopped now: finished files new, the rest as before, and every
    /// old id no entry names any more kept as stale so the next run still removes it.
    func checkpointManifest() -> FileManifest {
        var merged = previous
        for (path, entry) in next.files { merged.files[path] = entry }
        let named = Set(merged.files.values.compactMap(\.id))
        merged.staleIDs = previous.allIDs.subtracting(named).sorted()
        merged.vocabulary = next.vocabulary
        return merged
    }

    func setVocabularyFingerprint(_ fingerprint: String) { next.vocabulary = fingerprint }

    /// Files in the collection (known once the run has scanned it).
    var fileCount: Int { total }

    // MARK: - Reporting

    private func record(_ outcome: FileOutcome) { outcomes[outcome.path + (outcome.status == .removed ? "\u{0}removed" : "")] = outcome }

    private func advance(_ item: Item) {
        done += 1
        bytesDone += item.candidate.size
        report(item.candidate.path)
    }

    private func report(_ path: String?) {
        progress?(IngestProgress(done: done, total: total, bytesDone: bytesDone, bytesTotal: bytesTotal, path: path,
                                 seconds: Date().timeIntervalSince(started)))
    }
}

/// Results computed on several threads, one slot per index, each written once.
private final class Slots<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Value?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ index: Int, _ value: Value) { lock.withLock { slots[index] = value } }

    /// Every value; call after all stores.
    var values: [Value] { lock.withLock { slots.map { $0! } } }
}

/// A value handed from a reading thread to the writing one: filled once, taken once.
private final class Handover<Value: Sendable>: @unchecked Sendable {
    private let ready = DispatchSemaphore(value: 0)
    private var value: Value?

    func fill(_ value: Value) {
        self.value = value
        ready.signal()
    }

    /// Waits for the value and takes it out, so a read document is not kept once it is written.
    func take() -> Value {
        ready.wait()
        defer { value = nil }
        return value!
    }
}

/// How far a run is, for progress displays.
public struct IngestProgress: Sendable {
    public var done: Int
    public var total: Int
    public var bytesDone: Int
    public var bytesTotal: Int
    /// The file just finished; nil before the first.
    public var path: String?
    public var seconds: Double
}
