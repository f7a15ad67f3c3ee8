import CXapian

/// A document being built for the index: terms, values and stored data.
public final class XapianDocument {
    let handle: OpaquePointer

    public init() {
        handle = kx_doc_new()
    }

    deinit { kx_doc_free(handle) }

    /// Tokenises text with Xapian's TermGenerator, adding positional and stemmed terms.
    /// - Parameter language: a Xapian stemmer name ("dutch", "english") or "none".
    public func indexText(_ text: String, language: String, weight: UInt32 = 1, prefix: String = "") throws(XapianError) {
        var utf8 = text
        _ = try XapianError.check { error in
            utf8.withUTF8 { buffer in
                buffer.withMemoryRebound(to: CChar.self) { chars in
                    kx_doc_index_text(handle, chars.baseAddress, chars.count, language, weight, prefix, error)
                }
            }
        }
    }

    /// Leaves a gap between fields so that phrases never match across them.
    public func increaseTermPosition(by delta: UInt32 = 100) {
        kx_doc_increase_termpos(handle, delta)
    }

    /// Adds terms analysed in Swift, in one call. A position of 0 means the term has no position.
    public func addTerms(_ batch: TermBatch) throws(XapianError) {
        guard batch.count > 0 else { return }
        _ = try XapianError.check { error in
            batch.bytes.withUnsafeBufferPointer { bytes in
                bytes.withMemoryRebound(to: CChar.self) { chars in
                    batch.positions.withUnsafeBufferPointer { positions in
                        batch.wdfs.withUnsafeBufferPointer { wdfs in
                            kx_doc_add_terms(handle, chars.baseAddress, chars.count, positions.baseAddress, wdfs.baseAddress,
                                             batch.count, error)
                        }
                    }
                }
            }
        }
    }

    /// Adds a filter term: it matches exactly and does not affect ranking.
    public func addBooleanTerm(_ term: String) {
        kx_doc_add_boolean_term(handle, term)
    }

    public func setValue(_ value: String, slot: UInt32) {
        var copy = value
        copy.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { kx_doc_set_value(handle, slot, $0.baseAddress, $0.count) }
        }
    }

    public func setData(_ data: [UInt8]) {
        data.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { kx_doc_set_data(handle, $0.baseAddress, $0.count) }
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Terms for one document, packed for a single call across the C boundary.
public struct TermBatch: Sendable {
    var bytes: [UInt8] = []
    var positions: [UInt32] = []
    var wdfs: [UInt32] = []
    public private(set) var count = 0

    public init() {}

    /// Adds `term` (prefix included) with a within-document frequency increment and an optional position.
    public mutating func add(_ term: String, position: UInt32 = 0, wdf: UInt32 = 1) {
        bytes.append(contentsOf: term.utf8)
        bytes.append(0)
        positions.append(position)
        wdfs.append(wdf)
        count += 1
    }

    public mutating func add(prefix: String, _ term: String, position: UInt32 = 0, wdf: UInt32 = 1) {
        bytes.append(contentsOf: prefix.utf8)
        bytes.append(contentsOf: term.utf8)
        bytes.append(0)
        positions.append(position)
        wdfs.append(wdf)
        count += 1
    }
}
