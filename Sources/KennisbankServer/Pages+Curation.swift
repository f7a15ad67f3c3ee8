import Foundation
import Hummingbird
import KennisbankCore
import KennisbankExport

/// The curators' statistics page and the page of saved searches.
extension Pages {
    // MARK: - Statistics

    struct StatisticsView {
        var pageTitle = "Statistiek – Kennisbank Jeugdprostitutie"
        var total: String
        var charts: [ChartView]
        var gapGroups: [GapGroup]
        var hasGaps: Bool
        var zeroResults: [QueryRow]
        var hasZeroResults: Bool
        var topQueries: [QueryRow]
        var hasTopQueries: Bool
        var withheld: String?
        var retentionWeeks: Int
        var user: UserView?
    }

    /// One chart: the SVG (drawn by Charts, labels escaped there) and the same numbers as a table.
    struct ChartView {
        var id: String
        var title: String
        var note: String?
        var svg: String
        var table: TableView
    }

    struct TableView {
        var caption: String
        var corner: String
        var columns: [String]
        var rows: [RowView]
    }

    struct RowView { var header: String; var cells: [CellView] }
    struct CellView { var text: String; var gap: Bool; var thin: Bool }

    /// The empty (and thin) cells of one heat map, per row.
    struct GapGroup {
        var title: String
        var rows: [GapRow]
    }

    struct GapRow { var label: String; var empty: String?; var thin: String? }
    struct QueryRow { var query: String; var count: String; var href: String }

    func statisticsPage(_ statistics: CollectionStatistics, searches: SearchesSummary, caller: Caller) -> Response {
        let type = { (value: String) in labels.label(value, in: .type) }
        let theme = { (value: String) in labels.label(value, in: .theme) }
        let approach = { (value: String) in labels.label(value, in: .approach) }
        let audience = { (value: String) in labels.label(value, in: .audience) }
        let language = { (value: String) in labels.label(value, in: .language) }
        let total = max(1, statistics.access.reduce(0) { $0 + $1.count })
        let access = { (value: String) -> String in
            let count = statistics.access.first { $0.value == value }?.count ?? 0
            return "\(labels.label(value, in: .access)) (\(Self.percentage(count, of: total)))"
        }

        let types = statistics.typeByYear.keys.sorted()
        let yearTable = TableView(
            caption: "Documenten per type per jaar", corner: "Jaar", columns: types.map(type) + ["Totaal"],
            rows: statistics.years.map { year in
                let counts = types.map { t in statistics.typeByYear[t]?.first { $0.value == year }?.count ?? 0 }
                return RowView(header: year, cells: (counts + [counts.reduce(0, +)]).map(Self.cell))
            })

        var charts = [
            ChartView(id: "per-jaar", title: "Documenten per type per jaar", note: nil,
                      svg: Self.scoped(Charts.typeByYear(statistics, labels: type), "c1"), table: yearTable),
            heatMapChart(statistics.themeByApproach, id: "thema-aanpak", title: "Thema × aanpak", scope: "c2",
                         row: theme, column: approach),
            heatMapChart(statistics.themeByAudience, id: "thema-doelgroep", title: "Thema × doelgroep", scope: "c3",
                         row: theme, column: audience),
        ]
        let bars: [(id: String, title: String, counts: [CollectionStatistics.Count], label: (String) -> String, share: Bool)] = [
            ("organisaties", "Organisaties met de meeste documenten", statistics.organisations, { $0 }, false),
            ("talen", "Talen", statistics.languages, language, false),
            ("toegang", "Toegangsniveaus", statistics.access, access, true),
        ]
        for (index, bar) in bars.enumerated() {
            let table = TableView(
                caption: bar.title, corner: bar.id == "organisaties" ? "Organisatie" : bar.id == "talen" ? "Taal" : "Toegang",
                columns: bar.share ? ["Documenten", "Aandeel"] : ["Documenten"],
                rows: bar.counts.map { item in
                    var cells = [Self.cell(item.count)]
                    if bar.share { cells.append(CellView(text: Self.percentage(item.count, of: total), gap: false, thin: false)) }
                    return RowView(header: bar.share ? labels.label(item.value, in: .access) : bar.label(item.value), cells: cells)
                })
            charts.append(ChartView(id: bar.id, title: bar.title, note: nil,
                                    svg: Self.scoped(Charts.bars(bar.counts, title: bar.title, label: bar.label), "c\(4 + index)"),
                                    table: table))
        }

        let gapGroups = [
            gapGroup(statistics.themeByApproach, title: "Thema × aanpak", row: theme, column: approach),
            gapGroup(statistics.themeByAudience, title: "Thema × doelgroep", row: theme, column: audience),
        ].filter { !$0.rows.isEmpty }
        func rows(_ counts: [SearchesSummary.QueryCount]) -> [QueryRow] {
            counts.map { item in
                QueryRow(query: item.query, count: Labels.number(item.count),
                         href: SearchParameters().with { $0.query = item.query }.href)
            }
        }
        let view = StatisticsView(
            total: Labels.number(statistics.total), charts: charts, gapGroups: gapGroups, hasGaps: !gapGroups.isEmpty,
            zeroResults: rows(searches.zeroResultQueries), hasZeroResults: !searches.zeroResultQueries.isEmpty,
            topQueries: rows(searches.topQueries), hasTopQueries: !searches.topQueries.isEmpty,
            withheld: searches.withheld > 0 ? Labels.number(searches.withheld) : nil,
            retentionWeeks: searches.retentionWeeks, user: Self.user(caller))
        return render("statistics", view)
    }

    private func heatMapChart(_ matrix: CollectionStatistics.Matrix, id: String, title: String, scope: String,
                              row: @escaping (String) -> String, column: @escaping (String) -> String) -> ChartView {
        let table = TableView(
            caption: title, corner: "Thema", columns: matrix.columns.map(column),
            rows: zip(matrix.rows, matrix.cells).map { name, cells in RowView(header: row(name), cells: cells.map(Self.cell)) })
        return ChartView(id: id, title: title,
                         note: "Gearceerde cellen met een streep zijn leeg (leemtes); cellen met een gestippelde rand hebben één document.",
                         svg: Self.scoped(Charts.heatMap(matrix, title: title, rowLabel: row, columnLabel: column), scope),
                         table: table)
    }

    private func gapGroup(_ matrix: CollectionStatistics.Matrix, title: String, row: (String) -> String,
                          column: (String) -> String) -> GapGroup {
        let rows = zip(matrix.rows, matrix.cells).compactMap { name, cells -> GapRow? in
            let empty = zip(matrix.columns, cells).filter { $0.1 == 0 }.map { column($0.0) }
            let thin = zip(matrix.columns, cells).filter { $0.1 == 1 }.map { column($0.0) }
            guard !empty.isEmpty || !thin.isEmpty else { return nil }
            return GapRow(label: row(name), empty: empty.isEmpty ? nil : empty.joined(separator: ", "),
                          thin: thin.isEmpty ? nil : thin.joined(separator: ", "))
        }
        return GapGroup(title: title, rows: rows)
    }

    static func cell(_ count: Int) -> CellView {
        CellView(text: Labels.number(count), gap: count == 0, thin: count == 1)
    }

    /// `85%` (Dutch style, no decimals; `<1%` for a small non-zero share).
    static func percentage(_ count: Int, of total: Int) -> String {
        guard total > 0, count > 0 else { return "0%" }
        let share = Double(count) * 100 / Double(total)
        return share < 1 ? "<1%" : "\(Int(share.rounded()))%"
    }

    /// Gives the ids inside one SVG (its fill patterns) a prefix, so several charts inline in one page do not share
    /// ids. Labels in the SVG are escaped by Charts, so `id="` and `url(#` occur only where Charts wrote them.
    static func scoped(_ svg: String, _ prefix: String) -> String {
        svg.replacingOccurrences(of: "id=\"", with: "id=\"\(prefix)-")
            .replacingOccurrences(of: "url(#", with: "url(#\(prefix)-")
    }

    // MARK: - Saved searches

    struct SavedSearchesView {
        var pageTitle = "Bewaarde zoekopdrachten – Kennisbank Jeugdprostitutie"
        var searches: [SavedSearchRow]
        var hasSearches: Bool
        var signedIn: Bool
        var csrf: String?
        var error: String?
        var user: UserView?
    }

    struct SavedSearchRow {
        var id: String
        var name: String
        var description: String
        var searchHref: String
        var feedHref: String
        var created: String
        var createdISO: String
    }

    func savedSearchesPage(_ searches: [SavedSearch], caller: Caller, error: String? = nil,
                           status: HTTPResponse.Status = .ok) -> Response {
        let rows = searches.map { saved in
            let parameters = (try? SearchParameters(QueryString.parse(saved.query), vocabulary: nil)) ?? SearchParameters()
            return SavedSearchRow(id: saved.id, name: saved.name, description: parameters.describe(labels: labels),
                                  searchHref: saved.searchHref, feedHref: saved.feedPath,
                                  created: Labels.date(Routes.day(saved.created)), createdISO: AtomFeed.timestamp(saved.created))
        }
        let view = SavedSearchesView(searches: rows, hasSearches: !rows.isEmpty, signedIn: caller.tokenID != nil,
                                     csrf: caller.sessionCSRF, error: error, user: Self.user(caller))
        return render("saved", view, status: status)
    }
}
