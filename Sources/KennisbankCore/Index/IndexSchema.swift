import Foundation

/// How documents are laid out in Xapian: term prefixes, value slots and the stored data format.
public enum IndexSchema {
    /// Unique id term: one document per id across the whole index.
    public static let idPrefix = "Q"
    public static let titlePrefix = "S"
    public static let organisationPrefix = "O"
    public static let authorPrefix = "A"
    /// Words written as acronyms (*OM*), so they can be told from the same letters as a word (*om*).
    public static let acronymPrefix = "XACR"
    /// Query field for acronyms; the thesaurus rewrites *OM* to `acroniem:om`.
    public static let acronymField = "acroniem"
    /// ISO date, sortable as a string.
    public static let dateSlot: UInt32 = 0
    /// Separates several values of one facet inside a value slot.
    public static let valueSeparator: Character = "\u{1F}"

    /// Field names a user may type before a word (`titel:loverboy`).
    public static let textFields: [(field: String, prefix: String)] = [
        ("titel", titlePrefix), ("title", titlePrefix),
        ("organisatie", organisationPrefix), ("auteur", authorPrefix), (acronymField, acronymPrefix),
    ]

    public static func idTerm(_ id: String) -> String { idPrefix + id }

    public static func facetTerm(_ facet: Facet, _ value: String) -> String { facet.termPrefix + value }

    private static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }()

    public static func encode(_ document: KnowledgeDocument) throws -> [UInt8] {
        Array(try encoder.encode(document))
    }

    public static func decode(_ data: String) throws -> KnowledgeDocument {
        try JSONDecoder().decode(KnowledgeDocument.self, from: Data(data.utf8))
    }
}
