import Foundation
import KennisbankCore
import Logging

/// Everything `kennisbank serve` can be told; tests build one too and drive the same application.
public struct KennisbankServerConfiguration: Sendable {
    /// The index folder written by `kennisbank index`.
    public var indexPath: String
    public var host: String
    /// 0 asks the system for a free port; the URL printed on start shows which.
    public var port: Int
    /// The collection folder the index was built from. Without it, original files cannot be served.
    public var collectionPath: String?
    /// `vocabulaire.json`, for Dutch labels and checking filter values. Default: found from the collection folder.
    public var vocabularyPath: String?
    /// At most this many open Searchers per access-level set (one request uses one at a time).
    public var searchersPerLevelSet: Int
    public var logLevel: Logger.Level

    public init(indexPath: String = "Index", host: String = "127.0.0.1", port: Int = 8080, collectionPath: String? = nil,
                vocabularyPath: String? = nil, searchersPerLevelSet: Int = 4, logLevel: Logger.Level = .info) {
        self.indexPath = indexPath
        self.host = host
        self.port = port
        self.collectionPath = collectionPath
        self.vocabularyPath = vocabularyPath
        self.searchersPerLevelSet = searchersPerLevelSet
        self.logLevel = logLevel
    }

    /// The vocabulary file to use, if any: the explicit one, else `vocabulaire.json` in or above the collection folder.
    var vocabularyURL: URL? {
        if let vocabularyPath { return URL(fileURLWithPath: vocabularyPath) }
        guard let collectionPath else { return nil }
        return Vocabulary.locate(from: URL(fileURLWithPath: collectionPath))
    }
}
