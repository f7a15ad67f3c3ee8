import Foundation
@testable import KennisbankIngest
import Testing

/// Cleaning extracted text: characters, hyphenation, running headers, page numbers.
@Suite struct IngestTextCleanerTests {
    @Test func ligaturesOddSpacesSoftHyphensAndZeroWidthAreNormalised() {
        let raw = "e\u{FB03}ci\u{00EB}nt \u{FB01}nanci\u{00EB}n\u{00A0}en\u{2009}zo, ver\u{00AD}der, zero\u{200B}width, \u{FEFF}bom, coo\u{0308}rdinatie"
        let clean = TextCleaner.normalise(raw)
        #expect(clean == "efficiënt financiën en zo, verder, zerowidth, bom, coördinatie")
        // NFC: the combining diaeresis is composed.
        #expect(clean.unicodeScalars.contains("\u{00F6}"))
        #expect(!clean.unicodeScalars.contains("\u{0308}"))
    }

    @Test func wordsHyphenatedAcrossLinesAreJoined() {
        let paragraphs = TextCleaner.paragraphs(ofText: "Het aantal meldingen van jeugd-\nprostitutie steeg.")
        #expect(paragraphs == ["Het aantal meldingen van jeugdprostitutie steeg."])
        // A soft hyphen at a line end always joins.
        #expect(TextCleaner.paragraphs(ofText: TextCleaner.normalise("slachtof\u{00AD}\nfers")) == ["slachtoffers"])
    }

    @Test(arguments: [
        ("de loverboy-\nAanpak in Rotterdam", "de loverboy-Aanpak in Rotterdam"),       // next line starts uppercase
        ("in Noord-\nHolland", "in Noord-Holland"),
        ("het VN-\nverdrag", "het VN-verdrag"),                                          // acronym before the hyphen
        ("opsporings-\nen vervolgingsbeleid", "opsporings- en vervolgingsbeleid"),       // elliptical compound
        ("de jaren 2003-\n2004", "de jaren 2003-2004"),
        ("non-\ngouvernementele organisaties", "non-gouvernementele organisaties"),
        ("een lijst -\nmet streepjes", "een lijst - met streepjes"),                     // a dash, not a broken word
    ])
    func realHyphensStay(input: String, expected: String) {
        #expect(TextCleaner.paragraphs(ofText: input) == [expected])
    }

    @Test func theDocumentItselfDecidesAboutCompounds() {
        // The document writes "informatie-uitwisseling" with a hyphen elsewhere, so the break keeps it.
        let text = "Goede informatie-uitwisseling is nodig.\n\nDaarom is er informatie-\nuitwisseling tussen partners."
        #expect(TextCleaner.paragraphs(ofText: text).last == "Daarom is er informatie-uitwisseling tussen partners.")
        // And a joined word it writes elsewhere is joined.
        let joined = "De arbeidsmarktkwalificaties ontbreken.\n\nZonder arbeidsmarktkwalifi-\ncaties lukt het niet."
        #expect(TextCleaner.paragraphs(ofText: joined).last == "Zonder arbeidsmarktkwalificaties lukt het niet.")
    }

    @Test func runningHeadersFootersAndPageNumbersAreDropped() {
        let pages = (1...6).map { page in
            "Jaarrapport Mensenhandel 2016\n\nTekst van pagina \(page) over opvang en nazorg.\n\n\(page)\n"
        }.joined(separator: "\u{0C}")
        let (sections, count) = TextCleaner.pagedSections(pages + "\u{0C}")
        #expect(count == 6)
        #expect(sections.map(\.page) == [1, 2, 3, 4, 5, 6])
        for (index, section) in sections.enumerated() {
            #expect(section.paragraphs == ["Tekst van pagina \(index + 1) over opvang en nazorg."])
        }
    }

    @Test func aHeaderOnFewPagesIsKept() {
        // On 2 of 5 pages only: not a running header, but text.
        let pages = (1...5).map { page in
            (page <= 2 ? "Inleiding\n\n" : "") + "Inhoud \(page).\n"
        }.joined(separator: "\u{0C}")
        let (sections, _) = TextCleaner.pagedSections(pages)
        #expect(sections[0].paragraphs.first == "Inleiding")
    }

    @Test(arguments: ["12", "- 12 -", "xiv", "IV", "Pagina 3 van 10", "page 3 of 10", "3/10", "  7  ", "114"])
    func pageNumbersAreRecognised(line: String) {
        #expect(TextCleaner.isPageNumber(line))
    }

    @Test(arguments: ["12 leerlingen", "Artikel 273f", "2016-2017 Jaarplan", "Mix", "2004"])
    func textIsNotAPageNumber(line: String) {
        #expect(!TextCleaner.isPageNumber(line))
    }

    @Test func footnoteNumbersGluedToWordsAreRemoved() {
        #expect(TextCleaner.removeFootnoteMarkers("De monitor mensenhandel1 draagt bij, zie ook slachtoffers12.")
                == "De monitor mensenhandel draagt bij, zie ook slachtoffers.")
        // Codes and numbers are left alone.
        #expect(TextCleaner.removeFootnoteMarkers("Artikel 273f en COVID19 en G4") == "Artikel 273f en COVID19 en G4")
    }

    @Test func veryLongParagraphsAreCutAtSentenceEnds() {
        let sentence = "Dit is een zin van precies tien woorden lang hier. "
        let paragraph = String(repeating: sentence, count: 60).trimmingCharacters(in: .whitespaces)
        let pieces = TextCleaner.splitLong(paragraph)
        #expect(pieces.count > 1)
        #expect(pieces.allSatisfy { $0.hasSuffix(".") })
        #expect(pieces.joined(separator: " ") == paragraph)
    }

    @Test func languageIsGuessedFromFunctionWords() {
        #expect(LanguageGuesser.guess(["De gemeente en de politie werken samen aan de aanpak van uitbuiting van jongeren, maar het is nog niet genoeg."]) == "nl")
        #expect(LanguageGuesser.guess(["The municipality and the police work together on the approach to the exploitation of young people, and it has been effective."]) == "en")
        #expect(LanguageGuesser.guess(["Loverboy"]) == nil)
    }

    @Test func datesInTheFormsFilesUseAreNormalised() {
        #expect(DateNormaliser.isoDate("2019-02-18T16:42:59+01") == "2019-02-18")
        #expect(DateNormaliser.isoDate("D:20130702102500+02'00'") == "2013-07-02")
        #expect(DateNormaliser.isoDate("18-02-2019") == "2019-02-18")
        #expect(DateNormaliser.isoDate("18 februari 2019") == "2019-02-18")
        #expect(DateNormaliser.isoDate("February 18, 2019") == "2019-02-18")
        #expect(DateNormaliser.isoDate("2016-04") == "2016-04-01")
        #expect(DateNormaliser.isoDate("2016") == "2016-01-01")
        #expect(DateNormaliser.isoDate("2019-02-30") == nil)
        #expect(DateNormaliser.isoDate("gisteren") == nil)
    }

    @Test func pdfTitlesThatAreFileNamesAreDropped() {
        #expect(PDFExtractor.plausibleTitle("Microsoft Word - Toespraak Nationaal Rapporteur 18 oktober 2012.doc")
                == "Toespraak Nationaal Rapporteur 18 oktober 2012")
        #expect(PDFExtractor.plausibleTitle("Slachtoffermonitor mensenhandel: 2012-2016") == "Slachtoffermonitor mensenhandel: 2012-2016")
        #expect(PDFExtractor.plausibleTitle("20130613 Brief Nationaal Rapporteur") == "Brief Nationaal Rapporteur")
        #expect(PDFExtractor.plausibleTitle("JV7_2007_4.indd") == nil)
        #expect(PDFExtractor.plausibleTitle("C:\\Documents and Settings\\Willem-Jan\\Bureaublad\\nrm\\werkbestand.wpd") == nil)
        #expect(PDFExtractor.plausibleTitle("txd50049 1..3") == nil)
    }

    @Test func slugsAreValidIdsAndStable() {
        #expect(Slug.id(forPath: "NRM/Jaarplan 2017.pdf") == "nrm-jaarplan-2017")
        #expect(Slug.id(forPath: "beleid/Coördinatie & Regie (concept).docx") == "beleid-coordinatie-regie-concept")
        let long = Slug.id(forPath: String(repeating: "heel-lange-naam/", count: 10) + "x.pdf")
        #expect(long.count <= Slug.maxLength)
        #expect(long != Slug.id(forPath: String(repeating: "heel-lange-naam/", count: 10) + "y.pdf"))
    }
}
