import CXapian

/// An error reported by Xapian, translated at the C boundary (no C++ exception reaches Swift).
public struct XapianError: Error, CustomStringConvertible, Sendable {
    public enum Kind: Sendable {
        case databaseLocked, databaseOpening, databaseCorrupt, databaseModified
        case queryParser, invalidArgument, range, other
    }

    public let kind: Kind
    public let message: String

    public init(kind: Kind, message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }

    /// Returns the error held in `error`, or nil when the call succeeded.
    static func from(_ error: kx_error) -> XapianError? {
        guard error.code != Int32(KX_OK.rawValue) else { return nil }
        let message = withUnsafeBytes(of: error.message) { raw in
            String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
        }
        let kind: Kind
        switch UInt32(error.code) {
        case KX_DATABASE_LOCK.rawValue: kind = .databaseLocked
        case KX_DATABASE_OPENING.rawValue: kind = .databaseOpening
        case KX_DATABASE_CORRUPT.rawValue: kind = .databaseCorrupt
        case KX_DATABASE_MODIFIED.rawValue: kind = .databaseModified
        case KX_QUERY_PARSER.rawValue: kind = .queryParser
        case KX_INVALID_ARGUMENT.rawValue: kind = .invalidArgument
        case KX_RANGE.rawValue: kind = .range
        default: kind = .other
        }
        return XapianError(kind: kind, message: message)
    }

    /// Runs a shim call with a fresh error slot and throws what it reports.
    static func check<T>(_ call: (UnsafeMutablePointer<kx_error>) -> T) throws(XapianError) -> T {
        var error = kx_error()
        let result = call(&error)
        if let failure = XapianError.from(error) { throw failure }
        return result
    }
}

/// Takes ownership of a malloc'd C string from the shim.
func takeString(_ pointer: UnsafeMutablePointer<CChar>?, length: Int? = nil) -> String? {
    guard let pointer else { return nil }
    defer { kx_free(pointer) }
    if let length {
        return String(decoding: UnsafeRawBufferPointer(start: pointer, count: length), as: UTF8.self)
    }
    return String(cString: pointer)
}

/// Collects strings from a shim visitor callback.
final class TermSink {
    var items: [(String, UInt32)] = []
}

let collectTerm: kx_term_visitor = { context, term, length, frequency in
    let sink = Unmanaged<TermSink>.fromOpaque(context!).takeUnretainedValue()
    let text = String(decoding: UnsafeRawBufferPointer(start: term, count: length), as: UTF8.self)
    sink.items.append((text, frequency))
}

public let xapianVersion: String = String(cString: kx_version())
