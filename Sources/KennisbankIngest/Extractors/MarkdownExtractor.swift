import Foundation
import KennisbankCore

/// Reads Markdown: YAML-style front matter (title, date, description, author, language, keywords) as the
/// file's own metadata, headings as sections, list items as bullets, and inline markup reduced to its text.
struct MarkdownExtractor {
    func extract(_ decoded: TextDecoding.Decoded) throws(SkipReason) -> ExtractedDocument {
        let normalised = TextCleaner.normalise(decoded.text)
        var lines = normalised.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var properties = FileProperties(origin: "Markdown front matter")
        if lines.first?.trimmingCharacters(in: .whitespaces) == "---",
           let end = lines.dropFirst().firstIndex(where: { ["---", "..."].contains($0.trimmingCharacters(in: .whitespaces)) }) {
            properties = Self.frontMatter(Array(lines[1..<end]))
            lines.removeSubrange(0...end)
        }

        var sections: [KnowledgeDocument.Section] = []
        var heading: String? = nil
        var paragraphs: [String] = []
        var block: [String] = []
        var inFence = false
        let evidence = HyphenationEvidence(lines)
        func flushBlock() {
            guard !block.isEmpty else { return }
            let text = TextCleaner.collapse(Self.inline(TextCleaner.joinLines(block, evidence: evidence)))
            if !text.isEmpty { paragraphs.append(contentsOf: TextCleaner.splitLong(text)) }
            block = []
        }
        func startSection(_ title: String) {
            flushBlock()
            if !paragraphs.isEmpty || heading != nil { sections.append(.init(heading: heading, page: nil, paragraphs: paragraphs)) }
            heading = title.isEmpty ? nil : title
            paragraphs = []
            if properties.title == nil, !title.isEmpty { properties.title = title }
        }

        var index = 0
        while index < lines.count {
            let line = lines[index]
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            index += 1
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                flushBlock()
                inFence.toggle()
                continue
            }
            if inFence {
                if !trimmed.isEmpty { block.append(trimmed) } else { flushBlock() }
                continue
            }
            if trimmed.isEmpty { flushBlock(); continue }
            if trimmed.hasPrefix("#") {
                let level = trimmed.prefix { $0 == "#" }.count
                if level <= 6, trimmed.dropFirst(level).first == " " {
                    var title = String(trimmed.dropFirst(level))
                    while title.hasSuffix("#") { title.removeLast() }
                    startSection(TextCleaner.collapse(Self.inline(title)))
                    continue
                }
            }
            // Setext headings: a line underlined with === or ---.
            if index < lines.count, block.isEmpty {
                let next = lines[index].trimmingCharacters(in: .whitespaces)
                if next.count >= 3, next.allSatisfy({ $0 == "=" }) || next.allSatisfy({ $0 == "-" }) {
                    startSection(TextCleaner.collapse(Self.inline(trimmed)))
                    index += 1
                    continue
                }
            }
            if Self.isRule(trimmed) || Self.isTableSeparator(trimmed) { flushBlock(); continue }
            var content = trimmed
            while content.hasPrefix(">") { content = String(content.dropFirst()).trimmingCharacters(in: .whitespaces) }
            if let item = Self.listItem(content) {
                flushBlock()
                block.append("• " + item)
                continue
            }
            if content.hasPrefix("|") { content = content.split(separator: "|").map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ") }
            block.append(content)
        }
        flushBlock()
        if !paragraphs.isEmpty || heading != nil { sections.append(.init(heading: heading, page: nil, paragraphs: paragraphs)) }

        var document = ExtractedDocument(format: .markdown, sections: sections, pages: nil, properties: properties)
        if decoded.encoding != "UTF-8" { document.notes.append("converted from \(decoded.encoding)") }
        if document.wordCount == 0 { throw SkipReason(message: "Markdown file has no text") }
        document.plainText = normalised
        document.plainTextIsFile = true
        return document
    }

    /// `key: value` lines; lists as `[a, b]` or as `- item` lines below the key.
    static func frontMatter(_ lines: [String]) -> FileProperties {
        var values: [String: [String]] = [:]
        var currentKey: String? = nil
        for line in lines {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("- "), let key = currentKey {
                values[key, default: []].append(unquote(String(trimmed.dropFirst(2))))
                continue
            }
            guard let colon = trimmed.firstIndex(of: ":") else { continue }
            let key = trimmed[..<colon].lowercased()
            let value = trimmed[trimmed.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            currentKey = key
            if value.hasPrefix("["), value.hasSuffix("]") {
                values[key] = value.dropFirst().dropLast().split(separator: ",").map { unquote(String($0)) }.filter { !$0.isEmpty }
            } else if !value.isEmpty {
                values[key] = [unquote(value)]
            }
        }
        var properties = FileProperties(origin: "Markdown front matter")
        properties.title = values["title"]?.first
        properties.published = (values["date"] ?? values["published"])?.first.flatMap(DateNormaliser.isoDate)
        properties.summary = (values["description"] ?? values["summary"])?.first
        properties.language = (values["lang"] ?? values["language"])?.first.map(HTMLExtractor.languageCode)
        properties.authors = values["author"] ?? values["authors"] ?? []
        properties.organisations = values["publisher"] ?? values["organisation"] ?? values["organisations"] ?? []
        properties.keywords = values["keywords"] ?? values["tags"] ?? []
        return properties
    }

    private static func unquote(_ text: String) -> String {
        var value = text.trimmingCharacters(in: .whitespaces)
        if value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" {
            value = String(value.dropFirst().dropLast())
        }
        return value
    }

    private static func isRule(_ line: String) -> Bool {
        let compact = line.filter { $0 != " " }
        return compact.count >= 3 && (compact.allSatisfy { $0 == "-" } || compact.allSatisfy { $0 == "*" } || compact.allSatisfy { $0 == "_" })
    }

    private static func isTableSeparator(_ line: String) -> Bool {
        line.hasPrefix("|") && line.allSatisfy { "|-: ".contains($0) }
    }

    /// "- item", "* item", "+ item", "1. item", "1) item".
    private static func listItem(_ line: String) -> String? {
        if let first = line.first, "-*+".contains(first), line.dropFirst().first == " " {
            return String(line.dropFirst(2))
        }
        let number = line.prefix { $0.isASCIIDigit }
        if !number.isEmpty, number.count <= 3 {
            let rest = line.dropFirst(number.count)
            if let mark = rest.first, mark == "." || mark == ")", rest.dropFirst().first == " " { return String(rest.dropFirst(2)) }
        }
        return nil
    }

    private static let inlinePatterns: [(NSRegularExpression, String)] = [
        ("<!--.*?-->", ""),
        ("!\\[([^\\]]*)\\]\\([^)]*\\)", "$1"),              // images: their alt text
        ("\\[([^\\]]+)\\]\\([^)]*\\)", "$1"),               // links: their text
        ("\\[([^\\]]+)\\]\\[[^\\]]*\\]", "$1"),             // reference links
        ("<(https?://[^>]+)>", "$1"),                     // autolinks
        ("</?[a-zA-Z][^>]*>", ""),                        // inline HTML tags
        ("(\\*\\*|__|~~)(?=\\S)(.+?)(?<=\\S)\\1", "$2"),    // strong, strikethrough
        ("(?<![\\w*])\\*(?=\\S)(.+?)(?<=\\S)\\*(?![\\w*])", "$1"),
        ("(?<![\\w_])_(?=\\S)(.+?)(?<=\\S)_(?![\\w_])", "$1"),
        ("`+([^`]*)`+", "$1"),
    ].map { (try! NSRegularExpression(pattern: $0.0), $0.1) }

    static func inline(_ text: String) -> String {
        var result = text
        for (pattern, template) in inlinePatterns {
            result = pattern.stringByReplacingMatches(in: result, range: NSRange(result.startIndex..., in: result), withTemplate: template)
        }
        return result
    }
}
