import Foundation

/// Append-only record of every time a `vertrouwelijk` document is shown, opened, downloaded or
/// exported: when, which token name, which document, what action. No query text, no addresses.
public struct AuditLog: Sendable {
    public enum Action: String, Codable, Sendable, CaseIterable { case shown, opened, downloaded, exported }

    public struct Entry: Codable, Sendable, Equatable {
        public var time: Date
        public var token: String
        public var document: String
        public var action: Action
    }

    public let url: URL
    private static let lock = NSLock()

    public init(location: IndexLocation) {
        url = location.root.appendingPathComponent("access/audit.jsonl")
    }

    /// Appends one line per document. Only `vertrouwelijk` documents are recorded.
    public func record(_ action: Action, documents: [(id: String, access: AccessLevel)], token: String) {
        let entries = documents.filter { $0.access == .vertrouwelijk }
            .map { Entry(time: Date(), token: token, document: $0.id, action: action) }
        guard !entries.isEmpty else { return }
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        var lines = Data()
        for entry in entries {
            guard let line = try? encoder.encode(entry) else { continue }
            lines.append(line)
            lines.append(0x0A)
        }
        Self.lock.lock()
        defer { Self.lock.unlock() }
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        if !FileManager.default.fileExists(atPath: url.path) {
            FileManager.default.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600])
        }
        guard let handle = try? FileHandle(forWritingTo: url) else { return }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try? handle.write(contentsOf: lines)
    }

    /// Entries, oldest first, optionally since a date and for one document.
    public func entries(since: Date? = nil, document: String? = nil) throws -> [Entry] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").compactMap { try? decoder.decode(Entry.self, from: Data($0.utf8)) }
            .filter { entry in (since.map { entry.time >= $0 } ?? true) && (document.map { entry.document == $0 } ?? true) }
    }
}
