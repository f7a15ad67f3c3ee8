import KennisbankCore
import Testing

/// Facet filters and counts as a user sees them in the sidebar.
@Suite struct FacetSemanticsTests {
    let fixture: Fixture

    init() throws {
        fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "a", type: "rapport", body: "loverboy aanpak", themes: ["signalering"], audiences: ["politie"]))
        try fixture.write("b.xml", Fixture.record(id: "b", type: "rapport", body: "loverboy opvang", themes: ["opvang"], audiences: ["jeugdzorg"]))
        try fixture.write("c.xml", Fixture.record(id: "c", type: "goede-praktijk", body: "loverboy school", themes: ["signalering", "weerbaarheid"], audiences: ["onderwijs"]))
        try fixture.write("d.xml", Fixture.record(id: "d", type: "beleid", body: "vergunning exploitant", themes: ["wetgeving"], audiences: ["gemeenten"]))
        try fixture.index()
    }

    @Test func countsAreExactForTheFilteredResultSet() throws {
        let result = try fixture.search("loverboy")
        #expect(result.total == 3)
        #expect(result.count(.type, "rapport") == 2)
        #expect(result.count(.type, "goede-praktijk") == 1)
        #expect(result.count(.type, "beleid") == nil, "a value without matches is not listed")
        #expect(result.count(.theme, "signalering") == 2)
    }

    @Test func valuesOfOneFacetAreOredAndFacetsAnded() throws {
        #expect(Set(try fixture.search("loverboy", filters: [.type: ["rapport", "goede-praktijk"]]).ids) == ["a", "b", "c"])
        #expect(try fixture.search("loverboy", filters: [.type: ["rapport"], .theme: ["signalering"]]).ids == ["a"])
    }

    @Test func countsOfASelectedFacetShowWhatAnotherValueWouldAdd() throws {
        let result = try fixture.search("loverboy", filters: [.type: ["rapport"]])
        #expect(result.total == 2)
        // Disjunctive: the type facet ignores its own selection...
        #expect(result.count(.type, "goede-praktijk") == 1)
        #expect(result.facets["type"]?.first { $0.value == "rapport" }?.selected == true)
        // ...while other facets are counted within the selection.
        #expect(result.count(.theme, "weerbaarheid") == nil)
        #expect(result.count(.audience, "politie") == 1)
    }

    @Test func emptyQueryWithFiltersListsNewestFirst() throws {
        try fixture.write("e.xml", Fixture.record(id: "e", type: "rapport", date: "2023-05-01"))
        try fixture.index()
        let result = try fixture.search("", filters: [.type: ["rapport"]])
        #expect(result.ids == ["e", "a", "b"] || result.ids.first == "e")
        #expect(result.total == 3)
    }

    @Test func dateRangeFiltersByPublicationDate() throws {
        try fixture.write("old.xml", Fixture.record(id: "old", body: "loverboy", date: "2005-03-01"))
        try fixture.index()
        let searcher = try fixture.searcher()
        #expect(try searcher.search(SearchRequest(query: "loverboy", to: "2010")).ids == ["old"])
        #expect(try searcher.search(SearchRequest(query: "loverboy", from: "2019-12", to: "2020-01-31")).total == 3)
    }
}
