import ArgumentParser
import Foundation
import KennisbankCore
import KennisbankExport

extension Kennisbank {
    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show the shape of the collection and its gaps (types per year, theme coverage, organisations).")

        @OptionGroup var options: IndexOptions

        @Flag(help: "Print JSON.")
        var json = false

        @Option(help: "Also write the charts as SVG files into this folder.")
        var svg: String?

        func run() throws {
            do {
                let searcher = try Searcher(location: IndexLocation(options.index), levels: AccessLevel.allCases)
                let vocabulary = Vocabulary.locate(from: URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("Corpus"))
                    .flatMap { try? Vocabulary(contentsOf: $0) }
                let statistics = try searcher.statistics(vocabulary: vocabulary)
                if let svg {
                    try FileManager.default.createDirectory(atPath: svg, withIntermediateDirectories: true)
                    let label = { (list: String) in { (value: String) in vocabulary?.label(for: value, in: list) ?? value } }
                    let charts = [
                        ("types-per-jaar.svg", Charts.typeByYear(statistics, labels: label("type"))),
                        ("thema-x-aanpak.svg", Charts.heatMap(statistics.themeByApproach, title: "Thema × aanpak", rowLabel: label("theme"), columnLabel: label("approach"))),
                        ("thema-x-doelgroep.svg", Charts.heatMap(statistics.themeByAudience, title: "Thema × doelgroep", rowLabel: label("theme"), columnLabel: label("audience"))),
                        ("organisaties.svg", Charts.bars(statistics.organisations, title: "Organisaties")),
                    ]
                    for (name, content) in charts { try content.write(toFile: svg + "/" + name, atomically: true, encoding: .utf8) }
                }
                if json {
                    let encoder = JSONEncoder()
                    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                    print(String(decoding: try encoder.encode(statistics), as: UTF8.self))
                    return
                }
                print("\(statistics.total) documenten")
                print("\nPer type per jaar:")
                for (type, perYear) in statistics.typeByYear.sorted(by: { $0.key < $1.key }) {
                    let cells = perYear.filter { $0.count > 0 }.map { "\($0.value): \($0.count)" }.joined(separator: ", ")
                    print("  \(type.padding(toLength: 16, withPad: " ", startingAt: 0)) \(cells)")
                }
                for (title, matrix) in [("Thema × aanpak", statistics.themeByApproach), ("Thema × doelgroep", statistics.themeByAudience)] {
                    let gaps = zip(matrix.rows, matrix.cells).flatMap { row, cells in
                        zip(matrix.columns, cells).filter { $0.1 == 0 }.map { "\(row) × \($0.0)" }
                    }
                    print("\n\(title): \(gaps.count) lege cellen (leemtes)")
                    for gap in gaps.prefix(15) { print("  – \(gap)") }
                    if gaps.count > 15 { print("  … en \(gaps.count - 15) meer") }
                }
                print("\nTalen: " + statistics.languages.map { "\($0.value) \($0.count)" }.joined(separator: ", "))
                print("Toegang: " + statistics.access.map { "\($0.value) \($0.count)" }.joined(separator: ", "))
                print("Organisaties: " + statistics.organisations.prefix(8).map { "\($0.value) (\($0.count))" }.joined(separator: ", "))
            } catch let error as KennisbankError {
                Terminal.error(error.description)
                throw ExitCode(2)
            }
        }
    }
}
