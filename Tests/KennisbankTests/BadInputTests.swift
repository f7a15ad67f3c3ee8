import Foundation
import KennisbankCore
import KennisbankIngest
import Testing

/// Bad files and bad queries get clear messages; nothing crashes and nothing indexed is lost.
@Suite struct BadInputTests {
    @Test func malformedXMLIsSkippedWithLineAndColumn() throws {
        let fixture = try Fixture()
        try fixture.write("goed.xml", Fixture.record(id: "goed", body: "loverboy"))
        try fixture.write("kapot.xml", "<?xml version=\"1.0\"?>\n<document id=\"x\">\n  <title>open\n</document>\n")
        let summary = try fixture.index()
        let reason = try #require(summary.skipped.first { $0.path == "kapot.xml" }?.reason)
        #expect(reason.contains("line 4"))
        #expect(reason.contains("column"))
        #expect(summary.exitStatus == 1)
        #expect(try fixture.search("loverboy").ids == ["goed"])
    }

    @Test func schemaViolationNamesTheProblem() throws {
        let fixture = try Fixture()
        let withoutTitle = Fixture.record(id: "zonder-titel").replacingOccurrences(of: "<title>Een titel</title>", with: "")
        try fixture.write("zonder-titel.xml", withoutTitle)
        let reason = try #require(try fixture.index().skipped.first?.reason)
        #expect(reason.contains("line"))
        #expect(reason.lowercased().contains("title") || reason.contains("document"))
    }

    @Test func unknownVocabularyValueListsTheAllowedValues() throws {
        let fixture = try Fixture()
        try fixture.write("x.xml", Fixture.record(id: "x", type: "roman"))
        try fixture.write("y.xml", Fixture.record(id: "y", audiences: ["astronauten"]))
        let skipped = try fixture.index().skipped
        let typeReason = try #require(skipped.first { $0.path == "x.xml" }?.reason)
        #expect(typeReason.contains("type \"roman\""))
        #expect(typeReason.contains("goede-praktijk"))
        let audienceReason = try #require(skipped.first { $0.path == "y.xml" }?.reason)
        #expect(audienceReason.contains("astronauten"))
        #expect(audienceReason.contains("line 8"))
        #expect(audienceReason.contains("jeugdzorg"))
    }

    @Test func externalEntitiesAndEntityBombsAreRefused() throws {
        let fixture = try Fixture()
        let xxe = """
        <?xml version="1.0"?>
        <!DOCTYPE document [<!ENTITY geheim SYSTEM "file:///etc/passwd">]>
        <document id="xxe">&geheim;</document>
        """
        let bomb = """
        <?xml version="1.0"?>
        <!DOCTYPE lol [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>
        <document id="bom">&c;</document>
        """
        try fixture.write("xxe.xml", xxe)
        try fixture.write("bom.xml", bomb)
        let skipped = try fixture.index().skipped
        #expect(skipped.count == 2)
        for item in skipped { #expect(item.reason.contains("DOCTYPE")) }
        #expect(try fixture.search("root").total == 0)
    }

    @Test func emptyFileAndDuplicateIdAreSkippedWithReasons() throws {
        let fixture = try Fixture()
        try fixture.write("leeg.xml", "")
        try fixture.write("a.xml", Fixture.record(id: "zelfde"))
        try fixture.write("b.xml", Fixture.record(id: "zelfde"))
        let skipped = try fixture.index().skipped
        #expect(skipped.contains { $0.path == "leeg.xml" && $0.reason.contains("empty") })
        #expect(skipped.contains { $0.path == "b.xml" && $0.reason.contains("duplicate id") && $0.reason.contains("a.xml") })
    }

    @Test(arguments: ["\"foo AND", "(fiets", "loverboy)", "AND loverboy", "loverboy OR", "\"\"", "((", "NOT", "titel:", "ronsel*"])
    func malformedQueriesRunOnASensibleReading(query: String) throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "a", body: "loverboy fiets ronselen foo"))
        try fixture.index()
        let result = try fixture.search(query)
        #expect(result.total >= 0)
    }

    @Test func repairedQueriesSayHowTheyWereRead() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "a", body: "loverboy fiets"))
        try fixture.index()
        let result = try fixture.search("\"loverboy AND")
        #expect(result.understood == "loverboy")
        #expect(result.ids == ["a"])
        #expect(try fixture.search("(fiets").understood == "(fiets)")
        #expect(try fixture.search("(fiets").ids == ["a"])
    }

    @Test func unsupportedSyntaxIsAClearError() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "a"))
        try fixture.index()
        #expect {
            try fixture.searcher().search(SearchRequest(query: "x", from: "gisteren"))
        } throws: { ($0 as? KennisbankError)?.parameter == "from" }
    }

    @Test func aLockedIndexIsAFatalErrorThatNamesTheIndex() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "a"))
        try fixture.index()
        let holder = try IndexWriter(location: fixture.location)
        defer { holder.close() }
        #expect {
            try fixture.index()
        } throws: { error in
            guard case .indexLocked(let message) = error as? KennisbankError else { return false }
            return message.contains(fixture.location.root.path)
        }
    }
}
