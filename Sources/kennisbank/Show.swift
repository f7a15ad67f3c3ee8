import ArgumentParser
import Foundation
import KennisbankCore

extension Kennisbank {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Print one document's metadata and text.")

        @Argument(help: "The document id.")
        var id: String

        @OptionGroup var options: IndexOptions

        @Flag(help: "Print one JSON object.")
        var json = false

        func run() throws {
            do {
                let searcher = try Searcher(location: IndexLocation(options.index), levels: AccessLevel.allCases)
                guard let document = try searcher.document(id: id) else { throw KennisbankError.notFound(id) }
                let passages = Passage.split(document.sections)
                if json {
                    struct Output: Encodable {
                        let document: KnowledgeDocument
                        let passages: [Passage]
                    }
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
                    print(String(decoding: try encoder.encode(Output(document: document, passages: passages)), as: UTF8.self))
                    return
                }
                print(document.title)
                print(String(repeating: "=", count: min(document.title.count, 80)))
                let rows: [(String, String)] = [
                    ("id", document.id), ("type", document.type), ("datum", document.published),
                    ("taal", document.language), ("toegang", document.access.rawValue),
                    ("organisatie", document.organisations.joined(separator: "; ")),
                    ("auteur", document.authors.joined(separator: "; ")),
                    ("regio", ([document.region] + [document.municipality].compactMap { $0 }).joined(separator: ", ")),
                    ("doelgroep", document.audiences.joined(separator: ", ")),
                    ("aanpak", document.approaches.joined(separator: ", ")),
                    ("thema", document.themes.joined(separator: ", ")),
                    ("bron", [document.source?.description, document.source?.url].compactMap { $0 }.joined(separator: " ")),
                ]
                for (label, value) in rows where !value.isEmpty { print("\(label.padding(toLength: 12, withPad: " ", startingAt: 0)) \(value)") }
                if let practice = document.practice {
                    print("uitvoerder    \(practice.runBy)\nlocatie      \(practice.location)\nsinds        \(practice.since)\nonderbouwing \(practice.evidence)")
                }
                if let method = document.workingMethod {
                    print("werving      \(method.recruitmentChannels.joined(separator: "; "))")
                    print("uitbuiting   \(method.exploitationSettings.joined(separator: "; "))")
                    print("leeftijd     \(method.victimAgeBand)")
                    print("context      \(method.groupContext)")
                    print("controle     \(method.controlMethods.joined(separator: "; "))")
                }
                print("\n\(document.summary)\n")
                for section in document.sections {
                    if let heading = section.heading {
                        print("## \(heading)" + (section.page.map { " (p. \($0))" } ?? ""))
                    }
                    for paragraph in section.paragraphs { print(paragraph + "\n") }
                }
            } catch let error as KennisbankError {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        }
    }
}
