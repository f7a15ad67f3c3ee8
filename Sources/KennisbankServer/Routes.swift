import Foundation
import Hummingbird
import KennisbankCore
import Logging

/// The HTTP routes: JSON API under `/api`, the Dutch pages at `/` and `/document/{id}`.
struct Routes: Sendable {
    let service: KennisbankService
    let pages: Pages
    let resources: ServerResources

    /// Who is asking. Every request is anonymous for now; an access layer will decide per request
    /// (for example from a session), and everything below already takes the role it returns.
    static func role(for request: Request?) -> Role { .anonymous }

    func register(on router: Router<BasicRequestContext>) {
        router.get("/healthz") { _, _ in
            JSON.response(HealthResponse(status: "ok", documents: try await service.documentCount(role: .anonymous)))
        }
        router.get("/openapi.yaml") { _, _ in
            Self.asset(resources.openAPI, type: "application/yaml; charset=utf-8")
        }
        router.get("/static/style.css") { _, _ in Self.asset(resources.styleSheet, type: "text/css; charset=utf-8") }
        router.get("/static/app.js") { _, _ in Self.asset(resources.script, type: "text/javascript; charset=utf-8") }

        // JSON API
        router.get("/api/search") { request, _ in
            let role = Self.role(for: request)
            let parameters = try SearchParameters(QueryString.parse(request.uri.query), vocabulary: service.labels.vocabulary)
            let result = try await service.search(parameters, role: role)
            return JSON.response(SearchResponse(result: result, parameters: parameters, role: role, labels: service.labels))
        }
        router.get("/api/documents/:id") { request, context in
            let document = try await service.document(id: try Self.id(context), role: Self.role(for: request))
            let file = service.originalFile(of: document).map { _ in Self.fileHref(document.id) }
            let passages = Passage.split(document.sections).map { PassageExtract(page: $0.page, heading: $0.heading, text: $0.text) }
            return JSON.response(DocumentResponse(document: document, passages: passages, fileURL: file))
        }
        router.get("/api/documents/:id/similar") { request, context in
            let role = Self.role(for: request)
            let limit = try Self.limit(QueryString.parse(request.uri.query))
            let document = try await service.document(id: try Self.id(context), role: role)
            let similar = try await service.similar(to: document, role: role, limit: limit)
            return JSON.response(SimilarResponse(id: document.id, documents: similar.map {
                SimilarResponse.Item(id: $0.id, title: $0.title, type: $0.type, date: $0.date, organisation: $0.organisation)
            }))
        }
        router.get("/api/documents/:id/file") { request, context in
            let document = try await service.document(id: try Self.id(context), role: Self.role(for: request))
            guard service.collectionRoot != nil else {
                throw APIError.notFound("original files are not available: the server was started without --collection")
            }
            guard let file = service.originalFile(of: document) else {
                throw APIError.notFound("no original file of \"\(document.id)\" in the collection folder")
            }
            guard let data = FileManager.default.contents(atPath: file.path) else {
                throw APIError.notFound("the original file of \"\(document.id)\" cannot be read")
            }
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
            let items = QueryString.parse(request.uri.query)
            let parameters: SearchParameters
            do {
                parameters = try SearchParameters(items, vocabulary: service.labels.vocabulary)
            } catch {
                var fallback = SearchParameters()
                fallback.query = items.first { $0.name == "q" }?.value ?? ""
                return pages.searchPage(fallback, result: nil, error: APIError.from(error, logger: context.logger))
            }
            do {
                let result = try await service.search(parameters, role: Self.role(for: request))
                return pages.searchPage(parameters, result: result)
            } catch let error as KennisbankError where APIError(error).status == .badRequest {
                return pages.searchPage(parameters, result: nil, error: APIError(error))
            }
        }
        router.get("/document/:id") { request, context in
            let role = Self.role(for: request)
            let document = try await service.document(id: try Self.id(context), role: role)
            var similar: [SearchHit] = []
            do {
                similar = try await service.similar(to: document, role: role)
            } catch {
                context.logger.warning("similar documents failed", metadata: ["id": "\(document.id)", "error": "\(error)"])
            }
            let file = service.originalFile(of: document).map { (href: Self.fileHref(document.id), name: $0.lastPathComponent) }
            return pages.documentPage(document, similar: similar, file: file)
        }
    }

    static func asset(_ buffer: ByteBuffer, type: String) -> Response {
        Response(status: .ok, headers: [.contentType: type, .cacheControl: "public, max-age=300"],
                 body: .init(byteBuffer: buffer))
    }

    static func fileHref(_ id: String) -> String { "/api/documents/\(QueryString.encodePathSegment(id))/file" }

    /// The `{id}` path parameter, percent-decoded.
    static func id(_ context: BasicRequestContext) throws(APIError) -> String {
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
