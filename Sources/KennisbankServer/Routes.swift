import Foundation
import Hummingbird
import KennisbankCore
import Logging

/// The HTTP routes: JSON API under `/api`, the Dutch pages at `/` and `/document/{id}`, login and logout at
/// `/inloggen` and `/uitloggen`, the audit log for curators at `/beheer/audit`; exports, saved searches, feeds
/// and the curators' statistics in CurationRoutes.swift.
///
/// Every route that shows documents asks `access.caller(for:)` who is asking and passes that role on; the
/// Searcher it gets opens only the access levels of that role.
struct Routes: Sendable {
    let service: KennisbankService
    let pages: Pages
    let resources: ServerResources
    let access: AccessControl
    let curation: Curation

    func register(on router: Router<KennisbankRequestContext>) {
        router.get("/healthz") { request, _ in
            // The number of documents this caller may see, and nothing about the others.
            let caller = try await access.caller(for: request)
            return JSON.response(HealthResponse(status: "ok", documents: try await service.documentCount(role: caller.role)))
        }
        router.get("/openapi.yaml") { _, _ in
            Self.asset(resources.openAPI, type: "application/yaml; charset=utf-8")
        }
        router.get("/static/style.css") { _, _ in Self.asset(resources.styleSheet, type: "text/css; charset=utf-8") }
        router.get("/static/app.js") { _, _ in Self.asset(resources.script, type: "text/javascript; charset=utf-8") }

        // JSON API
        router.get("/api/search") { request, _ in
            let caller = try await access.caller(for: request)
            let parameters = try SearchParameters(QueryString.parse(request.uri.query), vocabulary: service.labels.vocabulary)
            let result = try await service.search(parameters, role: caller.role)
            access.recordShown(result.hits, caller: caller)
            await countSearch(parameters, result: result)
            return JSON.response(SearchResponse(result: result, parameters: parameters, role: caller.role, labels: service.labels))
        }
        router.get("/api/documents/:id") { request, context in
            let caller = try await access.caller(for: request)
            let document = try await service.document(id: try Self.id(context), role: caller.role)
            let file = try await service.servableFile(of: document, role: caller.role).map { _ in Self.fileHref(document.id) }
            let passages = Passage.split(document.sections).map { PassageExtract(page: $0.page, heading: $0.heading, text: $0.text) }
            access.record(.opened, [(document.id, document.access)], caller: caller)
            return JSON.response(DocumentResponse(document: document, passages: passages, fileURL: file))
        }
        router.get("/api/documents/:id/similar") { request, context in
            let caller = try await access.caller(for: request)
            let limit = try Self.limit(QueryString.parse(request.uri.query))
            let document = try await service.document(id: try Self.id(context), role: caller.role)
            let similar = try await service.similar(to: document, role: caller.role, limit: limit)
            access.recordShown(similar, caller: caller)
            return JSON.response(SimilarResponse(id: document.id, documents: similar.map {
                SimilarResponse.Item(id: $0.id, title: $0.title, type: $0.type, date: $0.date, organisation: $0.organisation)
            }))
        }
        router.get("/api/documents/:id/file") { request, context in
            let caller = try await access.caller(for: request)
            let document = try await service.document(id: try Self.id(context), role: caller.role)
            guard service.collectionRoot != nil else {
                throw APIError.notFound("original files are not available: the server was started without --collection")
            }
            guard let file = try await service.servableFile(of: document, role: caller.role) else {
                throw APIError.notFound("no original file of \"\(document.id)\" in the collection folder")
            }
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw APIError.notFound("the original file of \"\(document.id)\" cannot be read")
            }
            access.record(.downloaded, [(document.id, document.access)], caller: caller)
            let name = file.lastPathComponent.replacingOccurrences(of: "\"", with: "")
            return Response(
                status: .ok,
                headers: [
                    .contentType: KennisbankService.contentType(of: file),
                    .contentDisposition: "inline; filename=\"\(name)\"",
                    // A file from the collection must never run script on this site.
                    .contentSecurityPolicy: "sandbox; default-src 'none'; style-src 'unsafe-inline'",
                ],
                body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }

        // Web pages
        router.get("/") { request, context in
            let caller = try await access.caller(for: request)
            let items = QueryString.parse(request.uri.query)
            let parameters: SearchParameters
            do {
                parameters = try SearchParameters(items, vocabulary: service.labels.vocabulary)
            } catch {
                var fallback = SearchParameters()
                fallback.query = items.first { $0.name == "q" }?.value ?? ""
                return pages.searchPage(fallback, result: nil, error: APIError.from(error, logger: context.logger), caller: caller)
            }
            do {
                let result = try await service.search(parameters, role: caller.role)
                access.recordShown(result.hits, caller: caller)
                await countSearch(parameters, result: result)
                return pages.searchPage(parameters, result: result, caller: caller)
            } catch let error as KennisbankError where APIError(error).status == .badRequest {
                return pages.searchPage(parameters, result: nil, error: APIError(error), caller: caller)
            }
        }
        router.get("/document/:id") { request, context in
            let caller = try await access.caller(for: request)
            let document = try await service.document(id: try Self.id(context), role: caller.role)
            var similar: [SearchHit] = []
            do {
                similar = try await service.similar(to: document, role: caller.role)
            } catch {
                context.logger.warning("similar documents failed", metadata: ["id": "\(document.id)", "error": "\(error)"])
            }
            let file = try await service.servableFile(of: document, role: caller.role)
                .map { (href: Self.fileHref(document.id), name: $0.lastPathComponent) }
            access.record(.opened, [(document.id, document.access)], caller: caller)
            access.recordShown(similar, caller: caller)
            return pages.documentPage(document, similar: similar, file: file, caller: caller)
        }

        registerAccessRoutes(on: router)
        registerCurationRoutes(on: router)
    }

    /// Counts a search for the analytics: only its first page, and only the text (see SearchAnalytics).
    func countSearch(_ parameters: SearchParameters, result: SearchResult) async {
        guard parameters.page == 1 else { return }
        await curation.analytics.record(query: parameters.query, total: result.total, filtered: parameters.hasFilters)
    }

    static func asset(_ buffer: ByteBuffer, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=300"],
                 body: .init(byteBuffer: buffer))
    }

    static func fileHref(_ id: String) -> String { "/api/documents/\(QueryString.encodePathSegment(id))/file" }

    /// The `{id}` path parameter, percent-decoded.
    static func id(_ context: KennisbankRequestContext) throws(APIError) -> String {
        guard let raw = context.parameters.get("id"), !raw.isEmpty else { throw APIError.badParameter("id", "missing document id") }
        return raw.removingPercentEncoding ?? raw
    }

    static func limit(_ items: [(name: String, value: String)]) throws(APIError) -> Int {
        guard let text = items.first(where: { $0.name == "limit" && !$0.value.isEmpty })?.value else { return 5 }
        guard let limit = Int(text), (1...20).contains(limit) else {
            throw APIError.badParameter("limit", "\"\(text)\" is not a whole number from 1 to 20")
        }
        return limit
    }
}
