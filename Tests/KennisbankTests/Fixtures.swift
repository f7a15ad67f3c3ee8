import Foundation
import KennisbankCore
import KennisbankIngest

/// A throw-away collection folder and index for one test.
struct Fixture {
    let folder: URL
    let location: IndexLocation

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let corpus = repositoryRoot.appendingPathComponent("Corpus")
    static let vocabulary = corpus.appendingPathComponent("vocabulaire.json")

    init() throws {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("kennisbank-test-\(UUID().uuidString)")
        folder = base.appendingPathComponent("collectie")
        location = IndexLocation(base.appendingPathComponent("index").path)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixture.vocabulary, to: folder.appendingPathComponent("vocabulaire.json"))
    }

    func write(_ name: String, _ xml: String) throws {
        let url = folder.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try xml.write(to: url, atomically: true, encoding: .utf8)
    }

    func remove(_ name: String) throws {
        try FileManager.default.removeItem(at: folder.appendingPathComponent(name))
    }

    func copyFromCorpus(_ relativePath: String) throws {
        let target = folder.appendingPathComponent(relativePath)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Fixture.corpus.appendingPathComponent(relativePath), to: target)
    }

    @discardableResult
    func index() throws -> IndexSummary {
        try CollectionIndexer(folder: folder, location: location).run()
    }

    /// Loads a thesaurus into the fixture's index, as `kennisbank thesaurus load` does.
    func loadThesaurus(_ text: String) throws {
        let writer = try IndexWriter(location: location)
        defer { writer.close() }
        try writer.load(try Thesaurus(text: text))
    }

    func searcher(_ role: Role = .curator) throws -> Searcher {
        try Searcher(location: location, levels: role.visibleLevels)
    }

    func search(_ query: String, filters: [Facet: [String]] = [:], role: Role = .curator, limit: Int = 100) throws -> SearchResult {
        try searcher(role).search(SearchRequest(query: query, filters: filters, limit: limit))
    }

    /// A valid record with the given fields; body text is what searches are run against.
    static func record(id: String, type: String = "rapport", access: String = "openbaar", language: String = "nl",
                       title: String = "Een titel", summary: String = "Een samenvatting.", body: String = "Tekst.",
                       date: String = "2020-01-01", themes: [String] = ["signalering"], audiences: [String] = ["gemeenten"],
                       approaches: [String] = ["preventief"], region: String = "landelijk", organisation: String = "Redactie") -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <document id="\(id)" type="\(type)" language="\(language)" access="\(access)">
          <title>\(title)</title>
          <summary>\(summary)</summary>
          <published>\(date)</published>
          <organisations><organisation>\(organisation)</organisation></organisations>
          <region scope="\(region)"/>
          <audiences>\(audiences.map { "<audience>\($0)</audience>" }.joined())</audiences>
          <approaches>\(approaches.map { "<approach>\($0)</approach>" }.joined())</approaches>
          <themes>\(themes.map { "<theme>\($0)</theme>" }.joined())</themes>
          <body><section><heading>Inhoud</heading><p>\(body)</p></section></body>
        </document>
        """
    }
}

extension SearchResult {
    var ids: [String] { hits.map(\.id) }

    func count(_ facet: Facet, _ value: String) -> Int? {
        facets[facet.rawValue]?.first { $0.value == value }?.count
    }
}
