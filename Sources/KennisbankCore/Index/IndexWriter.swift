import Foundation
import XapianKit

/// Writes documents into the per-level databases of an index. Holds the write lock of each while open.
public final class IndexWriter {
    public let location: IndexLocation
    private var databases: [AccessLevel: XapianWritableDatabase] = [:]
    private var builder = DocumentBuilder()
    /// Word counts per level since the last commit; each level's spelling dictionary only ever holds
    /// words of its own documents, so suggestions never reveal a word from a level a caller cannot see.
    private var spelling: [AccessLevel: [String: UInt32]] = [:]

    /// Opens (creating when needed) every level's database for writing.
    /// - Throws: `KennisbankError.indexLocked` when another indexer is running.
    public init(location: IndexLocation) throws(KennisbankError) {
        self.location = location
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
    }

    /// Adds or replaces the document with this id, removing it from any other level it used to be in.
    public func put(_ document: KnowledgeDocument) throws(KennisbankError) {
        var words = spelling[document.access, default: [:]]
        let built = try builder.build(document) { word in
            if word.utf8.count >= 4, word.utf8.count <= 40, !word.contains(where: \.isNumber) { words[word, default: 0] += 1 }
        }
        spelling[document.access] = words
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
        do {
            for database in databases.values { try database.delete(uniqueTerm: IndexSchema.idTerm(id)) }
        } catch {
            throw .index("cannot delete \(id): \(error.message)")
        }
    }

    /// Commits every level. Each level's commit is atomic; readers never see half a batch within a level.
    public func commit() throws(KennisbankError) {
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
            }
            try commit()
        } catch let error as KennisbankError {
            throw error
        } catch {
            throw .index("cannot load the thesaurus: \(error)")
        }
    }

    /// Releases the locks; uncommitted changes are discarded.
    public func close() {
        databases.values.forEach { $0.close() }
        databases = [:]
    }

    deinit { close() }
}
