import Foundation
import KennisbankCore
import KennisbankIngest
import KennisbankServer

/// A small collection written to a temporary folder and indexed with the real indexer.
struct Fixture {
    let collection: URL
    let index: URL

    /// Shared by the read-only tests: built once per test process.
    static let shared: Fixture = {
        do { return try Fixture(name: "shared") } catch { fatalError("cannot build the test index: \(error)") }
    }()

    static var vocabularyURL: URL {
        URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Corpus/vocabulaire.json")
    }

    /// The original publication of one report, named by its record's <source file="...">.
    static let files: [(path: String, contents: String)] = [("rapporten/rap-loverboys-politie.pdf", "%PDF-1.4 test")]

    init(name: String, documents: [(path: String, xml: String)] = Fixture.documents,
         files: [(path: String, contents: String)] = Fixture.files) throws {
        let root = FileManager.default.temporaryDirectory
            .appendingPathComponent("kennisbank-server-tests-\(name)-\(UUID().uuidString)")
        collection = root.appendingPathComponent("collectie")
        index = root.appendingPathComponent("index")
        for (path, contents) in documents.map({ ($0.path, $0.xml) }) + files.map({ ($0.path, $0.contents) }) {
            let url = collection.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(contents.utf8).write(to: url)
        }
        try reindex()
    }

    func reindex() throws {
        let indexer = try CollectionIndexer(folder: collection, location: IndexLocation(index.path), vocabularyURL: Self.vocabularyURL)
        let summary = try indexer.run()
        // The originals attached to records are not documents of their own; whether the indexer passes them over
        // or reports them as skipped (the test PDF is not a complete PDF) is the indexer's business, not the server's.
        let unexpected = summary.skipped.filter { !Self.attachments.contains($0.path) }
        guard unexpected.isEmpty else { throw FixtureError(message: "skipped: \(unexpected)") }
    }

    func add(path: String, xml: String) throws {
        try Data(xml.utf8).write(to: collection.appendingPathComponent(path))
    }

    var configuration: KennisbankServerConfiguration {
        KennisbankServerConfiguration(indexPath: index.path, host: "127.0.0.1", port: 0, collectionPath: collection.path,
                                      vocabularyPath: Self.vocabularyURL.path, searchersPerLevelSet: 2, logLevel: .warning)
    }

    struct FixtureError: Error { let message: String }

    /// Files in test collections that records name as their original (`<source file="...">`).
    static let attachments: Set<String> = ["rapporten/rap-loverboys-politie.pdf", "beperkt/prof-kwibusdraad.pdf",
                                           "beperkt/vt-zwopperkast.pdf", "gedeeld.pdf"]

    static func record(id: String, type: String, access: String = "openbaar", language: String = "nl", title: String,
                       summary: String, published: String, organisation: String, region: String = "landelijk",
                       municipality: String? = nil, audiences: [String], themes: [String], sourceFile: String? = nil,
                       sections: [(heading: String, page: Int?, text: String)]) -> String {
        let municipalityAttribute = municipality.map { " municipality=\"\($0)\"" } ?? ""
        let fileAttribute = sourceFile.map { " file=\"\($0)\"" } ?? ""
        let body = sections.map { section in
            let page = section.page.map { " page=\"\($0)\"" } ?? ""
            return "<section\(page)><heading>\(section.heading)</heading><p>\(section.text)</p></section>"
        }.joined(separator: "\n")
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <document id="\(id)" type="\(type)" language="\(language)" access="\(access)">
          <title>\(title)</title>
          <summary>\(summary)</summary>
          <published>\(published)</published>
          <organisations><organisation>\(organisation)</organisation></organisations>
          <authors><author>Redactie Kennisbank LEJ</author></authors>
          <region scope="\(region)"\(municipalityAttribute)/>
          <audiences>\(audiences.map { "<audience>\($0)</audience>" }.joined())</audiences>
          <approaches><approach>preventief</approach></approaches>
          <themes>\(themes.map { "<theme>\($0)</theme>" }.joined())</themes>
          <source url="https://example.org/\(id)"\(fileAttribute)>Testdocument voor de servertests</source>
          <body>
        \(body)
          </body>
        </document>
        """
    }

    static let documents: [(path: String, xml: String)] = [
        ("gp-weerbaarheid.xml", record(
            id: "gp-weerbaarheid", type: "goede-praktijk", title: "Weerbaarheidstraining tegen loverboys op school",
            summary: "Acht lessen voor meisjes over loverboys, grenzen en signalen.", published: "2019-03-12",
            organisation: "Gemeente Rotterdam", region: "Zuid-Holland", municipality: "Rotterdam",
            audiences: ["onderwijs", "jongeren"], themes: ["weerbaarheid", "signalering"],
            sections: [("Werkwijze", nil, "De lessen gaan over de manier waarop een loverboy vertrouwen wint en daarna afhankelijkheid creëert."),
                       ("Resultaten", nil, "Leerlingen herkennen de signalen van een loverboy beter na de training.")])),
        ("rapporten/rap-loverboys-politie.xml", record(
            id: "rap-loverboys-politie", type: "rapport", title: "Opsporing van loverboys door de politie",
            summary: "Onderzoek naar de opsporing en vervolging van loverboys.", published: "2015-06-01",
            organisation: "Politie", audiences: ["politie"], themes: ["opsporing-en-vervolging", "werkwijze-daders"],
            sourceFile: "rap-loverboys-politie.pdf",
            sections: [("Inleiding", 1, "De politie ziet loverboys als mensenhandelaren; aangifte blijft lastig."),
                       ("Opsporing", 4, "Rechercheurs volgen de loverboy via telefoongegevens en sociale media."),
                       ("Aanbevelingen", 9, "Meer kennis over de werkwijze van loverboys in het lesprogramma voor rechercheurs.")])),
        ("rapporten/rap-signalen-scholen.xml", record(
            id: "rap-signalen-scholen", type: "rapport", title: "Signalen van loverboyproblematiek op scholen",
            summary: "Een peiling onder scholen naar signalen van een loverboy bij leerlingen.", published: "2008-10-08",
            organisation: "GGD Limburg", region: "Limburg", audiences: ["onderwijs"], themes: ["signalering"],
            sections: [("Uitkomsten", nil, "Een op de vijf scholen zag signalen van een loverboy.")])),
        ("vl-ouders.xml", record(
            id: "vl-ouders", type: "voorlichting", title: "Informatie voor ouders over loverboys",
            summary: "Hoe herkent u een loverboy en wat kunt u doen?", published: "2021-02-01",
            organisation: "Landelijk Expertisepunt Jeugdprostitutie", audiences: ["ouders"], themes: ["ouderbetrokkenheid"],
            sections: [("Wat kunt u doen?", nil, "Blijf in gesprek met uw kind en zoek hulp bij Veilig Thuis.")])),
        ("bel-vertrouwelijk.xml", record(
            id: "bel-alleen-professionals", type: "beleid", access: "professional",
            title: "Werkafspraken loverboys voor professionals", summary: "Interne werkafspraken over loverboys.",
            published: "2020-01-01", organisation: "Gemeente Utrecht", audiences: ["gemeenten"], themes: ["ketensamenwerking"],
            sections: [("Afspraken", nil, "Alleen voor professionals: loverboy casusoverleg.")])),
        ("vl-escape.xml", record(
            id: "vl-escape", type: "voorlichting", title: "Tips &amp; trucs: &lt;script&gt;alert(1)&lt;/script&gt; online veilig",
            summary: "Veilig online, met een &lt;b&gt;vette&lt;/b&gt; waarschuwing.", published: "2012-05-05",
            organisation: "Stichting &lt;Test&gt;", audiences: ["jongeren"], themes: ["sociale-media"],
            sections: [("Online", nil, "Deel geen foto's met onbekenden.")])),
    ]
}
