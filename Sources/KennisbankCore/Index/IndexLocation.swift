import Foundation

/// Where an index lives on disk: one Xapian database per access level, plus the files beside them.
///
/// Keeping each level in its own database means a caller's search opens only the levels it may see,
/// so term statistics, spelling data and wildcard expansions of higher levels are never even read.
public struct IndexLocation: Sendable {
    public let root: URL

    public init(_ path: String) {
        root = URL(fileURLWithPath: path).standardizedFileURL
    }

    public func databasePath(_ level: AccessLevel) -> String {
        root.appendingPathComponent(level.rawValue).path
    }

    /// The record of which source files produced which documents (for incremental indexing).
    public var manifestURL: URL { root.appendingPathComponent("manifest.json") }

    public var exists: Bool {
        AccessLevel.allCases.allSatisfy { FileManager.default.fileExists(atPath: databasePath($0) + "/iamglass") }
    }
}
