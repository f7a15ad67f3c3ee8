/// Errors of the knowledge base core, each with a message fit to show to the person who caused it.
public enum KennisbankError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The index is locked by another writer.
    case indexLocked(String)
    /// The index cannot be opened or written.
    case index(String)
    case vocabulary(String)
    /// A request parameter is wrong; names the parameter.
    case invalidParameter(name: String, message: String)
    /// The query text cannot be understood.
    case invalidQuery(String)
    case notFound(String)

    public var description: String {
        switch self {
        case .indexLocked(let message): "index is locked: \(message)"
        case .index(let message): "index error: \(message)"
        case .vocabulary(let message): "vocabulary error: \(message)"
        case .invalidParameter(let name, let message): "invalid \(name): \(message)"
        case .invalidQuery(let message): "invalid query: \(message)"
        case .notFound(let id): "no document with id \(id)"
        }
    }

    /// The request parameter this error is about, for API error bodies.
    public var parameter: String? {
        switch self {
        case .invalidParameter(let name, _): name
        case .invalidQuery: "q"
        default: nil
        }
    }
}
