import Foundation

/// Paths that records, sidecars and catalogs name must stay inside the collection folder: the server serves
/// original files by these paths, and "../../etc/passwd" must never become one.
enum PathGuard {
    /// Nil when `path` is fine; otherwise why not. Relative paths are tried against the naming file's folder
    /// and against the collection root (the server tries both), and both must stay inside.
    static func problem(with path: String, namedIn fileFolder: URL, collection: URL) -> String? {
        if path.isEmpty { return "is empty" }
        if path.hasPrefix("/") || path.hasPrefix("~") || path.contains("\\") || path.contains("\0") || path.contains("://") {
            return "must be a path relative to the collection folder"
        }
        let root = collection.standardizedFileURL.resolvingSymlinksInPath().path
        for base in [fileFolder, collection] {
            let resolved = base.appendingPathComponent(path).standardizedFileURL.resolvingSymlinksInPath().path
            if !resolved.hasPrefix(root + "/") { return "points outside the collection folder" }
        }
        return nil
    }

    /// Whether a file found in the collection really lies inside it (a symbolic link may point anywhere).
    static func isInside(_ file: URL, collection: URL) -> Bool {
        isInside(file, resolvedRoot: resolvedRoot(collection))
    }

    static func isInside(_ file: URL, resolvedRoot root: String) -> Bool {
        file.standardizedFileURL.resolvingSymlinksInPath().path.hasPrefix(root + "/")
    }

    static func resolvedRoot(_ collection: URL) -> String {
        collection.standardizedFileURL.resolvingSymlinksInPath().path
    }
}
