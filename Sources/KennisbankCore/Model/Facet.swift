/// The facets a search can filter on and count. Names are shared by the CLI, the JSON output and the API.
public enum Facet: String, CaseIterable, Codable, Sendable {
    case type, theme, audience, approach, region, organisation, language, access

    /// Boolean filter-term prefix in the index (uppercase so it never collides with words).
    public var termPrefix: String {
        switch self {
        case .type: "XTYPE:"
        case .theme: "XTHEME:"
        case .audience: "XAUD:"
        case .approach: "XAPP:"
        case .region: "XREG:"
        case .organisation: "XORG:"
        case .language: "XLANG:"
        case .access: "XACC:"
        }
    }

    /// Value slot holding the document's values for this facet, for counting.
    public var valueSlot: UInt32 {
        UInt32(Facet.allCases.firstIndex(of: self)! + 1)
    }

    /// Dutch field name accepted in query text as a filter (`thema:signalering`).
    public var queryFieldName: String {
        switch self {
        case .type: "type"
        case .theme: "thema"
        case .audience: "doelgroep"
        case .approach: "aanpak"
        case .region: "regio"
        case .organisation: "org"
        case .language: "taal"
        case .access: "toegang"
        }
    }

    /// Facets whose values must come from the vocabulary.
    public var isControlled: Bool { self != .organisation }

    public static func named(_ name: String) -> Facet? {
        Facet(rawValue: name) ?? Facet.allCases.first { $0.queryFieldName == name }
    }
}
