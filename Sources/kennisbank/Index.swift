import ArgumentParser
import Foundation
import KennisbankCore
import KennisbankIngest

extension Kennisbank {
    struct Index: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Index a folder of documents (XML records, PDF, HTML, Word, OpenDocument, text, Markdown), incrementally.",
            discussion: """
            Unchanged files are not read again; changed files replace their document, removed files remove it, \
            files with identical content become one document. Files that fail are remembered and tried again \
            when they change (or with --retry-failed). --full rebuilds everything beside the live index and \
            swaps it in atomically when done.
            Exit status: 0 all indexed, 1 some files skipped (each named with its reason), 2 fatal error.
            """)

        @Argument(help: "The folder holding the documents (for example Corpus).")
        var folder: String

        @OptionGroup var options: IndexOptions

        @Option(help: "The vocabulary file (default: vocabulaire.json in the folder or a parent).")
        var vocabulary: String?

        @Option(help: "A catalogus.xml from outside the folder with defaults for every file in it (for folders you cannot write to).")
        var defaults: String?

        @Flag(help: "Rebuild the whole index into a fresh one and swap it in atomically when complete.")
        var full = false

        @Flag(help: "Try files that failed last time again even if they did not change.")
        var retryFailed = false

        @Option(help: "Write a JSON report of every file's outcome to this file.")
        var report: String?

        @Option(help: "Commit after this many documents (bounds memory; an interrupted run keeps what it committed).")
        var commitEvery = 1000

        func run() throws {
            do {
                var indexer = try CollectionIndexer(folder: URL(fileURLWithPath: folder), location: IndexLocation(options.index),
                                                    vocabularyURL: vocabulary.map { URL(fileURLWithPath: $0) })
                indexer.defaultsCatalog = defaults.map { URL(fileURLWithPath: $0) }
                indexer.retryFailed = retryFailed
                indexer.documentsPerCommit = commitEvery
                let display = ProgressDisplay()
                indexer.progress = { display.update($0) }
                let summary = full ? try indexer.rebuild() : try indexer.run()
                display.finish()
                if let reason = summary.rebuiltBecause { print("rebuilt in full: \(reason)") }
                SummaryPrinter.print(summary, verb: "indexed")
                if let report {
                    try ReportWriter.write(summary, to: report, mode: full ? "full" : "incremental", folder: folder, index: options.index)
                }
                throw ExitCode(summary.exitStatus)
            } catch let error as KennisbankError {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        }
    }

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate every document in a folder exactly as indexing would, without touching the index.")

        @Argument(help: "The folder holding the documents.")
        var folder: String

        @Option(help: "The vocabulary file (default: vocabulaire.json in the folder or a parent).")
        var vocabulary: String?

        @Option(help: "A catalogus.xml from outside the folder with defaults for every file in it.")
        var defaults: String?

        @Option(help: "Write a JSON report of every file's outcome to this file.")
        var report: String?

        func run() throws {
            do {
                var indexer = try CollectionIndexer(folder: URL(fileURLWithPath: folder), location: IndexLocation("/nonexistent"),
                                                    vocabularyURL: vocabulary.map { URL(fileURLWithPath: $0) })
                indexer.defaultsCatalog = defaults.map { URL(fileURLWithPath: $0) }
                let display = ProgressDisplay(verb: "checking")
                indexer.progress = { display.update($0) }
                let summary = indexer.check()
                display.finish()
                SummaryPrinter.print(summary, verb: "valid")
                if let report {
                    try ReportWriter.write(summary, to: report, mode: "check", folder: folder, index: nil)
                }
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
        for warning in summary.warnings {
            Terminal.error("warning \(warning.path): \(warning.message)")
        }
        for skipped in summary.skipped {
            Terminal.error("skipped \(skipped.path): \(skipped.reason)")
        }
        var parts = ["\(summary.indexed.count) \(verb)"]
        if verb == "indexed" {
            parts.append("\(summary.unchanged) unchanged")
            parts.append("\(summary.removed.count) removed")
        }
        parts.append("\(summary.skipped.count) skipped")
        if !summary.warnings.isEmpty { parts.append("\(summary.warnings.count) privacy \(summary.warnings.count == 1 ? "warning" : "warnings")") }
        var line = parts.joined(separator: ", ") + String(format: " (%.2f s)", summary.seconds)
        let copies = summary.copies.count
        if copies > 0 { line += "; \(copies) identical \(copies == 1 ? "copy" : "copies") merged into the document of the original" }
        Swift.print(line)
        printFormats(summary.formats, wallSeconds: summary.seconds)
    }

    /// Files, pages, words and time per format, for the files this run read.
    static func printFormats(_ formats: [FormatTotals], wallSeconds: Double) {
        guard !formats.isEmpty else { return }
        func row(_ cells: [String]) -> String {
            let widths = [9, 7, 8, 8, 7, 10, 9, 9]
            return zip(cells, widths).enumerated().map { index, pair in
                index == 0 ? pair.0.padding(toLength: pair.1, withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: max(0, pair.1 - pair.0.count)) + pair.0
            }.joined(separator: " ")
        }
        Swift.print("")
        Swift.print(row(["format", "files", "indexed", "skipped", "pages", "words", "MB", "seconds"]))
        var total = FormatTotals(format: "total")
        for format in formats + [nil] {
            let item = format ?? total
            if let format {
                total.files += format.files; total.indexed += format.indexed; total.skipped += format.skipped
                total.pages += format.pages; total.words += format.words; total.bytes += format.bytes; total.seconds += format.seconds
            }
            Swift.print(row([item.format, "\(item.files)", "\(item.indexed)", "\(item.skipped)", item.pages > 0 ? "\(item.pages)" : "-",
                             "\(item.words)", String(format: "%.1f", Double(item.bytes) / 1_048_576), String(format: "%.2f", item.seconds)]))
        }
        // Files are read on several cores at once, so their times can add up to more than the run took.
        if total.seconds > wallSeconds * 1.05 {
            Swift.print(String(format: "(seconds: reading and indexing per file, partly in parallel; the run took %.2f s)", wallSeconds))
        }
    }
}

/// `--report`: every file's outcome as one JSON object.
enum ReportWriter {
    struct Report: Encodable {
        var mode: String
        var folder: String
        var index: String?
        var finished: String
        var seconds: Double
        var counts: [String: Int]
        var formats: [FormatTotals]
        var files: [FileOutcome]
    }

    static func write(_ summary: IndexSummary, to path: String, mode: String, folder: String, index: String?) throws {
        let report = Report(
            mode: mode, folder: URL(fileURLWithPath: folder).standardizedFileURL.path,
            index: index.map { URL(fileURLWithPath: $0).standardizedFileURL.path },
            finished: ISO8601DateFormatter().string(from: Date()), seconds: summary.seconds,
            counts: ["indexed": summary.indexed.count, "unchanged": summary.unchanged, "removed": summary.removed.count,
                     "skipped": summary.skipped.count, "copies": summary.copies.count, "warnings": summary.warnings.count],
            formats: summary.formats, files: summary.files)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        do {
            try encoder.encode(report).write(to: URL(fileURLWithPath: path), options: .atomic)
        } catch {
            throw KennisbankError.index("cannot write the report \(path): \(error.localizedDescription)")
        }
    }
}
