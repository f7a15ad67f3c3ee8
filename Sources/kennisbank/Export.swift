import ArgumentParser
import Foundation
import KennisbankCore
import KennisbankExport

extension Kennisbank {
    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export the documents a search finds: a printable HTML handout, Markdown, CSV, JSON or Dublin Core XML.",
            discussion: "Exporting vertrouwelijk documents is recorded in the audit log.")

        @Argument(help: "The query; may be empty when filters are given.")
        var query: [String] = []

        @OptionGroup var options: IndexOptions

        @Option(name: .customLong("filter"), help: "A facet filter, facet=value (repeatable).")
        var filters: [String] = []

        @Option(help: "html, md, csv, json or dc.")
        var format: String = "html"

        @Option(help: "Write to this file instead of standard output.")
        var output: String?

        @Option(help: "At most this many documents.")
        var limit: Int = 200

        @Option(name: .customLong("as"), help: "Export exactly what this role may see.")
        var role: String = "curator"

        func run() async throws {
            do {
                guard let format = ExportFormat(rawValue: format) else {
                    throw KennisbankError.invalidParameter(
                        name: "--format", message: "\"\(self.format)\" is not one of \(ExportFormat.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                guard let role = Role(rawValue: role) else {
                    throw KennisbankError.invalidParameter(name: "--as", message: "roles: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                }
                let request = try RequestBuilder.request(query: query, filters: filters)
                let location = IndexLocation(options.index)
                let searcher = try Searcher(location: location, levels: role.visibleLevels)
                let documents = try searcher.documents(matching: request, limit: max(1, limit))
                let vocabulary = Vocabulary.locate(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Corpus"))
                    .flatMap { try? Vocabulary(contentsOf: $0) }
                let exporter = try await Exporter(vocabulary: vocabulary)
                let description = ([query.joined(separator: " ")] + filters).filter { !$0.isEmpty }.joined(separator: ", ")
                let text = try exporter.render(documents, format: format, description: description.isEmpty ? "alle documenten" : description)
                if let output {
                    try text.write(toFile: output, atomically: true, encoding: .utf8)
                    Terminal.error("wrote \(documents.count) documents to \(output)")
                } else {
                    print(text, terminator: "")
                }
                AuditLog(location: location).record(.exported, documents: documents.map { ($0.id, $0.access) },
                                                    token: "cli:" + (ProcessInfo.processInfo.environment["USER"] ?? "onbekend"))
            } catch let error as KennisbankError {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        }
    }
}
