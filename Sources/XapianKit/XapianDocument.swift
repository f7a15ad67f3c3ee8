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
        try XapianError.check { error in
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

    /// Adds terms that were analysed in Swift, at the given positions (or without positions).
    public func addTerms(_ terms: [String], positions: [UInt32]? = nil, weight: UInt32 = 1) throws(XapianError) {
        guard !terms.isEmpty else { return }
        let cStrings = terms.map { strdup($0) }
        defer { cStrings.forEach { free($0) } }
        try XapianError.check { error in
            cStrings.withUnsafeBufferPointer { pointers in
                pointers.withMemoryRebound(to: UnsafePointer<CChar>?.self) { constPointers in
                    if let positions {
                        return positions.withUnsafeBufferPointer { pos in
                            kx_doc_add_terms(handle, constPointers.baseAddress, pos.baseAddress, terms.count, weight, error)
                        }
                    }
                    return kx_doc_add_terms(handle, constPointers.baseAddress, nil, terms.count, weight, error)
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
