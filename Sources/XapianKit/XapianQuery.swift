import CXapian
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// An immutable Xapian query tree.
public final class XapianQuery: @unchecked Sendable {
    let handle: OpaquePointer

    init(handle: OpaquePointer) { self.handle = handle }
    deinit { kx_query_free(handle) }

    public enum Operator: Int32, Sendable {
        case and = 0, or = 1, andNot = 2, filter = 3, andMaybe = 4, synonym = 5, phrase = 6
    }

    public static func term(_ term: String, weight: UInt32 = 1) -> XapianQuery {
        XapianQuery(handle: kx_query_term(term, weight))
    }

    public static var matchAll: XapianQuery { XapianQuery(handle: kx_query_match_all()) }
    public static var matchNothing: XapianQuery { XapianQuery(handle: kx_query_match_nothing()) }

    /// Documents whose value in `slot` is within the bounds (inclusive; nil leaves an end open).
    public static func valueRange(slot: UInt32, from lower: String?, to upper: String?) -> XapianQuery {
        XapianQuery(handle: kx_query_value_range(slot, lower, upper))
    }

    public static func combine(_ op: Operator, _ queries: [XapianQuery]) -> XapianQuery {
        let handles: [OpaquePointer?] = queries.map { $0.handle }
        let combined = handles.withUnsafeBufferPointer { kx_query_combine(op.rawValue, $0.baseAddress, $0.count) }
        return withExtendedLifetime(queries) { XapianQuery(handle: combined!) }
    }

    /// This query with each placeholder term replaced by its query (AND/OR/AND_NOT/XOR/AND_MAYBE/FILTER
    /// nodes are rebuilt; a placeholder inside anything else stays).
    public func substituting(_ replacements: [String: XapianQuery]) -> XapianQuery {
        guard !replacements.isEmpty else { return self }
        let entries = Array(replacements)
        let copies = entries.map { strdup($0.key) }
        defer { copies.forEach { free($0) } }
        let names: [UnsafePointer<CChar>?] = copies.map { $0.map { UnsafePointer($0) } }
        let handles: [OpaquePointer?] = entries.map { $0.value.handle }
        let result = names.withUnsafeBufferPointer { namePointers in
            handles.withUnsafeBufferPointer { kx_query_substitute(handle, namePointers.baseAddress, $0.baseAddress, entries.count) }
        }
        return withExtendedLifetime(entries) { result.map { XapianQuery(handle: $0) } ?? self }
    }

    public func scaled(by factor: Double) -> XapianQuery {
        XapianQuery(handle: kx_query_scale(handle, factor))
    }

    public var isEmpty: Bool { kx_query_is_empty(handle) != 0 }

    public var description: String { takeString(kx_query_describe(handle)) ?? "" }

    /// The distinct terms the query mentions (wildcards unexpanded).
    public var terms: [String] {
        let sink = TermSink()
        _ = kx_query_visit_terms(handle, collectTerm, Unmanaged.passUnretained(sink).toOpaque())
        return sink.items.map(\.0)
    }
}

/// How the query parser reads user text.
public struct XapianParserOptions {
    public struct Prefix: Sendable {
        public let field: String
        public let prefix: String
        public let isBoolean: Bool
        public init(field: String, prefix: String, isBoolean: Bool) {
            self.field = field
            self.prefix = prefix
            self.isBoolean = isBoolean
        }
    }

    public var language: String = "dutch"
    /// Overrides `language` with the caller's analyser.
    public var stemmer: (any XapianWordStemmer)? = nil
    public var defaultOperatorIsAnd = true
    public var booleanOperators = true
    public var phrases = true
    public var loveHate = true
    public var wildcards = true
    public var pureNot = true
    public var synonyms = false
    public var spellingCorrection = false
    public var prefixes: [Prefix] = []
    public var stopwords: [String] = []
    public var maxWildcardExpansion: UInt32 = 50

    public init() {}

    var flags: UInt32 {
        var f: Int32 = 0
        if booleanOperators { f |= Int32(KX_QP_BOOLEAN) }
        if phrases { f |= Int32(KX_QP_PHRASE) }
        if loveHate { f |= Int32(KX_QP_LOVEHATE) }
        if wildcards { f |= Int32(KX_QP_WILDCARD) }
        if pureNot { f |= Int32(KX_QP_PURE_NOT) }
        if synonyms { f |= Int32(KX_QP_SYNONYM) | Int32(KX_QP_AUTO_SYNONYMS) }
        if spellingCorrection { f |= Int32(KX_QP_SPELLING) }
        return UInt32(f)
    }
}
