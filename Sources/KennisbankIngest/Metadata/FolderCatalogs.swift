import Foundation
import KennisbankCore

/// The folder defaults of a collection: `catalogus.xml` in a folder applies to every file in it and below;
/// a nearer catalog wins field by field over one further up. Each catalog is read once per run.
final class FolderCatalogs: @unchecked Sendable {
    let collection: URL
    let reader: MetadataReader
    /// A catalog from outside the collection (`--defaults`), below every catalog inside it: for collections
    /// one cannot write to, such as a read-only share of PDFs.
    let outside: URL?

    private var merged: [String: Result<MetadataRecord, SkipReason>] = [:]
    private var fingerprints: [String: String] = [:]
    /// Files are read on several threads; the caches are shared (recursive: a folder asks its parent).
    private let lock = NSRecursiveLock()

    init(collection: URL, reader: MetadataReader, outside: URL? = nil) {
        self.collection = collection
        self.reader = reader
        self.outside = outside
    }

    /// The defaults for files in `folder` (relative to the collection; "" for its root).
    func defaults(forFolder folder: String) -> Result<MetadataRecord, SkipReason> {
        lock.lock()
        defer { lock.unlock() }
        if let known = merged[folder] { return known }
        let base: Result<MetadataRecord, SkipReason>
        if folder.isEmpty {
            base = outsideDefaults()
        } else {
            base = defaults(forFolder: Self.parent(of: folder))
        }
        let result = base.flatMap { base -> Result<MetadataRecord, SkipReason> in
            let relative = folder.isEmpty ? MetadataReader.catalogName : folder + "/" + MetadataReader.catalogName
            let url = collection.appendingPathComponent(relative)
            guard let data = FileManager.default.contents(atPath: url.path) else { return .success(base) }
            do throws(SkipReason) {
                let own = try reader.read(Array(data), relativePath: relative, kind: .catalog, folder: url.deletingLastPathComponent())
                return .success(own.over(base))
            } catch {
                return .failure(SkipReason(message: "folder catalog is invalid: \(error.message)"))
            }
        }
        merged[folder] = result
        return result
    }

    private func outsideDefaults() -> Result<MetadataRecord, SkipReason> {
        guard let outside else { return .success(MetadataRecord()) }
        guard let data = FileManager.default.contents(atPath: outside.path) else {
            return .failure(SkipReason(message: "cannot read the defaults catalog \(outside.path)"))
        }
        do throws(SkipReason) {
            return .success(try reader.read(Array(data), relativePath: outside.path, kind: .catalog, folder: collection))
        } catch {
            return .failure(SkipReason(message: "defaults catalog is invalid: \(error.message)"))
        }
    }

    /// Size, time and content hash of every catalog that applies to `folder`: when it changes, every file
    /// below must be read again.
    func fingerprint(forFolder folder: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        if let known = fingerprints[folder] { return known }
        var parts: [String] = []
        if folder.isEmpty {
            if let outside { parts.append(Self.fileFingerprint(outside)) }
        } else {
            parts.append(fingerprint(forFolder: Self.parent(of: folder)))
        }
        let relative = folder.isEmpty ? MetadataReader.catalogName : folder + "/" + MetadataReader.catalogName
        parts.append(Self.fileFingerprint(collection.appendingPathComponent(relative)))
        let result = parts.joined(separator: "|")
        fingerprints[folder] = result
        return result
    }

    /// "-" for a missing file, else a hash of its content (catalogs and sidecars are small).
    static func fileFingerprint(_ url: URL) -> String {
        guard let data = FileManager.default.contents(atPath: url.path) else { return "-" }
        return ContentFingerprint.of(Array(data))
    }

    static func parent(of folder: String) -> String {
        guard let slash = folder.lastIndex(of: "/") else { return "" }
        return String(folder[..<slash])
    }
}
