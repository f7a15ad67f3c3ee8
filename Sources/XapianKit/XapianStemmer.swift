import CXapian

/// One of Xapian's Snowball stemmers ("dutch", "kraaij_pohlmann", "english"). Not thread-safe.
public final class XapianStemmer {
    private let handle: OpaquePointer
    private var buffer = [CChar](repeating: 0, count: 512)

    public init(language: String) throws(XapianError) {
        let made = try XapianError.check { kx_stemmer_new(language, $0) }
        guard let made else { throw XapianError(kind: .invalidArgument, message: "unknown stemmer \(language)") }
        handle = made
    }

    deinit { kx_stemmer_free(handle) }

    public func stem(_ word: String) -> String {
        var copy = word
        let count = copy.withUTF8 { utf8 in
            utf8.withMemoryRebound(to: CChar.self) { chars in
                buffer.withUnsafeMutableBufferPointer { out in
                    kx_stemmer_stem(handle, chars.baseAddress, chars.count, out.baseAddress, out.count)
                }
            }
        }
        return buffer.withUnsafeBufferPointer { out in
            String(decoding: UnsafeRawBufferPointer(start: out.baseAddress, count: count), as: UTF8.self)
        }
    }
}

/// A word stemmer written in Swift that Xapian's query parser and snippets can call back into,
/// so queries and highlights analyse words exactly as the indexer did.
public protocol XapianWordStemmer: AnyObject {
    func stem(_ word: String) -> String
}

/// Holds the Swift stemmer for the duration of a C call.
final class StemmerBox {
    let stemmer: any XapianWordStemmer
    init(_ stemmer: any XapianWordStemmer) { self.stemmer = stemmer }

    static let trampoline: kx_stem_fn = { context, word, length, out, capacity in
        let box = Unmanaged<StemmerBox>.fromOpaque(context!).takeUnretainedValue()
        let text = String(decoding: UnsafeRawBufferPointer(start: word, count: length), as: UTF8.self)
        var stem = box.stemmer.stem(text)
        return stem.withUTF8 { utf8 in
            let count = min(utf8.count, capacity)
            UnsafeMutableRawPointer(out!).copyMemory(from: utf8.baseAddress!, byteCount: count)
            return count
        }
    }
}
