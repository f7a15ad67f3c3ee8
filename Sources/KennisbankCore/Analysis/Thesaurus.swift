import Foundation

/// The domain thesaurus curators keep in `Corpus/thesaurus.txt`: synonym groups, one-way broader
/// terms, acronyms and Dutch-English pairs. Stored in each level's Xapian synonym table, so a change
/// needs `kennisbank thesaurus load`, not a reindex.
public struct Thesaurus: Sendable, Equatable {
    /// Expansions per source expression as written (lowercased).
    public private(set) var entries: [String: [String]] = [:]
    /// The text it was read from, stored with the index so a full rebuild can load it again.
    public private(set) var source = ""

    public init() {}

    /// Parses the file format: `a, b, c` (each finds the others) and `a -> b, c` (a finds b and c).
    /// - Throws: `KennisbankError.vocabulary` naming the file and line of a malformed entry.
    public init(contentsOf url: URL) throws {
        let text: String
        do { text = try String(contentsOf: url, encoding: .utf8) } catch {
            throw KennisbankError.vocabulary("cannot read \(url.path): \(error.localizedDescription)")
        }
        try self.init(text: text, name: url.path)
    }

    public init(text: String, name: String = "thesaurus") throws {
        source = text
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = rawLine.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            func terms(_ part: Substring) -> [String] {
                part.split(separator: ",").map { term -> String in
                    let trimmed = term.trimmingCharacters(in: .whitespaces)
                    return QueryExpansion.isAcronym(trimmed) ? trimmed : trimmed.lowercased()  // OM is not om
                }.filter { !$0.isEmpty }
            }
            if let arrow = line.range(of: "->") {
                let sources = terms(line[..<arrow.lowerBound])
                let targets = terms(line[arrow.upperBound...])
                guard !sources.isEmpty, !targets.isEmpty else {
                    throw KennisbankError.vocabulary("\(name) line \(index + 1): \"a -> b\" needs terms on both sides")
                }
                for source in sources { add(source, targets) }
            } else {
                let group = terms(Substring(line))
                guard group.count >= 2 else {
                    throw KennisbankError.vocabulary("\(name) line \(index + 1): a synonym group needs at least two terms separated by commas")
                }
                for term in group { add(term, group.filter { $0 != term }) }
            }
        }
    }

    private mutating func add(_ source: String, _ targets: [String]) {
        var list = entries[source, default: []]
        for target in targets where !list.contains(target) && target != source { list.append(target) }
        entries[source] = list
    }

    /// Every word in the thesaurus, for the spelling dictionaries.
    public var words: Set<String> {
        var all = Set<String>()
        for (source, targets) in entries {
            for expression in [source] + targets {
                Tokenizer.tokenize(expression) { all.insert($0.word) }
            }
        }
        return all
    }

    /// Synonym-table entries: lookup key (see QueryExpansion.key) → expansions.
    func synonymTable(analyzer: Analyzer) -> [(key: String, targets: [String])] {
        entries.map { source, targets in
            let words = source.split(separator: " ").map(String.init)
            return (QueryExpansion.key(words, analyzer: analyzer), targets)
        }
    }

    public static let fileName = "thesaurus.txt"
}
