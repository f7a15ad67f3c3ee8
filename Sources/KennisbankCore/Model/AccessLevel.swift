/// How widely a document may be shown. Each level lives in its own Xapian database (see IndexLocation).
public enum AccessLevel: String, CaseIterable, Codable, Sendable, Comparable {
    case openbaar, professional, vertrouwelijk

    public static func < (lhs: AccessLevel, rhs: AccessLevel) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// Who is asking. The role decides which access levels are opened at all.
public enum Role: String, CaseIterable, Codable, Sendable {
    case anonymous, professional, trainer, curator

    public var visibleLevels: [AccessLevel] {
        switch self {
        case .anonymous: [.openbaar]
        case .professional: [.openbaar, .professional]
        case .trainer, .curator: AccessLevel.allCases
        }
    }
}
