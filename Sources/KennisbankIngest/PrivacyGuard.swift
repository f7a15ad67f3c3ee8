import KennisbankCore
import LibXMLKit

/// The privacy guard at ingest: perpetrator profiles and case material must not carry personal data into the
/// index. Every document's text — record elements, extracted text, sidecar and catalog fields, and what the file
/// says about itself — is scanned with `PersonalDataScanner` for citizen service numbers, phone numbers, e-mail
/// addresses and licence plates. A finding in a document of a refused type (`daderprofiel`) makes the file a skip
/// reason (its last good version stays in the index); elsewhere each finding is a warning. Findings are reported
/// with file, line (and page or field) and a masked form, so the report does not repeat the data.
///
/// Curators declare deliberate exceptions — a public helpline, an organisation's general address — in
/// `<privacyExceptions>` of the record, its sidecar or a folder catalog; an exception of a record or sidecar that
/// matches nothing is a warning (stale exception).
enum PrivacyGuard {
    /// Types whose documents are refused, not just reported, when they hold personal data.
    static let refusedTypes: Set<String> = ["daderprofiel"]
    /// Findings listed in one skip reason; the rest are counted.
    static let maxListed = 10

    /// Scans a document. Returns the warnings to report, or throws the refusal.
    static func check(_ document: KnowledgeDocument, texts: [PrivacyText], exceptions: [PrivacyException]) throws(SkipReason) -> [String] {
        var findings: [Finding] = []
        for text in texts {
            for match in PersonalDataScanner.scan(text.text) { findings.append(Finding(match: match, text: text)) }
        }
        // What reaches the index without a known place (the file's own metadata, text joined by cleaning).
        var seen = Set(findings.map { "\($0.match.kind.rawValue)|\($0.match.normalised)" })
        for text in documentTexts(document) {
            for match in PersonalDataScanner.scan(text.text) where seen.insert("\(match.kind.rawValue)|\(match.normalised)").inserted {
                findings.append(Finding(match: match, text: text))
            }
        }

        var used = Set<Int>()
        let reported = findings.filter { finding in
            guard let index = exceptions.firstIndex(where: { $0.matches(finding.match) }) else { return true }
            used.insert(index)
            // Every exception that covers the finding counts as used.
            for (other, exception) in exceptions.enumerated() where exception.matches(finding.match) { used.insert(other) }
            return false
        }
        var warnings: [String] = []
        for (index, exception) in exceptions.enumerated() where exception.reportsStale && !used.contains(index) {
            warnings.append("stale privacy exception in \(exception.origin): \(exception.kind.rawValue) \"\(exception.value)\" "
                            + "matches nothing in the document; remove it")
        }
        if refusedTypes.contains(document.type), !reported.isEmpty {
            let listed = reported.prefix(maxListed).map(\.description).joined(separator: "; ")
            let more = reported.count > maxListed ? " (and \(reported.count - maxListed) more)" : ""
            let kinds = Array(Set(reported.map(\.match.kind.label))).sorted().joined(separator: ", ")
            throw SkipReason(message: "personal data (\(kinds)) in a \(document.type), refused: \(listed)\(more). Remove it, or declare a "
                             + "deliberate exception with a reason in <privacyExceptions> of the record or its sidecar")
        }
        return reported.map { "personal data: \($0.description)" } + warnings
    }

    struct Finding: CustomStringConvertible {
        var match: PersonalDataScanner.Match
        var text: PrivacyText

        var description: String {
            var place: [String] = []
            if let file = text.file { place.append(file) }
            if let page = text.page { place.append("page \(page)") }
            if text.line > 0 {
                let line = text.line + match.line - 1
                var position = text.extracted ? "line \(line) of the extracted text" : "line \(line)"
                if text.columns || match.line > 1 { position += ", column \(match.column)" }
                place.append(position)
            }
            let field = text.field.map { " in \($0)" } ?? ""
            let prefix = place.isEmpty ? "" : place.joined(separator: ", ") + ": "
            return "\(prefix)\(match.kind.label) \(match.masked)\(field)"
        }
    }

    // MARK: - Texts of a document

    /// The elements of a record (everything but `<privacyExceptions>`), each with its line.
    static func texts(ofRecord root: XMLElement) -> [PrivacyText] {
        var texts: [PrivacyText] = []
        func walk(_ element: XMLElement, section: String?) {
            guard element.name != "privacyExceptions" else { return }
            var section = section
            if element.name == "section" {
                let heading = element.child("heading").map { TextScanning.collapsingWhitespace($0.text) }
                section = heading.map { "section «\(DocumentAssembler.shorten($0, maxCharacters: 40))»" } ?? "a section"
            }
            let field = "<\(element.name)>" + (section.map { ", \($0)" } ?? "")
            for (name, value) in element.attributes.sorted(by: { $0.key < $1.key }) {
                texts.append(PrivacyText(text: value, line: element.line, field: "attribute \(name) of <\(element.name)>"))
            }
            if element.ownText.contains(where: { !$0.isWhitespace }) {
                texts.append(PrivacyText(text: element.ownText, line: element.line, field: field))
            }
            for child in element.children { walk(child, section: section) }
        }
        walk(root, section: nil)
        return texts
    }

    /// The fields a sidecar or folder catalog gives, each with the file and line it was set in.
    static func texts(ofMetadata record: MetadataRecord) -> [PrivacyText] {
        var texts: [PrivacyText] = []
        func add(_ value: Sourced<String>?, _ field: String) {
            if let value { texts.append(PrivacyText(text: value.value, file: value.origin, field: "<\(field)>")) }
        }
        func add(_ values: Sourced<[String]>?, _ field: String) {
            if let values { texts.append(PrivacyText(text: values.value.joined(separator: "\n"), file: values.origin, line: 0, field: "<\(field)>")) }
        }
        add(record.title, "title")
        add(record.summary, "summary")
        add(record.organisations, "organisations")
        add(record.authors, "authors")
        if let region = record.region, let municipality = region.value.municipality { add(Sourced(value: municipality, origin: region.origin), "region") }
        if let source = record.source {
            add(Sourced(value: ([source.value.description, source.value.url ?? ""] + source.value.files).joined(separator: "\n"), origin: source.origin), "source")
        }
        if let practice = record.practice {
            let value = practice.value
            add(Sourced(value: [value.runBy, value.location, value.since].joined(separator: "\n"), origin: practice.origin), "practice")
        }
        if let method = record.workingMethod {
            let value = method.value
            let all = value.recruitmentChannels + value.exploitationSettings + [value.victimAgeBand, value.groupContext] + value.controlMethods
            add(Sourced(value: all.joined(separator: "\n"), origin: method.origin), "workingMethod")
        }
        return texts
    }

    /// The text an extractor got: file lines for text and Markdown, pages and lines of pdftotext's output for PDF,
    /// and for HTML and office files one line per heading and paragraph of the extracted text.
    static func texts(ofExtracted extracted: ExtractedDocument) -> [PrivacyText] {
        if let plain = extracted.plainText {
            let pages = plain.split(separator: "\u{0C}", omittingEmptySubsequences: false)
            var texts: [PrivacyText] = []
            var line = 1
            for (index, page) in pages.enumerated() {
                let number = pages.count > 1 ? index + 1 : nil
                if extracted.plainTextIsFile {
                    texts.append(PrivacyText(text: String(page), line: line, page: number, columns: true))
                } else {
                    texts.append(PrivacyText(text: String(page), line: 1, page: number, extracted: true, columns: true))
                }
                line += page.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            }
            return texts
        }
        var texts: [PrivacyText] = []
        var line = 1
        for section in extracted.sections {
            let field = section.heading.map { "section «\(DocumentAssembler.shorten($0, maxCharacters: 40))»" }
            for block in (section.heading.map { [$0] } ?? []) + section.paragraphs {
                texts.append(PrivacyText(text: block, line: line, page: section.page, extracted: true, columns: true, field: field))
                line += 1 + block.reduce(0) { $0 + ($1 == "\n" ? 1 : 0) }
            }
        }
        return texts
    }

    /// Every field of the document as it goes into the index, by field name only.
    static func documentTexts(_ document: KnowledgeDocument) -> [PrivacyText] {
        var texts: [PrivacyText] = []
        func add(_ text: String?, _ field: String) {
            if let text, !text.isEmpty { texts.append(PrivacyText(text: text, field: field)) }
        }
        add(document.title, "the title")
        add(document.summary, "the summary")
        add(document.organisations.joined(separator: "\n"), "the organisations")
        add(document.authors.joined(separator: "\n"), "the authors")
        add(document.municipality, "the municipality")
        if let source = document.source {
            add(source.description, "the source")
            add(source.url, "the source address")
        }
        if let practice = document.practice { add([practice.runBy, practice.location, practice.since].joined(separator: "\n"), "the practice") }
        if let method = document.workingMethod {
            add((method.recruitmentChannels + method.exploitationSettings + [method.victimAgeBand, method.groupContext] + method.controlMethods)
                    .joined(separator: "\n"), "the working method")
        }
        for (index, section) in document.sections.enumerated() {
            let name = section.heading.map { "section «\(DocumentAssembler.shorten($0, maxCharacters: 40))»" } ?? "section \(index + 1)"
            add(section.heading, name)
            for paragraph in section.paragraphs {
                texts.append(PrivacyText(text: paragraph, page: section.page, field: name))
            }
        }
        return texts
    }
}

/// A piece of a document's text and where it is.
struct PrivacyText {
    var text: String
    /// Another file than the document's own (a sidecar or catalog, with its line: "x.pdf.meta.xml line 4").
    var file: String? = nil
    /// Line of the text's first line (0: unknown).
    var line: Int = 0
    var page: Int? = nil
    /// Lines count in the extracted text, not in the file.
    var extracted = false
    /// The text starts at column 1 of its line, so columns can be reported.
    var columns = false
    /// Element or section, for messages.
    var field: String? = nil
}

/// A deliberate exception to the privacy guard: `<exception kind="phone" value="0800-2000">public helpline of …</exception>`.
/// The value is compared in canonical form (a phone number's digits in national form, an address in lowercase, a
/// plate's letters and digits), so `+31 800 2000` and `0800 2000` are the same; `*` stands for any characters
/// (`kind="email" value="*@lej.example.nl"`).
struct PrivacyException: Sendable {
    var kind: PersonalDataScanner.Kind
    var value: String
    var reason: String
    /// File and line, for messages.
    var origin: String
    /// Exceptions of a record or sidecar are about one document: one that matches nothing there is stale. A folder
    /// catalog's exceptions cover many documents and are not reported per document.
    var reportsStale: Bool

    func matches(_ match: PersonalDataScanner.Match) -> Bool {
        guard match.kind == kind else { return false }
        let pattern = PersonalDataScanner.normalise(value, kind: kind)
        return Self.glob(Array(pattern), Array(match.normalised))
    }

    /// `*` matches any run of characters, everything else itself.
    static func glob(_ pattern: [Character], _ text: [Character]) -> Bool {
        var (p, t, star, mark) = (0, 0, -1, 0)
        while t < text.count {
            if p < pattern.count, pattern[p] != "*", pattern[p] == text[t] {
                p += 1; t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = p; mark = t; p += 1
            } else if star >= 0 {
                p = star + 1; mark += 1; t = mark
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }

    /// The `<exception>` elements of a `<privacyExceptions>` element (already checked against the schema).
    static func read(_ element: XMLElement?, origin: (XMLElement) -> String, reportsStale: Bool) -> [PrivacyException] {
        element?.children("exception").compactMap { exception in
            guard let kind = exception.attributes["kind"].flatMap(PersonalDataScanner.Kind.init(rawValue:)),
                  let value = exception.attributes["value"] else { return nil }
            return PrivacyException(kind: kind, value: value, reason: TextScanning.collapsingWhitespace(exception.text),
                                    origin: origin(exception), reportsStale: reportsStale)
        } ?? []
    }
}
