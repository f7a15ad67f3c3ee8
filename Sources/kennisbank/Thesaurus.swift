import ArgumentParser
import Foundation
import KennisbankCore

extension Kennisbank {
    struct ThesaurusCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "thesaurus", abstract: "Manage the domain thesaurus.", subcommands: [Load.self])

        struct Load: ParsableCommand {
            static let configuration = CommandConfiguration(
                abstract: "Load a thesaurus file into the index's synonym tables (no reindex needed).")

            @Argument(help: "The thesaurus file.")
            var file: String = "Corpus/thesaurus.txt"

            @OptionGroup var options: IndexOptions

            func run() throws {
                do {
                    let thesaurus = try Thesaurus(contentsOf: URL(fileURLWithPath: file))
                    let writer = try IndexWriter(location: IndexLocation(options.index))
                    defer { writer.close() }
                    try writer.load(thesaurus)
                    print("loaded \(thesaurus.entries.count) thesaurus entries from \(file)")
                } catch let error as KennisbankError {
                    Terminal.error(error.description)
                    throw ExitCode(2)
                }
            }
        }
    }
}
