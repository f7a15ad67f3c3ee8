import ArgumentParser
import KennisbankCore

extension Kennisbank {
    /// Shows what the analysis pipeline makes of words, for checking stemming (Scripts/conflation uses it).
    struct Analyze: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the stem the analysis pipeline gives each word, one per line.")

        @Option(help: "nl or en.")
        var language: String = "nl"

        @Argument(help: "The words.")
        var words: [String] = []

        func run() throws {
            let analyzer = Analyzer(language: language)
            for word in words { print(analyzer.stem(word.lowercased())) }
        }
    }
}
