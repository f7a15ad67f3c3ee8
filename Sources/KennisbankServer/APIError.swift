import Foundation
import Hummingbird
import KennisbankCore
import Logging

/// An error with the HTTP status it deserves and, for bad input, the parameter at fault.
///
/// Rendered as `{"error": {"message": "...", "parameter": "..."}}` under `/api`, as a Dutch page elsewhere.
struct APIError: Error, Sendable, Equatable {
    var status: HTTPResponse.Status
    var message: String
    var parameter: String?

    static func badParameter(_ name: String, _ message: String) -> APIError {
        APIError(status: .badRequest, message: message, parameter: name)
    }

    static func notFound(_ message: String) -> APIError {
        APIError(status: .notFound, message: message, parameter: nil)
    }

    /// A document that is unknown and one the caller may not see get exactly this answer.
    static func noDocument(_ id: String) -> APIError {
        notFound("no document with id \"\(id)\"")
    }

    /// An `Authorization` header that is not a valid bearer token. Says nothing about why.
    static let unauthorized = APIError(status: .unauthorized, message: "the token is invalid, revoked or expired", parameter: nil)

    /// A route for signed-in users asked without a token or session.
    static let signInRequired = APIError(status: .unauthorized, message: "log in, or send a bearer token", parameter: nil)

    static func tooLarge(_ limit: Int) -> APIError {
        APIError(status: .contentTooLarge, message: "the request body is larger than \(limit) bytes", parameter: nil)
    }

    /// Client mistakes become 400/404; only problems with the index itself are the server's.
    init(_ error: KennisbankError) {
        switch error {
        case .invalidParameter(let name, let message):
            self.init(status: .badRequest, message: message, parameter: name)
        case .invalidQuery(let message):
            self.init(status: .badRequest, message: message, parameter: error.parameter ?? "q")
        case .notFound(let id):
            self = .noDocument(id)
        case .vocabulary, .index, .indexLocked:
            self.init(status: .serviceUnavailable, message: error.description, parameter: nil)
        }
    }

    init(status: HTTPResponse.Status, message: String, parameter: String?) {
        self.status = status
        self.message = message
        self.parameter = parameter
    }

    /// Any error, as the API reports it; unknown errors are logged and not described to the client.
    static func from(_ error: any Error, logger: Logger) -> APIError {
        switch error {
        case let error as APIError: return error
        case let error as KennisbankError:
            let converted = APIError(error)
            if converted.status.code >= 500 { logger.error("request failed", metadata: ["error": "\(error)"]) }
            return converted
        case let error as HTTPError:
            return APIError(status: error.status, message: error.body ?? Self.defaultMessage(error.status), parameter: nil)
        case let error as any HTTPResponseError:
            return APIError(status: error.status, message: Self.defaultMessage(error.status), parameter: nil)
        default:
            logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            return APIError(status: .internalServerError, message: "internal error", parameter: nil)
        }
    }

    static func defaultMessage(_ status: HTTPResponse.Status) -> String {
        switch status {
        case .notFound: "not found"
        case .methodNotAllowed: "method not allowed"
        default: status.reasonPhrase.lowercased()
        }
    }

    struct Body: Encodable {
        struct Detail: Encodable {
            var message: String
            var parameter: String?
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(message, forKey: .message)
                try container.encode(parameter, forKey: .parameter)
            }
            enum CodingKeys: String, CodingKey { case message, parameter }
        }
        var error: Detail
    }

    var jsonResponse: Response {
        var response = JSON.response(Body(error: .init(message: message, parameter: parameter)), status: status)
        if status == .unauthorized { response.headers[.wwwAuthenticate] = challenge }
        return response
    }

    /// RFC 6750: `error="invalid_token"` for a token that was sent and refused, no error code when none was sent.
    var challenge: String { self == .signInRequired ? Self.plainChallenge : Self.bearerChallenge }

    static let bearerChallenge = "Bearer realm=\"kennisbank\", error=\"invalid_token\""
    static let plainChallenge = "Bearer realm=\"kennisbank\""
}

/// Turns every error into a response: JSON under `/api`, a Dutch HTML page elsewhere. Never lets one escape as a bare 500.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    let pages: Pages
    let access: AccessControl

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let apiError = APIError.from(error, logger: context.logger)
            if request.uri.path.hasPrefix("/api/") || request.uri.path == "/api" || request.uri.path == "/healthz" {
                return apiError.jsonResponse
            }
            // The page header shows who is logged in; a caller that cannot be told (a bad token) is shown as anonymous.
            let caller = (try? await access.caller(for: request)) ?? .anonymous
            var response = pages.errorPage(apiError, caller: caller)
            if apiError.status == .unauthorized { response.headers[.wwwAuthenticate] = apiError.challenge }
            return response
        }
    }
}

/// JSON responses with the encoder settings of the whole API.
enum JSON {
    static func encoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return encoder
    }

    static func response(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        let data: Data
        do {
            data = try encoder().encode(value)
        } catch {
            data = Data(#"{"error":{"message":"cannot encode response","parameter":null}}"#.utf8)
            return Response(status: .internalServerError, headers: [.contentType: "application/json; charset=utf-8"],
                            body: .init(byteBuffer: ByteBuffer(bytes: data)))
        }
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(bytes: data)))
    }
}
