import Foundation
import Hummingbird
import KennisbankCore
import Logging

/// Who is asking, decided per request from a bearer token or a web session, never from a request parameter.
struct Caller: Sendable, Equatable {
    enum Source: Sendable, Equatable { case anonymous, bearer, session }

    var role: Role
    /// The name of the token (shown in the page header, written to the audit log); nil for anonymous callers.
    var name: String?
    var source: Source
    /// The session's CSRF token, for the logout form; nil unless the caller came with a session.
    var sessionCSRF: String?
    /// The id of the caller's token (never the token itself): what saved searches are kept under. Nil for anonymous callers.
    var tokenID: String? = nil

    static let anonymous = Caller(role: .anonymous, name: nil, source: .anonymous, sessionCSRF: nil)

    /// The name the audit log records.
    var auditName: String { name ?? "anoniem" }
}

/// Identity, sessions, the login throttle and the audit log: everything the routes need to know who asks.
///
/// - A request with an `Authorization` header must carry a valid `Bearer` token, else it is answered with 401:
///   a bad, revoked or expired token is never silently treated as anonymous.
/// - Otherwise the `kb_sessie` cookie names a server-side session; its token is checked again on every request
///   (against `tokens.json`, cached by modification time), so revoking a token ends its sessions too.
/// - Otherwise the caller is anonymous.
struct AccessControl: Sendable {
    static let sessionCookie = "kb_sessie"
    /// The double-submit cookie of the login form (the form is shown before there is a session).
    static let loginCSRFCookie = "kb_csrf"

    let tokens: TokenStore
    let records: TokenRecords
    let sessions: SessionStore
    let throttle: LoginThrottle
    let audit: AuditLog
    let maxFormBodySize: Int
    let logger: Logger

    init(location: IndexLocation, configuration: KennisbankServerConfiguration, logger: Logger) {
        tokens = TokenStore(location: location)
        records = TokenRecords(store: tokens)
        sessions = SessionStore(lifetime: configuration.sessionLifetime, idleTimeout: configuration.sessionIdleTimeout)
        throttle = LoginThrottle(base: configuration.loginDelay, maximum: configuration.maxLoginDelay)
        audit = AuditLog(location: location)
        maxFormBodySize = configuration.maxFormBodySize
        self.logger = logger
    }

    /// The caller of this request. Throws a 401 APIError for an `Authorization` header that is not a valid bearer token.
    func caller(for request: Request, now: Date = Date()) async throws(APIError) -> Caller {
        let authorizations = request.headers[values: .authorization]
        if !authorizations.isEmpty {
            guard authorizations.count == 1, let token = Self.bearerToken(authorizations[0]),
                  let record = tokens.verify(token, now: now) else {
                throw APIError.unauthorized
            }
            return Caller(role: record.role, name: record.name, source: .bearer, sessionCSRF: nil, tokenID: record.id)
        }
        if let id = request.cookies[Self.sessionCookie]?.value, !id.isEmpty {
            if let session = await sessions.session(id, now: now) {
                if let record = await records.record(id: session.tokenID), record.isUsable(at: now) {
                    return Caller(role: record.role, name: record.name, source: .session, sessionCSRF: session.csrf,
                                  tokenID: record.id)
                }
                // The token was revoked, expired or removed since login: the session ends with it.
                await sessions.end(id)
            }
        }
        return .anonymous
    }

    /// The token of an `Authorization: Bearer <token>` header value; nil for any other scheme or shape.
    static func bearerToken(_ header: String) -> String? {
        let parts = header.split(separator: " ", omittingEmptySubsequences: true)
        guard parts.count == 2, parts[0].lowercased() == "bearer", parts[1].utf8.count <= 200 else { return nil }
        return String(parts[1])
    }

    // MARK: - Audit

    /// Records `action` for the `vertrouwelijk` documents among `documents` (AuditLog ignores the others).
    func record(_ action: AuditLog.Action, _ documents: [(id: String, access: AccessLevel)], caller: Caller) {
        guard documents.contains(where: { $0.access == .vertrouwelijk }) else { return }
        audit.record(action, documents: documents, token: caller.auditName)
    }

    /// Records the `vertrouwelijk` documents among search hits or similar documents as shown.
    func recordShown(_ hits: [SearchHit], caller: Caller) {
        // An access level this server does not know is treated as the highest: better one line too many.
        record(.shown, hits.map { (id: $0.id, access: AccessLevel(rawValue: $0.access) ?? .vertrouwelijk) }, caller: caller)
    }

    // MARK: - Forms

    /// Reads an `application/x-www-form-urlencoded` body of at most `maxFormBodySize` bytes (413 beyond, 415 for
    /// another content type). The first value of each name wins.
    func readForm(_ request: inout Request) async throws -> [String: String] {
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > maxFormBodySize {
            throw APIError.tooLarge(maxFormBodySize)
        }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.split(separator: ";").first?.trimmingCharacters(in: .whitespaces) == "application/x-www-form-urlencoded" else {
            throw APIError(status: .unsupportedMediaType, message: "send the form as application/x-www-form-urlencoded",
                           parameter: nil)
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: maxFormBodySize)
        } catch {
            throw APIError.tooLarge(maxFormBodySize)
        }
        var fields: [String: String] = [:]
        for item in QueryString.parse(String(buffer: body)) where fields[item.name] == nil { fields[item.name] = item.value }
        return fields
    }

    /// Whether two CSRF tokens match: both present, of the expected shape, equal (compared in constant time).
    static func csrfMatches(_ expected: String?, _ presented: String?) -> Bool {
        guard let expected, let presented, SessionStore.isWellFormed(expected) else { return false }
        return SHA256.constantTimeEqual(Array(expected.utf8), Array(presented.utf8))
    }

    /// A browser that says the form was sent from another site is refused whatever the tokens say.
    static func isCrossSite(_ request: Request) -> Bool {
        request.headers[.init("Sec-Fetch-Site")!]?.lowercased() == "cross-site"
    }

    /// Cookies get `Secure` when the request came over TLS or through a proxy that says it did.
    static func isSecure(_ request: Request) -> Bool {
        if request.head.scheme?.lowercased() == "https" { return true }
        let forwarded = request.headers[.init("X-Forwarded-Proto")!]?.split(separator: ",").first
        return forwarded?.trimmingCharacters(in: .whitespaces).lowercased() == "https"
    }

    static func cookie(_ name: String, value: String, maxAge: Int, secure: Bool) -> Cookie {
        Cookie(name: name, value: value, maxAge: maxAge, path: "/", secure: secure, httpOnly: true, sameSite: .strict)
    }

    func sessionCookie(_ id: String, secure: Bool) -> Cookie {
        Self.cookie(Self.sessionCookie, value: id, maxAge: Int(sessions.lifetime.rounded(.up)), secure: secure)
    }

    static func clearedCookie(_ name: String, secure: Bool) -> Cookie {
        cookie(name, value: "", maxAge: 0, secure: secure)
    }
}

extension TokenStore.Record {
    /// Not revoked and not expired at `date`.
    func isUsable(at date: Date) -> Bool {
        revoked == nil && (expires.map { $0 > date } ?? true)
    }
}

// MARK: - Token records

/// The records of `tokens.json` by id, read again only when the file changed (modification time, size, inode),
/// so checking a session's token on every request costs one `stat`. Unreadable means no tokens: fail closed.
actor TokenRecords {
    let store: TokenStore
    private struct Stamp: Equatable {
        var modified: Date?
        var size: Int?
        var inode: UInt64?
    }
    private var stamp: Stamp?
    private var byID: [String: TokenStore.Record] = [:]

    init(store: TokenStore) {
        self.store = store
    }

    func record(id: String) -> TokenStore.Record? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: store.url.path)
        let current = attributes.map {
            Stamp(modified: $0[.modificationDate] as? Date, size: ($0[.size] as? NSNumber)?.intValue,
                  inode: ($0[.systemFileNumber] as? NSNumber)?.uint64Value)
        }
        if current == nil || current != stamp {
            stamp = current
            let all = current == nil ? [] : (try? store.records()) ?? []
            byID = Dictionary(all.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        }
        return byID[id]
    }
}

// MARK: - Sessions

/// Web sessions, in memory only: a restart logs everybody out. A session ends `lifetime` after login
/// and after `idleTimeout` without a request. Ids are 256-bit random; only their SHA-256 is kept as key.
actor SessionStore {
    struct Session: Sendable {
        var tokenID: String
        /// The CSRF token of this session's forms (logout).
        var csrf: String
        var created: Date
        var lastSeen: Date
    }

    nonisolated let lifetime: TimeInterval
    nonisolated let idleTimeout: TimeInterval
    /// More sessions than this: the least recently used are dropped.
    nonisolated let capacity: Int
    private var sessions: [String: Session] = [:]

    init(lifetime: TimeInterval, idleTimeout: TimeInterval, capacity: Int = 10_000) {
        self.lifetime = lifetime
        self.idleTimeout = idleTimeout
        self.capacity = max(1, capacity)
    }

    /// 64 lowercase hex digits: the shape of session ids and CSRF tokens.
    nonisolated static func isWellFormed(_ text: String) -> Bool {
        text.utf8.count == 64 && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    private static func key(_ id: String) -> String { SHA256.hex(SHA256.hash(Array(id.utf8))) }

    /// Starts a session for the token with `tokenID`; returns the id to put in the cookie.
    func create(tokenID: String, now: Date = Date()) -> (id: String, session: Session) {
        purge(now: now)
        if sessions.count >= capacity {
            let oldest = sessions.sorted { $0.value.lastSeen < $1.value.lastSeen }.prefix(sessions.count - capacity + 1)
            for (key, _) in oldest { sessions[key] = nil }
        }
        let id = TokenStore.randomHex(32)
        let session = Session(tokenID: tokenID, csrf: TokenStore.randomHex(32), created: now, lastSeen: now)
        sessions[Self.key(id)] = session
        return (id, session)
    }

    /// The live session with this id, marked as used now; nil (and forgotten) when unknown or expired.
    func session(_ id: String, now: Date = Date()) -> Session? {
        guard Self.isWellFormed(id) else { return nil }
        let key = Self.key(id)
        guard var session = sessions[key] else { return nil }
        guard isLive(session, now: now) else {
            sessions[key] = nil
            return nil
        }
        session.lastSeen = now
        sessions[key] = session
        return session
    }

    func end(_ id: String) {
        guard Self.isWellFormed(id) else { return }
        sessions[Self.key(id)] = nil
    }

    var count: Int { sessions.count }

    private func isLive(_ session: Session, now: Date) -> Bool {
        now.timeIntervalSince(session.created) < lifetime && now.timeIntervalSince(session.lastSeen) < idleTimeout
    }

    private func purge(now: Date) {
        sessions = sessions.filter { isLive($0.value, now: now) }
    }
}

// MARK: - Login throttle

/// Slows down guessing: after a failed login, the next attempt from the same address waits before its token
/// is even checked — `base` after one failure, doubling per failure up to `maximum` — and attempts queue
/// behind each other, so sending many at once gains nothing. Failures older than `window` are forgotten.
/// When the queue of one address is longer than `maximumQueue`, attempts are refused at once (429).
actor LoginThrottle {
    private struct Entry {
        var failures: [Date] = []
        /// The earliest moment the next attempt may be checked.
        var next: Date = .distantPast
    }

    let base: TimeInterval
    let maximum: TimeInterval
    let window: TimeInterval
    let maximumQueue: TimeInterval
    /// Addresses remembered at most; beyond, the least recently failed are forgotten.
    let capacity: Int
    private var entries: [String: Entry] = [:]

    init(base: TimeInterval, maximum: TimeInterval, window: TimeInterval = 15 * 60, maximumQueue: TimeInterval? = nil,
         capacity: Int = 10_000) {
        self.base = max(0, base)
        self.maximum = max(self.base, maximum)
        self.window = window
        self.maximumQueue = maximumQueue ?? max(60, self.maximum * 8)
        self.capacity = max(1, capacity)
    }

    /// How long this attempt must wait before its token is checked; nil when too many attempts are already waiting.
    func admit(_ key: String, now: Date = Date()) -> TimeInterval? {
        guard var entry = entries[key] else { return 0 }
        entry.failures.removeAll { now.timeIntervalSince($0) > window }
        guard !entry.failures.isEmpty else {
            entries[key] = nil
            return 0
        }
        let delay = delay(afterFailures: entry.failures.count)
        let start = max(now, entry.next)
        let at = start.addingTimeInterval(delay)
        let wait = at.timeIntervalSince(now)
        guard wait <= maximumQueue else { return nil }
        entry.next = at
        entries[key] = entry
        return wait
    }

    /// Counts a failed attempt.
    func failed(_ key: String, now: Date = Date()) {
        var entry = entries[key] ?? Entry()
        entry.failures.removeAll { now.timeIntervalSince($0) > window }
        entry.failures.append(now)
        if entry.failures.count > 64 { entry.failures.removeFirst(entry.failures.count - 64) }
        entries[key] = entry
        if entries.count > capacity {
            entries = entries.filter { !$0.value.failures.isEmpty && now.timeIntervalSince($0.value.failures.last!) <= window }
            if entries.count > capacity {
                let oldest = entries.sorted { ($0.value.failures.last ?? .distantPast) < ($1.value.failures.last ?? .distantPast) }
                for (key, _) in oldest.prefix(entries.count - capacity) { entries[key] = nil }
            }
        }
    }

    /// The wait after `failures` recent failures: base, 2·base, 4·base, … up to maximum.
    func delay(afterFailures failures: Int) -> TimeInterval {
        guard failures > 0 else { return 0 }
        return min(base * pow(2, Double(min(failures - 1, 30))), maximum)
    }
}
