import Foundation
import KennisbankCore
import Logging

/// A search a signed-in user saved under a name, with the unguessable id of its Atom feed.
struct SavedSearch: Codable, Sendable, Equatable {
    /// Short random id, for listing and deleting.
    var id: String
    var name: String
    /// The search as a query string without page and size (`q=loverboy&type=rapport`).
    var query: String
    /// 256-bit random id in the feed's address: whoever has that address reads the feed.
    var feed: String
    var created: Date

    var feedPath: String { "/feeds/\(feed).atom" }
    var searchHref: String { query.isEmpty ? "/" : "/?" + query }
}

/// Saved searches, kept beside the index in `access/saved-searches.json` as `{"<token id>": [saved search, …]}`:
/// keyed by the id of the token that saved them, never by the token. Written atomically (temporary file + rename)
/// with permissions 0600. The file is read again on every use, so a server sharing the index sees the same list.
actor SavedSearchStore {
    nonisolated let url: URL
    nonisolated let maxPerToken: Int

    enum Failure: Error, Equatable {
        case tooMany(Int)
    }

    init(location: IndexLocation, maxPerToken: Int) {
        url = location.root.appendingPathComponent("access/saved-searches.json")
        self.maxPerToken = max(1, maxPerToken)
    }

    func list(tokenID: String) throws -> [SavedSearch] {
        try load()[tokenID] ?? []
    }

    func add(tokenID: String, name: String, query: String, now: Date = Date()) throws -> SavedSearch {
        var all = try load()
        var list = all[tokenID] ?? []
        guard list.count < maxPerToken else { throw Failure.tooMany(maxPerToken) }
        let saved = SavedSearch(id: TokenStore.randomHex(8), name: name, query: query, feed: TokenStore.randomHex(32),
                                created: Self.wholeSeconds(now))
        list.append(saved)
        all[tokenID] = list
        try save(all)
        return saved
    }

    /// Removes a saved search of this token; false when the token has none with that id.
    func remove(tokenID: String, id: String) throws -> Bool {
        var all = try load()
        guard var list = all[tokenID], let index = list.firstIndex(where: { $0.id == id }) else { return false }
        list.remove(at: index)
        all[tokenID] = list.isEmpty ? nil : list
        try save(all)
        return true
    }

    /// The saved search with this feed id and the id of the token it belongs to.
    func find(feed: String) throws -> (tokenID: String, search: SavedSearch)? {
        guard SessionStore.isWellFormed(feed) else { return nil }
        for (tokenID, list) in try load() {
            if let search = list.first(where: { SHA256.constantTimeEqual(Array($0.feed.utf8), Array(feed.utf8)) }) {
                return (tokenID, search)
            }
        }
        return nil
    }

    private func load() throws -> [String: [SavedSearch]] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [:] }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode([String: [SavedSearch]].self, from: Data(contentsOf: url))
        } catch {
            throw KennisbankError.index("cannot read \(url.path): \(error)")
        }
    }

    private func save(_ all: [String: [SavedSearch]]) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try PrivateFile.write(encoder.encode(all), to: url)
        } catch {
            throw KennisbankError.index("cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    /// ISO 8601 in the file keeps whole seconds; so does the value returned, so both read alike.
    private static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}

/// When each document (in its present version) was first seen in the index by this server: what a feed's
/// "new or changed since" is measured by, since the index itself keeps no time of indexing.
///
/// Kept in `access/document-changes.json` as `{"<document id>": {"fingerprint": …, "seen": …}}`. The first time
/// the server runs on an index every document present is recorded without a time (a feed then uses its
/// publication date); a document that appears later, or whose stored data changes, gets the moment the server
/// noticed it. The server checks whenever the index changed (its manifest or number of documents).
actor DocumentChanges {
    struct Entry: Codable, Sendable, Equatable {
        var fingerprint: String
        /// Nil: present when the ledger was started.
        var seen: Date?
    }

    nonisolated let url: URL
    private let logger: Logger
    private var entries: [String: Entry]?
    private var stamp: String?

    init(location: IndexLocation, logger: Logger) {
        url = location.root.appendingPathComponent("access/document-changes.json")
        self.logger = logger
    }

    /// Whether the ledger must be brought up to date for an index with this stamp.
    func isCurrent(stamp: String) -> Bool {
        self.stamp == stamp && entries != nil
    }

    /// Records the documents now in the index (id → fingerprint of its stored data).
    func update(stamp: String, documents: [String: String], now: Date = Date()) {
        var current = entries ?? loadFile()
        let baseline = current == nil
        var all = current ?? [:]
        var changed = baseline
        for (id, fingerprint) in documents where all[id]?.fingerprint != fingerprint {
            all[id] = Entry(fingerprint: fingerprint, seen: baseline ? nil : Self.wholeSeconds(now))
            changed = true
        }
        // A removed document is forgotten, so if it comes back it counts as new.
        for id in all.keys where documents[id] == nil {
            all[id] = nil
            changed = true
        }
        current = all
        entries = current
        self.stamp = stamp
        if changed { save(all) }
    }

    /// First-seen times of the documents that have one.
    func seen() -> [String: Date] {
        (entries ?? [:]).compactMapValues(\.seen)
    }

    private func loadFile() -> [String: Entry]? {
        guard let data = try? Data(contentsOf: url) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode([String: Entry].self, from: data)
    }

    private func save(_ all: [String: Entry]) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        do {
            try PrivateFile.write(encoder.encode(all), to: url)
        } catch {
            logger.warning("cannot write the document ledger", metadata: ["file": "\(url.path)", "error": "\(error)"])
        }
    }

    private static func wholeSeconds(_ date: Date) -> Date {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
    }
}
