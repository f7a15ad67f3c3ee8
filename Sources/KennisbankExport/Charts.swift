import Foundation
import KennisbankCore

/// SVG charts drawn by the server itself (no external chart service). Readable without colour:
/// every bar and cell carries its number, series differ by pattern as well as shade, and gaps are
/// hatched and marked with a dash.
public enum Charts {
    /// Stacked bars: documents per year, one stack segment per type.
    public static func typeByYear(_ statistics: CollectionStatistics, labels: (String) -> String = { $0 }) -> String {
        let years = continuous(statistics.years)
        let types = statistics.typeByYear.keys.sorted()
        guard !years.isEmpty, !types.isEmpty else { return empty("Nog geen documenten") }
        let totals = years.map { year in types.reduce(0) { sum, type in sum + (statistics.typeByYear[type]?.first { $0.value == year }?.count ?? 0) } }
        let maximum = max(1, totals.max() ?? 1)
        let barWidth = 26, gap = 8, chartHeight = 220, left = 40, top = 20
        let legendWidth = 40 + (types.map { textWidth(labels($0), size: 12) }.max() ?? 0)
        let width = left + years.count * (barWidth + gap) + max(220, legendWidth)
        let height = top + chartHeight + 60
        var svg = header(width: width, height: height, title: "Documenten per type per jaar")
        svg += patterns()
        for (i, year) in years.enumerated() {
            let x = left + i * (barWidth + gap)
            var y = top + chartHeight
            for (t, type) in types.enumerated() {
                let count = statistics.typeByYear[type]?.first { $0.value == year }?.count ?? 0
                guard count > 0 else { continue }
                let h = max(2, count * chartHeight / maximum)
                y -= h
                svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(barWidth)\" height=\"\(h)\" fill=\"url(#p\(t % 6))\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"><title>\(escape(labels(type))) \(year): \(count)</title></rect>\n"
            }
            if totals[i] > 0 {
                svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + chartHeight - totals[i] * chartHeight / maximum - 4)\" text-anchor=\"middle\" font-size=\"11\">\(totals[i])</text>\n"
            }
            svg += "<text x=\"\(x + barWidth / 2)\" y=\"\(top + chartHeight + 14)\" text-anchor=\"end\" font-size=\"10\" transform=\"rotate(-45 \(x + barWidth / 2) \(top + chartHeight + 14))\">\(escape(year))</text>\n"
        }
        svg += "<line x1=\"\(left - 4)\" y1=\"\(top + chartHeight)\" x2=\"\(left + years.count * (barWidth + gap))\" y2=\"\(top + chartHeight)\" stroke=\"#1a1a1a\"/>\n"
        let legendX = left + years.count * (barWidth + gap) + 20
        for (t, type) in types.enumerated() {
            let y = top + t * 22
            svg += "<rect x=\"\(legendX)\" y=\"\(y)\" width=\"16\" height=\"16\" fill=\"url(#p\(t % 6))\" stroke=\"#1a1a1a\" stroke-width=\"0.5\"/>"
            svg += "<text x=\"\(legendX + 22)\" y=\"\(y + 12)\" font-size=\"12\">\(escape(labels(type)))</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A heat map of a coverage matrix; empty cells are hatched with a dash, cells of 1 outlined dashed.
    public static func heatMap(_ matrix: CollectionStatistics.Matrix, title: String, rowLabel: (String) -> String = { $0 },
                               columnLabel: (String) -> String = { $0 }) -> String {
        guard !matrix.rows.isEmpty, !matrix.columns.isEmpty else { return empty("Geen gegevens") }
        let cell = 44
        // Column labels are turned 45°: they reach up and to the right of their column by about 0.71 × their length.
        let columnReach = matrix.columns.map { Int((Double(textWidth(columnLabel($0), size: 11)) * 0.71).rounded(.up)) }
        let top = max(110, (columnReach.max() ?? 0) + 20)
        let left = max(210, (matrix.rows.map { textWidth(rowLabel($0), size: 12) }.max() ?? 0) + 18)
        let width = max(left + matrix.columns.count * cell + 10,
                        columnReach.enumerated().map { left + $0.offset * cell + cell / 2 + $0.element + 10 }.max() ?? 0)
        let height = top + matrix.rows.count * cell + 10
        let maximum = max(1, matrix.cells.flatMap { $0 }.max() ?? 1)
        var svg = header(width: width, height: height, title: title)
        svg += patterns()
        for (c, column) in matrix.columns.enumerated() {
            let x = left + c * cell + cell / 2
            svg += "<text x=\"\(x)\" y=\"\(top - 8)\" font-size=\"11\" transform=\"rotate(-45 \(x) \(top - 8))\">\(escape(columnLabel(column)))</text>\n"
        }
        for (r, row) in matrix.rows.enumerated() {
            let y = top + r * cell
            svg += "<text x=\"\(left - 8)\" y=\"\(y + cell / 2 + 4)\" text-anchor=\"end\" font-size=\"12\">\(escape(rowLabel(row)))</text>\n"
            for (c, column) in matrix.columns.enumerated() {
                let x = left + c * cell
                let count = matrix.cells[r][c]
                let description = "\(escape(rowLabel(row))) × \(escape(columnLabel(column))): \(count)"
                if count == 0 {
                    svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" fill=\"url(#gap)\" stroke=\"#a00000\" stroke-width=\"1.5\"><title>\(description) (leemte)</title></rect>"
                    svg += "<text x=\"\(x + cell / 2 - 1)\" y=\"\(y + cell / 2 + 4)\" text-anchor=\"middle\" font-size=\"13\" fill=\"#a00000\">–</text>\n"
                } else {
                    let level = Double(count) / Double(maximum)
                    let shade = Int(235 - 175 * level)
                    let textColour = prefersWhiteText(red: shade, green: min(255, shade + 10), blue: 255) ? "#ffffff" : "#1a1a1a"
                    let dash = count == 1 ? " stroke-dasharray=\"3 2\"" : ""
                    svg += "<rect x=\"\(x)\" y=\"\(y)\" width=\"\(cell - 2)\" height=\"\(cell - 2)\" fill=\"rgb(\(shade),\(shade + 10 > 255 ? 255 : shade + 10),255)\" stroke=\"#1a1a1a\" stroke-width=\"1\"\(dash)><title>\(description)</title></rect>"
                    svg += "<text x=\"\(x + cell / 2 - 1)\" y=\"\(y + cell / 2 + 4)\" text-anchor=\"middle\" font-size=\"12\" fill=\"\(textColour)\">\(count)</text>\n"
                }
            }
        }
        return svg + "</svg>\n"
    }

    /// Horizontal bars for a list of counts (organisations, languages, access levels).
    public static func bars(_ counts: [CollectionStatistics.Count], title: String, label: (String) -> String = { $0 }) -> String {
        guard !counts.isEmpty else { return empty("Geen gegevens") }
        let row = 22, barArea = 300, maximumLabel = 420
        let left = min(maximumLabel, max(120, (counts.map { textWidth(label($0.value), size: 12) }.max() ?? 0) + 16))
        let width = left + barArea + 60
        let maximum = max(1, counts.map(\.count).max() ?? 1)
        var svg = header(width: width, height: counts.count * row + 20, title: title)
        for (i, item) in counts.enumerated() {
            let y = 10 + i * row
            let w = max(2, item.count * barArea / maximum)
            let full = label(item.value)
            let shown = shortened(full, size: 12, width: left - 16)
            let tooltip = shown == full ? "" : "<title>\(escape(full))</title>"
            svg += "<text x=\"\(left - 8)\" y=\"\(y + 14)\" text-anchor=\"end\" font-size=\"12\">\(tooltip)\(escape(shown))</text>"
            svg += "<rect x=\"\(left)\" y=\"\(y + 2)\" width=\"\(w)\" height=\"\(row - 6)\" fill=\"#1a4d7a\"><title>\(escape(label(item.value))): \(item.count)</title></rect>"
            svg += "<text x=\"\(left + w + 6)\" y=\"\(y + 14)\" font-size=\"12\">\(item.count)</text>\n"
        }
        return svg + "</svg>\n"
    }

    /// A generous estimate of the width of `text` in a sans-serif font of `size` px (no font metrics on the server):
    /// wide enough that labels placed by it are not clipped at the edge of the chart.
    static func textWidth(_ text: String, size: Int) -> Int {
        Int((Double(text.count) * Double(size) * 0.62).rounded(.up))
    }

    /// `text`, cut at a word boundary with "…" when it would be wider than `width`.
    static func shortened(_ text: String, size: Int, width: Int) -> String {
        guard textWidth(text, size: size) > width else { return text }
        let limit = max(1, Int(Double(width) / (Double(size) * 0.62)) - 1)
        var cut = String(text.prefix(limit))
        if let space = cut.lastIndex(of: " "), cut.distance(from: cut.startIndex, to: space) > limit / 2 { cut = String(cut[..<space]) }
        return cut.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Whether white text contrasts better than near-black (#1a1a1a) on this fill (WCAG relative luminance).
    static func prefersWhiteText(red: Int, green: Int, blue: Int) -> Bool {
        func channel(_ value: Int) -> Double {
            let c = Double(value) / 255
            return c <= 0.03928 ? c / 12.92 : pow((c + 0.055) / 1.055, 2.4)
        }
        let luminance = 0.2126 * channel(red) + 0.7152 * channel(green) + 0.0722 * channel(blue)
        let dark = 0.2126 * channel(0x1a) + 0.7152 * channel(0x1a) + 0.0722 * channel(0x1a)
        return (1.05 / (luminance + 0.05)) > ((luminance + 0.05) / (dark + 0.05))
    }

    /// Every year from the first to the last when all are plain years (so an empty year shows as a gap on the axis).
    static func continuous(_ years: [String]) -> [String] {
        let numbers = years.compactMap { Int($0) }
        guard numbers.count == years.count, let first = numbers.min(), let last = numbers.max(), last - first < 200 else {
            return years
        }
        return (first...last).map(String.init)
    }

    private static func header(width: Int, height: Int, title: String) -> String {
        "<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" aria-label=\"\(escape(title))\" viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" font-family=\"system-ui, sans-serif\">\n<title>\(escape(title))</title>\n"
    }

    private static func empty(_ message: String) -> String {
        header(width: 300, height: 40, title: message) + "<text x=\"10\" y=\"25\" font-size=\"13\">\(escape(message))</text></svg>\n"
    }

    /// Six fills that differ in pattern as well as shade, and a hatch for gaps.
    private static func patterns() -> String {
        let shades = ["#1a4d7a", "#5b8fc7", "#c7d9ee", "#2f6b3a", "#8cc08f", "#f0c36d"]
        var defs = "<defs>\n"
        for (i, shade) in shades.enumerated() {
            defs += "<pattern id=\"p\(i)\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"><rect width=\"8\" height=\"8\" fill=\"\(shade)\"/>"
            switch i % 3 {
            case 1: defs += "<path d=\"M0 8L8 0\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>"
            case 2: defs += "<circle cx=\"4\" cy=\"4\" r=\"1.5\" fill=\"#1a1a1a\"/>"
            default: break
            }
            defs += "</pattern>\n"
        }
        defs += "<pattern id=\"gap\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\"><rect width=\"6\" height=\"6\" fill=\"#fff4f4\"/><path d=\"M0 6L6 0\" stroke=\"#e0a0a0\" stroke-width=\"1\"/></pattern>\n"
        return defs + "</defs>\n"
    }

    static func escape(_ text: String) -> String {
        DublinCore.escape(text)
    }
}
