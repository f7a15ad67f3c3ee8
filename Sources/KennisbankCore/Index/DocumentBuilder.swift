import Foundation
import XapianKit

/// Turns a KnowledgeDocument into Xapian terms, values and stored data.
struct DocumentBuilder {
    /// Field weights: a word in the title counts as much as two in the body (three over-weighted short
    /// titles: Vaswani MAP 0.2889 with two against 0.2813 with three, the judged set level).
    static let titleWeight: UInt32 = UInt32(ProcessInfo.processInfo.environment["KENNISBANK_TITLE_WEIGHT"] ?? "") ?? 2
    /// A title stands for the whole text, and the longer the text the more its words are diluted: in a
    /// 40-word abstract the title is a fifth of the words, in a 600-word record one in sixty. From this many
    /// words of body text on, the title weighs one more (judged set: the Tilburg record, titled *… toegepast op
    /// jeugdprostitutie*, came into J02's top 10; Vaswani's abstracts keep weight 2, where 3 cost 0.011).
    static let longTextWords = 200

    static func titleWeight(for document: KnowledgeDocument) -> UInt32 {
        var words = 0
        for section in document.sections {
            for paragraph in section.paragraphs {
                words += paragraph.split(whereSeparator: \.isWhitespace).count
                if words >= longTextWords { return titleWeight + 1 }
            }
        }
        return titleWeight
    }
    static let summaryWeight: UInt32 = 2
    static let headingWeight: UInt32 = 2
    /// Everything that decides which terms and weights a document gets. An index built under another stamp
    /// weighs its documents differently from the ones added now, so the indexer rebuilds it (IndexWriter).
    /// Bump `termsVersion` when the analysis code changes what it produces.
    static var stamp: String {
        let stage = AnalysisStage.current
        let analysis = [stage.folding ? "fold" : nil, stage.improvedStemming ? "stem" : nil,
                        stage.decompounding ? "decompound" : nil].compactMap { $0 }.joined(separator: "+")
        return "terms \(termsVersion); title \(titleWeight) (+1 from \(longTextWords) words), summary \(summaryWeight), heading \(headingWeight); analysis \(analysis)"
    }
    static let termsVersion = 2

    /// Gap between fields so phrases never match across them.
    static let fieldGap: UInt32 = 100

    private var analyzers: [String: Analyzer] = [:]

    init() {}

    /// The document's terms and values, ready to be written. `words` receives every word (for spelling data).
    mutating func build(_ document: KnowledgeDocument, words: ((String) -> Void)? = nil) throws(KennisbankError) -> XapianDocument {
        let analyzer = analyzer(for: document.language)
        var batch = TermBatch()
        var position: UInt32 = 0
        func text(_ value: String, weight: UInt32 = 1, prefix: String = "", spelling: Bool = true) {
            guard !value.isEmpty else { return }
            analyzer.index(value, prefix: prefix, weight: weight, position: &position, into: &batch,
                           words: spelling ? words : nil)
            position += Self.fieldGap
        }
        text(document.title, weight: Self.titleWeight(for: document))
        text(document.title, prefix: IndexSchema.titlePrefix, spelling: false)
        text(document.summary, weight: Self.summaryWeight)
        // Themes are the curators' subject headings: *jongens als slachtoffer* should find a record
        // tagged with it even when its text says *jongens die worden uitgebuit*.
        for theme in document.themes { text(theme.replacingOccurrences(of: "-", with: " "), spelling: false) }
        for organisation in document.organisations {
            text(organisation)
            text(organisation, prefix: IndexSchema.organisationPrefix, spelling: false)
        }
        for author in document.authors { text(author, prefix: IndexSchema.authorPrefix, spelling: false) }
        if let practice = document.practice { text(practice.runBy + "\n" + practice.location) }
        if let method = document.workingMethod {
            text((method.recruitmentChannels + method.exploitationSettings + [method.groupContext] + method.controlMethods)
                .joined(separator: "\n"))
        }
        for section in document.sections {
            if let heading = section.heading { text(heading, weight: Self.headingWeight) }
            for paragraph in section.paragraphs { text(paragraph) }
        }

        let built = XapianDocument()
        do {
            try built.addTerms(batch)
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

    private mutating func analyzer(for language: String) -> Analyzer {
        if let existing = analyzers[language] { return existing }
        let made = Analyzer(language: language)
        analyzers[language] = made
        return made
    }
}
