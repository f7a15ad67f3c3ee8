import CXapian

/// One or more databases opened read-only and searched as one. Not thread-safe: use one per task.
public final class XapianDatabase {
    let handle: OpaquePointer

    public init(paths: [String]) throws(XapianError) {
        let cPaths = paths.map { strdup($0) }
        defer { cPaths.forEach { free($0) } }
        let opened = try XapianError.check { error in
            cPaths.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { kx_db_open($0.baseAddress, $0.count, error) }
            }
        }
        guard let opened else { throw XapianError(kind: .databaseOpening, message: "cannot open \(paths)") }
        handle = opened
    }

    deinit { kx_db_close(handle) }

    /// Moves to the latest committed revision. Returns true when something changed.
    @discardableResult
    public func reopen() throws(XapianError) -> Bool {
        try XapianError.check { kx_db_reopen(handle, $0) } == 1
    }

    /// The committed revision this reader sees (single databases only; 0 means unknown).
    public var revision: UInt64 { kx_db_revision(handle) }

    public var documentCount: UInt32 { kx_db_doccount(handle) }
    public var lastDocumentID: UInt32 { kx_db_lastdocid(handle) }

    /// The docid of the document holding `term`, if any.
    public func document(withUniqueTerm term: String) throws(XapianError) -> UInt32? {
        let id = try XapianError.check { kx_db_find_unique(handle, term, $0) }
        return id == 0 ? nil : id
    }

    public func data(ofDocument docid: UInt32) throws(XapianError) -> String {
        var length = 0
        let pointer = try XapianError.check { kx_db_document_data(handle, docid, &length, $0) }
        return takeString(pointer, length: length) ?? ""
    }

    public func metadata(forKey key: String) throws(XapianError) -> String {
        var length = 0
        let pointer = try XapianError.check { kx_db_get_metadata(handle, key, &length, $0) }
        return takeString(pointer, length: length) ?? ""
    }

    /// Every (docid, value) in `slot`, in docid order.
    public func values(inSlot slot: UInt32) throws(XapianError) -> [(docid: UInt32, value: String)] {
        final class Sink { var items: [(docid: UInt32, value: String)] = [] }
        let sink = Sink()
        let visitor: kx_value_visitor = { context, docid, value, length in
            let sink = Unmanaged<Sink>.fromOpaque(context!).takeUnretainedValue()
            let text = String(decoding: UnsafeRawBufferPointer(start: value, count: length), as: UTF8.self)
            sink.items.append((docid, text))
        }
        _ = try XapianError.check { kx_db_visit_values(handle, slot, visitor, Unmanaged.passUnretained(sink).toOpaque(), $0) }
        return sink.items
    }

    /// Every term starting with `prefix`, with the number of documents holding it.
    public func terms(withPrefix prefix: String) throws(XapianError) -> [(term: String, frequency: UInt32)] {
        let sink = TermSink()
        _ = try XapianError.check { kx_db_visit_terms(handle, prefix, collectTerm, Unmanaged.passUnretained(sink).toOpaque(), $0) }
        return sink.items.map { (term: $0.0, frequency: $0.1) }
    }

    public func spellingSuggestion(for word: String, maxEditDistance: UInt32 = 2) throws(XapianError) -> String? {
        takeString(try XapianError.check { kx_db_spelling_suggestion(handle, word, maxEditDistance, $0) })
    }

    /// How often `word` occurs in the spelling dictionary (0 when it is not there).
    public func spellingFrequency(of word: String) throws(XapianError) -> UInt32 {
        UInt32(try XapianError.check { kx_db_spelling_frequency(handle, word, $0) })
    }

    /// Parses user query text. Returns the query and, when spelling correction is on, the corrected text.
    public func parse(_ text: String, options: XapianParserOptions) throws(XapianError) -> (query: XapianQuery, corrected: String?) {
        let fields = options.prefixes.map { (strdup($0.field), strdup($0.prefix), $0.isBoolean) }
        let stops = options.stopwords.map { strdup($0) }
        defer {
            fields.forEach { free($0.0); free($0.1) }
            stops.forEach { free($0) }
        }
        let maps = fields.map { kx_prefix_map(field: $0.0, prefix: $0.1, boolean: $0.2 ? 1 : 0) }
        var corrected: UnsafeMutablePointer<CChar>? = nil
        let box = options.stemmer.map(StemmerBox.init)
        let context = box.map { Unmanaged.passUnretained($0).toOpaque() }
        defer { withExtendedLifetime(box) {} }
        let parsed = try XapianError.check { error in
            maps.withUnsafeBufferPointer { mapBuffer in
                stops.withUnsafeBufferPointer { stopBuffer in
                    stopBuffer.withMemoryRebound(to: UnsafePointer<CChar>?.self) { stopPointers in
                        kx_query_parse(handle, text, options.language, box == nil ? nil : StemmerBox.trampoline, context,
                                       options.flags, options.defaultOperatorIsAnd ? 1 : 0,
                                       mapBuffer.baseAddress, mapBuffer.count, stopPointers.baseAddress, stopPointers.count,
                                       options.maxWildcardExpansion, &corrected, error)
                    }
                }
            }
        }
        guard let parsed else { throw XapianError(kind: .queryParser, message: "cannot parse query") }
        let correctedText = takeString(corrected)
        return (XapianQuery(handle: parsed), correctedText)
    }

    /// The readings of one query text (one per language, parsed alike) with each word scaled by 1 + its
    /// residual IDF in this database, pooled over the word's terms in all readings: words that cluster in
    /// few documents weigh more than words spread as chance would spread them. Phrases take their words'
    /// mean. `asOne`: each reading is scaled by one factor, pooled over all their terms (one concept's
    /// readings, such as a thesaurus group).
    public func scalingByResidualIDF(_ readings: [XapianQuery], asOne: Bool = false) throws(XapianError) -> [XapianQuery] {
        guard !readings.isEmpty else { return [] }
        let handles: [OpaquePointer?] = readings.map { $0.handle }
        var out = [OpaquePointer?](repeating: nil, count: readings.count)
        // The readings own the handles the shim reads: they must live until it returns.
        try withExtendedLifetime(readings) { () throws(XapianError) in
            _ = try XapianError.check { error in
                handles.withUnsafeBufferPointer { input in
                    out.withUnsafeMutableBufferPointer { output in
                        kx_query_scale_by_residual_idf(input.baseAddress, readings.count, handle, asOne ? 1 : 0, output.baseAddress, error)
                    }
                }
            }
        }
        return out.map { XapianQuery(handle: $0!) }
    }

    /// The synonyms stored for `key` in the synonym table.
    public func synonyms(for key: String) throws(XapianError) -> [String] {
        let sink = TermSink()
        _ = try XapianError.check { kx_db_visit_synonyms(handle, key, collectTerm, Unmanaged.passUnretained(sink).toOpaque(), $0) }
        return sink.items.map(\.0)
    }

    /// Runs a ranked search and returns one page of results.
    public func search(_ query: XapianQuery, options: XapianSearchOptions) throws(XapianError) -> XapianMatchSet {
        var raw = options.raw
        let mset = try XapianError.check { kx_search(handle, query.handle, &raw, $0) }
        guard let mset else { throw XapianError(kind: .other, message: "search failed") }
        return XapianMatchSet(handle: mset, query: query)
    }

    /// Every docid that matches `query`, unranked and in ascending order (for exact facet counts).
    public func matchingDocumentIDs(_ query: XapianQuery) throws(XapianError) -> [UInt32] {
        var pointer: UnsafeMutablePointer<UInt32>? = nil
        var count = 0
        _ = try XapianError.check { kx_match_all_docids(handle, query.handle, &pointer, &count, $0) }
        defer { kx_free(pointer) }
        guard let pointer else { return [] }
        return Array(UnsafeBufferPointer(start: pointer, count: count))
    }

    /// The most telling terms of the given documents (relevance-set expansion).
    public func expansionTerms(of docids: [UInt32], count: UInt32) throws(XapianError) -> [String] {
        let sink = TermSink()
        _ = try XapianError.check { error in
            docids.withUnsafeBufferPointer {
                kx_db_expand(handle, $0.baseAddress, $0.count, count, collectTerm, Unmanaged.passUnretained(sink).toOpaque(), error)
            }
        }
        return sink.items.map(\.0)
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
