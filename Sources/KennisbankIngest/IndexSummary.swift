/// What one indexing (or checking) run did, file by file.
public struct IndexSummary: Sendable, Codable {
    public struct Skipped: Sendable, Codable, Equatable {
        public var path: String
        public var reason: String
    }

    public struct Warning: Sendable, Codable, Equatable {
        public var path: String
        public var message: String
    }

    /// Files whose content is in the index after this run (or, for `check`, that are valid), copies included.
    public var indexed: [String] = []
    public var unchanged: Int = 0
    public var removed: [String] = []
    public var skipped: [Skipped] = []
    /// Indexed files with something to look at (personal data outside perpetrator profiles, stale privacy
    /// exceptions), one entry per finding; they do not change the exit status.
    public var warnings: [Warning] = []
    public var seconds: Double = 0
    /// Why an incremental run rebuilt the whole index instead (nil when it did not).
    public var rebuiltBecause: String? = nil
    /// Every file's outcome, in path order (removed files last), for `--report`.
    public var files: [FileOutcome] = []

    /// 0 when every file was indexed, 1 when some were skipped (fatal errors never produce a summary).
    public var exitStatus: Int32 { skipped.isEmpty ? 0 : 1 }

    /// Files that were merged into another file's document because their content is identical.
    public var copies: [FileOutcome] { files.filter { $0.copyOf != nil && $0.status == .indexed } }

    /// Totals per format over the files this run read (unchanged and removed files are not read).
    public var formats: [FormatTotals] {
        var totals: [String: FormatTotals] = [:]
        for file in files where file.status == .indexed || file.status == .skipped {
            guard file.seconds != nil else { continue }  // remembered failures were not read again
            let name = file.format?.rawValue ?? "other"
            var total = totals[name] ?? FormatTotals(format: name)
            total.files += 1
            total.indexed += file.status == .indexed ? 1 : 0
            total.skipped += file.status == .skipped ? 1 : 0
            total.pages += file.pages ?? 0
            total.words += file.words ?? 0
            total.bytes += file.bytes ?? 0
            total.seconds += file.seconds ?? 0
            totals[name] = total
        }
        let order = DocumentFormat.allCases.map(\.rawValue) + ["other"]
        return totals.values.sorted { (order.firstIndex(of: $0.format) ?? 99) < (order.firstIndex(of: $1.format) ?? 99) }
    }
}

/// What happened to one file.
public struct FileOutcome: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Read and in the index (for `check`: valid).
        case indexed
        /// Same size, time and metadata as last run: not read again.
        case unchanged
        case skipped
        case removed
        /// Not a document (configuration at the collection root); listed so nothing disappears silently.
        case ignored
    }

    public var path: String
    public var status: Status
    public var format: DocumentFormat?
    /// The document the file is (part of).
    public var id: String?
    public var reason: String?
    /// Set when this file has the same content as `copyOf` and is listed as a source of its document.
    public var copyOf: String?
    public var pages: Int?
    public var words: Int?
    public var bytes: Int?
    /// Time spent reading, extracting and indexing; nil for files that were not read.
    public var seconds: Double?
    public var notes: [String]?
    /// The privacy guard's warnings for this file.
    public var warnings: [String]?

    public init(path: String, status: Status, format: DocumentFormat? = nil, id: String? = nil, reason: String? = nil,
                copyOf: String? = nil, pages: Int? = nil, words: Int? = nil, bytes: Int? = nil, seconds: Double? = nil, notes: [String]? = nil,
                warnings: [String]? = nil) {
        self.path = path
        self.status = status
        self.format = format
        self.id = id
        self.reason = reason
        self.copyOf = copyOf
        self.pages = pages
        self.words = words
        self.bytes = bytes
        self.seconds = seconds
        self.notes = notes
        self.warnings = warnings
    }
}

/// One row of the per-format table at the end of a run.
public struct FormatTotals: Sendable, Codable, Equatable {
    public var format: String
    public var files = 0
    public var indexed = 0
    public var skipped = 0
    public var pages = 0
    public var words = 0
    public var bytes = 0
    public var seconds = 0.0

    public init(format: String) { self.format = format }
}
