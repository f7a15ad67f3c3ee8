import Foundation

/// Which parts of the analysis pipeline are on. The default is everything; the relevance harness
/// (`Scripts/eval --stages`) switches stages off through `KENNISBANK_ANALYSIS` to measure each one.
/// Index and queries must be analysed with the same stage.
public struct AnalysisStage: Sendable, Equatable {
    /// Diacritic folding and hyphen joining.
    public var folding: Bool
    /// The improved Dutch stemmer instead of Xapian's Snowball `dutch`.
    public var improvedStemming: Bool
    /// Dutch compounds indexed as their parts too.
    public var decompounding: Bool
    /// Query expansion through the thesaurus.
    public var thesaurus: Bool

    public static let full = AnalysisStage(folding: true, improvedStemming: true, decompounding: true, thesaurus: true)

    /// Reads `KENNISBANK_ANALYSIS` (plain | fold | stem | decompound | thesaurus | full); unset means full.
    public static var current: AnalysisStage {
        switch ProcessInfo.processInfo.environment["KENNISBANK_ANALYSIS"] ?? "full" {
        case "plain": AnalysisStage(folding: false, improvedStemming: false, decompounding: false, thesaurus: false)
        case "fold": AnalysisStage(folding: true, improvedStemming: false, decompounding: false, thesaurus: false)
        case "stem": AnalysisStage(folding: true, improvedStemming: true, decompounding: false, thesaurus: false)
        case "decompound": AnalysisStage(folding: true, improvedStemming: true, decompounding: true, thesaurus: false)
        default: .full
        }
    }
}
