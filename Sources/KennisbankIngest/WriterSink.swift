import KennisbankCore

/// Writes a run's documents through a DocumentWriter and commits every so many documents or words, so memory
/// stays bounded however large the collection, and a stopped run keeps what it committed.
final class WriterSink: IngestRun.Sink {
    let writer: DocumentWriter
    let documentsPerCommit: Int
    let wordsPerCommit: Int
    /// Runs after every intermediate commit (the indexer saves a manifest that matches the committed index).
    var onCommit: (() throws(KennisbankError) -> Void)?

    private var documents = 0
    private var words = 0
    /// Documents waiting to be handed over together (analysed on all cores by either writer).
    private var pending: [KnowledgeDocument] = []
    static let batchSize = 64

    init(writer: DocumentWriter, documentsPerCommit: Int, wordsPerCommit: Int = 2_000_000) {
        self.writer = writer
        self.documentsPerCommit = max(1, documentsPerCommit)
        self.wordsPerCommit = max(1, wordsPerCommit)
    }

    func put(_ document: KnowledgeDocument, words count: Int) throws(KennisbankError) {
        pending.append(document)
        documents += 1
        words += count
        if pending.count >= Self.batchSize { try flush() }
        if documents >= documentsPerCommit || words >= wordsPerCommit {
            try flush()
            try writer.commit()
            documents = 0
            words = 0
            try onCommit?()
        }
    }

    func delete(id: String) throws(KennisbankError) {
        try flush()  // keep puts and deletes in the order the run made them
        try writer.delete(id: id)
    }

    func finish() throws(KennisbankError) {
        try flush()
        try writer.commit()
    }

    private func flush() throws(KennisbankError) {
        guard !pending.isEmpty else { return }
        let batch = pending
        pending = []
        try writer.put(batch)
    }
}
