import Foundation

/// The controlled values curators maintain in `vocabulaire.json`, with Dutch labels for display.
public struct Vocabulary: Sendable {
    public struct Term: Codable, Sendable, Equatable {
        public let value: String
        public let label: String
    }

    /// Lists of allowed values, keyed by list name ("type", "theme", "audience", ..., "evidence").
    public let lists: [String: [Term]]

    public init(lists: [String: [Term]]) { self.lists = lists }

    /// Loads a vocabulary file; errors name the file and what is wrong with it.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw KennisbankError.vocabulary("cannot read \(url.path): \(error.localizedDescription)")
        }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw KennisbankError.vocabulary("\(url.path) is not a JSON object")
        }
        var lists: [String: [Term]] = [:]
        for (key, value) in object where key != "comment" {
            guard let entries = value as? [[String: String]] else {
                throw KennisbankError.vocabulary("\(url.path): \"\(key)\" must be a list of {\"value\", \"label\"} objects")
            }
            lists[key] = try entries.enumerated().map { index, entry in
                guard let value = entry["value"], !value.isEmpty else {
                    throw KennisbankError.vocabulary("\(url.path): \"\(key)\"[\(index)] has no \"value\"")
                }
                return Term(value: value, label: entry["label"] ?? value)
            }
        }
        for required in ["type", "theme", "audience", "approach", "access", "language", "region"] where lists[required] == nil {
            throw KennisbankError.vocabulary("\(url.path): missing list \"\(required)\"")
        }
        self.lists = lists
    }

    public func allowedValues(_ list: String) -> [String] { lists[list]?.map(\.value) ?? [] }

    public func contains(_ value: String, in list: String) -> Bool {
        lists[list]?.contains { $0.value == value } ?? false
    }

    /// Display label for a value, falling back to the value itself (organisations, municipalities).
    public func label(for value: String, in list: String) -> String {
        lists[list]?.first { $0.value == value }?.label ?? value
    }

    /// Finds `vocabulaire.json` in `folder` or the nearest parent that has one.
    public static func locate(from folder: URL) -> URL? {
        var current = folder.standardizedFileURL
        while true {
            let candidate = current.appendingPathComponent(fileName)
            if FileManager.default.fileExists(atPath: candidate.path) { return candidate }
            let parent = current.deletingLastPathComponent()
            if parent.path == current.path { return nil }
            current = parent
        }
    }

    public static let fileName = "vocabulaire.json"
}
