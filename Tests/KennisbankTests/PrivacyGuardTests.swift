import Foundation
import KennisbankCore
@testable import KennisbankIngest
import Testing

/// The detector itself: what is personal data and what only looks like it. All values are made up.
@Suite struct PersonalDataScannerTests {
    func kinds(_ text: String) -> [PersonalDataScanner.Kind] { PersonalDataScanner.scan(text).map(\.kind) }

    @Test func elevenTest() {
        #expect(PersonalDataScanner.passesElevenTest("111222333"))
        #expect(PersonalDataScanner.passesElevenTest("123456782"))
        #expect(!PersonalDataScanner.passesElevenTest("123456789"))
        #expect(!PersonalDataScanner.passesElevenTest("000000000"))
        #expect(!PersonalDataScanner.passesElevenTest("12345678"))
    }

    @Test(arguments: ["BSN 111222333", "bsn: 111.222.333.", "burgerservicenummer 1234 56 782", "nummer 12.34.56.782", "(123456782)"])
    func citizenServiceNumbers(text: String) {
        #expect(kinds(text) == [.bsn], "\(text)")
    }

    @Test(arguments: ["123456789", "000000000", "111.222.333 euro", "€ 111.222.333", "111 222 333", "1112223334"])
    func numbersFailingTheElevenTestOrNotWrittenAsOne(text: String) {
        #expect(kinds(text).isEmpty, "\(text): \(PersonalDataScanner.scan(text))")
    }

    @Test(arguments: [
        ("06-12345678", "0612345678"), ("06 1234 5678", "0612345678"), ("0612345678", "0612345678"), ("(06) 12 34 56 78", "0612345678"),
        ("+31 6 12345678", "0612345678"), ("+31 (0)20 123 4567", "0201234567"), ("0031 20 1234567", "0201234567"),
        ("020-1234567", "0201234567"), ("010 123 4567", "0101234567"), ("tel.0612345678", "0612345678"), ("0800-1234567", "08001234567"),
        ("0800-2000", "08002000"), ("+32 470 12 34 56", "+32470123456"),
    ])
    func phoneNumbers(text: String, normalised: String) throws {
        let matches = PersonalDataScanner.scan("Bel \(text) voor een afspraak.")
        try #require(matches.count == 1, "\(text): \(matches)")
        #expect(matches[0].kind == .phone)
        #expect(matches[0].normalised == normalised)
        #expect(matches[0].text == text.replacingOccurrences(of: "tel.", with: ""))
    }

    @Test func emailAddresses() throws {
        let matches = PersonalDataScanner.scan("Mail j.de-vries+lej@voorbeeld.example.nl. Of niet.")
        try #require(matches.count == 1)
        #expect(matches[0].kind == .email)
        #expect(matches[0].text == "j.de-vries+lej@voorbeeld.example.nl")
        #expect(matches[0].masked == "j.**-*****+***@v********.*******.nl")
        #expect(kinds("sextortion @school, info@ of a@b").isEmpty)
    }

    /// One plate per RDW side code (letters as they are issued).
    @Test(arguments: ["PB-12-34", "12-34-PB", "12-AB-34", "GB-12-DF", "GB-DF-12", "12-GB-DF", "12-GBD-3", "1-KBF-23", "XT-934-B",
                      "G-123-BB", "GBD-12-F", "G-12-BDF", "1-GB-234", "123-GB-4"])
    func licencePlates(plate: String) {
        #expect(kinds("De auto met kenteken \(plate) stond er.") == [.licencePlate], "\(plate)")
    }

    @Test(arguments: [
        "in 2019 en 2020", "de jaren 2021-2023", "ISBN 978-90-5250-123-4", "ISBN 90-5250-123-4", "COVID-19", "pagina 12 tot 34",
        "1.234.567 euro", "45,7%", "een AB-test", "AB-12-CD", "ab-12-cd", "open 09.00-17.00 uur", "bereikbaar 0800-1700 uur",
        "Rb. Den Haag 24 december 2013, 07-690235-10 (niet gepubliceerd)", "op 01-02-2020", "59+41+144+67=311",
        "5 011 13 245 18 256", "versie 1.2.3", "art. 273f Sr", "tabel 3.4a", "12:30-14:00", "KvK 12345678", "€ 1.234.567,-",
    ])
    func lookAlikesAreNotPersonalData(text: String) {
        #expect(PersonalDataScanner.scan(text).isEmpty, "\(text): \(PersonalDataScanner.scan(text))")
    }

    @Test func linesColumnsAndMasks() throws {
        let matches = PersonalDataScanner.scan("eerste regel\nbel 06-12345678 of\n  mail a.b@example.nl; bsn 111222333, auto GB-12-DF")
        #expect(matches.map(\.kind) == [.phone, .email, .bsn, .licencePlate])
        #expect(matches.map(\.line) == [2, 3, 3, 3])
        #expect(matches.map(\.column) == [5, 8, 28, 44])
        #expect(matches.map(\.masked) == ["06-******78", "a.*@e******.nl", "*******33", "G*-**-*F"])
    }

    @Test func exceptionsCompareCanonicalForms() throws {
        let phone = try #require(PersonalDataScanner.scan("bel 0800 2000").first)
        func exception(_ kind: PersonalDataScanner.Kind, _ value: String) -> PrivacyException {
            PrivacyException(kind: kind, value: value, reason: "test", origin: "line 1", reportsStale: true)
        }
        #expect(exception(.phone, "0800-2000").matches(phone))
        #expect(!exception(.phone, "0800-2001").matches(phone))
        #expect(!exception(.bsn, "0800-2000").matches(phone))
        let international = try #require(PersonalDataScanner.scan("+31 (0)20 123 4567").first)
        #expect(exception(.phone, "020-1234567").matches(international))
        #expect(exception(.phone, "020*").matches(international))
        let email = try #require(PersonalDataScanner.scan("Info@LEJ.example.nl").first)
        #expect(exception(.email, "*@lej.example.nl").matches(email))
        #expect(!exception(.email, "*@example.org").matches(email))
    }
}

/// The guard at ingest: refusal of perpetrator profiles, warnings elsewhere, exceptions in the metadata.
@Suite struct PrivacyGuardTests {
    static let exception = """
      <privacyExceptions>
        <exception kind="phone" value="0800 2000">Landelijk nummer van Veilig Thuis, geen persoonsgegeven</exception>
      </privacyExceptions>
      <body>
    """

    @Test func aProfileWithAPhoneNumberIsRefusedAndTheGoodVersionStays() throws {
        let fixture = try Fixture()
        let path = "daderprofielen/dp-test.xml"
        try fixture.write(path, Fixture.record(id: "dp-test", type: "daderprofiel", body: "De dader ronselt via sociale media."))
        #expect(try fixture.index().exitStatus == 0)

        // The <p> starts on line 11; the number is on its second line.
        try fixture.write(path, Fixture.record(id: "dp-test", type: "daderprofiel",
                                               body: "De dader ronselt via sociale media.\nBel hem op 06-12345678 of mail x@voorbeeld.nl."))
        let summary = try fixture.index()
        #expect(summary.exitStatus == 1)
        let reason = try #require(summary.reason(path))
        #expect(reason.contains("personal data"))
        #expect(reason.contains("daderprofiel"))
        #expect(reason.contains("line 12, column 12: phone number 06-******78 in <p>, section «Inhoud»"), "\(reason)")
        #expect(reason.contains("line 12, column 32: e-mail address x@v********.nl"), "\(reason)")
        #expect(!reason.contains("12345678") && !reason.contains("x@voorbeeld"))
        #expect(summary.outcome(path)?.notes == ["the last good version stays in the index"])
        // The earlier version is still found; the refused text is not.
        #expect(try fixture.search("ronselt").ids == ["dp-test"])
        #expect(try fixture.search("mail").ids.isEmpty)

        // Unchanged, the refusal is remembered and reported again.
        let again = try fixture.index()
        #expect(again.reason(path)?.contains("unchanged since last run") == true)
        #expect(try fixture.search("ronselt").ids == ["dp-test"])
    }

    @Test func aReportWithAnEmailAddressIsIndexedWithAWarning() throws {
        let fixture = try Fixture()
        let path = "rapporten/rap-contact.xml"
        try fixture.write(path, Fixture.record(id: "rap-contact", body: "Meer weten?\nMail onderzoek@voorbeeld.nl of bel 020-1234567."))
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0)
        #expect(summary.indexed == [path])
        #expect(summary.warnings.map(\.path) == [path, path])
        let messages = summary.warnings.map(\.message)
        #expect(messages[0] == "personal data: line 12, column 6: e-mail address o********@v********.nl in <p>, section «Inhoud»")
        #expect(messages[1].hasPrefix("personal data: line 12, column 36: phone number 02*-*****67"))
        #expect(summary.outcome(path)?.warnings == messages)
        #expect(try fixture.search("onderzoek").ids == ["rap-contact"])
    }

    @Test func anExceptionInTheRecordLetsTheProfileThroughAndAStaleOneWarns() throws {
        let fixture = try Fixture()
        let body = "Slachtoffers kunnen Veilig Thuis bellen op 0800-2000."
        try fixture.write("dp/dp-helpline.xml", Fixture.record(id: "dp-helpline", type: "daderprofiel", body: body)
            .replacingOccurrences(of: "  <body>", with: Self.exception))
        try fixture.write("rap/rap-stale.xml", Fixture.record(id: "rap-stale", body: "Geen nummers hier.")
            .replacingOccurrences(of: "  <body>", with: Self.exception))
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        #expect(summary.warnings.count == 1)
        let stale = try #require(summary.warnings.first)
        #expect(stale.path == "rap/rap-stale.xml")
        #expect(stale.message == "stale privacy exception in line 12: phone \"0800 2000\" matches nothing in the document; remove it")
        #expect(try fixture.search("bellen").ids == ["dp-helpline"])
    }

    @Test func anExceptionNeedsKindValueAndReason() throws {
        let fixture = try Fixture()
        try fixture.write("dp-no-reason.xml", Fixture.record(id: "dp-no-reason", type: "daderprofiel")
            .replacingOccurrences(of: "  <body>", with: "  <privacyExceptions><exception kind=\"phone\" value=\"0800 2000\"/></privacyExceptions>\n  <body>"))
        try fixture.write("dp-bad-kind.xml", Fixture.record(id: "dp-bad-kind", type: "daderprofiel")
            .replacingOccurrences(of: "  <body>", with: "  <privacyExceptions><exception kind=\"naam\" value=\"Jan\">reden</exception></privacyExceptions>\n  <body>"))
        let summary = try fixture.index()
        #expect(summary.skipped.map(\.path) == ["dp-bad-kind.xml", "dp-no-reason.xml"])
    }

    @Test func anExtractedProfileIsRefusedWithItsLineUntilItsSidecarDeclaresTheNumber() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(published: "2021-05-01"))
        let path = "profielen/werving.md"
        try fixture.write(path, """
        # Werving via een vriendengroep

        De dader zoekt contact via een vriendengroep en sociale media.
        Hij noemt zichzelf een vriend en geeft cadeaus.
        Voor hulp: bel 0800-2000 (Veilig Thuis) of 06 1234 5678.
        """)
        let sidecar = path + ".meta.xml"
        try fixture.write(sidecar, TestFiles.metadata(type: "daderprofiel", access: "vertrouwelijk"))
        let summary = try fixture.index()
        let reason = try #require(summary.reason(path))
        #expect(reason.contains("line 5, column 16: phone number 08**-**00"), "\(reason)")
        #expect(reason.contains("line 5, column 44: phone number 06 **** **78"), "\(reason)")

        // Declared: the helpline only. The mobile number still refuses the file.
        try fixture.write(sidecar, TestFiles.metadata(type: "daderprofiel", access: "vertrouwelijk")
            .replacingOccurrences(of: "</metadata>", with: """
              <privacyExceptions><exception kind="phone" value="0800-2000">Veilig Thuis</exception></privacyExceptions>
            </metadata>
            """))
        let declared = try fixture.index()
        let still = try #require(declared.reason(path))
        #expect(!still.contains("08**-**00") && still.contains("06 **** **78"), "\(still)")

        try fixture.write(path, """
        # Werving via een vriendengroep

        De dader zoekt contact via een vriendengroep en sociale media.
        Hij noemt zichzelf een vriend en geeft cadeaus.
        Voor hulp: bel 0800-2000 (Veilig Thuis).
        """)
        let fixed = try fixture.index()
        #expect(fixed.exitStatus == 0, "\(fixed.skipped)")
        #expect(fixed.warnings.isEmpty)
        #expect(try fixture.search("cadeaus").ids.count == 1)
    }

    @Test func personalDataInASidecarIsReportedWithTheSidecarsLine() throws {
        let fixture = try Fixture()
        try fixture.write("notities/notitie.txt", "Een notitie over signalen van uitbuiting op school en in de wijk.\n")
        try fixture.write("notities/notitie.txt.meta.xml", TestFiles.metadata(language: "nl", title: "Notitie, contact 06-12345678", published: "2021-05-01"))
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        #expect(summary.warnings.map(\.message) == ["personal data: notities/notitie.txt.meta.xml line 3: phone number 06-******78 in <title>"])
    }

    @Test func aPDFFindingNamesPageAndLine() throws {
        let fixture = try Fixture()
        try fixture.writeCatalog("", TestFiles.metadata(published: "2021-05-01"))
        try fixture.write("rapport.pdf", bytes: TestFiles.pdf(pages: [TestFiles.signalenPage, [["Contact: onderzoek@voorbeeld.nl"]]]))
        let summary = try fixture.index()
        #expect(summary.exitStatus == 0, "\(summary.skipped)")
        let message = try #require(summary.warnings.first?.message)
        #expect(message.hasPrefix("personal data: page 2, line "), "\(message)")
        #expect(message.contains("of the extracted text, column 10: e-mail address o********@v********.nl"), "\(message)")
    }
}
