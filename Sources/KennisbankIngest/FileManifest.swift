import Foundation
import KennisbankCore

/// What the indexer knows about each source file, so an unchanged file costs one stat call.
struct FileManifest: Codable {
    struct Entry: Codable, Equatable {
        var size: Int
        var modified: Double
        var hash: String
        /// The document id the file produced; nil for a file that failed.
        var id: String?
        var failure: String?
    }

    var files: [String: Entry] = [:]

    static func load(from url: URL) -> FileManifest {
        guard let data = try? Data(contentsOf: url), let manifest = try? JSONDecoder().decode(FileManifest.self, from: data) else {
            return FileManifest()
        }
        return manifest
    }

    /// Writes atomically (temporary file + rename), so a crash never leaves half a manifest.
    func save(to url: URL) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(self).write(to: url, options: .atomic)
    }
}

/// 64-bit FNV-1a: fast content fingerprint for change detection (not for security).
func contentHash(_ bytes: [UInt8]) -> String {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
    }
    return String(hash, radix: 16) + "-" + String(bytes.count)
}
