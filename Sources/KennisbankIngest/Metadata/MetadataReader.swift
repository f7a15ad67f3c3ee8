import Foundation
import KennisbankCore
import LibXMLKit

/// Reads `<metadata>` files: sidecars (`rapport.pdf.meta.xml`) and folder catalogs (`catalogus.xml`).
/// Structure is checked against the RelaxNG schema; problems name the metadata file and its line.
struct MetadataReader {
    static let sidecarSuffix = ".meta.xml"
    static let catalogName = "catalogus.xml"

    let schema: RelaxNGSchema
    let collection: URL

    enum Kind {
        case sidecar
        case catalog
    }

    /// - Parameter relativePath: the metadata file's path inside the collection (or its full path when it
    ///   lives outside, as a catalog given with `--defaults` may), for messages and origins.
    func read(_ bytes: [UInt8], relativePath: String, kind: Kind, folder: URL) throws(SkipReason) -> MetadataRecord {
        func fail(_ line: Int, _ column: Int, _ message: String) -> SkipReason {
            let position = line > 0 ? (column > 0 ? "line \(line), column \(column): " : "line \(line): ") : ""
            return SkipReason(message: "\(relativePath), \(position)\(message)")
        }
        if bytes.isEmpty { throw fail(0, 0, "empty metadata file") }
        let root: XMLElement
        do {
            root = try XMLReader.parse(bytes)
        } catch {
            let first = error.items.first ?? XMLDiagnostic(line: 0, column: 0, message: "unreadable XML")
            throw fail(first.line, first.column, first.message)
        }
        guard root.name == "metadata" else {
            throw fail(root.line, 0, "root element is <\(root.name)>, expected <metadata> (the fields of a <document> without its body)")
        }
        if kind == .catalog {
            for name in ["title", "summary"] {
                if let element = root.child(name) {
                    throw fail(element.line, 0, "<\(name)> belongs in a sidecar (file.meta.xml), not in a folder catalog")
                }
            }
            if root.attributes["id"] != nil { throw fail(root.line, 0, "id belongs in a sidecar (file.meta.xml), not in a folder catalog") }
        }
        do {
            _ = try XMLReader.parse(bytes, schema: schema)
        } catch {
            let first = error.items.first ?? XMLDiagnostic(line: 0, column: 0, message: "does not match the schema")
            throw fail(first.line, first.column, first.message)
        }
        return try record(root, relativePath: relativePath, kind: kind, folder: folder, fail: fail)
    }

    private func record(_ root: XMLElement, relativePath: String, kind: Kind, folder: URL,
                        fail: (Int, Int, String) -> SkipReason) throws(SkipReason) -> MetadataRecord {
        func clean(_ text: String) -> String { TextCleaner.collapse(text) }
        func origin(_ element: XMLElement) -> String { "\(relativePath) line \(element.line)" }
        func attribute(_ name: String) -> Sourced<String>? {
            root.attributes[name].map { Sourced(value: $0.trimmingCharacters(in: .whitespaces), origin: origin(root)) }
        }
        func text(_ name: String) -> Sourced<String>? {
            root.child(name).map { Sourced(value: clean($0.text), origin: origin($0)) }
        }
        func list(_ container: String, _ item: String) -> Sourced<[String]>? {
            root.child(container).map { element in Sourced(value: element.children(item).map { clean($0.text) }, origin: origin(element)) }
        }
        var record = MetadataRecord()
        record.id = attribute("id")
        record.type = attribute("type")
        record.language = attribute("language")
        record.access = attribute("access")
        record.title = text("title")
        record.summary = text("summary")
        record.published = text("published")
        record.organisations = list("organisations", "organisation")
        record.authors = list("authors", "author")
        record.audiences = list("audiences", "audience")
        record.approaches = list("approaches", "approach")
        record.themes = list("themes", "theme")
        if let region = root.child("region") {
            record.region = Sourced(value: .init(scope: region.attributes["scope"] ?? "", municipality: region.attributes["municipality"]),
                                    origin: origin(region))
        }
        if let source = root.child("source") {
            if let file = source.attributes["file"], let problem = PathGuard.problem(with: file, namedIn: folder, collection: collection) {
                throw fail(source.line, 0, "source file \"\(file)\" \(problem)")
            }
            record.source = Sourced(value: .init(description: clean(source.text), url: source.attributes["url"],
                                                 files: source.attributes["file"].map { [$0] } ?? []), origin: origin(source))
        }
        if let practice = root.child("practice") {
            record.practice = Sourced(value: .init(runBy: clean(practice.child("runBy")?.text ?? ""),
                                                   location: clean(practice.child("location")?.text ?? ""),
                                                   since: clean(practice.child("since")?.text ?? ""),
                                                   evidence: clean(practice.child("evidence")?.text ?? "")), origin: origin(practice))
        }
        if let method = root.child("workingMethod") {
            record.workingMethod = Sourced(value: .init(
                recruitmentChannels: method.children("recruitmentChannel").map { clean($0.text) },
                exploitationSettings: method.children("exploitationSetting").map { clean($0.text) },
                victimAgeBand: clean(method.child("victimAgeBand")?.text ?? ""),
                groupContext: clean(method.child("groupContext")?.text ?? ""),
                controlMethods: method.children("controlMethod").map { clean($0.text) }), origin: origin(method))
        }
        record.privacyExceptions = PrivacyException.read(root.child("privacyExceptions"), origin: origin, reportsStale: kind == .sidecar)
        return record
    }
}
