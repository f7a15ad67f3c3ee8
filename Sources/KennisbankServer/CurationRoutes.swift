import Foundation
import Hummingbird
import KennisbankCore
import KennisbankExport
import Logging

/// What trainers and curators use beside search: exports, saved searches with their Atom feeds, the curators'
/// statistics page and the search analytics behind it.
struct Curation: Sendable {
    let exporter: Exporter
    let savedSearches: SavedSearchStore
    let ledger: DocumentChanges
    let analytics: SearchAnalytics
}

/// Course-material exports, saved searches and feeds, and the curators' statistics.
///
/// - `GET /api/export` takes the parameters of `/api/search` plus `format` and `limit`; it sees what the caller's
///   role sees, and exporting `vertrouwelijk` documents is written to the audit log with the caller's token name.
/// - Saved searches belong to a token (a bearer token, or the token a web session was started with). The API
///   takes them with a bearer token, or with a session and its CSRF token in `X-CSRF-Token`; the forms on the
///   pages carry the session's CSRF token.
/// - `GET /feeds/{feed}.atom` needs no login: its address holds a 256-bit random id. It is evaluated with the
///   current role of the token that saved the search; when that token is revoked, expired or removed, the feed is
///   gone (404).
/// - `/beheer/statistiek` and `/api/statistics` are for curators; anybody else gets what an unknown address gets.
extension Routes {
    static let exportLimitDefault = 200
    static let exportLimitMaximum = 500
    static let maxSavedQueryLength = 2000

    func registerCurationRoutes(on router: Router<KennisbankRequestContext>) {
        // MARK: Export

        router.get("/api/export") { request, _ in
            let caller = try await access.caller(for: request)
            let items = QueryString.parse(request.uri.query)
            let parameters = try SearchParameters(items, vocabulary: service.labels.vocabulary)
            let format = try Self.exportFormat(items)
            let limit = try Self.exportLimit(items)
            let documents = try await service.exportDocuments(parameters, role: caller.role, limit: limit)
            let text = try curation.exporter.render(documents, format: format,
                                                    description: parameters.describe(labels: service.labels))
            access.record(.exported, documents.map { ($0.id, $0.access) }, caller: caller)
            return Response(
                status: .ok,
                headers: [
                    .contentType: format.contentType,
                    .contentDisposition: "attachment; filename=\"\(Self.exportFileName(parameters, format: format))\"",
                    // An HTML handout opened in place must never run anything on this site.
                    .contentSecurityPolicy: "sandbox; default-src 'none'; style-src 'unsafe-inline'",
                ],
                body: .init(byteBuffer: ByteBuffer(string: text)))
        }

        // MARK: Saved searches, API

        router.get("/api/saved-searches") { request, _ in
            let (_, tokenID) = try await signedIn(request)
            let list = try await curation.savedSearches.list(tokenID: tokenID)
            return JSON.response(SavedSearchList(savedSearches: list.map(SavedSearchItem.init)))
        }
        router.post("/api/saved-searches") { request, _ in
            var request = request
            let (caller, tokenID) = try await signedIn(request)
            try Self.checkAPIWrite(request, caller: caller)
            let body = try await readJSONBody(&request)
            let saved = try await save(name: body.name, query: body.query, tokenID: tokenID)
            return JSON.response(SavedSearchItem(saved), status: .created)
        }
        router.delete("/api/saved-searches/:id") { request, context in
            let (caller, tokenID) = try await signedIn(request)
            try Self.checkAPIWrite(request, caller: caller)
            let id = context.parameters.get("id") ?? ""
            guard try await curation.savedSearches.remove(tokenID: tokenID, id: id) else {
                throw APIError.notFound("no saved search with id \"\(id)\"")
            }
            return Response(status: .noContent)
        }

        // MARK: Saved searches, pages

        router.get("/zoekopdrachten") { request, _ in
            let caller = try await access.caller(for: request)
            var list: [SavedSearch] = []
            if let tokenID = caller.tokenID { list = try await curation.savedSearches.list(tokenID: tokenID) }
            return pages.savedSearchesPage(list, caller: caller)
        }
        router.post("/zoekopdrachten") { request, _ in
            var request = request
            let form = try await access.readForm(&request)
            let caller = try await access.caller(for: request)
            guard let tokenID = try Self.checkPageForm(request, form: form, caller: caller) else {
                return Response(status: .seeOther, headers: [.location: "/inloggen"])
            }
            do {
                _ = try await save(name: form["name"], query: form["query"], tokenID: tokenID)
            } catch let error as APIError where error.status == .badRequest || error.status == .conflict {
                let list = try await curation.savedSearches.list(tokenID: tokenID)
                return pages.savedSearchesPage(list, caller: caller, error: Self.dutch(error), status: error.status)
            }
            return Response(status: .seeOther, headers: [.location: "/zoekopdrachten"])
        }
        router.post("/zoekopdrachten/verwijderen") { request, _ in
            var request = request
            let form = try await access.readForm(&request)
            let caller = try await access.caller(for: request)
            guard let tokenID = try Self.checkPageForm(request, form: form, caller: caller) else {
                return Response(status: .seeOther, headers: [.location: "/inloggen"])
            }
            _ = try await curation.savedSearches.remove(tokenID: tokenID, id: form["id"] ?? "")
            return Response(status: .seeOther, headers: [.location: "/zoekopdrachten"])
        }

        // MARK: Feeds

        router.get("/feeds/{feed}.atom") { request, context in
            let feed = context.parameters.get("feed") ?? ""
            guard let found = try await curation.savedSearches.find(feed: feed),
                  let record = await access.records.record(id: found.tokenID), record.isUsable(at: Date()) else {
                throw HTTPError(.notFound)
            }
            let saved = found.search
            let items = QueryString.parse(request.uri.query)
            let since: Date
            if let text = items.first(where: { $0.name == "since" && !$0.value.isEmpty })?.value {
                guard let date = AtomFeed.sinceDate(text) else {
                    throw APIError.badParameter("since", "\"\(text)\" is not a date of the form YYYY-MM-DD")
                }
                since = date
            } else {
                since = Self.startOfDay(saved.created)
            }
            // Read with the vocabulary of today unchecked: a value since removed simply matches nothing.
            let parameters = (try? SearchParameters(QueryString.parse(saved.query), vocabulary: nil)) ?? SearchParameters()
            try await service.updateLedger(curation.ledger)
            let seen = await curation.ledger.seen()
            let entries = try await service.feedEntries(parameters, role: record.role, since: since, seen: seen)
            access.audit.record(.shown, documents: entries.map { ($0.document.id, $0.document.access) }, token: record.name)
            let xml = AtomFeed.render(
                id: "urn:kennisbank:zoekopdracht:\(saved.id)", title: "Kennisbank: \(saved.name)",
                subtitle: "Nieuwe of gewijzigde documenten sinds \(Labels.date(Self.day(since))): "
                    + parameters.describe(labels: service.labels),
                updated: entries.map(\.updated).max() ?? saved.created, selfHref: saved.feedPath,
                alternateHref: saved.searchHref, entries: entries,
                typeLabel: { service.labels.label($0, in: .type) })
            return Response(status: .ok, headers: [.contentType: AtomFeed.contentType],
                            body: .init(byteBuffer: ByteBuffer(string: xml)))
        }

        // MARK: Statistics (curators only)

        router.get("/beheer/statistiek") { request, _ in
            let caller = (try? await access.caller(for: request)) ?? .anonymous
            guard caller.role == .curator else { throw HTTPError(.notFound) }
            let statistics = try await service.statistics(role: caller.role)
            let searches = await SearchesSummary(curation.analytics)
            return pages.statisticsPage(statistics, searches: searches, caller: caller)
        }
        router.get("/api/statistics") { request, _ in
            let caller = (try? await access.caller(for: request)) ?? .anonymous
            guard caller.role == .curator else { throw HTTPError(.notFound) }
            let statistics = try await service.statistics(role: caller.role)
            let searches = await SearchesSummary(curation.analytics)
            return JSON.response(StatisticsResponse(statistics: statistics, searches: searches))
        }
    }

    // MARK: - Helpers

    /// The caller and their token id; 401 for anonymous callers (and, as everywhere, for a bad bearer token).
    func signedIn(_ request: Request) async throws -> (Caller, String) {
        let caller = try await access.caller(for: request)
        guard let tokenID = caller.tokenID else { throw APIError.signInRequired }
        return (caller, tokenID)
    }

    /// A change through the API with a session cookie needs the session's CSRF token in `X-CSRF-Token`
    /// (a bearer token cannot be sent by another site, a cookie can).
    static func checkAPIWrite(_ request: Request, caller: Caller) throws {
        guard caller.source == .session else { return }
        guard !AccessControl.isCrossSite(request),
              AccessControl.csrfMatches(caller.sessionCSRF, request.headers[.init("X-CSRF-Token")!]) else {
            throw APIError(status: .forbidden, message: "send the session's CSRF token in the X-CSRF-Token header", parameter: nil)
        }
    }

    /// A page form: the caller's token id when the form came with the session's CSRF token; nil when nobody is
    /// logged in (the form then sends them to log in); 403 otherwise.
    static func checkPageForm(_ request: Request, form: [String: String], caller: Caller) throws -> String? {
        guard let tokenID = caller.tokenID else { return nil }
        guard caller.source == .session, !AccessControl.isCrossSite(request),
              AccessControl.csrfMatches(caller.sessionCSRF, form["csrf"]) else {
            throw APIError(status: .forbidden, message: "Het formulier was verlopen. Laad de pagina opnieuw en probeer het nog eens.",
                           parameter: nil)
        }
        return tokenID
    }

    struct SavedSearchBody: Decodable {
        var name: String?
        var query: String?
    }

    func readJSONBody(_ request: inout Request) async throws -> SavedSearchBody {
        let limit = access.maxFormBodySize
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit { throw APIError.tooLarge(limit) }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        guard type.split(separator: ";").first?.trimmingCharacters(in: .whitespaces) == "application/json" else {
            throw APIError(status: .unsupportedMediaType, message: "send a JSON object {\"name\": ..., \"query\": ...} as application/json",
                           parameter: nil)
        }
        let body: ByteBuffer
        do {
            body = try await request.collectBody(upTo: limit)
        } catch {
            throw APIError.tooLarge(limit)
        }
        do {
            return try JSONDecoder().decode(SavedSearchBody.self, from: Data(body.readableBytesView))
        } catch {
            throw APIError(status: .badRequest, message: "the body is not a JSON object with string fields name and query",
                           parameter: nil)
        }
    }

    /// Checks a name and a search, and saves them for the token.
    func save(name: String?, query: String?, tokenID: String) async throws -> SavedSearch {
        let cleanName = String((name ?? "").unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) })
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard (1...100).contains(cleanName.count) else {
            throw APIError.badParameter("name", "give a name of 1 to 100 characters")
        }
        var text = (query ?? "").trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("/") { text.removeFirst() }
        if text.hasPrefix("?") { text.removeFirst() }
        guard text.count <= Self.maxSavedQueryLength else {
            throw APIError.badParameter("query", "the query string is longer than \(Self.maxSavedQueryLength) characters")
        }
        let parameters: SearchParameters
        do {
            parameters = try SearchParameters(QueryString.parse(text), vocabulary: service.labels.vocabulary)
        } catch {
            throw APIError.badParameter("query", "\(error.parameter ?? "q"): \(error.message)")
        }
        do {
            return try await curation.savedSearches.add(tokenID: tokenID, name: cleanName, query: parameters.withoutPaging.queryString)
        } catch SavedSearchStore.Failure.tooMany(let limit) {
            throw APIError(status: .conflict, message: "at most \(limit) saved searches; delete one first", parameter: nil)
        }
    }

    static func dutch(_ error: APIError) -> String {
        switch error.parameter {
        case "name": "Geef de zoekopdracht een naam van 1 tot 100 tekens."
        case "query": "Deze zoekopdracht kan niet worden bewaard: \(error.message)"
        default: error.status == .conflict
            ? "U hebt het maximum aantal bewaarde zoekopdrachten bereikt. Verwijder er eerst een."
            : error.message
        }
    }

    static func exportFormat(_ items: [(name: String, value: String)]) throws(APIError) -> ExportFormat {
        guard let text = items.first(where: { $0.name == "format" && !$0.value.isEmpty })?.value else { return .html }
        guard let format = ExportFormat(rawValue: text) else {
            throw APIError.badParameter(
                "format", "unknown format \"\(text)\"; allowed: \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        return format
    }

    static func exportLimit(_ items: [(name: String, value: String)]) throws(APIError) -> Int {
        guard let text = items.first(where: { $0.name == "limit" && !$0.value.isEmpty })?.value else { return exportLimitDefault }
        guard let limit = Int(text), (1...exportLimitMaximum).contains(limit) else {
            throw APIError.badParameter("limit", "\"\(text)\" is not a whole number from 1 to \(exportLimitMaximum)")
        }
        return limit
    }

    /// `kennisbank-loverboy-rapport-2026-02-14.csv`: ASCII only, from the query and the filter values.
    static func exportFileName(_ parameters: SearchParameters, format: ExportFormat, now: Date = Date()) -> String {
        var words = [parameters.query]
        for facet in Facet.allCases { words += parameters.filters[facet] ?? [] }
        let folded = words.joined(separator: " ").folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil).lowercased()
        var slug = ""
        for scalar in folded.unicodeScalars {
            if (scalar >= "a" && scalar <= "z") || (scalar >= "0" && scalar <= "9") {
                slug.unicodeScalars.append(scalar)
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
            if slug.count >= 50 { break }
        }
        while slug.hasSuffix("-") { slug.removeLast() }
        return "kennisbank-\(slug.isEmpty ? "export" : slug)-\(day(now)).\(format.fileExtension)"
    }

    /// `2026-02-14` (UTC).
    static func day(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        return String(format: "%04d-%02d-%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0)
    }

    static func startOfDay(_ date: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar.startOfDay(for: date)
    }
}

// MARK: - JSON shapes

struct SavedSearchItem: Encodable {
    var id: String
    var name: String
    var query: String
    var created: String
    var searchUrl: String
    var feedUrl: String

    init(_ saved: SavedSearch) {
        id = saved.id
        name = saved.name
        query = saved.query
        created = AtomFeed.timestamp(saved.created)
        searchUrl = saved.searchHref
        feedUrl = saved.feedPath
    }
}

struct SavedSearchList: Encodable {
    var savedSearches: [SavedSearchItem]
}

/// The search analytics as the curators see them.
struct SearchesSummary: Encodable {
    struct Week: Encodable {
        var week: String
        var searches: Int
        var withheld: Int
    }
    struct QueryCount: Encodable {
        var query: String
        var count: Int
    }

    var retentionWeeks: Int
    var withheld: Int
    var weeks: [Week]
    var topQueries: [QueryCount]
    var zeroResultQueries: [QueryCount]

    init(_ analytics: SearchAnalytics, limit: Int = 25) async {
        retentionWeeks = analytics.retentionWeeks
        withheld = await analytics.withheld()
        weeks = await analytics.allWeeks().map { Week(week: $0.week, searches: $0.data.searches, withheld: $0.data.withheld) }
        topQueries = await analytics.topQueries(limit: limit).map { QueryCount(query: $0.query, count: $0.count) }
        zeroResultQueries = await analytics.topZeroResults(limit: limit).map { QueryCount(query: $0.query, count: $0.count) }
    }
}

/// `kennisbank stats --json`'s object, plus the search analytics under `searches`.
struct StatisticsResponse: Encodable {
    var statistics: CollectionStatistics
    var searches: SearchesSummary

    enum CodingKeys: String, CodingKey { case searches }

    func encode(to encoder: any Encoder) throws {
        try statistics.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(searches, forKey: .searches)
    }
}
