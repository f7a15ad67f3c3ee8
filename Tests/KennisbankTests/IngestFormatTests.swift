import Foundation
import KennisbankCore
@testable import KennisbankIngest
import Testing

/// Every format reaches the index with its text, its own metadata and, for PDFs, its pages.
@Suite struct IngestFormatTests {
    @Test func pdfPagesBecomeSectionsAndPassagesKnowTheirPage() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog()
        let other: [[String]] = [["Een tweede pagina over opvang en nazorg voor slachtoffers van uitbuiting."]]
        let third: [[String]] = [["De derde pagina gaat over weerbaarheid van jongeren in het onderwijs."]]
        try fixture.write("rapporten/training.pdf", bytes: TestFiles.pdf(pages: [TestFiles.signalenPage, other, third],
                                                                          header: "Kennisbank LEJ - Training signalering",
                                                                          title: "Training signalering jeugdprostitutie",
                                                                          created: "20190218164259+01'00'"))
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        #expect(summary.outcome("rapporten/training.pdf")?.pages == 3)
        let document = try #require(try fixture.searcher().document(id: "rapporten-training"))
        #expect(document.title == "Training signalering jeugdprostitutie")
        #expect(document.published == "2019-02-18")
        #expect(document.language == "nl")  // guessed from the text
        #expect(document.sections.map(\.page) == [1, 2, 3])
        #expect(document.source?.files == ["rapporten/training.pdf"])
        // The running header and the page numbers are gone; the hyphenated word is whole.
        let text = document.bodyText
        #expect(!text.contains("Kennisbank LEJ"))
        #expect(!text.contains("Pagina 1 van 3"))
        #expect(text.contains("het herkennen van jeugdprostitutie en"))
        #expect(try fixture.search("jeugdprostitutie").ids == ["rapporten-training"])
        let hit = try #require(try fixture.search("weerbaarheid onderwijs").hits.first)
        #expect(hit.passages.first?.page == 3)
    }

    @Test func longPDFsGetTheirBestPassagesWithPageNumbers() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(language: "nl"))
        let filler = "Deze pagina beschrijft de samenwerking tussen gemeente, politie en jeugdzorg in de regio."
        var pages: [[[String]]] = (1...14).map { number in [["Pagina \(number) van het verslag.", filler, filler]] }
        pages[2] = [["Op deze pagina staat de tippelzone een keer.", filler]]
        pages[6] = [["De tippelzone, de tippelzone en nog eens de tippelzone: drie keer.", filler]]
        pages[9] = [["Hier gaat het over seksuele uitbuiting van minderjarigen.", filler]]
        try fixture.write("rapporten/lang.pdf", bytes: TestFiles.pdf(pages: pages, created: "20200101000000"))
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        let word = try #require(try fixture.search("tippelzone").hits.first)
        #expect(word.passages.map(\.page) == [7, 3])
        #expect(word.passages.allSatisfy { $0.text.contains("<mark>") })
        // A phrase matches no single word: still found, on its page.
        let phrase = try #require(try fixture.search("\"seksuele uitbuiting\"").hits.first)
        #expect(phrase.passages.map(\.page) == [10])
    }

    @Test func htmlGivesTitleMetaAndDublinCoreAndLeavesOutNavigationAndScripts() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(organisation: nil, themes: nil))
        let html = """
        <!DOCTYPE html><html lang="nl-NL"><head><meta charset="utf-8">
        <title>Paginatitel | Site</title>
        <meta name="description" content="Wat ouders kunnen doen tegen online ronselen.">
        <meta name="DC.title" content="Ouders en online ronselen">
        <meta name="DC.date" content="2021-05-04">
        <meta name="DC.creator" content="Redactie Voorlichting">
        <meta name="DC.publisher" content="Stichting Voorbeeld">
        <meta name="keywords" content="Ouderbetrokkenheid, sociale media, iets anders">
        <script>var menu = "scriptwoord";</script><style>.x { color: red }</style>
        </head><body>
        <header>Kopregel van de site</header><nav>Menuwoord Home Contact</nav>
        <main><h1>Ouders en online ronselen</h1><p>Ronselaars zoeken contact via <b>sociale</b> media.</p>
        <h2>Tips</h2><ul><li>Blijf in gesprek.</li><li>Vraag door.</li></ul></main>
        <footer>Voetregelwoord</footer></body></html>
        """
        try fixture.write("web/ouders.html", html)
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        let document = try #require(try fixture.searcher().document(id: "web-ouders"))
        #expect(document.title == "Ouders en online ronselen")
        #expect(document.summary == "Wat ouders kunnen doen tegen online ronselen.")
        #expect(document.published == "2021-05-04")
        #expect(document.language == "nl")
        #expect(document.authors == ["Redactie Voorlichting"])
        #expect(document.organisations == ["Stichting Voorbeeld"])
        // Keywords that are vocabulary themes fill the themes the catalog left open.
        #expect(document.themes == ["ouderbetrokkenheid", "sociale-media"])
        #expect(document.sections.map(\.heading) == ["Ouders en online ronselen", "Tips"])
        #expect(document.sections[1].paragraphs == ["• Blijf in gesprek.", "• Vraag door."])
        for word in ["scriptwoord", "menuwoord", "voetregelwoord", "kopregel"] {
            #expect(try fixture.search(word).total == 0, "\(word) is page chrome")
        }
        #expect(try fixture.search("ronselaars").ids == ["web-ouders"])
    }

    @Test func htmlInWindows1252IsReadCorrectly() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog()
        let html = "<html><head><title>Co\u{00F6}rdinatie</title></head><body><p>Co\u{00F6}rdinatie en zorg \u{2013} een cafe\u{0301} is geen caf\u{00E9}.</p></body></html>"
        try fixture.write("web/oud.htm", bytes: TestFiles.windows1252(html))
        try fixture.write("web/oud.htm.meta.xml", "<metadata language=\"nl\"><published>2010-01-01</published></metadata>")
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        let document = try #require(try fixture.searcher().document(id: "web-oud"))
        #expect(document.title == "Coördinatie")
        #expect(document.bodyText.contains("Coördinatie en zorg – een"))
    }

    @Test func wordDocumentsGiveHeadingsListsAndProperties() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(language: "nl"))
        let docx = TestFiles.docx([("Title", "Werkwijze casusoverleg"), ("", "Het casusoverleg brengt partners samen rond één jongere."),
                                   ("Heading1", "Voorbereiding"), ("List", "Verzamel de signalen."), ("List", "Informeer de ouders.")],
                                  title: "Werkwijze casusoverleg", created: "2024-01-22T09:30:00Z")
        try fixture.write("werk/casus.docx", bytes: docx)
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        #expect(summary.outcome("werk/casus.docx")?.format == .docx)
        let document = try #require(try fixture.searcher().document(id: "werk-casus"))
        #expect(document.title == "Werkwijze casusoverleg")
        #expect(document.published == "2024-01-22")
        #expect(document.sections.map(\.heading) == ["Werkwijze casusoverleg", "Voorbereiding"])
        #expect(document.sections[1].paragraphs == ["• Verzamel de signalen.", "• Informeer de ouders."])
        #expect(try fixture.search("casusoverleg").ids == ["werk-casus"])
    }

    @Test func openDocumentTextIsRead() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(language: "nl"))
        let odt = TestFiles.odt([("h", "Nazorg"), ("p", "Een vaste  begeleider helpt na het uitstappen."), ("li", "Hulp bij schulden.")],
                                title: "Nazorg na het uitstappen", created: "2023-05-11T14:00:00")
        try fixture.write("werk/nazorg.odt", bytes: odt)
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        let document = try #require(try fixture.searcher().document(id: "werk-nazorg"))
        #expect(document.title == "Nazorg na het uitstappen")
        #expect(document.published == "2023-05-11")
        #expect(document.sections.first?.paragraphs == ["Een vaste begeleider helpt na het uitstappen.", "• Hulp bij schulden."])
    }

    @Test func plainTextNeedsItsDateFromMetadataAndMayBeWindows1252() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(language: "nl"))
        let text = "Gesprekstips\n\nEen co\u{00F6}rdinator bespreekt het met de mentor \u{2013} altijd.\nSlachtof-\nfers krijgen hulp.\n"
        try fixture.write("notities/tips.txt", bytes: TestFiles.windows1252(text))
        try fixture.write("notities/tips.txt.meta.xml", "<metadata><published>2021-10-04</published></metadata>")
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        #expect(summary.outcome("notities/tips.txt")?.notes == ["converted from Windows-1252"])
        let document = try #require(try fixture.searcher().document(id: "notities-tips"))
        #expect(document.title == "Gesprekstips")
        #expect(document.published == "2021-10-04")
        #expect(document.bodyText.contains("Een coördinator bespreekt het met de mentor – altijd. Slachtoffers krijgen hulp."))
    }

    @Test func markdownFrontMatterHeadingsAndInlineMarkup() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog()
        let markdown = """
        ---
        title: "Checklist hotels"
        date: 2020-06-15
        description: Signalen voor receptie en huishouding.
        lang: nl
        ---

        # Checklist hotels

        Let op **wisselende bezoekers** en [contante betaling](https://example.org).

        ## Wat doe je?

        - Bespreek het met je leidinggevende.
        - Bel `112` bij direct gevaar.
        """
        try fixture.write("notities/hotels.md", markdown)
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        let document = try #require(try fixture.searcher().document(id: "notities-hotels"))
        #expect(document.title == "Checklist hotels")
        #expect(document.published == "2020-06-15")
        #expect(document.summary == "Signalen voor receptie en huishouding.")
        #expect(document.sections.map(\.heading) == ["Checklist hotels", "Wat doe je?"])
        #expect(document.sections[0].paragraphs == ["Let op wisselende bezoekers en contante betaling."])
        #expect(document.sections[1].paragraphs == ["• Bespreek het met je leidinggevende.", "• Bel 112 bij direct gevaar."])
    }

    @Test func theRealTypeComesFromTheContentNotTheName() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog()
        // A PDF saved with a .txt name and an HTML page saved as .pdf.
        try fixture.write("map/eigenlijk-pdf.txt", bytes: TestFiles.pdf(pages: [TestFiles.signalenPage], created: "20200101000000"))
        try fixture.write("map/eigenlijk-html.pdf", "<html><head><title>Een webpagina</title><meta name=\"DC.date\" content=\"2020-01-01\"></head><body><p>Over weerbaarheid van jongeren in het onderwijs en de rol van de school.</p></body></html>")
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        #expect(summary.outcome("map/eigenlijk-pdf.txt")?.format == .pdf)
        #expect(summary.outcome("map/eigenlijk-html.pdf")?.format == .html)
        #expect(summary.outcome("map/eigenlijk-html.pdf")?.notes?.contains { $0.contains("whatever its name says") } == true)
    }

    @Test func theSampleFilesInTheCorpusAreAllReadable() throws {
        let indexer = try CollectionIndexer(folder: Fixture.corpus.appendingPathComponent("bestanden"), location: IndexLocation("/nonexistent"),
                                            vocabularyURL: Fixture.vocabulary)
        let summary = indexer.check()
        #expect(summary.skipped.isEmpty, "\(summary.skipped)")
        let formats = Set(summary.files.compactMap(\.format))
        #expect(formats == [.pdf, .html, .docx, .odt, .text, .markdown])
    }
}
