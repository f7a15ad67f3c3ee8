import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where an index lives on disk: one Xapian database per access level, plus the files beside them.
///
/// Keeping each level in its own database means a caller's search opens only the levels it may see,
/// so term statistics, spelling data and wildcard expansions of higher levels are never even read.
///
/// An index built incrementally keeps its databases directly in `root`. A full rebuild (`install`) builds a
/// complete new generation beside the live one and switches the `current` link to it in one rename, so
/// searches see either the old index or the new one, never half of each. Paths are resolved when a database
/// is opened: a Searcher opened before a switch keeps reading the old files (their descriptors stay valid
/// after the old generation is removed); its next `refresh()` fails because the old folder is gone, and a
/// new Searcher opens the new generation.
public struct IndexLocation: Sendable {
    public let root: URL

    /// The link in `root` that names the live generation after a full rebuild.
    public static let currentLinkName = "current"
    static let generationPrefix = "generation-"
    static let stagingPrefix = ".building-"
    static let retiredPrefix = ".retired-"

    public init(_ path: String) {
        root = URL(fileURLWithPath: path).standardizedFileURL
    }

    /// The folder holding the live databases and manifest.
    public var dataDirectory: URL {
        let link = root.appendingPathComponent(Self.currentLinkName)
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: link.path) else { return root }
        return target.hasPrefix("/") ? URL(fileURLWithPath: target) : root.appendingPathComponent(target)
    }

    public func databasePath(_ level: AccessLevel) -> String {
        dataDirectory.appendingPathComponent(level.rawValue).path
    }

    /// The record of which source files produced which documents (for incremental indexing).
    public var manifestURL: URL { dataDirectory.appendingPathComponent("manifest.json") }

    public var exists: Bool {
        let data = dataDirectory
        return AccessLevel.allCases.allSatisfy {
            FileManager.default.fileExists(atPath: data.appendingPathComponent($0.rawValue).path + "/iamglass")
        }
    }

    /// An empty place beside the live index to build a complete new one in; searches never look there.
    public func stagingLocation() throws(KennisbankError) -> IndexLocation {
        let staging = root.appendingPathComponent(Self.stagingPrefix + String(getpid()))
        do {
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
            if FileManager.default.fileExists(atPath: staging.path) { try FileManager.default.removeItem(at: staging) }
        } catch {
            throw .index("cannot prepare \(staging.path): \(error.localizedDescription)")
        }
        return IndexLocation(staging.path)
    }

    /// Makes the complete index built in `staging` the live one, in one atomic rename of the `current` link,
    /// then removes the index it replaced (and leftovers of runs that were interrupted).
    public func install(_ staging: IndexLocation) throws(KennisbankError) {
        let manager = FileManager.default
        let previous = dataDirectory
        let wasFlat = previous.standardizedFileURL.path == root.path
        let name = Self.generationPrefix + String(Int(Date().timeIntervalSince1970 * 1000)) + "-" + String(getpid())
        let generation = root.appendingPathComponent(name)
        let link = root.appendingPathComponent(Self.currentLinkName)
        let temporaryLink = root.appendingPathComponent(".current-" + String(getpid()))
        do {
            try manager.moveItem(at: staging.root, to: generation)
            try? manager.removeItem(at: temporaryLink)
            try manager.createSymbolicLink(atPath: temporaryLink.path, withDestinationPath: name)
        } catch {
            throw .index("cannot install the new index in \(root.path): \(error.localizedDescription)")
        }
        // rename(2) replaces the old link atomically: there is no moment without a `current`.
        guard rename(temporaryLink.path, link.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? manager.removeItem(at: temporaryLink)
            throw .index("cannot switch \(link.path) to the new index: \(reason)")
        }

        // Retire what was live: first out of the way in one rename each, then deleted.
        let retired = root.appendingPathComponent(Self.retiredPrefix + String(getpid()) + "-" + name)
        try? manager.createDirectory(at: retired, withIntermediateDirectories: true)
        if wasFlat {
            for item in AccessLevel.allCases.map(\.rawValue) + ["manifest.json"] {
                try? manager.moveItem(at: root.appendingPathComponent(item), to: retired.appendingPathComponent(item))
            }
        } else if previous.standardizedFileURL.path != generation.path {
            try? manager.moveItem(at: previous, to: retired.appendingPathComponent(previous.lastPathComponent))
        }
        try? manager.removeItem(at: retired)
        removeLeftovers(keeping: name)
    }

    /// Generations that are not current, retired folders, and staging folders of processes that are gone.
    private func removeLeftovers(keeping current: String) {
        let manager = FileManager.default
        guard let names = try? manager.contentsOfDirectory(atPath: root.path) else { return }
        for name in names {
            let url = root.appendingPathComponent(name)
            if name.hasPrefix(Self.generationPrefix), name != current {
                try? manager.removeItem(at: url)
            } else if name.hasPrefix(Self.retiredPrefix) {
                try? manager.removeItem(at: url)
            } else if name.hasPrefix(Self.stagingPrefix), let pid = Int32(name.dropFirst(Self.stagingPrefix.count)),
                      pid != getpid(), kill(pid, 0) != 0, errno == ESRCH {
                try? manager.removeItem(at: url)
            }
        }
    }
}
