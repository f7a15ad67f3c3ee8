/// What one indexing run did, file by file.
public struct IndexSummary: Sendable, Codable {
    public struct Skipped: Sendable, Codable, Equatable {
        public var path: String
        public var reason: String
    }

    public var indexed: [String] = []
    public var unchanged: Int = 0
    public var removed: [String] = []
    public var skipped: [Skipped] = []
    public var seconds: Double = 0

    /// 0 when every file was indexed, 1 when some were skipped (fatal errors never produce a summary).
    public var exitStatus: Int32 { skipped.isEmpty ? 0 : 1 }
}
