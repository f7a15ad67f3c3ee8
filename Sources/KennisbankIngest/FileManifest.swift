import Foundation
import KennisbankCore

/// What the indexer knows about each source file, so an unchanged file costs one stat call.
struct FileManifest: Codable {
    struct Entry: Codable, Equatable {
        var size: Int
        var modified: Double
        var hash: String
        /// The document id the file produced; nil for a file that failed (and never produced one).
        var id: String?
        var failure: String?
        /// Fingerprint of the sidecar and folder catalogs that applied (nil for XML records).
        var metadata: String?
        var format: DocumentFormat?
        /// For a file with the same content as another: that file, whose document lists this one as a source.
        var copyOf: String?
    }

    var files: [String: Entry] = [:]
    /// Ids that may still be in the index although no entry names them (a run stopped between a commit and
    /// its final deletions); the next run deletes them unless a file claims them.
    var staleIDs: [String]? = nil
    /// Fingerprint of the vocabulary at the last run: when it changes, files that failed are tried again.
    var vocabulary: String? = nil

    static func load(from url: URL) -> FileManifest {
        guard let data = try? Data(contentsOf: url), let manifest = try? JSONDecoder().decode(FileManifest.self, from: data) else {
            return FileManifest()
        }
        return manifest
    }

    /// Writes atomically (temporary file + rename), so a crash never leaves half a manifest.
    func save(to url: URL) throws {
        try encoded().write(to: url, options: .atomic)
    }

    /// The same JSON as encoding the whole manifest at once (sorted keys, compact), but the files are
    /// encoded a thousand at a time: JSONEncoder builds a tree of the whole value before writing it, which
    /// for 100,000 files cost more memory than anything else in the run.
    func encoded() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]  // compact: it is rewritten during long runs
        var rest = self
        rest.files = [:]
        guard files.count > Self.filesPerChunk else { return try encoder.encode(self) }
        let paths = files.keys.sorted()
        var out = Data("{\"files\":{".utf8)
        for start in stride(from: 0, to: paths.count, by: Self.filesPerChunk) {
            let chunk = paths[start..<min(start + Self.filesPerChunk, paths.count)]
            let json = try encoder.encode(Dictionary(uniqueKeysWithValues: chunk.map { ($0, files[$0]!) }))
            if start > 0 { out.append(UInt8(ascii: ",")) }
            out.append(json.dropFirst().dropLast())  // the entries without their braces
        }
        out.append(UInt8(ascii: "}"))
        // The other fields, after "files" as sorted keys would put them ("staleIDs", "vocabulary").
        let others = try encoder.encode(rest)
        guard let empty = others.range(of: Data("\"files\":{}".utf8)) else { return try encoder.encode(self) }
        out.append(others[empty.upperBound...].dropLast())
        out.append(UInt8(ascii: "}"))
        return out
    }

    private static let filesPerChunk = 1000

    /// Every id the manifest says is (or may be) in the index.
    var allIDs: Set<String> {
        Set(files.values.compactMap(\.id)).union(staleIDs ?? [])
    }
}

