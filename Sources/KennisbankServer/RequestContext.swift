import Hummingbird
import Logging

/// The request context of every route: Hummingbird's basics plus the peer address, which the login
/// throttle counts failures by (never a header such as X-Forwarded-For, which a client could set at will).
public struct KennisbankRequestContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The IP address of the connection's other end, or "-" when there is none (router tests, Unix sockets).
    let peer: String

    public init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        peer = source.channel.remoteAddress?.ipAddress ?? "-"
    }
}
