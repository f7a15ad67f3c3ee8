import XapianKit

/// Turns a KnowledgeDocument into Xapian terms, values and stored data.
enum DocumentBuilder {
    /// Field weights: a word in the title counts as much as three in the body.
    static let titleWeight: UInt32 = 3
    static let summaryWeight: UInt32 = 2
    static let headingWeight: UInt32 = 2

    static func build(_ document: KnowledgeDocument) throws(KennisbankError) -> XapianDocument {
        let built = XapianDocument()
        let language = document.stemmerLanguage
        do {
            func text(_ value: String, weight: UInt32 = 1, prefix: String = "") throws(XapianError) {
                guard !value.isEmpty else { return }
                // Lowercased first: Xapian leaves capitalised words unstemmed, and in Dutch that would
                // miss every sentence-initial plural ("Rollenspellen staan centraal").
                try built.indexText(value.lowercased(), language: language, weight: weight, prefix: prefix)
                built.increaseTermPosition()
            }
            try text(document.title, weight: titleWeight)
            try text(document.title, prefix: IndexSchema.titlePrefix)
            try text(document.summary, weight: summaryWeight)
            for organisation in document.organisations {
                try text(organisation)
                try text(organisation, prefix: IndexSchema.organisationPrefix)
            }
            for author in document.authors { try text(author, prefix: IndexSchema.authorPrefix) }
            if let practice = document.practice {
                try text([practice.runBy, practice.location].joined(separator: "\n"))
            }
            if let method = document.workingMethod {
                try text((method.recruitmentChannels + method.exploitationSettings + [method.groupContext] + method.controlMethods)
                    .joined(separator: "\n"))
            }
            for section in document.sections {
                if let heading = section.heading { try text(heading, weight: headingWeight) }
                for paragraph in section.paragraphs { try text(paragraph) }
            }
        } catch {
            throw .index("cannot analyse \(document.id): \(error.message)")
        }
        built.addBooleanTerm(IndexSchema.idTerm(document.id))
        for facet in Facet.allCases {
            let values = document.values(of: facet)
            for value in values { built.addBooleanTerm(IndexSchema.facetTerm(facet, value)) }
            built.setValue(values.joined(separator: String(IndexSchema.valueSeparator)), slot: facet.valueSlot)
        }
        built.setValue(document.published, slot: IndexSchema.dateSlot)
        do {
            built.setData(try IndexSchema.encode(document))
        } catch {
            throw .index("cannot encode \(document.id): \(error)")
        }
        return built
    }
}
