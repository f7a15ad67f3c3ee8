import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Finds the files of a collection that may be documents: known extensions, no hidden files, no sidecars or
/// catalogs (they describe documents), no configuration at the collection root.
struct CollectionScanner {
    struct Candidate {
        var path: String
        var size: Int
        var modified: Double
        /// Set for a file that is really outside the collection (reached through a symbolic link): never read.
        var outside = false
    }

    /// Text and Markdown files at the collection root are its configuration (lexicon, thesaurus, README),
    /// never documents: documents in those formats live in a folder.
    static let rootConfigurationExtensions: Set<String> = ["txt", "text", "md", "markdown"]

    let folder: URL

    struct Scan {
        var candidates: [Candidate]
        /// Sidecars whose document is not there.
        var orphanSidecars: [String]
        /// Root-level configuration files passed over, for the report.
        var ignored: [String]
    }

    func scan() -> Scan {
        guard let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isRegularFileKey, .isSymbolicLinkKey],
                                                              options: [.skipsHiddenFiles]) else { return Scan(candidates: [], orphanSidecars: [], ignored: []) }
        var candidates: [Candidate] = []
        var ignored: [String] = []
        let root = PathGuard.resolvedRoot(folder)
        var sidecars: [String] = []
        let prefix = folder.path.count + 1
        for case let url as URL in enumerator {
            let path = String(url.standardizedFileURL.path.dropFirst(prefix))
            let name = url.lastPathComponent
            let lowered = name.lowercased()
            if lowered.hasSuffix(MetadataReader.sidecarSuffix) { sidecars.append(path); continue }
            if lowered == MetadataReader.catalogName { continue }
            guard DocumentFormat.candidateExtensions.contains(url.pathExtension.lowercased()) else { continue }
            if !path.contains("/"), Self.rootConfigurationExtensions.contains(url.pathExtension.lowercased()) {
                ignored.append(path)
                continue
            }
            var info = stat()
            // stat follows symbolic links: a link to a file counts as that file, a link to a folder is skipped.
            guard stat(url.path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG else { continue }
            // Resolved, not just checked for being a link: a linked folder can lead outside too.
            candidates.append(Candidate(path: path, size: Int(info.st_size),
                                        modified: Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9,
                                        outside: !PathGuard.isInside(url, resolvedRoot: root)))
        }
        candidates.sort { $0.path < $1.path }
        let documents = Set(candidates.map(\.path))
        let orphans = sidecars.filter { !documents.contains(String($0.dropLast(MetadataReader.sidecarSuffix.count))) }.sorted()
        return Scan(candidates: candidates, orphanSidecars: orphans, ignored: ignored.sorted())
    }
}
