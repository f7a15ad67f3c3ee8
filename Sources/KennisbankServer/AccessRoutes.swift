import Foundation
import Hummingbird
import KennisbankCore
import Logging

/// Logging in and out of the web pages, and the curators' audit log.
///
/// Both forms are protected against cross-site request forgery: the login form (shown before there is a
/// session) by a double-submit cookie, the logout form by the session's own CSRF token; a browser that
/// says the form came from another site (`Sec-Fetch-Site: cross-site`) is refused either way.
extension Routes {
    func registerAccessRoutes(on router: Router<KennisbankRequestContext>) {
        router.get("/inloggen") { request, _ in
            let caller = (try? await access.caller(for: request)) ?? .anonymous
            return loginForm(request, caller: caller)
        }

        router.post("/inloggen") { request, context in
            var request = request
            let form = try await access.readForm(&request)
            let caller = (try? await access.caller(for: request)) ?? .anonymous
            guard !AccessControl.isCrossSite(request),
                  AccessControl.csrfMatches(request.cookies[AccessControl.loginCSRFCookie]?.value, form["csrf"]) else {
                return loginForm(request, caller: caller, status: .forbidden,
                                 error: "Het formulier was verlopen. Vul uw toegangscode opnieuw in.", fresh: true)
            }
            // Wait as long as earlier failures from this address demand, before the token is even looked at.
            guard let wait = await access.throttle.admit(context.peer) else {
                var response = loginForm(request, caller: caller, status: .tooManyRequests,
                                         error: "Te veel mislukte pogingen. Probeer het over enkele minuten opnieuw.")
                response.headers[.retryAfter] = "60"
                return response
            }
            if wait > 0 { try await Task.sleep(nanoseconds: UInt64(wait * 1_000_000_000)) }
            let token = (form["token"] ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            guard let record = access.tokens.verify(token) else {
                await access.throttle.failed(context.peer)
                context.logger.notice("failed login", metadata: ["peer": "\(context.peer)"])
                return loginForm(request, caller: caller, status: .unauthorized,
                                 error: "Deze toegangscode is onbekend, ingetrokken of verlopen. Controleer de code en probeer het opnieuw.")
            }
            // A new session id on every login, and the browser's previous session (if any) ends: no fixation.
            if let previous = request.cookies[AccessControl.sessionCookie]?.value { await access.sessions.end(previous) }
            let (id, _) = await access.sessions.create(tokenID: record.id)
            context.logger.info("login", metadata: ["token": "\(record.name)", "role": "\(record.role.rawValue)"])
            let secure = AccessControl.isSecure(request)
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(access.sessionCookie(id, secure: secure))
            response.setCookie(AccessControl.clearedCookie(AccessControl.loginCSRFCookie, secure: secure))
            return response
        }

        router.post("/uitloggen") { request, _ in
            var request = request
            let form = try await access.readForm(&request)
            let secure = AccessControl.isSecure(request)
            var response = Response(status: .seeOther, headers: [.location: "/"])
            response.setCookie(AccessControl.clearedCookie(AccessControl.sessionCookie, secure: secure))
            guard let id = request.cookies[AccessControl.sessionCookie]?.value,
                  let session = await access.sessions.session(id) else {
                return response  // no session: nothing to end
            }
            guard !AccessControl.isCrossSite(request), AccessControl.csrfMatches(session.csrf, form["csrf"]) else {
                throw APIError(status: .forbidden, message: "Het formulier was verlopen. Laad de pagina opnieuw en probeer het nog eens.",
                               parameter: nil)
            }
            await access.sessions.end(id)
            return response
        }

        // Curators only; to anybody else exactly the page an unknown address gets.
        router.get("/beheer/audit") { request, _ in
            let caller = (try? await access.caller(for: request)) ?? .anonymous
            guard caller.role == .curator else { throw HTTPError(.notFound) }
            let items = QueryString.parse(request.uri.query)
            let document = items.first { $0.name == "document" }?.value.trimmingCharacters(in: .whitespaces)
            let filter = document?.isEmpty == false ? document : nil
            let entries = try access.audit.entries(document: filter)
            return pages.auditPage(entries: entries.reversed(), document: filter, caller: caller)
        }
    }

    /// The login form, with the double-submit CSRF cookie set (the browser's current one kept unless `fresh`).
    func loginForm(_ request: Request, caller: Caller, status: HTTPResponse.Status = .ok, error: String? = nil,
                   fresh: Bool = false) -> Response {
        let existing = request.cookies[AccessControl.loginCSRFCookie]?.value
        let csrf = !fresh && existing.map(SessionStore.isWellFormed) == true ? existing! : TokenStore.randomHex(32)
        var response = pages.loginPage(csrf: csrf, error: error, caller: caller, status: status)
        response.setCookie(AccessControl.cookie(AccessControl.loginCSRFCookie, value: csrf, maxAge: 3600,
                                                secure: AccessControl.isSecure(request)))
        return response
    }
}
