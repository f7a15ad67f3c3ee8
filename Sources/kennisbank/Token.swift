import ArgumentParser
import Foundation
import KennisbankCore

extension Kennisbank {
    struct TokenCommand: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "token", abstract: "Create, list and revoke API tokens (stored beside the index).",
            subcommands: [Create.self, List.self, Revoke.self])

        struct Create: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Create a token; it is printed once and stored only as a salted hash.")

            @Option(help: "anonymous, professional, trainer or curator.")
            var role: String

            @Option(help: "Who the token is for (shown in the audit log).")
            var name: String

            @Option(help: "Days until the token expires (default: never).")
            var days: Int?

            @OptionGroup var options: IndexOptions

            func run() throws {
                guard let role = Role(rawValue: role) else {
                    Terminal.error("invalid --role: \"\(self.role)\"; roles: \(Role.allCases.map(\.rawValue).joined(separator: ", "))")
                    throw ExitCode(2)
                }
                if let days, days < 1 {
                    Terminal.error("invalid --days: must be at least 1")
                    throw ExitCode(2)
                }
                do {
                    let (record, token) = try TokenStore(location: IndexLocation(options.index)).create(name: name, role: role, validDays: days)
                    print(token)
                    Terminal.error("token \(record.id) for \(record.name) (\(record.role.rawValue)) created; it is not shown again")
                } catch let error as KennisbankError {
                    Terminal.error(error.description)
                    throw ExitCode(2)
                }
            }
        }

        struct List: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "List tokens (never their secrets).")

            @OptionGroup var options: IndexOptions

            func run() throws {
                let records = try TokenStore(location: IndexLocation(options.index)).records()
                let formatter = ISO8601DateFormatter()
                print("id        role          created               status   name")
                for record in records {
                    let status = record.revoked != nil ? "revoked" : (record.expires.map { $0 < Date() } ?? false) ? "expired" : "active"
                    print("\(record.id)  \(record.role.rawValue.padding(toLength: 12, withPad: " ", startingAt: 0))  \(formatter.string(from: record.created))  \(status.padding(toLength: 7, withPad: " ", startingAt: 0))  \(record.name)")
                }
            }
        }

        struct Revoke: ParsableCommand {
            static let configuration = CommandConfiguration(abstract: "Revoke tokens by id or name; sessions made with them end too.")

            @Argument(help: "Token id or name.")
            var token: String

            @OptionGroup var options: IndexOptions

            func run() throws {
                let count = try TokenStore(location: IndexLocation(options.index)).revoke(token)
                guard count > 0 else {
                    Terminal.error("no active token with id or name \"\(token)\"")
                    throw ExitCode(1)
                }
                print("revoked \(count) token\(count == 1 ? "" : "s")")
            }
        }
    }

    struct Audit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the audit log of vertrouwelijk documents shown, opened, downloaded or exported.")

        @Option(help: "Only entries since this date (YYYY-MM-DD).")
        var since: String?

        @Option(help: "Only entries for this document id.")
        var document: String?

        @Flag(help: "Print JSON lines.")
        var json = false

        @OptionGroup var options: IndexOptions

        func run() throws {
            var sinceDate: Date? = nil
            if let since {
                let formatter = DateFormatter()
                formatter.dateFormat = "yyyy-MM-dd"
                formatter.timeZone = TimeZone(identifier: "UTC")
                guard let parsed = formatter.date(from: since) else {
                    Terminal.error("invalid --since: \"\(since)\" is not YYYY-MM-DD")
                    throw ExitCode(2)
                }
                sinceDate = parsed
            }
            let log = AuditLog(location: IndexLocation(options.index))
            let formatter = ISO8601DateFormatter()
            for entry in try log.entries(since: sinceDate, document: document) {
                if json {
                    print("{\"time\":\"\(formatter.string(from: entry.time))\",\"token\":\(quoted(entry.token)),\"document\":\(quoted(entry.document)),\"action\":\"\(entry.action.rawValue)\"}")
                } else {
                    print("\(formatter.string(from: entry.time))  \(entry.action.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0))  \(entry.document)  \(entry.token)")
                }
            }
        }

        private func quoted(_ text: String) -> String {
            String(decoding: (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8), as: UTF8.self)
        }
    }
}
