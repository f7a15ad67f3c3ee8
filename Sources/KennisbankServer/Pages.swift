import Foundation
import Hummingbird
import KennisbankCore
import Mustache

/// The Dutch web pages, rendered on the server from the Mustache templates in `Templates/`.
///
/// Templates escape everything with `{{ }}`; only extracts that passed through `SafeMarkup` use `{{{ }}}`.
struct Pages: Sendable {
    let library: MustacheLibrary
    let labels: Labels

    /// How many values of a facet are shown before the rest go behind "meer".
    static let visibleValues = 8

    /// Facets not worth showing to this caller: access, when the caller's role sees one level only.
    static func hiddenFacets(for caller: Caller) -> Set<Facet> {
        caller.role.visibleLevels.count == 1 ? [.access] : []
    }

    /// Who is logged in, for the page header ("Ingelogd als NAME (ROL)" and the logout button).
    struct UserView {
        var name: String
        var role: String
        /// The session's CSRF token for the logout form; nil for a caller with a bearer token (no session to end).
        var csrf: String?
        var isCurator: Bool
    }

    static func user(_ caller: Caller) -> UserView? {
        guard caller.role != .anonymous || caller.name != nil else { return nil }
        return UserView(name: caller.name ?? "", role: caller.role.rawValue, csrf: caller.sessionCSRF,
                        isCurator: caller.role == .curator)
    }

    func render(_ template: String, _ view: Any, status: HTTPResponse.Status = .ok) -> Response {
        let html = library.render(view, withTemplate: template) ?? "<!doctype html><title>Fout</title><p>Sjabloon \(template) ontbreekt.</p>"
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8"],
                        body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    // MARK: - Search page

    struct SearchView {
        var pageTitle: String
        var query: String
        var from: String
        var to: String
        var size: String?
        var sortOptions: [Option]
        var understood: String?
        /// "Resultaten voor X" after an automatic spelling correction, with a link to search as typed.
        var corrected: Corrected?
        /// "Bedoelde u ...?" with a link.
        var suggestion: Link?
        /// Thesaurus expansions, with a link to search without them.
        var expansions: [ExpansionView]
        var expansionsOffHref: String?
        var heading: String
        /// All-first mode: how many hits have every word, with a link to show only those.
        var allWords: Link?
        var range: String?
        var hits: [HitView]
        var facets: [FacetView]
        var chips: [Chip]
        var clearFiltersHref: String?
        var noResults: Bool
        var hasQuery: Bool
        var error: ErrorView?
        var pagination: PaginationView?
        var hasChips = false
        var hasHits = false
        var user: UserView?
        /// Links that export this search, one per format (shown when there are results).
        var exportLinks: [Link] = []
        /// The "Zoekopdracht bewaren" form, for a caller with a web session.
        var save: SaveView? = nil
        var hasExport = false
        var hasTools = false
    }

    struct SaveView { var csrf: String; var query: String; var name: String }

    /// Export formats as offered on the search page.
    static let exportFormats: [(format: String, label: String)] = [
        ("html", "Hand-out (HTML)"), ("md", "Markdown"), ("csv", "CSV"), ("json", "JSON"), ("dc", "Dublin Core (XML)"),
    ]

    struct Option { var value: String; var label: String; var selected: Bool }
    struct Link { var text: String; var href: String }
    struct Corrected { var text: String; var typed: String; var typedHref: String }
    struct ExpansionView { var term: String; var added: String }
    struct Chip { var label: String; var href: String }
    struct ErrorView { var message: String; var parameter: String? }

    struct HitView {
        var position: Int
        var href: String
        var title: String
        var type: String
        var organisation: String?
        var date: String
        var dateISO: String
        var snippet: String
        var passages: [PassageView]
        var hasPassages = false
        /// Set for documents not in Dutch, so screen readers switch language.
        var lang: String? = nil
    }

    struct PassageView { var location: String?; var text: String }

    struct FacetView {
        var name: String
        var title: String
        var values: [FacetValueView]
        var more: [FacetValueView]
        var moreCount: Int
        var hasMore = false
    }

    struct FacetValueView {
        var name: String
        var value: String
        var label: String
        var count: String
        var checked: Bool
        var inputID: String
    }

    struct PaginationView {
        var previous: String?
        var next: String?
        var pages: [PageLink]
    }

    struct PageLink { var number: Int; var href: String?; var current: Bool; var gap: Bool }

    func searchPage(_ parameters: SearchParameters, result: SearchResult?, error: APIError? = nil, caller: Caller) -> Response {
        var chips: [Chip] = []
        for facet in Facet.allCases {
            for value in parameters.filters[facet] ?? [] {
                let href = parameters.with { p in
                    p.filters[facet]?.removeAll { $0 == value }
                    if p.filters[facet]?.isEmpty == true { p.filters[facet] = nil }
                    p.page = 1
                }.href
                chips.append(Chip(label: "\(Labels.title(of: facet)): \(labels.label(value, in: facet))", href: href))
            }
        }
        if let from = parameters.from {
            chips.append(Chip(label: "Vanaf \(from)", href: parameters.with { $0.from = nil; $0.page = 1 }.href))
        }
        if let to = parameters.to {
            chips.append(Chip(label: "Tot en met \(to)", href: parameters.with { $0.to = nil; $0.page = 1 }.href))
        }
        let total = result?.total ?? 0
        let hits = result?.hits ?? []
        let offset = (parameters.page - 1) * parameters.size
        let heading = total == 1 ? "1 document" : "\(Labels.number(total)) documenten"
        let queryIsEmpty = parameters.query.trimmingCharacters(in: .whitespaces).isEmpty
        var view = SearchView(
            pageTitle: parameters.query.isEmpty ? "Kennisbank Jeugdprostitutie" : "\(parameters.query) – zoeken in de Kennisbank",
            query: parameters.query,
            from: parameters.from ?? "",
            to: parameters.to ?? "",
            size: parameters.size == SearchParameters.defaultSize ? nil : String(parameters.size),
            sortOptions: [
                // Without a query the list is newest first whatever is chosen; the label says so, while the
                // value stays "relevance" so that a query typed next is ranked by relevance.
                Option(value: "relevance", label: queryIsEmpty ? "Relevantie (zonder zoekwoorden: nieuwste eerst)" : "Relevantie",
                       selected: parameters.sort == .relevance),
                Option(value: "date", label: "Datum (nieuwste eerst)", selected: parameters.sort == .date),
            ],
            understood: result?.correctedFrom == nil ? result?.understood : nil,
            corrected: result?.correctedFrom.map { typed in
                Corrected(text: result?.understood ?? "", typed: typed,
                          typedHref: parameters.with { $0.query = "\"\(typed)\""; $0.page = 1 }.href)
            },
            suggestion: result?.suggestion.map { text in Link(text: text, href: parameters.with { p in p.query = text; p.page = 1 }.href) },
            expansions: (result?.expansions ?? []).map { ExpansionView(term: $0.term, added: $0.added.joined(separator: ", ")) },
            expansionsOffHref: (result?.expansions.isEmpty ?? true) ? nil : parameters.with { $0.expand = false; $0.page = 1 }.href,
            heading: heading,
            allWords: result.flatMap { result in
                guard let all = result.totalAllWords, all > 0, all < result.total else { return nil }
                // *Problematiek* is not required (see Searcher): say so rather than claim every word.
                let words = result.allWordsExcept.isEmpty ? "al uw zoekwoorden"
                    : "al uw zoekwoorden (" + result.allWordsExcept.joined(separator: ", ")
                        + (result.allWordsExcept.count == 1 ? " telt" : " tellen") + " niet mee)"
                let text = all == 1 ? "1 document bevat \(words) en staat bovenaan; daarna documenten met een deel ervan."
                    : "\(Labels.number(all)) documenten bevatten \(words) en staan bovenaan; daarna documenten met een deel ervan."
                return Link(text: text, href: parameters.with { $0.mode = .all; $0.page = 1 }.href)
            },
            range: hits.isEmpty ? nil : "\(offset + 1)–\(offset + hits.count)",
            hits: hits.enumerated().map { index, hit in
                HitView(position: offset + index + 1,
                        href: "/document/" + QueryString.encodePathSegment(hit.id),
                        title: hit.title, type: labels.label(hit.type, in: .type),
                        organisation: hit.organisation.isEmpty ? nil : hit.organisation.joined(separator: ", "),
                        date: Labels.date(hit.date), dateISO: hit.date,
                        snippet: SafeMarkup.marked(hit.snippet),
                        passages: hit.passages.map { PassageView(location: Self.location(page: $0.page, heading: $0.heading),
                                                                 text: SafeMarkup.marked($0.text)) },
                        hasPassages: !hit.passages.isEmpty, lang: hit.language == "nl" ? nil : hit.language)
            },
            facets: facetViews(result, parameters: parameters, hidden: Self.hiddenFacets(for: caller)),
            chips: chips,
            clearFiltersHref: parameters.hasFilters ? SearchParameters().with { $0.query = parameters.query }.href : nil,
            noResults: result != nil && hits.isEmpty,
            hasQuery: !parameters.query.trimmingCharacters(in: .whitespaces).isEmpty,
            error: error.map { ErrorView(message: $0.message, parameter: $0.parameter) },
            pagination: pagination(parameters, total: total),
            hasChips: !chips.isEmpty, hasHits: !hits.isEmpty, user: Self.user(caller))
        let search = parameters.withoutPaging.queryString
        if total > 0 {
            view.exportLinks = Self.exportFormats.map { format in
                Link(text: format.label, href: "/api/export?" + (search.isEmpty ? "" : search + "&") + "format=" + format.format)
            }
        }
        if let csrf = caller.sessionCSRF, caller.tokenID != nil, error == nil {
            view.save = SaveView(csrf: csrf, query: search, name: String(parameters.describe(labels: labels).prefix(100)))
        }
        view.hasExport = !view.exportLinks.isEmpty
        view.hasTools = view.hasExport || view.save != nil
        return render("search", view, status: error?.status ?? .ok)
    }

    static func location(page: Int?, heading: String?) -> String? {
        switch (page, heading) {
        case let (page?, heading?): "p. \(page) · \(heading)"
        case let (page?, nil): "p. \(page)"
        case let (nil, heading?): heading
        case (nil, nil): nil
        }
    }

    private func facetViews(_ result: SearchResult?, parameters: SearchParameters, hidden: Set<Facet>) -> [FacetView] {
        guard let result else { return [] }
        return Facet.allCases.compactMap { facet -> FacetView? in
            guard !hidden.contains(facet) else { return nil }
            let counts = result.facets[facet.rawValue] ?? []
            guard !counts.isEmpty else { return nil }
            let values = counts.enumerated().map { index, count in
                FacetValueView(name: facet.rawValue, value: count.value, label: labels.label(count.value, in: facet),
                               count: Labels.number(count.count), checked: count.selected,
                               inputID: "f-\(facet.rawValue)-\(index)")
            }
            // Selected values always stay in view; the rest fill up to visibleValues.
            var shown: [FacetValueView] = []
            var more: [FacetValueView] = []
            for value in values {
                if value.checked || shown.count < Self.visibleValues { shown.append(value) } else { more.append(value) }
            }
            return FacetView(name: facet.rawValue, title: Labels.title(of: facet), values: shown, more: more, moreCount: more.count,
                             hasMore: !more.isEmpty)
        }
    }

    private func pagination(_ parameters: SearchParameters, total: Int) -> PaginationView? {
        let pageCount = min((total + parameters.size - 1) / parameters.size, SearchParameters.maxPage)
        guard pageCount > 1 else { return nil }
        let current = parameters.page
        func href(_ page: Int) -> String { parameters.with { $0.page = page }.href }
        var numbers = Set([1, pageCount])
        for page in (current - 2)...(current + 2) where (1...pageCount).contains(page) { numbers.insert(page) }
        var links: [PageLink] = []
        var last = 0
        for page in numbers.sorted() {
            if page > last + 1 { links.append(PageLink(number: 0, href: nil, current: false, gap: true)) }
            links.append(PageLink(number: page, href: page == current ? nil : href(page), current: page == current, gap: false))
            last = page
        }
        return PaginationView(previous: current > 1 ? href(min(current - 1, pageCount)) : nil,
                              next: current < pageCount ? href(current + 1) : nil,
                              pages: links)
    }

    // MARK: - Document page

    struct DocumentView {
        var pageTitle: String
        var title: String
        var summary: String
        var type: String
        var metadata: [MetaRow]
        var sections: [SectionView]
        var passages: [PassageView]
        var passageCount: Int
        var similar: [SimilarView]
        var sourceDescription: String?
        var sourceURL: String?
        var fileHref: String?
        var fileLabel: String?
        var jsonHref: String
        var lang: String?
        var hasOriginal = false
        var hasPassages = false
        var hasSimilar = false
        var user: UserView?
    }

    struct MetaRow { var term: String; var values: [MetaValue] }
    struct MetaValue { var text: String; var href: String? }
    struct SectionView { var heading: String?; var page: String?; var paragraphs: [String] }
    struct SimilarView { var href: String; var title: String; var type: String; var date: String; var dateISO: String }

    /// - Parameter file: link to the original file and its name, when it can be served.
    func documentPage(_ document: KnowledgeDocument, similar: [SearchHit], file: (href: String, name: String)?,
                      caller: Caller) -> Response {
        func linked(_ facet: Facet, _ values: [String]) -> [MetaValue] {
            values.map { value in
                MetaValue(text: labels.label(value, in: facet),
                          href: SearchParameters().with { $0.filters[facet] = [value] }.href)
            }
        }
        func plain(_ values: [String]) -> [MetaValue] { values.filter { !$0.isEmpty }.map { MetaValue(text: $0, href: nil) } }
        var rows: [MetaRow] = [
            MetaRow(term: "Soort document", values: linked(.type, [document.type])),
            MetaRow(term: "Datum", values: plain([Labels.date(document.published)])),
            MetaRow(term: "Organisatie", values: linked(.organisation, document.organisations)),
            MetaRow(term: "Auteur", values: plain(document.authors)),
            MetaRow(term: "Regio", values: linked(.region, [document.region] + [document.municipality].compactMap { $0 })),
            MetaRow(term: "Doelgroep", values: linked(.audience, document.audiences)),
            MetaRow(term: "Aanpak", values: linked(.approach, document.approaches)),
            MetaRow(term: "Thema", values: linked(.theme, document.themes)),
            MetaRow(term: "Taal", values: linked(.language, [document.language])),
            MetaRow(term: "Toegang", values: plain([labels.label(document.access.rawValue, in: .access)])),
        ]
        if let practice = document.practice {
            rows += [
                MetaRow(term: "Uitgevoerd door", values: plain([practice.runBy])),
                MetaRow(term: "Locatie", values: plain([practice.location])),
                MetaRow(term: "Sinds", values: plain([practice.since])),
                MetaRow(term: "Onderbouwing", values: plain([labels.evidence(practice.evidence)])),
            ]
        }
        if let method = document.workingMethod {
            rows += [
                MetaRow(term: "Wervingskanalen", values: plain(method.recruitmentChannels)),
                MetaRow(term: "Plaatsen van uitbuiting", values: plain(method.exploitationSettings)),
                MetaRow(term: "Leeftijd slachtoffers", values: plain([method.victimAgeBand])),
                MetaRow(term: "Groepscontext", values: plain([method.groupContext])),
                MetaRow(term: "Controlemiddelen", values: plain(method.controlMethods)),
            ]
        }
        rows.removeAll { $0.values.isEmpty }
        let passages = Passage.split(document.sections)
        var view = DocumentView(
            pageTitle: "\(document.title) – Kennisbank Jeugdprostitutie",
            title: document.title,
            summary: document.summary,
            type: labels.label(document.type, in: .type),
            metadata: rows,
            sections: document.sections.map { section in
                SectionView(heading: section.heading, page: section.page.map { "p. \($0)" }, paragraphs: section.paragraphs)
            },
            passages: passages.map { passage in
                PassageView(location: Self.location(page: passage.page, heading: passage.heading),
                            text: Self.excerpt(passage.text, words: 40))
            },
            passageCount: passages.count,
            similar: similar.map { hit in
                SimilarView(href: "/document/" + QueryString.encodePathSegment(hit.id), title: hit.title,
                            type: labels.label(hit.type, in: .type), date: Labels.date(hit.date), dateISO: hit.date)
            },
            sourceDescription: document.source?.description.isEmpty == false ? document.source?.description : nil,
            sourceURL: document.source?.url.flatMap(Self.safeExternalURL),
            fileHref: file?.href,
            fileLabel: file.map(Self.fileLabel),
            jsonHref: "/api/documents/" + QueryString.encodePathSegment(document.id),
            lang: document.language == "nl" ? nil : document.language,
            user: Self.user(caller))
        view.hasOriginal = view.sourceURL != nil || file != nil
        view.hasPassages = passages.count > 1
        view.hasSimilar = !similar.isEmpty
        return render("document", view)
    }

    /// The record itself is XML; anything else attached to it is the original publication.
    static func fileLabel(_ file: (href: String, name: String)) -> String {
        let ext = (file.name as NSString).pathExtension.uppercased()
        if ext == "XML" { return "Bekijk de bronregistratie (XML)" }
        return ext.isEmpty ? "Download het originele bestand" : "Download het originele bestand (\(ext))"
    }

    /// Only http(s) links are shown as links; anything else (javascript:, data:) is not.
    static func safeExternalURL(_ text: String) -> String? {
        guard let url = URL(string: text), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return nil
        }
        return text
    }

    static func excerpt(_ text: String, words: Int) -> String {
        let all = text.split(whereSeparator: \.isWhitespace)
        return all.prefix(words).joined(separator: " ") + (all.count > words ? " …" : "")
    }

    // MARK: - Errors

    struct ErrorPageView {
        var pageTitle: String
        var heading: String
        var message: String
        var status: Int
        var user: UserView?
    }

    /// A Dutch error page. Messages never say why a document is not there: unknown and not visible read alike.
    func errorPage(_ error: APIError, caller: Caller) -> Response {
        let heading: String
        let message: String
        switch error.status {
        case .notFound:
            heading = "Niet gevonden"
            message = "De pagina of het document dat u zoekt bestaat niet (meer) of is niet beschikbaar."
        case .badRequest:
            heading = "Deze vraag kunnen we niet verwerken"
            message = error.message
        case .unauthorized:
            heading = "Niet ingelogd"
            message = "De meegestuurde toegangscode is ongeldig, ingetrokken of verlopen."
        case .forbidden:
            heading = "Niet toegestaan"
            message = error.message
        case .contentTooLarge:
            heading = "Te veel gegevens"
            message = "Het verzoek is groter dan deze kennisbank aanneemt."
        case .unsupportedMediaType:
            heading = "Onbekend formaat"
            message = "Verstuur het formulier vanaf de pagina zelf."
        case .tooManyRequests:
            heading = "Te veel pogingen"
            message = "Probeer het over enkele minuten opnieuw."
        case .methodNotAllowed:
            heading = "Niet toegestaan"
            message = "Deze pagina kan zo niet worden opgevraagd."
        case .serviceUnavailable:
            heading = "De kennisbank is tijdelijk niet beschikbaar"
            message = "Probeer het later opnieuw."
        default:
            heading = "Er ging iets mis"
            message = "Probeer het later opnieuw."
        }
        return render("error", ErrorPageView(pageTitle: "\(heading) – Kennisbank Jeugdprostitutie", heading: heading,
                                             message: message, status: error.status.code, user: Self.user(caller)),
                      status: error.status)
    }

    // MARK: - Login

    struct LoginView {
        var pageTitle = "Inloggen – Kennisbank Jeugdprostitutie"
        var csrf: String
        var error: String?
        var user: UserView?
    }

    func loginPage(csrf: String, error: String?, caller: Caller, status: HTTPResponse.Status) -> Response {
        render("login", LoginView(csrf: csrf, error: error, user: Self.user(caller)), status: status)
    }

    // MARK: - Audit log

    struct AuditView {
        var pageTitle = "Auditlog – Kennisbank Jeugdprostitutie"
        var document: String
        var entries: [AuditRow]
        var total: String
        var shown: String
        var truncated: Bool
        var hasEntries: Bool
        var user: UserView?
    }

    struct AuditRow {
        var time: String
        var timeISO: String
        var token: String
        var document: String
        var documentHref: String
        var action: String
    }

    /// How many audit lines the page shows at most (the newest).
    static let auditPageLimit = 500

    static func actionLabel(_ action: AuditLog.Action) -> String {
        switch action {
        case .shown: "getoond in resultaten"
        case .opened: "geopend"
        case .downloaded: "gedownload"
        case .exported: "geëxporteerd"
        }
    }

    /// - Parameter entries: newest first.
    func auditPage(entries: [AuditLog.Entry], document: String?, caller: Caller) -> Response {
        let iso = ISO8601DateFormatter()
        let local = DateFormatter()
        local.locale = Locale(identifier: "nl_NL")
        local.timeZone = TimeZone(identifier: "Europe/Amsterdam")
        local.dateFormat = "d-M-yyyy HH:mm:ss"
        let rows = entries.prefix(Self.auditPageLimit).map { entry in
            AuditRow(time: local.string(from: entry.time), timeISO: iso.string(from: entry.time), token: entry.token,
                     document: entry.document, documentHref: "/document/" + QueryString.encodePathSegment(entry.document),
                     action: Self.actionLabel(entry.action))
        }
        let view = AuditView(document: document ?? "", entries: Array(rows), total: Labels.number(entries.count),
                             shown: Labels.number(rows.count), truncated: entries.count > rows.count,
                             hasEntries: !rows.isEmpty, user: Self.user(caller))
        return render("audit", view)
    }
}
