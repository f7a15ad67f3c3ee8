import KennisbankCore
import KennisbankIngest
import Testing

/// Re-running the indexer keeps the index in step with the folder.
@Suite struct IncrementalIndexTests {
    @Test func unchangedFilesAreNotReindexed() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "a"))
        try fixture.write("b.xml", Fixture.record(id: "b"))
        #expect(try fixture.index().indexed.count == 2)
        let second = try fixture.index()
        #expect(second.indexed.isEmpty)
        #expect(second.unchanged == 2)
    }

    @Test func aChangedFileReplacesItsDocument() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "a", body: "eerste versie over tippelzones"))
        try fixture.index()
        try fixture.write("a.xml", Fixture.record(id: "a", body: "tweede versie over uitstapprogramma"))
        let summary = try fixture.index()
        #expect(summary.indexed == ["a.xml"])
        #expect(try fixture.search("tippelzones").total == 0)
        #expect(try fixture.search("uitstapprogramma").ids == ["a"])
    }

    @Test func aRemovedFileRemovesItsDocument() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "a", body: "loverboy"))
        try fixture.write("b.xml", Fixture.record(id: "b", body: "loverboy"))
        try fixture.index()
        try fixture.remove("b.xml")
        let summary = try fixture.index()
        #expect(summary.removed == ["b.xml"])
        #expect(try fixture.search("loverboy").ids == ["a"])
    }

    @Test func aRenamedFileIsNotDuplicated() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "a", body: "loverboy"))
        try fixture.index()
        try fixture.remove("a.xml")
        try fixture.write("sub/a-nieuw.xml", Fixture.record(id: "a", body: "loverboy"))
        try fixture.index()
        #expect(try fixture.search("loverboy").ids == ["a"])
    }

    @Test func changingTheAccessLevelMovesTheDocument() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "a", access: "openbaar", body: "werkwijze"))
        try fixture.index()
        try fixture.write("a.xml", Fixture.record(id: "a", access: "vertrouwelijk", body: "werkwijze"))
        try fixture.index()
        #expect(try fixture.search("werkwijze", role: .anonymous).total == 0)
        #expect(try fixture.search("werkwijze", role: .trainer).ids == ["a"])
    }

    @Test func aBrokenEditKeepsTheIndexedVersion() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "a", body: "loverboy"))
        try fixture.index()
        try fixture.write("a.xml", "<document id=\"a\"><title>kapot")
        let summary = try fixture.index()
        #expect(summary.skipped.map(\.path) == ["a.xml"])
        #expect(try fixture.search("loverboy").ids == ["a"])
        // Still remembered as failed on the next run, and still not lost.
        let again = try fixture.index()
        #expect(again.skipped.map(\.path) == ["a.xml"])
        #expect(try fixture.search("loverboy").ids == ["a"])
    }
}
