import Foundation
import Hummingbird
import KennisbankCore
import KennisbankExport
import Logging
import Mustache
import ServiceLifecycle

public typealias KennisbankApplication = Application<RouterResponder<KennisbankRequestContext>>

/// Builds the whole server: the same code runs under `kennisbank serve` and in the tests.
///
/// - Parameters:
///   - onServerRunning: called with the address actually listened on (useful with port 0).
/// - Throws: `KennisbankError` when the index cannot be opened, or when templates or the vocabulary are broken.
public func buildApplication(
    _ configuration: KennisbankServerConfiguration,
    logger: Logger? = nil,
    onServerRunning: @escaping @Sendable (_ host: String, _ port: Int) async -> Void = { _, _ in }
) async throws -> KennisbankApplication {
    var logger = logger ?? Logger(label: "kennisbank.server")
    logger.logLevel = configuration.logLevel
    let (router, services) = try await buildRouterAndServices(configuration, logger: logger)
    let host = configuration.host
    return Application(
        router: router,
        configuration: .init(address: .hostname(configuration.host, port: configuration.port), serverName: "Kennisbank"),
        services: services,
        onServerRunning: { channel in
            await onServerRunning(host, channel.localAddress?.port ?? 0)
        },
        logger: logger)
}

/// The router with every route and middleware, over an opened index.
public func buildRouter(_ configuration: KennisbankServerConfiguration, logger: Logger) async throws -> Router<KennisbankRequestContext> {
    try await buildRouterAndServices(configuration, logger: logger).router
}

/// The router, and the services that must run beside it (writing analytics on shutdown).
func buildRouterAndServices(_ configuration: KennisbankServerConfiguration, logger: Logger) async throws
    -> (router: Router<KennisbankRequestContext>, services: [any Service]) {
    let location = IndexLocation(configuration.indexPath)
    // Open once now, so a missing or broken index fails at start-up with a clear message rather than per request.
    let pool = SearcherPool(location: location, limit: configuration.searchersPerLevelSet, logger: logger)
    let documents = try await pool.withSearcher(role: .anonymous) { $0.documentCount }
    logger.info("index opened", metadata: ["index": "\(location.root.path)", "documents": "\(documents)"])

    var vocabulary: Vocabulary? = nil
    if let url = configuration.vocabularyURL {
        vocabulary = try Vocabulary(contentsOf: url)
        logger.debug("vocabulary loaded", metadata: ["file": "\(url.path)"])
    } else {
        logger.notice("no vocabulary: facet values are shown as stored and not checked (pass --collection or --vocabulary)")
    }
    let collectionRoot = configuration.collectionPath.map {
        URL(fileURLWithPath: $0).standardizedFileURL.resolvingSymlinksInPath()
    }
    let labels = Labels(vocabulary: vocabulary)
    let service = KennisbankService(pool: pool, labels: labels, collectionRoot: collectionRoot,
                                    cacheCapacity: configuration.resultCacheSize)
    let resources = try await ServerResources.load()
    let pages = Pages(library: resources.templates, labels: labels)
    let access = AccessControl(location: location, configuration: configuration, logger: logger)

    var thesaurus: Thesaurus? = nil
    if let url = configuration.thesaurusURL {
        do { thesaurus = try Thesaurus(contentsOf: url) } catch {
            logger.warning("thesaurus not read; search analytics treat fewer words as known", metadata: ["error": "\(error)"])
        }
    }
    let analytics = SearchAnalytics(location: location, retentionWeeks: configuration.analyticsRetentionWeeks,
                                    writeDelay: configuration.analyticsWriteDelay,
                                    knownWords: await service.knownWords(thesaurus: thesaurus), logger: logger)
    let ledger = DocumentChanges(location: location, logger: logger)
    // The first run on an index records what is there now, so feeds can tell what is new later.
    do { try await service.updateLedger(ledger) } catch {
        logger.warning("document ledger not updated", metadata: ["error": "\(error)"])
    }
    let curation = Curation(exporter: try await Exporter(vocabulary: vocabulary),
                            savedSearches: SavedSearchStore(location: location, maxPerToken: configuration.maxSavedSearches),
                            ledger: ledger, analytics: analytics)
    let routes = Routes(service: service, pages: pages, resources: resources, access: access, curation: curation)

    let router = Router(context: KennisbankRequestContext.self, options: [.autoGenerateHeadEndpoints])
    // Middleware first: routes capture the middleware present when they are added.
    router.add(middleware: LogRequestsMiddleware(.info))
    router.add(middleware: SecurityHeadersMiddleware())
    router.add(middleware: ErrorMiddleware(pages: pages, access: access))
    router.add(middleware: RequestBodyLimitMiddleware(limit: configuration.maxRequestBodySize))
    routes.register(on: router)
    return (router, [AnalyticsOnShutdown(analytics: analytics)])
}

/// Adds conservative security headers to every response.
///
/// What a page or the API shows depends on who asks, so nothing but the static files may be kept by a cache.
struct SecurityHeadersMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        var response = try await next(request, context)
        if response.headers[.cacheControl] == nil {
            response.headers[.cacheControl] = "no-store"
            response.headers[.vary] = "Authorization, Cookie"
        }
        response.headers[.xContentTypeOptions] = "nosniff"
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        if response.headers[.contentSecurityPolicy] == nil {
            response.headers[.contentSecurityPolicy] =
                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
        }
        return response
    }
}

/// Refuses any request that announces a body larger than `limit` with 413, before a route sees it.
/// (Routes that read a body read at most their own, smaller limit, so a body without a length is bounded too.)
struct RequestBodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let limit: Int

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        if let text = request.headers[.contentLength] {
            guard let length = Int(text), length >= 0 else {
                throw APIError(status: .badRequest, message: "invalid Content-Length", parameter: nil)
            }
            if length > limit { throw APIError.tooLarge(limit) }
        }
        return try await next(request, context)
    }
}
