import Foundation
import KennisbankCore
import LibXMLKit

/// Reads Word (.docx) and OpenDocument (.odt) text documents: the XML inside the ZIP is unpacked with
/// `unzip -p` (bounded in size and time, so a ZIP bomb cannot fill memory) and read with LibXMLKit.
/// Headings (by paragraph style or outline level) start sections; list items become bullets.
struct OfficeExtractor {
    var unzip = ExternalTool("/usr/bin/unzip")
    /// Unpacked XML larger than this is refused: a real 500-page document is well below it.
    var maxUnpackedBytes = 64 << 20
    var timeout: TimeInterval = 60

    func extract(_ url: URL, bytes: [UInt8], format: DocumentFormat) throws(SkipReason) -> ExtractedDocument {
        let (contentEntry, metaEntry) = format == .docx ? ("word/document.xml", "docProps/core.xml") : ("content.xml", "meta.xml")
        let directory = ZipDirectory(bytes)
        if let entry = directory?.entries.first(where: { $0.name == contentEntry }),
           entry.uncompressedSize != UInt32.max, Int(entry.uncompressedSize) > maxUnpackedBytes {
            throw SkipReason(message: "\(contentEntry) unpacks to \(Self.size(Int(entry.uncompressedSize))), more than the \(Self.size(maxUnpackedBytes)) allowed (ZIP bomb?)")
        }
        let content = try parse(try unpack(url, entry: contentEntry, limit: maxUnpackedBytes), entry: contentEntry)
        var properties = FileProperties(origin: format == .docx ? "Word document properties" : "OpenDocument metadata")
        if directory?.contains(metaEntry) == true, let meta = try? parse(try unpack(url, entry: metaEntry, limit: 1 << 20), entry: metaEntry) {
            properties = Self.properties(meta, origin: properties.origin)
        }
        var reader = BodyReader(format: format)
        reader.read(content)
        let sections = reader.finish()
        if properties.title == nil { properties.title = reader.titleParagraph }
        let document = ExtractedDocument(format: format, sections: sections, pages: nil, properties: properties)
        if document.wordCount == 0 { throw SkipReason(message: "\(format == .docx ? "Word" : "OpenDocument") document has no text") }
        return document
    }

    private func unpack(_ url: URL, entry: String, limit: Int) throws(SkipReason) -> [UInt8] {
        let output: ExternalTool.Output
        do {
            output = try unzip.run(["-p", "-qq", url.path, entry], timeout: timeout, maxOutput: limit)
        } catch {
            throw SkipReason(message: error.description)
        }
        if output.timedOut { throw SkipReason(message: "unzip did not finish within \(Int(timeout)) s") }
        if output.exceededLimit { throw SkipReason(message: "\(entry) unpacks to more than \(Self.size(limit)) (ZIP bomb?)") }
        guard output.status == 0 else {
            throw SkipReason(message: "damaged document: cannot unpack \(entry) (\(output.firstErrorLine ?? "unzip exit status \(output.status)"))")
        }
        return output.stdout
    }

    static func size(_ bytes: Int) -> String {
        bytes >= 1 << 20 ? "\(bytes >> 20) MB" : bytes >= 1024 ? "\(bytes >> 10) kB" : "\(bytes) bytes"
    }

    private func parse(_ bytes: [UInt8], entry: String) throws(SkipReason) -> MarkupNode {
        do {
            return try MarkupXMLReader.parse(bytes)
        } catch {
            let first = error.items.first
            throw SkipReason(line: first?.line ?? 0, column: first?.column ?? 0,
                             message: "damaged document: \(entry) is not valid XML: \(first?.message ?? "")")
        }
    }

    /// Dublin Core and the Office/ODF extensions, from docProps/core.xml or meta.xml.
    static func properties(_ meta: MarkupNode, origin: String) -> FileProperties {
        var properties = FileProperties(origin: origin)
        func text(_ name: String) -> String? {
            meta.first(name).map { TextCleaner.collapse(TextCleaner.normalise($0.textContent)) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        properties.title = text("title")
        properties.summary = text("description") ?? text("subject")
        properties.published = (text("created") ?? text("creation-date") ?? text("date")).flatMap(DateNormaliser.isoDate)
        properties.language = text("language").map(HTMLExtractor.languageCode)
        properties.authors = [text("creator") ?? text("initial-creator")].compactMap { $0 }.compactMap(PDFExtractor.plausibleAuthor)
        let keywords = meta.all("keyword").map(\.textContent) + (text("keywords").map { [$0] } ?? [])
        properties.keywords = keywords.flatMap { $0.split(whereSeparator: { ",;".contains($0) }) }
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        return properties
    }

    /// Walks word/document.xml or content.xml in document order.
    private struct BodyReader {
        let format: DocumentFormat
        var sections: [KnowledgeDocument.Section] = []
        var heading: String? = nil
        var paragraphs: [String] = []
        var titleParagraph: String? = nil

        init(format: DocumentFormat) { self.format = format }

        mutating func read(_ node: MarkupNode) {
            for child in node.children where child.kind == .element {
                switch (format, child.name) {
                case (.docx, "p"): paragraph(docx: child)
                case (.odt, "p"): add(text: Self.odtText(child), isHeading: false, isBullet: false)
                case (.odt, "h"): add(text: Self.odtText(child), isHeading: true, isBullet: false)
                case (.odt, "list-item"): readListItem(child)
                // Deleted revisions, comments, tracked changes and footnotes are not the running text.
                case (_, "del"), (_, "tracked-changes"), (_, "annotation"), (_, "note"), (_, "sequence-decls"): continue
                default: read(child)
                }
            }
        }

        private mutating func readListItem(_ item: MarkupNode) {
            for child in item.children where child.kind == .element {
                if child.name == "p" || child.name == "h" { add(text: Self.odtText(child), isHeading: false, isBullet: true) } else { read(child) }
            }
        }

        private mutating func paragraph(docx node: MarkupNode) {
            let properties = node.children.first { $0.name == "pPr" }
            let style = (properties?.children.first { $0.name == "pStyle" }?.attributes["val"] ?? "").lowercased()
            let isList = properties?.children.contains { $0.name == "numPr" } ?? false
            let text = Self.docxText(node)
            if style == "title" || style == "titel" {
                if titleParagraph == nil, !text.isEmpty { titleParagraph = text }
                add(text: text, isHeading: true, isBullet: false)
                return
            }
            let isHeading = style.hasPrefix("heading") || style.hasPrefix("kop")
            add(text: text, isHeading: isHeading, isBullet: isList && !isHeading)
        }

        private mutating func add(text: String, isHeading: Bool, isBullet: Bool) {
            guard !text.isEmpty else { return }
            if isHeading {
                if !paragraphs.isEmpty || heading != nil { sections.append(.init(heading: heading, page: nil, paragraphs: paragraphs)) }
                heading = text
                paragraphs = []
            } else {
                paragraphs.append(contentsOf: TextCleaner.splitLong(isBullet ? "• " + text : text))
            }
        }

        mutating func finish() -> [KnowledgeDocument.Section] {
            if !paragraphs.isEmpty || heading != nil { sections.append(.init(heading: heading, page: nil, paragraphs: paragraphs)) }
            return sections
        }

        /// Runs of a Word paragraph: `w:t` text, tabs and breaks as spaces; deleted text and field codes left out.
        static func docxText(_ node: MarkupNode) -> String {
            var out = ""
            func walk(_ node: MarkupNode) {
                for child in node.children where child.kind == .element {
                    switch child.name {
                    case "t": out += child.textContent
                    case "tab", "br", "cr": out += " "
                    case "noBreakHyphen": out += "-"
                    case "del", "delText", "instrText", "pPr", "rPr", "footnoteReference", "commentReference": continue
                    default: walk(child)
                    }
                }
            }
            walk(node)
            return TextCleaner.collapse(TextCleaner.normalise(out))
        }

        /// Text of an ODF paragraph: `text:s` is one or more spaces, tabs and line breaks are spaces, notes left out.
        static func odtText(_ node: MarkupNode) -> String {
            var out = ""
            func walk(_ node: MarkupNode) {
                for child in node.children {
                    if child.kind == .text { out += child.text; continue }
                    switch child.name {
                    case "s": out += String(repeating: " ", count: max(1, Int(child.attributes["c"] ?? "1") ?? 1))
                    case "tab", "line-break": out += " "
                    case "note", "annotation", "soft-page-break", "bookmark", "bookmark-start", "bookmark-end": continue
                    default: walk(child)
                    }
                }
            }
            walk(node)
            return TextCleaner.collapse(TextCleaner.normalise(out))
        }
    }
}
