import ArgumentParser
import Foundation
import KennisbankCore
import KennisbankServer
import Logging

extension Kennisbank {
    /// Runs the HTTP JSON API and the Dutch search pages until SIGTERM or SIGINT.
    struct Serve: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Serve the JSON API and the search pages over HTTP.",
            discussion: """
            Routes: / (search page), /document/{id}, /api/search, /api/documents/{id}, \
            /api/documents/{id}/similar, /api/documents/{id}/file, /api/export (html, md, csv, json, dc), \
            /api/saved-searches, /api/saved-searches/{id}, /feeds/{feed}.atom, /zoekopdrachten, /inloggen, \
            /uitloggen, /beheer/audit, /beheer/statistiek and /api/statistics (curators), /openapi.yaml, /healthz. \
            Saved searches, search analytics and the feeds' document ledger are kept in access/ beside the index. \
            A reindex is picked up without restart. Stops cleanly on SIGTERM or SIGINT.
            """)

        @OptionGroup var options: IndexOptions

        @Option(help: "Address to listen on.")
        var host: String = "127.0.0.1"

        @Option(help: "Port to listen on (0: any free port).")
        var port: Int = 8080

        @Option(help: "The collection folder the index was built from; enables original files and vocabulary labels.")
        var collection: String?

        @Option(help: "The vocabulary file (default: vocabulaire.json in the collection folder or a parent).")
        var vocabulary: String?

        @Option(help: "Log level: trace, debug, info, notice, warning, error, critical.")
        var logLevel: String = "info"

        @Option(help: "Log format: text or json (one object per line).")
        var logFormat: String = "text"

        @Option(help: "Search results kept in memory per role and index version (0: no cache).")
        var cacheSize: Int = 2048

        func validate() throws {
            guard (0...65535).contains(port) else { throw ValidationError("--port must be between 0 and 65535") }
            guard Logger.Level(rawValue: logLevel) != nil else {
                throw ValidationError("--log-level must be one of \(Logger.Level.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            guard ["text", "json"].contains(logFormat) else { throw ValidationError("--log-format must be text or json") }
            guard (0...1_000_000).contains(cacheSize) else { throw ValidationError("--cache-size must be between 0 and 1000000") }
        }

        func run() async throws {
            let level = Logger.Level(rawValue: logLevel) ?? .info
            if logFormat == "json" {
                LoggingSystem.bootstrap { label in
                    var handler = JSONLogHandler(label: label)
                    handler.logLevel = level
                    return handler
                }
            } else {
                LoggingSystem.bootstrap { label in
                    var handler = StreamLogHandler.standardError(label: label)
                    handler.logLevel = level
                    return handler
                }
            }
            let configuration = KennisbankServerConfiguration(
                indexPath: options.index, host: host, port: port, collectionPath: collection,
                vocabularyPath: vocabulary, logLevel: level, resultCacheSize: cacheSize)
            do {
                let app = try await buildApplication(configuration) { host, port in
                    let shownHost = host.contains(":") ? "[\(host)]" : host
                    FileHandle.standardOutput.write(Data("Kennisbank luistert op http://\(shownHost):\(port)/\n".utf8))
                }
                try await app.runService()
            } catch {
                Terminal.error((error as? KennisbankError)?.description ?? "\(error)")
                throw ExitCode(2)
            }
        }
    }
}
