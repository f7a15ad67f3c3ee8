import XapianKit

/// Snippets weigh every word of a hit against its frequency in the collection, which Xapian looks up word by word
/// in text order, in each access level's database. Handing it a page's words sorted first makes those lookups
/// about twice as fast (neighbouring words share B-tree blocks) without changing a snippet (see
/// CXapian/SnippetPriming.cpp for why the result is the same).
enum SnippetPriming {
    /// The distinct words of `texts` that Xapian reads as themselves: runs of ASCII letters and digits, lowercased,
    /// sorted, space-separated. A run touching a non-ASCII character is left out (Xapian reads the whole word);
    /// a run that Xapian reads as part of a longer word (*auto* in *auto's*) is harmless: it is never weighed.
    static func words(of texts: [String]) -> String {
        var seen = Set<String>()
        var word: [UInt8] = []
        var poisoned = false
        func flush() {
            if !word.isEmpty, !poisoned, word.count <= 64 { seen.insert(String(decoding: word, as: UTF8.self)) }
            word.removeAll(keepingCapacity: true)
            poisoned = false
        }
        for text in texts {
            for byte in text.utf8 {
                switch byte {
                case 0x30...0x39, 0x61...0x7A: word.append(byte)
                case 0x41...0x5A: word.append(byte | 0x20)
                case 0x80...: word.append(byte); poisoned = true
                default: flush()
                }
            }
            flush()
        }
        return seen.sorted().joined(separator: " ")
    }
}
