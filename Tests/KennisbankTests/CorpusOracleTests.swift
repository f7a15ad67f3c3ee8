import Foundation
import KennisbankCore
import KennisbankIngest
import Testing

/// Chosen Corpus files and what they must (and must not) yield once indexed.
@Suite struct CorpusOracleTests {
    @Test func goodPracticeYieldsItsFacetValuesAndWords() throws {
        let fixture = try Fixture()
        try fixture.copyFromCorpus("goede-praktijken/gp-weerbaarheidstraining-rotterdam.xml")
        try fixture.copyFromCorpus("rapporten/rap-monitor-binnenlandse-uitbuiting-2018.xml")
        try fixture.index()

        let id = "gp-weerbaarheidstraining-rotterdam"
        #expect(try fixture.search("weerbaarheidstraining").ids == [id])
        #expect(try fixture.search("titel:weerbaarheidstraining").ids == [id])
        #expect(try fixture.search("organisatie:rotterdam").ids == [id])
        // Dutch stemming: the singular in the query finds the plural in the text ("leerlingen").
        #expect(try fixture.search("leerling").ids.contains(id))
        for (facet, value) in [(Facet.type, "goede-praktijk"), (.region, "Zuid-Holland"), (.region, "gemeente Rotterdam"),
                               (.audience, "onderwijs"), (.approach, "preventief"), (.theme, "weerbaarheid"),
                               (.language, "nl"), (.access, "openbaar"), (.organisation, "Gemeente Rotterdam")] {
            #expect(try fixture.search("", filters: [facet: [value]]).ids.contains(id), "\(facet)=\(value)")
        }
        #expect(try fixture.search("", filters: [.region: ["gemeente Rotterdam"]]).ids == [id])
        // Must not: values and words it does not have.
        #expect(try fixture.search("", filters: [.type: ["rapport"]]).ids.contains(id) == false)
        #expect(try fixture.search("", filters: [.approach: ["repressief"]]).ids.contains(id) == false)
        #expect(try fixture.search("tippelzone").ids.contains(id) == false)
    }

    @Test func perpetratorProfileKeepsItsWorkingMethodSearchableAndConfidential() throws {
        let fixture = try Fixture()
        try fixture.copyFromCorpus("daderprofielen/dp-online-ronselaar-gaming-sextortion.xml")
        try fixture.index()
        let document = try #require(try fixture.searcher().document(id: "dp-online-ronselaar-gaming-sextortion"))
        #expect(document.type == "daderprofiel")
        #expect(document.access == .vertrouwelijk)
        #expect(document.workingMethod?.recruitmentChannels.isEmpty == false)
        #expect(document.bodyText.contains("fictief"))
        #expect(try fixture.search("sextortion").ids == ["dp-online-ronselaar-gaming-sextortion"])
        // Roles that may not see vertrouwelijk material open only the lower levels.
        #expect(try fixture.search("sextortion", role: .professional).total == 0)
        #expect(try fixture.search("sextortion", role: .anonymous).total == 0)
    }

    @Test func wholeCorpusIsValidAndMeetsTheBrief() throws {
        let indexer = try CollectionIndexer(folder: Fixture.corpus, location: IndexLocation("/nonexistent"))
        let summary = indexer.check()
        #expect(summary.skipped.isEmpty, "\(summary.skipped)")
        #expect(summary.indexed.count >= 60)
    }
}
