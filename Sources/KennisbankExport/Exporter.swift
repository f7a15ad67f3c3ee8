import Foundation
import KennisbankCore
import Mustache

/// Renders a selection of documents as course material or data for other systems.
public struct Exporter: Sendable {
    private let templates: MustacheLibrary
    private let vocabulary: Vocabulary?

    public init(vocabulary: Vocabulary? = nil) async throws {
        guard let folder = Bundle.module.url(forResource: "Templates", withExtension: nil) else {
            throw KennisbankError.index("export templates are missing from the installation")
        }
        templates = try await MustacheLibrary(directory: folder.path)
        self.vocabulary = vocabulary
    }

    /// - Parameters:
    ///   - description: what was searched, shown on the handout ("loverboy, type: daderprofiel").
    public func render(_ documents: [KnowledgeDocument], format: ExportFormat, description: String, generated: Date = Date()) throws -> String {
        switch format {
        case .html: return html(documents, description: description, generated: generated)
        case .md: return markdown(documents, description: description)
        case .csv: return csv(documents)
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            return String(decoding: try encoder.encode(documents), as: UTF8.self)
        case .dc: return DublinCore.render(documents)
        }
    }

    private func label(_ value: String, _ list: String) -> String { vocabulary?.label(for: value, in: list) ?? value }

    private func html(_ documents: [KnowledgeDocument], description: String, generated: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "d-M-yyyy"
        let items: [[String: Any]] = documents.enumerated().map { index, document in
            var metadata: [[String: String]] = [
                ["label": "Type", "value": label(document.type, "type")],
                ["label": "Datum", "value": document.published],
                ["label": "Organisatie", "value": document.organisations.joined(separator: "; ")],
                ["label": "Regio", "value": ([label(document.region, "region")] + [document.municipality].compactMap { $0 }).joined(separator: ", ")],
                ["label": "Doelgroep", "value": document.audiences.map { label($0, "audience") }.joined(separator: ", ")],
                ["label": "Aanpak", "value": document.approaches.map { label($0, "approach") }.joined(separator: ", ")],
                ["label": "Thema's", "value": document.themes.map { label($0, "theme") }.joined(separator: ", ")],
                ["label": "Toegang", "value": label(document.access.rawValue, "access")],
                ["label": "Bron", "value": [document.source?.description, document.source?.url].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " – ")],
            ]
            if !document.authors.isEmpty { metadata.insert(["label": "Auteur", "value": document.authors.joined(separator: "; ")], at: 3) }
            if let method = document.workingMethod {
                metadata += [
                    ["label": "Werving", "value": method.recruitmentChannels.joined(separator: "; ")],
                    ["label": "Plaats van uitbuiting", "value": method.exploitationSettings.joined(separator: "; ")],
                    ["label": "Leeftijd slachtoffers", "value": method.victimAgeBand],
                    ["label": "Context", "value": method.groupContext],
                    ["label": "Controle", "value": method.controlMethods.joined(separator: "; ")],
                ]
            }
            if let practice = document.practice {
                metadata += [
                    ["label": "Uitvoerder", "value": practice.runBy], ["label": "Locatie", "value": practice.location],
                    ["label": "Sinds", "value": practice.since], ["label": "Onderbouwing", "value": label(practice.evidence, "evidence")],
                ]
            }
            return [
                "number": index + 1, "anchor": "doc-\(document.id)", "id": document.id, "title": document.title,
                "summary": document.summary, "confidential": document.access == .vertrouwelijk,
                "metadata": metadata.filter { !($0["value"] ?? "").isEmpty },
                "sections": document.sections.map { section -> [String: Any] in
                    var item: [String: Any] = ["paragraphs": section.paragraphs]
                    if let heading = section.heading { item["heading"] = heading }
                    if let page = section.page { item["page"] = "p. \(page)" }
                    return item
                },
            ]
        }
        let context: [String: Any] = [
            "description": description, "count": documents.count, "generated": formatter.string(from: generated),
            "documents": items, "hasConfidential": documents.contains { $0.access == .vertrouwelijk },
        ]
        return templates.render(context, withTemplate: "handout") ?? ""
    }

    private func markdown(_ documents: [KnowledgeDocument], description: String) -> String {
        var out = "# Kennisbank-export\n\nZoekopdracht: \(description)  \n\(documents.count) documenten\n"
        for document in documents {
            out += "\n---\n\n## \(document.title)\n\n"
            if document.access == .vertrouwelijk { out += "> **VERTROUWELIJK – uitsluitend voor trainingsdoeleinden.**\n\n" }
            out += "- id: `\(document.id)`\n- type: \(label(document.type, "type"))\n- datum: \(document.published)\n"
            out += "- organisatie: \(document.organisations.joined(separator: "; "))\n- toegang: \(document.access.rawValue)\n"
            if let source = document.source, !source.description.isEmpty { out += "- bron: \(source.description)\(source.url.map { " (\($0))" } ?? "")\n" }
            out += "\n\(document.summary)\n"
            for section in document.sections {
                if let heading = section.heading { out += "\n### \(heading)\(section.page.map { " (p. \($0))" } ?? "")\n" }
                for paragraph in section.paragraphs { out += "\n\(paragraph)\n" }
            }
        }
        return out
    }

    private func csv(_ documents: [KnowledgeDocument]) -> String {
        func field(_ text: String) -> String {
            let needsQuotes = text.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }
            // A leading =, +, - or @ would run as a formula in a spreadsheet.
            let safe = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text
            return needsQuotes || safe != text ? "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : safe
        }
        let header = ["id", "title", "type", "published", "language", "access", "organisations", "authors", "region", "municipality",
                      "audiences", "approaches", "themes", "source", "url", "summary"]
        var lines = [header.joined(separator: ",")]
        for d in documents {
            let row = [d.id, d.title, d.type, d.published, d.language, d.access.rawValue, d.organisations.joined(separator: "; "),
                       d.authors.joined(separator: "; "), d.region, d.municipality ?? "", d.audiences.joined(separator: "; "),
                       d.approaches.joined(separator: "; "), d.themes.joined(separator: "; "), d.source?.description ?? "",
                       d.source?.url ?? "", d.summary]
            lines.append(row.map(field).joined(separator: ","))
        }
        return lines.joined(separator: "\r\n") + "\r\n"
    }
}
