import Foundation
import XapianKit

/// The one analysis pipeline, used identically when indexing and when reading queries:
/// lowercase → fold diacritics → stem for the document language; Dutch compounds also yield their parts.
///
/// Exact words are indexed with positions (phrases and quoted words match them as written);
/// stems go under the `Z` prefix, as Xapian's query parser expects. Not thread-safe (it caches stems):
/// use one per thread.
public final class Analyzer: XapianWordStemmer {
    public let language: String
    public let stage: AnalysisStage
    private let dutch: DutchStemmer?
    private let snowball: XapianStemmer?
    /// Loaded on first use: only indexing needs it, and the word list takes a moment to read.
    private lazy var decompounder: Decompounder? = language == "nl" && stage.decompounding ? Decompounder.shared : nil
    private var cache: [String: String] = [:]
    private var partsCache: [String: [String]] = [:]

    /// - Parameter language: ISO code of the text ("nl", "en"); anything else is not stemmed.
    public init(language: String, stage: AnalysisStage = .current) {
        self.language = language
        self.stage = stage
        let xapianName = StemmerLanguage.forCode(language)
        dutch = language == "nl" && stage.improvedStemming ? try? DutchStemmer(lexicon: .shared) : nil
        snowball = xapianName == "none" || dutch != nil ? nil : try? XapianStemmer(language: xapianName)
    }

    /// The stem of a lowercased word: what `Z` terms hold.
    public func stem(_ word: String) -> String {
        if let cached = cache[word] { return cached }
        let folded = stage.folding ? Folding.fold(word) : word
        let stem = dutch?.stem(folded) ?? snowball?.stem(folded) ?? folded
        if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
        cache[word] = stem
        return stem
    }

    /// Analyses `text` into `batch`, starting at `position` (advanced past the text).
    /// - Parameters:
    ///   - prefix: field prefix ("" for the body, "S" for the title, ...).
    ///   - weight: within-document frequency per occurrence (field weight).
    public func index(_ text: String, prefix: String = "", weight: UInt32 = 1, position: inout UInt32,
                      into batch: inout TermBatch, words: ((String) -> Void)? = nil) {
        let stemPrefix = "Z" + prefix
        Tokenizer.tokenize(text) { token in
            if !token.hyphenParts.isEmpty {
                for part in token.hyphenParts {
                    position += 1
                    batch.add(prefix: prefix, part, position: position, wdf: weight)
                    batch.add(prefix: stemPrefix, stem(part), wdf: weight)
                }
                if stage.folding {
                    // The joined form sits on the first part's position, so "loverboy-problematiek"
                    // and "loverboyproblematiek" find each other.
                    let joined = token.word
                    batch.add(prefix: prefix, joined, position: position + 1 - UInt32(token.hyphenParts.count), wdf: weight)
                    batch.add(prefix: stemPrefix, stem(joined), wdf: weight)
                }
                words?(token.word)
                return
            }
            position += 1
            batch.add(prefix: prefix, token.word, position: position, wdf: weight)
            let stemmed = stem(token.word)
            batch.add(prefix: stemPrefix, stemmed, wdf: weight)
            if token.isAcronym && prefix.isEmpty {
                batch.add(prefix: IndexSchema.acronymPrefix, token.word, wdf: weight)
                batch.add(prefix: "Z" + IndexSchema.acronymPrefix, stemmed, wdf: weight)
            }
            words?(token.word)
            if token.word.utf8.count >= Decompounder.minimumWord, decompounder != nil {
                for part in parts(of: token.word) {
                    // Parts count once, whatever the field weight: a document that has the whole
                    // compound must rank above one that only shares a part with the query.
                    batch.add(prefix: stemPrefix, stem(part), wdf: 1)
                }
            }
        }
    }

    /// Compound parts of a lowercased word (cached: the same words recur in every document).
    private func parts(of word: String) -> [String] {
        if let cached = partsCache[word] { return cached }
        let folded = Folding.fold(word)
        let parts = decompounder?.parts(of: folded).filter { $0 != folded } ?? []
        if partsCache.count > 200_000 { partsCache.removeAll(keepingCapacity: true) }
        partsCache[word] = parts
        return parts
    }

    /// Rewrites hyphenated words in query text to their joined form, which is indexed for both spellings.
    public func normaliseQuery(_ text: String) -> String {
        guard stage.folding, text.contains("-") else { return text }
        var out = ""
        var previous: Character? = nil
        var iterator = text.makeIterator()
        var next = iterator.next()
        while let character = next {
            let following = iterator.next()
            if character == "-", let previous, previous.isLetter, let following, following.isLetter {
                // joined: skip the hyphen
            } else {
                out.append(character)
            }
            previous = character
            next = following
        }
        return out
    }
}
