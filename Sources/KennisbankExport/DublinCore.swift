import KennisbankCore

/// Dublin Core records in the `oai_dc` schema, one per document.
enum DublinCore {
    static func render(_ documents: [KnowledgeDocument]) -> String {
        var out = """
        <?xml version="1.0" encoding="UTF-8"?>
        <records xmlns:oai_dc="http://www.openarchives.org/OAI/2.0/oai_dc/" xmlns:dc="http://purl.org/dc/elements/1.1/">

        """
        for document in documents {
            out += "  <oai_dc:dc>\n"
            func element(_ name: String, _ value: String?) {
                guard let value, !value.isEmpty else { return }
                out += "    <dc:\(name)>\(escape(value))</dc:\(name)>\n"
            }
            element("identifier", "kennisbank:" + document.id)
            element("title", document.title)
            for author in document.authors { element("creator", author) }
            for organisation in document.organisations { element("publisher", organisation) }
            element("date", document.published)
            element("type", document.type)
            element("language", document.language)
            element("description", document.summary)
            for theme in document.themes { element("subject", theme) }
            element("coverage", ([document.region] + [document.municipality].compactMap { $0 }).joined(separator: ", "))
            for audience in document.audiences { element("audience", audience) }
            element("source", document.source?.url ?? document.source?.description)
            element("rights", "toegang: " + document.access.rawValue)
            out += "  </oai_dc:dc>\n"
        }
        return out + "</records>\n"
    }

    static func escape(_ text: String) -> String { Markup.escape(text) }
}
