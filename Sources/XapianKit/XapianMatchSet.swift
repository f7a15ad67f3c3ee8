import CXapian

/// Ranking knobs and the page wanted.
public struct XapianSearchOptions: Sendable {
    public var offset: UInt32 = 0
    public var limit: UInt32 = 10
    /// Sort by this value slot instead of relevance.
    public var sortSlot: UInt32? = nil
    public var sortDescending = true
    /// BM25 parameters (k1, k2, k3, b, min_normlen); nil keeps Xapian's defaults.
    public var bm25: (k1: Double, k2: Double, k3: Double, b: Double, minNormLength: Double)? = nil
    public var checkAtLeast: UInt32 = 0
    public enum Scheme: Sendable { case bm25, bm25Plus(delta: Double), languageModel(mu: Double), dph, pl2(c: Double) }
    public var scheme: Scheme = .bm25

    public init() {}

    private var schemeCode: (Int32, Double) {
        switch scheme {
        case .bm25: (0, 0)
        case .bm25Plus(let delta): (1, delta)
        case .languageModel(let mu): (2, mu)
        case .dph: (3, 0)
        case .pl2(let c): (4, c)
        }
    }

    var raw: kx_search_options {
        kx_search_options(
            offset: offset, limit: limit,
            sort_value_slot: sortSlot.map { Int32($0) } ?? -1, sort_descending: sortDescending ? 1 : 0,
            bm25_k1: bm25?.k1 ?? -1, bm25_k2: bm25?.k2 ?? 0, bm25_k3: bm25?.k3 ?? 1,
            bm25_b: bm25?.b ?? 0.5, bm25_min_normlen: bm25?.minNormLength ?? 0.5,
            check_at_least: checkAtLeast, scheme: schemeCode.0, scheme_parameter: schemeCode.1)
    }
}

/// One page of ranked results.
public final class XapianMatchSet {
    let handle: OpaquePointer
    let query: XapianQuery

    init(handle: OpaquePointer, query: XapianQuery) {
        self.handle = handle
        self.query = query
    }

    deinit { kx_mset_free(handle) }

    public var count: Int { Int(kx_mset_size(handle)) }
    public var estimatedTotal: UInt32 { kx_mset_estimated(handle) }
    public func documentID(at index: Int) -> UInt32 { kx_mset_docid(handle, UInt32(index)) }
    public func weight(at index: Int) -> Double { kx_mset_weight(handle, UInt32(index)) }

    public func data(at index: Int) throws(XapianError) -> String {
        var length = 0
        let pointer = try XapianError.check { kx_mset_document_data(handle, UInt32(index), &length, $0) }
        return takeString(pointer, length: length) ?? ""
    }

    /// Fills this page's snippet cache for `words` (distinct lowercase ASCII words, sorted, separated by spaces)
    /// before snippets of `length` with this stemmer, so Xapian looks their frequencies up in sorted order.
    /// The snippets that follow are the same; returns false when it primed nothing.
    @discardableResult
    public func primeSnippets(words: String, length: Int, language: String,
                              stemmer: (any XapianWordStemmer)? = nil) throws(XapianError) -> Bool {
        var copy = words
        let box = stemmer.map(StemmerBox.init)
        let context = box.map { Unmanaged.passUnretained($0).toOpaque() }
        defer { withExtendedLifetime(box) {} }
        let primed = try XapianError.check { error in
            copy.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    kx_mset_prime_snippets(handle, $0.baseAddress, $0.count, length, language,
                                           box == nil ? nil : StemmerBox.trampoline, context, error)
                }
            }
        }
        return primed == 1
    }

    /// An HTML-escaped extract of `text` around this query's matches, wrapped in the markers.
    public func snippet(of text: String, length: Int, language: String, stemmer: (any XapianWordStemmer)? = nil, highlight: (start: String, end: String) = ("<mark>", "</mark>"),
                        emptyWithoutMatch: Bool = false) throws(XapianError) -> String {
        var copy = text
        let box = stemmer.map(StemmerBox.init)
        let context = box.map { Unmanaged.passUnretained($0).toOpaque() }
        defer { withExtendedLifetime(box) {} }
        let pointer = try XapianError.check { error in
            copy.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) {
                    kx_mset_snippet(handle, $0.baseAddress, $0.count, length, language,
                                    box == nil ? nil : StemmerBox.trampoline, context, highlight.start, highlight.end,
                                    emptyWithoutMatch ? 1 : 0, error)
                }
            }
        }
        return takeString(pointer) ?? ""
    }
}
