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
    /// A web session ends this long after login, whatever happens (seconds; default 8 hours).
    public var sessionLifetime: TimeInterval
    /// A web session ends after this long without a request (seconds; default 1 hour).
    public var sessionIdleTimeout: TimeInterval
    /// Largest request body accepted by any route (bytes); more is answered with 413.
    public var maxRequestBodySize: Int
    /// Largest body of the login and logout forms (bytes); more is answered with 413.
    public var maxFormBodySize: Int
    /// After a failed login, the next attempt from the same address waits this long, doubling per failure
    /// (seconds; default 0.25) up to `maxLoginDelay` (default 4).
    public var loginDelay: TimeInterval
    public var maxLoginDelay: TimeInterval
    /// Search analytics keep the counts of this many ISO weeks (the current one included); older weeks are dropped.
    public var analyticsRetentionWeeks: Int
    /// Search analytics are written to `access/analytics.json` at most this long after a change (seconds;
    /// 0 writes on every change). A crash loses at most this much.
    public var analyticsWriteDelay: TimeInterval
    /// At most this many saved searches per token.
    public var maxSavedSearches: Int
    /// Search results kept in memory per role and index snapshot (0: no cache).
    public var resultCacheSize: Int

    public init(indexPath: String = "Index", host: String = "127.0.0.1", port: Int = 8080, collectionPath: String? = nil,
                vocabularyPath: String? = nil, searchersPerLevelSet: Int = 4, logLevel: Logger.Level = .info,
                sessionLifetime: TimeInterval = 8 * 3600, sessionIdleTimeout: TimeInterval = 3600,
                maxRequestBodySize: Int = 16 * 1024, maxFormBodySize: Int = 4 * 1024,
                loginDelay: TimeInterval = 0.25, maxLoginDelay: TimeInterval = 4, analyticsRetentionWeeks: Int = 26,
                analyticsWriteDelay: TimeInterval = 2, maxSavedSearches: Int = 50,
                resultCacheSize: Int = 2048) {
        self.indexPath = indexPath
        self.host = host
        self.port = port
        self.collectionPath = collectionPath
        self.vocabularyPath = vocabularyPath
        self.searchersPerLevelSet = searchersPerLevelSet
        self.logLevel = logLevel
        self.sessionLifetime = sessionLifetime
        self.sessionIdleTimeout = sessionIdleTimeout
        self.maxRequestBodySize = maxRequestBodySize
        self.maxFormBodySize = maxFormBodySize
        self.loginDelay = loginDelay
        self.maxLoginDelay = maxLoginDelay
        self.analyticsRetentionWeeks = analyticsRetentionWeeks
        self.analyticsWriteDelay = analyticsWriteDelay
        self.maxSavedSearches = maxSavedSearches
        self.resultCacheSize = resultCacheSize
    }

    /// The vocabulary file to use, if any: the explicit one, else `vocabulaire.json` in or above the collection folder.
    var vocabularyURL: URL? {
        if let vocabularyPath { return URL(fileURLWithPath: vocabularyPath) }
        guard let collectionPath else { return nil }
        return Vocabulary.locate(from: URL(fileURLWithPath: collectionPath))
    }

    /// `thesaurus.txt` beside the vocabulary file, if there is one (its words are not names, for search analytics).
    var thesaurusURL: URL? {
        guard let folder = vocabularyURL?.deletingLastPathComponent() else { return nil }
        let url = folder.appendingPathComponent(Thesaurus.fileName)
        return FileManager.default.fileExists(atPath: url.path) ? url : nil
    }
}
