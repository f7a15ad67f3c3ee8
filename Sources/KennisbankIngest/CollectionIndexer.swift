import Foundation
import KennisbankCore

/// Brings an index in step with a folder of documents: new and changed files are (re)indexed,
/// removed files are removed, unchanged files are recognised by size and modification time.
public struct CollectionIndexer {
    public let folder: URL
    public let location: IndexLocation
    public let reader: RecordReader
    /// Called after each file with (done, total).
    public var progress: ((Int, Int) -> Void)?

    public init(folder: URL, location: IndexLocation, vocabularyURL: URL? = nil) throws {
        self.folder = folder.standardizedFileURL
        self.location = location
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: self.folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw KennisbankError.invalidParameter(name: "folder", message: "\(folder.path) is not a folder")
        }
        guard let vocabularyURL = vocabularyURL ?? Vocabulary.locate(from: self.folder) else {
            throw KennisbankError.vocabulary("no \(Vocabulary.fileName) in \(self.folder.path) or its parents; pass --vocabulary <file>")
        }
        reader = try RecordReader(vocabulary: try Vocabulary(contentsOf: vocabularyURL))
    }

    /// The XML records under the folder, as paths relative to it, sorted.
    public func recordPaths() -> [String] {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey],
                                                              options: [.skipsHiddenFiles]) else { return [] }
        var paths: [String] = []
        for case let url as URL in enumerator where url.pathExtension.lowercased() == "xml" {
            let relative = String(url.standardizedFileURL.path.dropFirst(folder.path.count + 1))
            paths.append(relative)
        }
        return paths.sorted()
    }

    /// Validates every record without touching the index.
    public func check() -> IndexSummary {
        var summary = IndexSummary()
        let start = Date()
        var seenIDs: [String: String] = [:]
        let paths = recordPaths()
        for (done, path) in paths.enumerated() {
            switch load(path) {
            case .success(let document):
                if let other = seenIDs[document.id] {
                    summary.skipped.append(.init(path: path, reason: "duplicate id \"\(document.id)\", already used by \(other)"))
                } else {
                    seenIDs[document.id] = path
                    summary.indexed.append(path)
                }
            case .failure(let reason):
                summary.skipped.append(.init(path: path, reason: reason.description))
            }
            progress?(done + 1, paths.count)
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Indexes the folder incrementally and commits once at the end.
    /// - Throws: `KennisbankError` for fatal problems (locked or unwritable index); per-file problems are in the summary.
    public func run() throws -> IndexSummary {
        let start = Date()
        let writer = try IndexWriter(location: location)
        defer { writer.close() }
        var manifest = FileManifest.load(from: location.manifestURL)
        var summary = IndexSummary()
        var next = FileManifest()
        var claimedIDs: [String: String] = [:]
        let paths = recordPaths()

        // Ids of files that are unchanged are claimed first, so a new file cannot silently take them over.
        var pending: [(path: String, stat: (size: Int, modified: Double))] = []
        for path in paths {
            let stat = fileStat(path)
            if let old = manifest.files[path], old.size == stat.size, old.modified == stat.modified {
                next.files[path] = old
                if let id = old.id { claimedIDs[id] = path }
                if old.failure == nil { summary.unchanged += 1 } else {
                    summary.skipped.append(.init(path: path, reason: old.failure! + " (unchanged since last run)"))
                }
            } else {
                pending.append((path, stat))
            }
            progress?(summary.unchanged, paths.count)
        }

        var done = summary.unchanged + summary.skipped.count
        for (path, stat) in pending {
            defer {
                done += 1
                progress?(done, paths.count)
            }
            guard let bytes = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map(Array.init) else {
                summary.skipped.append(.init(path: path, reason: "cannot read file"))
                continue
            }
            let hash = contentHash(bytes)
            if let old = manifest.files[path], old.hash == hash, old.failure == nil {
                next.files[path] = FileManifest.Entry(size: stat.size, modified: stat.modified, hash: hash, id: old.id, failure: nil)
                if let id = old.id { claimedIDs[id] = path }
                summary.unchanged += 1
                continue
            }
            let document: KnowledgeDocument
            switch load(path, bytes: bytes) {
            case .success(let read): document = read
            case .failure(let reason):
                // Keep what the file produced before: a broken edit must not lose an indexed document.
                let keptID = manifest.files[path]?.failure == nil ? manifest.files[path]?.id : nil
                if let keptID { claimedIDs[keptID] = path }
                next.files[path] = FileManifest.Entry(size: stat.size, modified: stat.modified, hash: hash, id: keptID,
                                                      failure: reason.description)
                summary.skipped.append(.init(path: path, reason: reason.description))
                continue
            }
            if let other = claimedIDs[document.id], other != path {
                let reason = "duplicate id \"\(document.id)\", already used by \(other)"
                next.files[path] = FileManifest.Entry(size: stat.size, modified: stat.modified, hash: hash, id: nil, failure: reason)
                summary.skipped.append(.init(path: path, reason: reason))
                continue
            }
            try writer.put(document)
            claimedIDs[document.id] = path
            // A file whose id changed leaves its old document behind unless we remove it.
            if let oldID = manifest.files[path]?.id, oldID != document.id, claimedIDs[oldID] == nil {
                try writer.delete(id: oldID)
            }
            next.files[path] = FileManifest.Entry(size: stat.size, modified: stat.modified, hash: hash, id: document.id, failure: nil)
            summary.indexed.append(path)
        }

        for (path, entry) in manifest.files where next.files[path] == nil {
            if let id = entry.id, claimedIDs[id] == nil {
                try writer.delete(id: id)
            }
            summary.removed.append(path)
            manifest.files[path] = nil
        }
        summary.removed.sort()

        try writer.commit()
        do {
            try next.save(to: location.manifestURL)
        } catch {
            throw KennisbankError.index("cannot write \(location.manifestURL.path): \(error.localizedDescription)")
        }
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    private func load(_ path: String, bytes: [UInt8]? = nil) -> Result<KnowledgeDocument, SkipReason> {
        guard let bytes = bytes ?? FileManager.default.contents(atPath: folder.appendingPathComponent(path).path).map(Array.init) else {
            return .failure(SkipReason(message: "cannot read file"))
        }
        if bytes.isEmpty { return .failure(SkipReason(message: "empty file")) }
        do {
            return .success(try reader.read(bytes, relativePath: path))
        } catch {
            return .failure(error)
        }
    }

    private func fileStat(_ path: String) -> (size: Int, modified: Double) {
        let attributes = try? FileManager.default.attributesOfItem(atPath: folder.appendingPathComponent(path).path)
        let size = (attributes?[.size] as? NSNumber)?.intValue ?? -1
        let modified = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return (size, modified)
    }
}
