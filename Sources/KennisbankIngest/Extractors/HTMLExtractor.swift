import KennisbankCore
import LibXMLKit

/// Reads web pages: title, meta description, Dublin Core and keywords from the head; the main text from the
/// body without navigation, scripts, styles, page headers and footers. Headings start sections.
struct HTMLExtractor {
    /// Never content: code, styling, navigation and widgets.
    static let skipped: Set<String> = ["script", "style", "noscript", "template", "nav", "aside", "form", "button", "select",
                                       "textarea", "svg", "canvas", "iframe", "object", "embed", "head", "menu", "dialog"]
    /// Site-wide page headers and footers; inside `<main>` or `<article>` they belong to the text and are kept.
    static let pageChrome: Set<String> = ["header", "footer"]
    static let blocks: Set<String> = ["p", "div", "li", "td", "th", "dd", "dt", "blockquote", "pre", "figcaption", "caption",
                                      "section", "article", "main", "address", "tr", "table", "ul", "ol", "dl", "figure",
                                      "body", "center", "details", "summary", "hr", "br"]
    static let headings: Set<String> = ["h1", "h2", "h3", "h4", "h5", "h6"]

    func extract(_ bytes: [UInt8], encoding: String?) throws(SkipReason) -> ExtractedDocument {
        let root: MarkupNode
        do {
            root = try HTMLReader.parse(bytes, encoding: encoding)
        } catch {
            let first = error.items.first
            throw SkipReason(line: first?.line ?? 0, column: first?.column ?? 0, message: "unreadable HTML: \(first?.message ?? "no content")")
        }
        var properties = Self.properties(root)
        let body = root.first("body") ?? root
        let content = Self.mainContent(of: body)
        var builder = SectionBuilder()
        builder.walk(content, insideMain: content.name == "main" || content.name == "article")
        let sections = builder.finish()
        if properties.title == nil {
            properties.title = root.first("h1").map { TextCleaner.collapse(TextCleaner.normalise($0.textContent)) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        let document = ExtractedDocument(format: .html, sections: sections, pages: nil, properties: properties)
        if document.wordCount == 0 { throw SkipReason(message: "HTML page has no text outside navigation, scripts and page chrome") }
        return document
    }

    /// `<main>` (or `role="main"`) when the page marks its main text; else a single `<article>`; else the body.
    static func mainContent(of body: MarkupNode) -> MarkupNode {
        if let main = body.first("main") { return main }
        if let main = find(body, where: { $0.attributes["role"] == "main" }) { return main }
        let articles = body.all("article")
        if articles.count == 1 { return articles[0] }
        return body
    }

    private static func find(_ node: MarkupNode, where predicate: (MarkupNode) -> Bool) -> MarkupNode? {
        for child in node.children where child.kind == .element {
            if predicate(child) { return child }
            if let found = find(child, where: predicate) { return found }
        }
        return nil
    }

    static func properties(_ root: MarkupNode) -> FileProperties {
        var properties = FileProperties(origin: "HTML meta")
        var meta: [String: [String]] = [:]
        for element in (root.first("head") ?? root).all("meta") {
            let key = (element.attributes["name"] ?? element.attributes["property"] ?? element.attributes["http-equiv"] ?? "").lowercased()
            let value = TextCleaner.collapse(TextCleaner.normalise(element.attributes["content"] ?? ""))
            guard !key.isEmpty, !value.isEmpty else { continue }
            meta[key, default: []].append(value)
        }
        func first(_ keys: String...) -> String? { keys.lazy.compactMap { meta[$0]?.first }.first }
        func all(_ keys: String...) -> [String] { keys.flatMap { meta[$0] ?? [] } }

        let titleElement = root.first("title").map { TextCleaner.collapse(TextCleaner.normalise($0.textContent)) }
        properties.title = first("dc.title", "dcterms.title", "og:title") ?? (titleElement?.isEmpty == false ? titleElement : nil)
        properties.summary = first("description", "dc.description", "dcterms.description", "dcterms.abstract", "og:description")
        properties.published = first("dc.date", "dcterms.issued", "dcterms.created", "dc.date.issued", "dcterms.date",
                                     "article:published_time", "date").flatMap(DateNormaliser.isoDate)
        properties.authors = all("dc.creator", "dcterms.creator", "author")
        properties.organisations = all("dc.publisher", "dcterms.publisher")
        properties.keywords = all("keywords", "dc.subject", "dcterms.subject").flatMap {
            $0.split(whereSeparator: { ",;".contains($0) }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        }
        let language = root.attributes["lang"] ?? root.attributes["xml:lang"] ?? first("dc.language", "dcterms.language", "content-language")
        properties.language = language.map(Self.languageCode)
        return properties
    }

    /// "nl-NL" → "nl", "EN" → "en".
    static func languageCode(_ tag: String) -> String {
        String(tag.trimmingCharacters(in: .whitespaces).lowercased().prefix { $0.isLetter })
    }

    /// Walks the content in document order and cuts it into sections (at headings) and paragraphs (at blocks).
    private struct SectionBuilder {
        var sections: [KnowledgeDocument.Section] = []
        var heading: String? = nil
        var paragraphs: [String] = []
        var buffer = ""
        var bullet = false

        mutating func walk(_ node: MarkupNode, insideMain: Bool) {
            for child in node.children {
                if child.kind == .text { buffer += child.text; continue }
                let name = child.name
                if HTMLExtractor.skipped.contains(name) || child.attributes["hidden"] != nil || child.attributes["aria-hidden"] == "true" {
                    continue
                }
                if HTMLExtractor.pageChrome.contains(name), !insideMain { continue }
                if HTMLExtractor.headings.contains(name) {
                    flushParagraph()
                    flushSection()
                    let text = TextCleaner.collapse(TextCleaner.normalise(child.textContent))
                    heading = text.isEmpty ? nil : text
                    continue
                }
                let inside = insideMain || name == "main" || name == "article"
                if HTMLExtractor.blocks.contains(name) {
                    flushParagraph()
                    bullet = name == "li"
                    walk(child, insideMain: inside)
                    flushParagraph()
                } else {
                    walk(child, insideMain: inside)
                }
            }
        }

        mutating func flushParagraph() {
            let text = TextCleaner.collapse(TextCleaner.normalise(buffer))
            if !text.isEmpty { paragraphs.append(contentsOf: TextCleaner.splitLong(bullet ? "• " + text : text)) }
            buffer = ""
            bullet = false
        }

        mutating func flushSection() {
            if !paragraphs.isEmpty || heading != nil {
                sections.append(.init(heading: heading, page: nil, paragraphs: paragraphs))
            }
            heading = nil
            paragraphs = []
        }

        mutating func finish() -> [KnowledgeDocument.Section] {
            flushParagraph()
            flushSection()
            return sections.filter { !$0.paragraphs.isEmpty || $0.heading != nil }
        }
    }
}
