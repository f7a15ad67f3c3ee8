import Foundation
import KennisbankCore

/// Brings an index in step with a folder of documents — XML records, PDF, HTML, Word, OpenDocument, text and
/// Markdown. New and changed files are (re)indexed, removed files removed, renamed files not duplicated,
/// identical files merged into one document; unchanged files are recognised by size, time and metadata
/// (then content hash) and not read again. Files that fail are remembered with their reason and tried again
/// when they (or their metadata, or the vocabulary) change, or with `retryFailed`.
public struct CollectionIndexer: Sendable {
    public let folder: URL
    public let location: IndexLocation
    public let reader: RecordReader
    /// A folder catalog from outside the collection, applying below every catalog inside it (for a
    /// collection one cannot write to).
    public var defaultsCatalog: URL?
    /// Try files that failed last time again even when they did not change.
    public var retryFailed = false
    /// Commit (and save the manifest) after this many documents, so memory stays bounded. Each commit flushes
    /// Xapian's changes and rewrites the manifest, so committing often is slow on large runs: every 1,000
    /// documents indexed 10,000 synthetic ones in 27 s at 172 MB peak, every 50 in 48 s.
    public var documentsPerCommit = 1000
    /// Called after each file.
    public var progress: (@Sendable (IngestProgress) -> Void)?

    private let vocabularyFingerprint: String

    public init(folder: URL, location: IndexLocation, vocabularyURL: URL? = nil) throws {
        // Resolved: FileManager does not descend into a root that is a symbolic link, so a linked collection
        // folder used to index nothing at all.
        self.folder = folder.standardizedFileURL.resolvingSymlinksInPath()
        self.location = location
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: self.folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KennisbankError.invalidParameter(name: "folder", message: "\(folder.path) is not a folder")
        }
        guard let vocabularyURL = vocabularyURL ?? Vocabulary.locate(from: self.folder) else {
            throw KennisbankError.vocabulary("no \(Vocabulary.fileName) in \(self.folder.path) or its parents; pass --vocabulary <file>")
        }
        reader = try RecordReader(vocabulary: try Vocabulary(contentsOf: vocabularyURL))
        vocabularyFingerprint = FolderCatalogs.fileFingerprint(vocabularyURL)
    }

    /// Validates every file exactly as indexing would, without touching the index.
    public func check() -> IndexSummary {
        let run = IngestRun(folder: folder, loader: makeLoader(), previous: FileManifest(), retryFailed: true, sink: nil, progress: progress)
        // Without a sink nothing is written, so nothing can throw.
        return (try? run.run().0) ?? IndexSummary()
    }

    /// Indexes the folder incrementally.
    /// - Throws: `KennisbankError` for fatal problems (locked or unwritable index); per-file problems are in the summary.
    public func run() throws -> IndexSummary {
        // A first run has nothing to lose and nobody to serve yet: it is built as a fresh generation on all
        // cores (BulkIndexWriter) and installed when complete, exactly as a full rebuild.
        if !location.exists { return try rebuild() }
        // Documents indexed under other field weights or analysis would not rank alike with new ones.
        let stamp = try IndexWriter.buildStamp(at: location)
        if stamp != IndexWriter.currentBuildStamp {
            var summary = try rebuild()
            summary.rebuiltBecause = stamp.isEmpty
                ? "the index predates this version's field weights and analysis"
                : "the index was built with \(stamp), this version indexes with \(IndexWriter.currentBuildStamp)"
            return summary
        }
        let writer = try Self.openWriter(location)
        defer { writer.close() }
        let manifestURL = location.manifestURL
        return try ingest(into: writer, previous: FileManifest.load(from: manifestURL), manifestURL: manifestURL)
    }

    /// Rebuilds the whole index from scratch beside the live one and swaps it in atomically when complete;
    /// searches keep being answered from the old index until then. On failure the live index is untouched.
    public func rebuild() throws -> IndexSummary {
        // Hold the live index's write locks, so no incremental run writes into what is about to be replaced.
        let holder = location.exists ? try Self.openWriter(location) : nil
        defer { holder?.close() }
        let thesaurus = try IndexWriter.loadedThesaurus(at: location)
        let staging = try location.stagingLocation()
        do {
            let writer = try BulkIndexWriter(location: staging)
            defer { writer.close() }
            // No checkpoints: an interrupted rebuild is discarded, never resumed.
            let summary = try ingest(into: writer, previous: FileManifest(), manifestURL: staging.manifestURL, checkpoints: false)
            try writer.merge()
            writer.close()
            let finisher = try Self.openWriter(staging)  // the bulk writer's locks are released asynchronously
            defer { finisher.close() }
            if let thesaurus { try finisher.load(thesaurus) }
            try finisher.recordBuildStamp()
            finisher.close()
            try location.install(staging)
            return summary
        } catch {
            try? FileManager.default.removeItem(at: staging.root)
            throw error
        }
    }

    /// Opens the writer, waiting up to two seconds for a lock that is being released: Xapian frees a closed
    /// writer's lock asynchronously, and a helper program started at that moment can briefly hold it too.
    /// A lock that is really held (another indexer) is still reported, just two seconds later.
    static func openWriter(_ location: IndexLocation) throws(KennisbankError) -> IndexWriter {
        var attempt = 0
        while true {
            do {
                return try IndexWriter(location: location)
            } catch .indexLocked(let message) {
                attempt += 1
                if attempt >= 20 { throw .indexLocked(message) }
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
    }

    private func makeLoader() -> FileLoader {
        FileLoader(folder: folder, records: reader, defaultsCatalog: defaultsCatalog?.standardizedFileURL)
    }

    private func ingest(into writer: DocumentWriter, previous: FileManifest, manifestURL: URL, checkpoints: Bool = true) throws -> IndexSummary {
        let sink = WriterSink(writer: writer, documentsPerCommit: documentsPerCommit)
        // A changed vocabulary may make failed files valid (or valid ones invalid): try the failures again.
        let retry = retryFailed || (previous.vocabulary != nil && previous.vocabulary != vocabularyFingerprint)
        let run = IngestRun(folder: folder, loader: makeLoader(), previous: previous, retryFailed: retry, sink: sink, progress: progress)
        run.setVocabularyFingerprint(vocabularyFingerprint)
        // A checkpoint lets an interrupted run skip what it already committed. For large collections it is
        // written at most every 15 s: encoding a manifest of 100,000 files after every commit cost more time and
        // memory than the indexing it protects. A file committed but not yet checkpointed is indexed again by
        // the next run (replacing itself by id); only if it is also deleted before that run does its document
        // stay until `index --full`.
        if checkpoints {
            var lastCheckpoint = Date()
            sink.onCommit = { () throws(KennisbankError) in
                guard run.fileCount < 5_000 || Date().timeIntervalSince(lastCheckpoint) >= 15 else { return }
                try Self.save(run.checkpointManifest(), to: manifestURL)
                lastCheckpoint = Date()
            }
        }
        let (summary, manifest) = try run.run()
        try Self.save(manifest, to: manifestURL)
        return summary
    }

    private static func save(_ manifest: FileManifest, to url: URL) throws(KennisbankError) {
        do {
            try manifest.save(to: url)
        } catch {
            throw .index("cannot write \(url.path): \(error.localizedDescription)")
        }
    }
}
