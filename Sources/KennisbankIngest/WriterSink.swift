import KennisbankCore

/// Writes a run's documents through an IndexWriter and commits every so many documents or words, so memory
/// stays bounded however large the collection, and a stopped run keeps what it committed.
final class WriterSink: IngestRun.Sink {
    let writer: IndexWriter
    let documentsPerCommit: Int
    let wordsPerCommit: Int
    /// Runs after every intermediate commit (the indexer saves a manifest that matches the committed index).
    var onCommit: (() throws(KennisbankError) -> Void)?

    private var documents = 0
    private var words = 0

    init(writer: IndexWriter, documentsPerCommit: Int, wordsPerCommit: Int = 2_000_000) {
        self.writer = writer
        self.documentsPerCommit = max(1, documentsPerCommit)
        self.wordsPerCommit = max(1, wordsPerCommit)
    }

    func put(_ document: KnowledgeDocument, words count: Int) throws(KennisbankError) {
        try writer.put(document)
        documents += 1
        words += count
        if documents >= documentsPerCommit || words >= wordsPerCommit {
            try writer.commit()
            documents = 0
            words = 0
            try onCommit?()
        }
    }

    func delete(id: String) throws(KennisbankError) {
        try writer.delete(id: id)
    }

    func finish() throws(KennisbankError) {
        try writer.commit()
    }
}
