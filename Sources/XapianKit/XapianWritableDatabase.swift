import CXapian
#if canImport(Glibc)
import Glibc
#endif

/// A database open for writing. Xapian allows one writer per database (others get `.databaseLocked`).
public final class XapianWritableDatabase {
    private var handle: OpaquePointer?

    /// Opens the database at `path`, creating it when it does not exist.
    public init(path: String) throws(XapianError) {
        handle = try XapianError.check { kx_writer_open(path, $0) }
        if handle == nil { throw XapianError(kind: .other, message: "cannot open \(path)") }
    }

    /// Creates a brand-new scratch database that skips fsync on commit: only for databases that are merged
    /// (`compact`) into a synced one before anything reads them, since a crash may leave them damaged.
    public init(scratchPath path: String) throws(XapianError) {
        handle = try XapianError.check { kx_writer_create_scratch(path, $0) }
        if handle == nil { throw XapianError(kind: .other, message: "cannot create \(path)") }
    }

    /// Merges the databases at `sources`, in order (document ids renumbered consecutively), into a new
    /// compacted database at `destination`, synced to disk before it returns.
    public static func compact(_ sources: [String], into destination: String) throws(XapianError) {
        var pointers = sources.map { strdup($0) }
        defer { pointers.forEach { free($0) } }
        _ = try XapianError.check { error in
            pointers.withUnsafeMutableBufferPointer { buffer in
                buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) {
                    kx_compact($0.baseAddress, $0.count, destination, error)
                }
            }
        }
    }

    deinit { close() }

    /// Releases the lock, discarding uncommitted changes.
    public func close() {
        if let handle { kx_writer_close(handle) }
        handle = nil
    }

    /// Adds the document, or replaces the one that holds `uniqueTerm`.
    public func replace(uniqueTerm: String, with document: XapianDocument) throws(XapianError) {
        let w = try writer()
        _ = try XapianError.check { kx_writer_replace(w, uniqueTerm, document.handle, $0) }
    }

    /// Adds a document without looking for one to replace: for bulk loads where every id is new.
    public func add(_ document: XapianDocument) throws(XapianError) {
        let w = try writer()
        _ = try XapianError.check { kx_writer_add(w, document.handle, $0) }
    }

    public func delete(uniqueTerm: String) throws(XapianError) {
        let w = try writer()
        _ = try XapianError.check { kx_writer_delete(w, uniqueTerm, $0) }
    }

    /// Makes all changes since the last commit visible to readers, atomically.
    public func commit() throws(XapianError) {
        let w = try writer()
        _ = try XapianError.check { kx_writer_commit(w, $0) }
    }

    public func setMetadata(_ value: String, forKey key: String) throws(XapianError) {
        let w = try writer()
        var copy = value
        _ = try XapianError.check { error in
            copy.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    kx_writer_set_metadata(w, key, $0.baseAddress, $0.count, error)
                }
            }
        }
    }

    public func addSpelling(_ word: String, frequency: UInt32 = 1) throws(XapianError) {
        let w = try writer()
        _ = try XapianError.check { kx_writer_add_spelling(w, word, frequency, $0) }
    }

    public func clearSynonyms() throws(XapianError) {
        let w = try writer()
        _ = try XapianError.check { kx_writer_clear_synonyms(w, $0) }
    }

    public func addSynonym(_ synonym: String, for term: String) throws(XapianError) {
        let w = try writer()
        _ = try XapianError.check { kx_writer_add_synonym(w, term, synonym, $0) }
    }

    private func writer() throws(XapianError) -> OpaquePointer {
        guard let handle else { throw XapianError(kind: .invalidArgument, message: "database already closed") }
        return handle
    }
}
