import Foundation
import KennisbankCore
import LibXMLKit

/// Reads the project's own XML records: well-formedness and the RelaxNG schema first, then the vocabulary.
public struct RecordReader: Sendable {
    public let vocabulary: Vocabulary
    /// Also used for sidecars and folder catalogs (`<metadata>`), which share the schema.
    let schema: RelaxNGSchema

    public init(vocabulary: Vocabulary) throws {
        guard let url = Bundle.module.url(forResource: "kennisbank", withExtension: "rng") else {
            throw KennisbankError.index("the document schema kennisbank.rng is missing from the installation")
        }
        do {
            schema = try RelaxNGSchema(path: url.path)
        } catch {
            throw KennisbankError.index("schema \(url.path) does not compile: \(error)")
        }
        self.vocabulary = vocabulary
    }

    /// The schema's location, for messages and documentation.
    public static var schemaPath: String? { Bundle.module.url(forResource: "kennisbank", withExtension: "rng")?.path }

    /// Parses and checks one record. Problems carry the line and column they were found at.
    public func read(_ bytes: [UInt8], relativePath: String) throws(SkipReason) -> KnowledgeDocument {
        try readRecord(bytes, relativePath: relativePath).document
    }

    /// A record with what the privacy guard needs: its texts with their lines, and its declared exceptions.
    func readRecord(_ bytes: [UInt8], relativePath: String) throws(SkipReason)
        -> (document: KnowledgeDocument, texts: [PrivacyText], exceptions: [PrivacyException]) {
        // Well-formedness first, then our own checks (they name the field and the allowed values,
        // which the schema's messages do not), then the schema for structure. One parse serves all three.
        let (root, schemaProblems) = try parseOnce(bytes)
        try checkVocabulary(root)
        if let schemaProblems { throw Self.reason(schemaProblems) }
        let exceptions = PrivacyException.read(root.child("privacyExceptions"), origin: { "line \($0.line)" }, reportsStale: true)
        return (Self.document(from: root, relativePath: relativePath), PrivacyGuard.texts(ofRecord: root), exceptions)
    }

    private func parseOnce(_ bytes: [UInt8]) throws(SkipReason) -> (XMLElement, XMLDiagnostics?) {
        do {
            return try XMLReader.parse(bytes, checkingAgainst: schema)
        } catch {
            throw Self.reason(error)
        }
    }

    private static func reason(_ diagnostics: XMLDiagnostics) -> SkipReason {
        let first = diagnostics.items.first ?? XMLDiagnostic(line: 0, column: 0, message: "unreadable XML")
        return SkipReason(line: first.line, column: first.column, message: first.message, more: diagnostics.items.count - 1)
    }

    private func checkVocabulary(_ root: XMLElement) throws(SkipReason) {
        guard root.name == "document" else {
            throw SkipReason(line: root.line, column: 0, message: "root element is <\(root.name)>, expected <document>")
        }
        if let id = root.attributes["id"], !id.isEmpty,
           !id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }) || id.first == "-" {
            throw SkipReason(line: root.line, column: 0,
                             message: "id \"\(id)\" may only contain lowercase letters, digits and hyphens")
        }
        var problems: [SkipReason] = []
        func check(_ value: String, _ list: String, line: Int, field: String) {
            guard let problem = VocabularyCheck.problem(value, list: list, field: field, vocabulary: vocabulary) else { return }
            problems.append(SkipReason(line: line, column: 0, message: problem))
        }
        let attributes = root.attributes
        for name in ["type", "language", "access"] {
            guard let value = attributes[name] else {
                problems.append(SkipReason(line: root.line, column: 0, message: "<document> has no \(name) attribute"))
                continue
            }
            check(value, name, line: root.line, field: name)
            if name == "access", vocabulary.contains(value, in: "access"), AccessLevel(rawValue: value) == nil {
                // The vocabulary may list a level the index has no database for; never crash on it.
                problems.append(SkipReason(line: root.line, column: 0, message: "access \"\(value)\" is not an access level the index has"))
            }
        }
        if let region = root.child("region") {
            check(region.attributes["scope"] ?? "", "region", line: region.line, field: "region scope")
        }
        for (container, item, list) in [("audiences", "audience", "audience"), ("approaches", "approach", "approach"), ("themes", "theme", "theme")] {
            for element in root.child(container)?.children(item) ?? [] {
                check(element.text.trimmingCharacters(in: .whitespacesAndNewlines), list, line: element.line, field: item)
            }
        }
        if let evidence = root.child("practice")?.child("evidence") {
            check(evidence.text.trimmingCharacters(in: .whitespacesAndNewlines), "evidence", line: evidence.line, field: "evidence")
        }
        if let first = problems.first {
            throw SkipReason(line: first.line, column: first.column, message: first.message, more: problems.count - 1)
        }
    }

    private static func clean(_ text: String) -> String {
        TextScanning.collapsingWhitespace(text)
    }

    private static func document(from root: XMLElement, relativePath: String) -> KnowledgeDocument {
        func text(_ name: String) -> String { clean(root.child(name)?.text ?? "") }
        func list(_ container: String, _ item: String) -> [String] {
            root.child(container)?.children(item).map { clean($0.text) } ?? []
        }
        let region = root.child("region")!
        let source = root.child("source").map { element in
            KnowledgeDocument.Source(description: clean(element.text), url: element.attributes["url"],
                                     files: [relativePath] + (element.attributes["file"].map { [$0] } ?? []))
        } ?? KnowledgeDocument.Source(description: "", files: [relativePath])
        let practice = root.child("practice").map { element in
            KnowledgeDocument.Practice(runBy: clean(element.child("runBy")?.text ?? ""),
                                       location: clean(element.child("location")?.text ?? ""),
                                       since: clean(element.child("since")?.text ?? ""),
                                       evidence: clean(element.child("evidence")?.text ?? ""))
        }
        let method = root.child("workingMethod").map { element in
            KnowledgeDocument.WorkingMethod(
                recruitmentChannels: element.children("recruitmentChannel").map { clean($0.text) },
                exploitationSettings: element.children("exploitationSetting").map { clean($0.text) },
                victimAgeBand: clean(element.child("victimAgeBand")?.text ?? ""),
                groupContext: clean(element.child("groupContext")?.text ?? ""),
                controlMethods: element.children("controlMethod").map { clean($0.text) })
        }
        let sections = root.child("body")?.children("section").map { section in
            KnowledgeDocument.Section(
                heading: section.child("heading").map { clean($0.text) },
                page: section.attributes["page"].flatMap { Int($0) },
                paragraphs: section.children.compactMap { child -> String? in
                    switch child.name {
                    case "p": return clean(child.text)
                    case "list": return child.children("item").map { "• " + clean($0.text) }.joined(separator: "\n")
                    default: return nil
                    }
                })
        } ?? []
        return KnowledgeDocument(
            id: root.attributes["id"]!, type: root.attributes["type"]!, language: root.attributes["language"]!,
            access: AccessLevel(rawValue: root.attributes["access"]!)!, title: text("title"), summary: text("summary"),
            published: text("published"), organisations: list("organisations", "organisation"),
            authors: list("authors", "author"), region: region.attributes["scope"]!,
            municipality: region.attributes["municipality"], audiences: list("audiences", "audience"),
            approaches: list("approaches", "approach"), themes: list("themes", "theme"), source: source,
            practice: practice, workingMethod: method, sections: sections)
    }
}
