import KennisbankCore

/// Makes a KnowledgeDocument of an extracted file and its metadata. Each field comes from, in order:
/// the sidecar, the folder catalogs (nearest first), what the file says about itself, and — for language,
/// title and summary only — the text. A required field nobody gives is a skip reason naming the field;
/// every value must be in the vocabulary, and the message says where a wrong value was set.
struct DocumentAssembler {
    let vocabulary: Vocabulary

    /// - Parameters:
    ///   - path: the file's path in the collection (its id comes from it unless the metadata names one).
    ///   - copies: other files with exactly the same content, listed as sources of the same document.
    func assemble(path: String, extracted: ExtractedDocument, metadata: MetadataRecord, copies: [String] = []) throws(SkipReason) -> KnowledgeDocument {
        let properties = extracted.properties
        let fileOrigin = "\(properties.origin) of the file"
        var missing: [String] = []
        func required<T>(_ value: Sourced<T>?, _ field: String) -> Sourced<T>? {
            if value == nil { missing.append(field) }
            return value
        }
        func fromFile<T>(_ value: T?) -> Sourced<T>? { value.map { Sourced(value: $0, origin: fileOrigin) } }
        func nonEmpty(_ list: [String]) -> [String]? { list.isEmpty ? nil : list }

        let paragraphs = extracted.sections.flatMap(\.paragraphs)
        let type = required(metadata.type, "type")
        let language = required(metadata.language ?? fromFile(properties.language.flatMap { $0.isEmpty ? nil : $0 })
            ?? LanguageGuesser.guess(paragraphs).map { Sourced(value: $0, origin: "guessed from the text") }, "language")
        let access = required(metadata.access, "access")
        let title = required(metadata.title ?? fromFile(properties.title) ?? Self.derivedTitle(extracted).map { Sourced(value: $0, origin: "text") }, "title")
        // What curators write is kept whole; what a file says or the text gives is cut to a summary's length.
        let summary = metadata.summary?.value ?? properties.summary.map { Self.derivedSummary([$0], words: 80) } ?? Self.derivedSummary(paragraphs)
        let published = required(metadata.published ?? fromFile(properties.published), "published (date)")
        let organisations = required(metadata.organisations ?? fromFile(nonEmpty(properties.organisations)), "organisations")
        let region = required(metadata.region, "region")
        let audiences = required(metadata.audiences, "audiences")
        let approaches = required(metadata.approaches, "approaches")
        let themes = required(metadata.themes ?? fromFile(nonEmpty(themes(fromKeywords: properties.keywords))), "themes")
        if !missing.isEmpty {
            throw SkipReason(message: "missing \(missing.joined(separator: ", ")): give \(missing.count == 1 ? "it" : "them") in "
                             + "\(path)\(MetadataReader.sidecarSuffix) or in a \(MetadataReader.catalogName) of its folder or a folder above")
        }

        var problems: [String] = []
        func check(_ value: Sourced<String>, _ list: String, field: String) {
            if let problem = VocabularyCheck.problem(value.value, list: list, field: field, vocabulary: vocabulary) {
                problems.append("\(problem) (set in \(value.origin))")
            }
        }
        func check(_ values: Sourced<[String]>, _ list: String, field: String) {
            for value in values.value { check(Sourced(value: value, origin: values.origin), list, field: field) }
        }
        check(type!, "type", field: "type")
        check(language!, "language", field: "language")
        check(access!, "access", field: "access")
        check(Sourced(value: region!.value.scope, origin: region!.origin), "region", field: "region scope")
        check(audiences!, "audience", field: "audience")
        check(approaches!, "approach", field: "approach")
        check(themes!, "theme", field: "theme")
        if let practice = metadata.practice { check(Sourced(value: practice.value.evidence, origin: practice.origin), "evidence", field: "evidence") }
        guard let level = AccessLevel(rawValue: access!.value) else {
            problems.append("access \"\(access!.value)\" is not an access level the index has (set in \(access!.origin))")
            throw SkipReason(message: problems.joined(separator: "; "))
        }
        if let first = problems.first { throw SkipReason(message: first, more: problems.count - 1) }

        let attached = metadata.source?.value.files ?? []
        let source = KnowledgeDocument.Source(description: metadata.source?.value.description ?? "", url: metadata.source?.value.url,
                                              files: [path] + copies + attached)
        return KnowledgeDocument(
            id: metadata.id?.value ?? Slug.id(forPath: path), type: type!.value, language: language!.value, access: level,
            title: title!.value, summary: summary, published: published!.value, organisations: organisations!.value,
            authors: metadata.authors?.value ?? properties.authors, region: region!.value.scope, municipality: region!.value.municipality,
            audiences: audiences!.value, approaches: approaches!.value, themes: themes!.value, source: source,
            practice: metadata.practice?.value, workingMethod: metadata.workingMethod?.value, sections: extracted.sections)
    }

    /// Keywords that are themes of the vocabulary (by value or label), for files that carry keywords.
    func themes(fromKeywords keywords: [String]) -> [String] {
        let terms = vocabulary.lists["theme"] ?? []
        var found: [String] = []
        for keyword in keywords {
            let lowered = keyword.lowercased()
            if let term = terms.first(where: { $0.value == lowered || $0.label.lowercased() == lowered }), !found.contains(term.value) {
                found.append(term.value)
            }
        }
        return found
    }

    /// The first paragraph, when it is short enough to be a title; else its start.
    static func derivedTitle(_ extracted: ExtractedDocument) -> String? {
        let candidates = extracted.sections.flatMap { ($0.heading.map { [$0] } ?? []) + $0.paragraphs }
        guard let first = candidates.first(where: { $0.split(separator: " ").contains { $0.filter(\.isLetter).count >= 2 } }) else {
            return nil
        }
        // Page furniture before the words ("7 | 07 Justitiële verkenningen") is no part of a title.
        let words = first.split(separator: " ")
        let start = words.firstIndex { $0.contains(where: \.isLetter) } ?? 0
        return shorten(words[start...].joined(separator: " "), maxCharacters: 150)
    }

    /// About the first sixty words of running text, cut at a sentence end when there is one.
    static func derivedSummary(_ paragraphs: [String], words limit: Int = 60) -> String {
        let running = paragraphs.first { $0.split(separator: " ").count >= 12 } ?? paragraphs.prefix(3).joined(separator: " ")
        let words = running.split(separator: " ")
        if words.count <= limit { return running }
        let cut = words.prefix(limit).joined(separator: " ")
        if let end = cut.lastIndex(where: { ".!?".contains($0) }), cut.distance(from: cut.startIndex, to: end) > cut.count / 2 {
            return String(cut[...end])
        }
        return cut + " …"
    }

    static func shorten(_ text: String, maxCharacters: Int) -> String {
        guard text.count > maxCharacters else { return text }
        var cut = String(text.prefix(maxCharacters))
        if let space = cut.lastIndex(of: " ") { cut = String(cut[..<space]) }
        return cut + " …"
    }
}
