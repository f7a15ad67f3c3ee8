import Foundation

/// One document of the knowledge base, whatever file it came from.
public struct KnowledgeDocument: Codable, Sendable, Equatable {
    public var id: String
    public var type: String
    public var language: String
    public var access: AccessLevel
    public var title: String
    public var summary: String
    /// ISO date `YYYY-MM-DD`.
    public var published: String
    public var organisations: [String]
    public var authors: [String]
    /// "landelijk" or a province.
    public var region: String
    public var municipality: String?
    public var audiences: [String]
    public var approaches: [String]
    public var themes: [String]
    public var source: Source?
    public var practice: Practice?
    public var workingMethod: WorkingMethod?
    public var sections: [Section]

    public struct Source: Codable, Sendable, Equatable {
        public var description: String
        public var url: String?
        /// Original files this document was read from, relative to the collection folder.
        public var files: [String]
        public init(description: String, url: String? = nil, files: [String] = []) {
            self.description = description
            self.url = url
            self.files = files
        }
    }

    /// A good practice: who runs it, where, since when, and how well it is supported.
    public struct Practice: Codable, Sendable, Equatable {
        public var runBy: String
        public var location: String
        public var since: String
        public var evidence: String
        public init(runBy: String, location: String, since: String, evidence: String) {
            self.runBy = runBy
            self.location = location
            self.since = since
            self.evidence = evidence
        }
    }

    /// A perpetrator profile's working method (composite, fictional material).
    public struct WorkingMethod: Codable, Sendable, Equatable {
        public var recruitmentChannels: [String]
        public var exploitationSettings: [String]
        public var victimAgeBand: String
        public var groupContext: String
        public var controlMethods: [String]
        public init(recruitmentChannels: [String], exploitationSettings: [String], victimAgeBand: String,
                    groupContext: String, controlMethods: [String]) {
            self.recruitmentChannels = recruitmentChannels
            self.exploitationSettings = exploitationSettings
            self.victimAgeBand = victimAgeBand
            self.groupContext = groupContext
            self.controlMethods = controlMethods
        }
    }

    public struct Section: Codable, Sendable, Equatable {
        public var heading: String?
        public var page: Int?
        public var paragraphs: [String]
        public init(heading: String?, page: Int?, paragraphs: [String]) {
            self.heading = heading
            self.page = page
            self.paragraphs = paragraphs
        }
    }

    public init(id: String, type: String, language: String, access: AccessLevel, title: String, summary: String,
                published: String, organisations: [String], authors: [String], region: String, municipality: String?,
                audiences: [String], approaches: [String], themes: [String], source: Source?, practice: Practice?,
                workingMethod: WorkingMethod?, sections: [Section]) {
        self.id = id
        self.type = type
        self.language = language
        self.access = access
        self.title = title
        self.summary = summary
        self.published = published
        self.organisations = organisations
        self.authors = authors
        self.region = region
        self.municipality = municipality
        self.audiences = audiences
        self.approaches = approaches
        self.themes = themes
        self.source = source
        self.practice = practice
        self.workingMethod = workingMethod
        self.sections = sections
    }

    /// The values this document has for a facet.
    public func values(of facet: Facet) -> [String] {
        switch facet {
        case .type: [type]
        case .theme: themes
        case .audience: audiences
        case .approach: approaches
        // A municipality is named as such, so the municipality Groningen is not the province Groningen.
        case .region: [region] + (municipality.map { ["gemeente " + $0] } ?? [])
        case .organisation: organisations
        case .language: [language]
        case .access: [access.rawValue]
        }
    }

    /// The body as plain text, paragraphs separated by blank lines.
    public var bodyText: String {
        sections.map { section in
            ([section.heading].compactMap { $0 } + section.paragraphs).joined(separator: "\n\n")
        }.joined(separator: "\n\n")
    }

    /// The Xapian stemmer for this document's language.
    public var stemmerLanguage: String { StemmerLanguage.forCode(language) }
}

/// Maps ISO language codes to Xapian stemmer names.
public enum StemmerLanguage {
    /// Snowball's Porter2 ("english"); Porter's original scored the same on the English relevance set (Vaswani
    /// 0.2942), Lovins lower. `KENNISBANK_EN_STEMMER` overrides it for experiments. Index and queries must agree.
    static let englishStemmer = ProcessInfo.processInfo.environment["KENNISBANK_EN_STEMMER"] ?? "english"

    public static func forCode(_ code: String) -> String {
        switch code {
        case "en": englishStemmer
        case "nl": "dutch"
        default: "none"
        }
    }
}
