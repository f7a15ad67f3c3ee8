/// What an ingest run writes its documents through: `IndexWriter` into a live index, incrementally, or
/// `BulkIndexWriter` into a brand-new generation that nobody searches yet.
public protocol DocumentWriter: AnyObject {
    /// Adds or replaces these documents, in order.
    func put(_ documents: [KnowledgeDocument]) throws(KennisbankError)
    func delete(id: String) throws(KennisbankError)
    /// Commits what was put so far (bounding memory; for a live index, also making it searchable).
    func commit() throws(KennisbankError)
    /// Releases the databases; uncommitted changes are discarded.
    func close()
}

/// Which words go into a level's spelling dictionary, counted per batch before they are added.
enum SpellingWords {
    static func count(_ word: String, into words: inout [String: UInt32]) {
        let utf8 = word.utf8
        if utf8.count >= 4, utf8.count <= 40, !utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 }) { words[word, default: 0] += 1 }
    }
}
