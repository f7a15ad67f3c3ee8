import Foundation

/// API tokens, kept beside the index in `access/tokens.json`. A token is shown once, when created;
/// only a salted SHA-256 of its secret is stored. The role comes from this file, never from a request.
public struct TokenStore: Sendable {
    public struct Record: Codable, Sendable, Equatable {
        public var id: String
        public var name: String
        public var role: Role
        public var created: Date
        public var expires: Date?
        public var revoked: Date?
        var salt: String
        var hash: String
    }

    public let url: URL

    public init(location: IndexLocation) {
        url = location.root.appendingPathComponent("access/tokens.json")
    }

    public func records() throws -> [Record] {
        guard FileManager.default.fileExists(atPath: url.path) else { return [] }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode([Record].self, from: Data(contentsOf: url))
        } catch {
            throw KennisbankError.index("cannot read \(url.path): \(error)")
        }
    }

    /// Creates a token for `name` with `role`; returns the record and the token text (shown once).
    public func create(name: String, role: Role, validDays: Int? = nil) throws -> (record: Record, token: String) {
        let trimmed = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty, trimmed.count <= 100 else {
            throw KennisbankError.invalidParameter(name: "--name", message: "give a name of 1 to 100 characters")
        }
        var all = try records()
        let id = Self.randomHex(4)
        let secret = Self.randomHex(24)
        let salt = Self.randomHex(16)
        let record = Record(id: id, name: trimmed, role: role, created: Date(),
                            expires: validDays.map { Date().addingTimeInterval(Double($0) * 86_400) }, revoked: nil,
                            salt: salt, hash: Self.digest(secret: secret, salt: salt))
        all.append(record)
        try save(all)
        return (record, "kb_\(id)_\(secret)")
    }

    /// The record a presented token belongs to, if it is valid, unrevoked and unexpired.
    public func verify(_ token: String, now: Date = Date()) -> Record? {
        let parts = token.split(separator: "_")
        guard parts.count == 3, parts[0] == "kb", parts[1].count == 8, parts[2].count == 48,
              let all = try? records(), let record = all.first(where: { $0.id == parts[1] }) else { return nil }
        guard record.revoked == nil, record.expires.map({ $0 > now }) ?? true else { return nil }
        let presented = Array(Self.digest(secret: String(parts[2]), salt: record.salt).utf8)
        return SHA256.constantTimeEqual(presented, Array(record.hash.utf8)) ? record : nil
    }

    /// Revokes by id or name; returns how many tokens were revoked.
    @discardableResult
    public func revoke(_ idOrName: String) throws -> Int {
        var all = try records()
        var count = 0
        for index in all.indices where (all[index].id == idOrName || all[index].name == idOrName) && all[index].revoked == nil {
            all[index].revoked = Date()
            count += 1
        }
        try save(all)
        return count
    }

    private func save(_ records: [Record]) throws {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        do {
            try PrivateFile.write(encoder.encode(records), to: url)
        } catch {
            throw KennisbankError.index("cannot write \(url.path): \(error.localizedDescription)")
        }
    }

    static func digest(secret: String, salt: String) -> String {
        SHA256.hex(SHA256.hash(Array((salt + ":" + secret).utf8)))
    }

    /// Hex of `count` bytes from the system's cryptographic random source.
    public static func randomHex(_ count: Int) -> String {
        var generator = SystemRandomNumberGenerator()
        return SHA256.hex((0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) })
    }
}
