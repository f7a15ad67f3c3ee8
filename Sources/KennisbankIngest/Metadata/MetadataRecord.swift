import KennisbankCore

/// A value together with where it was set ("rapport.pdf.meta.xml line 4"), so a message about it can
/// point at the line to fix.
struct Sourced<Value> {
    var value: Value
    var origin: String
}

/// The metadata fields of a `<metadata>` element (sidecar or folder catalog), every one optional.
struct MetadataRecord {
    struct Region: Equatable {
        var scope: String
        var municipality: String?
    }

    var id: Sourced<String>?
    var type: Sourced<String>?
    var language: Sourced<String>?
    var access: Sourced<String>?
    var title: Sourced<String>?
    var summary: Sourced<String>?
    var published: Sourced<String>?
    var organisations: Sourced<[String]>?
    var authors: Sourced<[String]>?
    var region: Sourced<Region>?
    var audiences: Sourced<[String]>?
    var approaches: Sourced<[String]>?
    var themes: Sourced<[String]>?
    var source: Sourced<KnowledgeDocument.Source>?
    var practice: Sourced<KnowledgeDocument.Practice>?
    var workingMethod: Sourced<KnowledgeDocument.WorkingMethod>?
    /// Deliberate exceptions to the privacy guard.
    var privacyExceptions: [PrivacyException] = []

    /// This record's fields, and `base`'s where this one has none. A list replaces the base list whole:
    /// a sidecar that names its themes means those themes, not the folder's plus those. Privacy exceptions add up.
    func over(_ base: MetadataRecord) -> MetadataRecord {
        var record = MetadataRecord(
            id: id ?? base.id, type: type ?? base.type, language: language ?? base.language, access: access ?? base.access,
            title: title ?? base.title, summary: summary ?? base.summary, published: published ?? base.published,
            organisations: organisations ?? base.organisations, authors: authors ?? base.authors, region: region ?? base.region,
            audiences: audiences ?? base.audiences, approaches: approaches ?? base.approaches, themes: themes ?? base.themes,
            source: source ?? base.source, practice: practice ?? base.practice, workingMethod: workingMethod ?? base.workingMethod)
        record.privacyExceptions = privacyExceptions + base.privacyExceptions
        return record
    }
}
