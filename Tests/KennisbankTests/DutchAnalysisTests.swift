import Foundation
import KennisbankCore
import KennisbankIngest
import Testing

/// What a Dutch-speaking professional expects the search box to understand.
@Suite struct DutchAnalysisTests {
    @Test func diacriticsAreFoldedButAQuotedExactFormStillWorks() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "met-trema", body: "De coördinatie van de zorg."))
        try fixture.write("b.xml", Fixture.record(id: "zonder-trema", body: "De coordinatie van de zorg."))
        try fixture.index()
        #expect(Set(try fixture.search("coordinatie").ids) == ["met-trema", "zonder-trema"])
        #expect(Set(try fixture.search("coördinatie").ids) == ["met-trema", "zonder-trema"])
        #expect(try fixture.search("\"coördinatie\"").ids == ["met-trema"])
    }

    @Test func hyphenatedAndJoinedSpellingsFindEachOther() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "met-streepje", body: "Over de loverboy-problematiek in de regio."))
        try fixture.write("b.xml", Fixture.record(id: "aaneen", body: "Over de loverboyproblematiek in de stad."))
        try fixture.index()
        #expect(Set(try fixture.search("loverboyproblematiek").ids) == ["met-streepje", "aaneen"])
        #expect(Set(try fixture.search("loverboy-problematiek").ids) == ["met-streepje", "aaneen"])
    }

    @Test func compoundsAreFoundByTheirPartsButTheWholeCompoundRanksFirst() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "samenstelling", body: "Onderzoek naar jeugdprostitutie in Nederland."))
        try fixture.write("b.xml", Fixture.record(id: "losse-delen", body: "Onderzoek naar de jeugd en naar prostitutie in Nederland."))
        try fixture.index()
        #expect(Set(try fixture.search("prostitutie").ids) == ["samenstelling", "losse-delen"])
        let whole = try fixture.search("jeugdprostitutie").ids
        #expect(whole.first == "samenstelling")
    }

    @Test func aCompoundTypedAsTwoWordsPrefersTheDocumentWithTheCompound() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "samenstelling", body: "Een rapport over jeugdprostitutie in de regio."))
        try fixture.write("b.xml", Fixture.record(id: "losse-delen", body: """
            De jeugd van de stad, de jeugd op school en de jeugd op straat. Over prostitutie, prostitutie
            in het algemeen en de regels voor prostitutie.
            """))
        try fixture.index()
        #expect(try fixture.search("jeugd prostitutie").ids == ["samenstelling", "losse-delen"])
        #expect(try fixture.search("jeugd").ids.first == "losse-delen")
    }

    @Test func documentsWithEveryWordComeFirstThenThoseWithSome() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "beide", body: "Toezicht op de seksbranche in de regio."))
        try fixture.write("b.xml", Fixture.record(id: "alleen-toezicht", body: "Toezicht, toezicht en nog eens toezicht op vergunde bedrijven."))
        try fixture.write("c.xml", Fixture.record(id: "geen", body: "Over iets heel anders."))
        try fixture.index()
        // Default (all-first): the record with both words leads; the one lacking a word still follows.
        let result = try fixture.search("seksbranche toezicht")
        #expect(result.ids == ["beide", "alleen-toezicht"])
        #expect(result.total == 2)
        #expect(result.totalAllWords == 1)
        #expect(result.understood == nil)
        // Strict: only the record with every word.
        let strict = try fixture.searcher().search(SearchRequest(query: "seksbranche toezicht", mode: .all))
        #expect(strict.ids == ["beide"])
        #expect(strict.totalAllWords == nil)
        // No record has every word: say so.
        let none = try fixture.search("seksbranche vergunde")
        #expect(Set(none.ids) == ["beide", "alleen-toezicht"])
        #expect(none.totalAllWords == 0)
        #expect(none.understood?.hasPrefix("een of meer van") == true)
        // Operators, also in Dutch capitals, are taken as typed.
        #expect(try fixture.search("seksbranche EN vergunde").total == 0)
        #expect(try fixture.search("seksbranche AND vergunde").total == 0)
        #expect(Set(try fixture.search("seksbranche OF vergunde").ids) == ["beide", "alleen-toezicht"])
        #expect(try fixture.search("toezicht NIET seksbranche").ids == ["alleen-toezicht"])
        // Typed with caps lock on, EN is a word again: both records, the one with both words first.
        let shouted = try fixture.search("SEKSBRANCHE EN TOEZICHT")
        #expect(shouted.ids == ["beide", "alleen-toezicht"])
        #expect(shouted.totalAllWords == 1)
        #expect(shouted.understood == nil)
    }

    @Test func aQuestionTypedAsASentenceIsSearchedForItsSubject() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "onderwerp", body: "Ouders van meisjes die met loverboys omgaan."))
        try fixture.write("b.xml", Fixture.record(id: "informatie", body: "Informatie over informatie: informatie voor ouders."))
        try fixture.index()
        let sentence = try fixture.search("ik zoek informatie over loverboys")
        #expect(sentence.ids == ["onderwerp"])
        #expect(sentence.understood == "loverboys")
        #expect(try fixture.search("please supply information on loverboys").ids == ["onderwerp"])
        // A question mark does not keep a word from its synonyms.
        try fixture.loadThesaurus("loverboy, tienerpooier")
        let question = try fixture.search("wat is een loverboy?")
        #expect(question.expansions.first?.term == "loverboy")
        #expect(question.understood == nil)
        // Only the request is dropped: on its own, or as a subject, the word is searched.
        #expect(try fixture.search("informatie over").ids == ["informatie"])
        #expect(try fixture.search("informatie ouders").ids.first == "informatie")
    }

    @Test func aWeakHeadWordIsNotNeededToHaveEveryWord() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "loverboys", body: "Het plan van aanpak over loverboys en hun slachtoffers."))
        try fixture.write("b.xml", Fixture.record(id: "problematiek", body: "De problematiek van schulden, de problematiek van wonen."))
        try fixture.index()
        let result = try fixture.search("loverboy problematiek")
        #expect(result.ids == ["loverboys", "problematiek"])
        #expect(result.totalAllWords == 1)
        #expect(result.allWordsExcept == ["problematiek"])
        // "Only those" gives the same document as the count above.
        let strict = try fixture.searcher().search(SearchRequest(query: "loverboy problematiek", mode: .all))
        #expect(strict.ids == ["loverboys"])
        #expect(try fixture.search("loverboy ouders").allWordsExcept.isEmpty)
    }

    @Test func aCompoundTypedAsTwoWordsFindsItsSynonymsButNotItsBroaderTerms() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "kamer", body: "Signalen in de hotelkamer herkennen."))
        try fixture.write("b.xml", Fixture.record(id: "room", language: "en", body: "Staff who enter hotel rooms see the signs."))
        try fixture.write("c.xml", Fixture.record(id: "minderjarigen", body: "Over prostitutie door minderjarigen in de regio."))
        try fixture.write("d.xml", Fixture.record(id: "breder", body: "Mensenhandel in al zijn vormen."))
        try fixture.index()
        try fixture.loadThesaurus("""
            hotelkamer, hotel room, hotel rooms
            jeugdprostitutie, prostitutie door minderjarigen
            jeugdprostitutie -> mensenhandel
            """)
        let hotel = try fixture.search("hotel kamers")
        #expect(Set(hotel.ids) == ["kamer", "room"])
        #expect(hotel.expansions.first?.term == "hotel kamers")
        #expect(try fixture.search("jeugd prostitutie").ids == ["minderjarigen"])
    }

    @Test func aLongSynonymDoesNotOutweighTheWordTypedOnlyByHavingMoreWords() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "getypt", body: "Een aanpak van jeugdprostitutie in de wijk: jeugdprostitutie voorkomen met ouders en scholen."))
        try fixture.write("b.xml", Fixture.record(id: "synoniem", body: "Een aanpak van seksuele uitbuiting van minderjarigen in de wijk, met ouders en scholen."))
        try fixture.write("c.xml", Fixture.record(id: "ander", body: "Seksuele voorlichting over uitbuiting voor minderjarigen en ouders."))
        try fixture.index()
        try fixture.loadThesaurus("jeugdprostitutie, seksuele uitbuiting van minderjarigen")
        // Both records are found; the one that says the word as typed, twice, comes first. Summed over its
        // three words, the synonym used to weigh three times as much as the word typed.
        #expect(try fixture.search("jeugdprostitutie").ids == ["getypt", "synoniem"])
    }

    @Test func aWordThatClustersInTheDocumentsAboutItOutweighsOneSpreadLikeChance() throws {
        let fixture = try Fixture()
        // *mentor* and *chantage* occur eight times each: *mentor* once in each of eight records, *chantage*
        // in two, one of which is about it.
        for number in 1...8 {
            try fixture.write("a\(number).xml", Fixture.record(id: "mentor-\(number)", body: "Een mentor in de klas van school \(number)."))
        }
        try fixture.write("b.xml", Fixture.record(id: "over-chantage", body: Array(repeating: "Chantage", count: 7).joined(separator: " en ") + "."))
        // Written last, so that on a tie it would come last.
        try fixture.write("z.xml", Fixture.record(id: "chantage-in-de-klas", body: "Over chantage in de klas van school 9."))
        try fixture.index()
        let ids = try fixture.search("mentor chantage").ids
        // The record that says *chantage* once ranks above every record that says *mentor* once, though
        // both words are equally frequent: *chantage* is the subject word, *mentor* is everywhere.
        let chantage = try #require(ids.firstIndex(of: "chantage-in-de-klas"))
        #expect(ids.filter { $0.hasPrefix("mentor-") }.count == 8)
        #expect(ids.enumerated().allSatisfy { index, id in !id.hasPrefix("mentor-") || index > chantage }, "\(ids)")
    }

    @Test func theTitleOfALongTextWeighsMoreThanTheSameWordInItsBody() throws {
        let fixture = try Fixture()
        // About 250 words of text around the word, so the title is a small part of each record.
        func text(_ mentions: Int, sentences: Int) -> String {
            let filler = (1...sentences).map { "Het overleg met de wijkteams in stadsdeel \($0) ging over de planning van het jaar." }
            return (Array(repeating: "De tippelzone kwam ter sprake.", count: mentions) + filler).joined(separator: " ")
        }
        try fixture.write("a.xml", Fixture.record(id: "in-de-titel", title: "Toezicht op de tippelzone", body: text(1, sentences: 18)))
        try fixture.write("b.xml", Fixture.record(id: "in-de-tekst", title: "Verslag van het overleg", body: text(3, sentences: 17)))
        try fixture.index()
        // Both say *tippelzone* three times (a title counts double in any text); the one whose title names
        // it comes first, though its text is a little longer.
        #expect(try fixture.search("tippelzone").ids == ["in-de-titel", "in-de-tekst"])
    }

    @Test func anEnglishWordIsNotExpandedByADutchEntryThatOnlySharesItsStem() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "signal", language: "en", body: "A transformer for signal distribution.", themes: ["opvang"]))
        try fixture.write("b.xml", Fixture.record(id: "signs", language: "en", body: "Warning signs of exploitation.", themes: ["opvang"]))
        try fixture.index()
        try fixture.loadThesaurus("signalen, signs, warning signs")
        // *signal* has the Dutch stem of *signalen*, but is not that word.
        let signal = try fixture.search("signal")
        #expect(signal.ids == ["signal"])
        #expect(signal.expansions.isEmpty)
        #expect(try fixture.search("signalen").ids == ["signs"])
        #expect(try fixture.search("signs").expansions.first?.added.contains("signalen") == true)
    }

    @Test func aThemeIsSearchableAsWords() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "getagd", body: "Hulp voor jongens die worden uitgebuit.", themes: ["jongens-als-slachtoffer"]))
        try fixture.write("b.xml", Fixture.record(id: "ander", body: "Hulp voor jongens en meisjes.", themes: ["signalering"]))
        try fixture.index()
        #expect(try fixture.search("\"jongens als slachtoffer\"").ids == ["getagd"])
    }

    @Test func pluralsAndSingularsConflate() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "meervoud", body: "Gemeenten en meisjes, fietsen en slachtoffers, rollenspellen."))
        try fixture.index()
        for query in ["gemeente", "meisje", "fiets", "slachtoffer", "rollenspel"] {
            #expect(try fixture.search(query).ids == ["meervoud"], "\(query)")
        }
    }

    @Test func verbFormsDiminutivesAndComparativesFindTheirBaseForm() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "vormen", body: """
            Hij ronselde meisjes via een berichtje, werd gevolgd en later geronseld. Ze liep weg.
            De jongste slachtoffers kregen een balletje cadeau. De kwetsbaarste jongeren werden uitgebuit.
            """))
        try fixture.write("b.xml", Fixture.record(id: "anders", body: "Over de kant van de stad en het gebied van de molen."))
        try fixture.index()
        for query in ["ronselen", "ronselt", "bericht", "lopen", "jong", "bal", "kwetsbaar", "uitbuiten", "krijgen"] {
            #expect(try fixture.search(query).ids == ["vormen"], "\(query)")
        }
        // The lexicon keeps look-alikes apart: kant is not a form of kannen, gebied not one of bieden.
        for query in ["kannen", "bieden"] {
            #expect(try fixture.search(query).ids.isEmpty, "\(query)")
        }
        #expect(try fixture.search("steden").ids == ["anders"])
    }

    @Test func thesaurusExpandsSynonymsOneWayBroaderTermsAndAcronyms() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "tienerpooier", body: "Een tienerpooier benadert meisjes online."))
        try fixture.write("b.xml", Fixture.record(id: "mensenhandelaar", body: "De mensenhandelaar werd veroordeeld."))
        try fixture.write("c.xml", Fixture.record(id: "om", body: "Het Openbaar Ministerie vervolgt."))
        try fixture.index()
        try fixture.loadThesaurus("loverboy, tienerpooier\nloverboy -> mensenhandelaar\nOM, Openbaar Ministerie")

        let expanded = try fixture.search("loverboy")
        #expect(Set(expanded.ids) == ["tienerpooier", "mensenhandelaar"])
        #expect(expanded.expansions.first?.added.contains("tienerpooier") == true)
        // One way: the broader term does not find the narrower one.
        #expect(try fixture.search("mensenhandelaar").ids == ["mensenhandelaar"])
        #expect(try fixture.search("OM").ids == ["om"])
        // The user can switch expansion off.
        let plain = try fixture.searcher().search(SearchRequest(query: "loverboy", expand: false))
        #expect(plain.total == 0)
        #expect(plain.expansions.isEmpty)
        // A full rebuild keeps the loaded thesaurus.
        _ = try CollectionIndexer(folder: fixture.folder, location: fixture.location).rebuild()
        #expect(Set(try fixture.search("loverboy").ids) == ["tienerpooier", "mensenhandelaar"])
    }

    @Test func spellingSuggestionsComeOnlyFromLevelsTheCallerMaySee() throws {
        let fixture = try Fixture()
        try fixture.write("open.xml", Fixture.record(id: "open", body: "Informatie over loverboys voor ouders."))
        try fixture.write("monitor.xml", Fixture.record(id: "monitor", body: "De slachtoffermonitor telt slachtoffers; de slachtoffermonitor verschijnt jaarlijks."))
        try fixture.write("prof.xml", Fixture.record(id: "prof", access: "professional", body: "Casusoverleg over slachtoffers en signalen."))
        try fixture.write("geheim.xml", Fixture.record(id: "geheim", access: "vertrouwelijk", body: "Werkwijze met sextortion en chantagebeelden."))
        try fixture.index()
        // Nothing found for the misspelling: the results shown are for the correction, and it says so.
        let corrected = try fixture.search("loverbosy", role: .anonymous)
        #expect(corrected.understood == "loverboys")
        #expect(corrected.correctedFrom == "loverbosy")
        #expect(corrected.ids == ["open"])
        #expect(try fixture.search("chantagebelden", role: .trainer).understood == "chantagebeelden")
        // A role that sees several levels gets corrections from each of them (Xapian alone finds none
        // across databases opened as one when the word is only in the first).
        #expect(try fixture.search("loverbosy", role: .trainer).understood == "loverboys")
        #expect(try fixture.search("slachtofermonitor", role: .trainer).understood == "slachtoffermonitor")
        #expect(try fixture.search("slachtofermonitor", role: .professional).understood == "slachtoffermonitor")
        let anonymous = try fixture.search("chantagebelden", role: .anonymous)
        #expect(anonymous.suggestion == nil)
        #expect(anonymous.total == 0)
    }

    @Test func aWordTheCollectionContainsIsCorrectedOnlyToAFarCommonerOne() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "zeeland", body: "Ketenaanpak in Zeeland."))
        for index in 0..<3 {
            try fixture.write("b\(index).xml", Fixture.record(id: "beland-\(index)", body: "Jongeren zijn in de prostitutie beland; beland na een loverboy."))
        }
        try fixture.index()
        // One hit is little, but *zeeland* is a word of the collection and *beland* not far commoner: no
        // "Bedoelde u: beland?".
        let result = try fixture.search("zeeland")
        #expect(result.ids == ["zeeland"])
        #expect(result.suggestion == nil)
        // A misspelling still gets its correction, also when one document has the same typo.
        #expect(try fixture.search("belannd").understood == "beland")
        try fixture.write("c.xml", Fixture.record(id: "tiepfout", body: "Een tiepfout: slachtofers."))
        try fixture.write("d.xml", Fixture.record(id: "slachtoffers", body: Array(repeating: "Slachtoffers.", count: 12).joined(separator: " ")))
        try fixture.index()
        #expect(try fixture.search("slachtofers").suggestion == "slachtoffers")
    }

    @Test func aQuotedPhraseOfACompoundsPartsFindsTheCompound() throws {
        let fixture = try Fixture()
        try fixture.write("a.xml", Fixture.record(id: "compound", body: "Een aanpak van jeugdprostitutie in de regio."))
        try fixture.index()
        // Nobody writes "jeugd prostitutie" as two words, so the phrase finds nothing: show the compound's results.
        let result = try fixture.search("\"jeugd prostitutie\"")
        #expect(result.ids == ["compound"])
        #expect(result.understood == "jeugdprostitutie")
        #expect(result.correctedFrom == "\"jeugd prostitutie\"")
    }
}
