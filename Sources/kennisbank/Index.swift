import ArgumentParser
import Foundation
import KennisbankCore
import KennisbankIngest

extension Kennisbank {
    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Index a folder of documents, incrementally.",
            discussion: "Exit status: 0 all indexed, 1 some files skipped (each named with its reason), 2 fatal error.")

        @Argument(help: "The folder holding the documents (for example Corpus).")
        var folder: String

        @OptionGroup var options: IndexOptions

        @Option(help: "The vocabulary file (default: vocabulaire.json in the folder or a parent).")
        var vocabulary: String?

        func run() throws {
            do {
                var indexer = try CollectionIndexer(folder: URL(fileURLWithPath: folder), location: IndexLocation(options.index),
                                                    vocabularyURL: vocabulary.map { URL(fileURLWithPath: $0) })
                if Terminal.stderrIsTerminal {
                    indexer.progress = { done, total in Terminal.status("\r\u{1B}[Kindexing \(done)/\(total)") }
                }
                let summary = try indexer.run()
                if Terminal.stderrIsTerminal { Terminal.status("\r\u{1B}[K") }
                SummaryPrinter.print(summary, verb: "indexed")
                throw ExitCode(summary.exitStatus)
            } catch let error as KennisbankError {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate every document in a folder without touching the index.")

        @Argument(help: "The folder holding the documents.")
        var folder: String

        @Option(help: "The vocabulary file (default: vocabulaire.json in the folder or a parent).")
        var vocabulary: String?

        func run() throws {
            do {
                let indexer = try CollectionIndexer(folder: URL(fileURLWithPath: folder), location: IndexLocation("/nonexistent"),
                                                    vocabularyURL: vocabulary.map { URL(fileURLWithPath: $0) })
                let summary = indexer.check()
                SummaryPrinter.print(summary, verb: "valid")
                throw ExitCode(summary.exitStatus)
            } catch let error as KennisbankError {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        }
    }
}

enum SummaryPrinter {
    static func print(_ summary: IndexSummary, verb: String) {
        for skipped in summary.skipped {
            Terminal.error("skipped \(skipped.path): \(skipped.reason)")
        }
        var parts = ["\(summary.indexed.count) \(verb)"]
        if verb == "indexed" {
            parts.append("\(summary.unchanged) unchanged")
            parts.append("\(summary.removed.count) removed")
        }
        parts.append("\(summary.skipped.count) skipped")
        Swift.print(parts.joined(separator: ", ") + String(format: " (%.2f s)", summary.seconds))
    }
}
