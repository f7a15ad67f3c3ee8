import Foundation
import KennisbankCore

/// An Atom feed (RFC 4287) of the documents a saved search finds that are new or changed since a date.
enum AtomFeed {
    struct Entry {
        var document: KnowledgeDocument
        /// The later of the publication date and the moment the server first saw this version in the index.
        var updated: Date
    }

    static let contentType = "application/atom+xml; charset=utf-8"

    /// - Parameters:
    ///   - id: the feed's permanent id (`urn:kennisbank:zoekopdracht:<saved search id>`), never the secret feed id.
    ///   - selfHref: the feed's own address (relative; resolved against the feed's URL).
    static func render(id: String, title: String, subtitle: String, updated: Date, selfHref: String, alternateHref: String,
                       entries: [Entry], typeLabel: (String) -> String) -> String {
        var out = """
        <?xml version="1.0" encoding="utf-8"?>
        <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="nl">
          <id>\(escape(id))</id>
          <title>\(escape(title))</title>
          <subtitle>\(escape(subtitle))</subtitle>
          <updated>\(timestamp(updated))</updated>
          <author><name>Kennisbank Landelijk Expertisepunt Jeugdprostitutie</name></author>
          <generator>Kennisbank</generator>
          <link rel="self" type="application/atom+xml" href="\(escape(selfHref))"/>
          <link rel="alternate" type="text/html" href="\(escape(alternateHref))"/>

        """
        for entry in entries {
            let document = entry.document
            let href = "/document/" + QueryString.encodePathSegment(document.id)
            out += "  <entry>\n"
            out += "    <id>urn:kennisbank:\(escape(document.id))</id>\n"
            out += "    <title>\(escape(document.title))</title>\n"
            out += "    <updated>\(timestamp(entry.updated))</updated>\n"
            if let published = publicationDate(document.published) {
                out += "    <published>\(timestamp(published))</published>\n"
            }
            out += "    <link rel=\"alternate\" type=\"text/html\" href=\"\(escape(href))\"/>\n"
            out += "    <category term=\"\(escape(document.type))\" label=\"\(escape(typeLabel(document.type)))\"/>\n"
            out += "    <summary>\(escape(document.summary))</summary>\n"
            out += "  </entry>\n"
        }
        return out + "</feed>\n"
    }

    /// RFC 3339 in UTC, whole seconds: `2024-01-01T00:00:00Z`.
    static func timestamp(_ date: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(secondsFromGMT: 0)
        return formatter.string(from: date)
    }

    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY` as the start of that day, month or year in UTC.
    static func publicationDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-").map { Int($0) }
        guard (1...3).contains(parts.count), parts.allSatisfy({ $0 != nil }), let year = parts[0], (1000...9999).contains(year) else {
            return nil
        }
        var components = DateComponents()
        components.year = year
        components.month = parts.count > 1 ? parts[1] : 1
        components.day = parts.count > 2 ? parts[2] : 1
        guard (1...12).contains(components.month!), (1...31).contains(components.day!) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        return calendar.date(from: components)
    }

    /// A `since` parameter: exactly `YYYY-MM-DD`.
    static func sinceDate(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy { $0.isASCII && $0.isNumber } }) else { return nil }
        guard let date = publicationDate(text) else { return nil }
        // Reject 2024-02-31 and the like, which the calendar would roll over.
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let back = calendar.dateComponents([.year, .month, .day], from: date)
        guard back.month == Int(parts[1]), back.day == Int(parts[2]) else { return nil }
        return date
    }

    /// Text for XML content and attributes; characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String { Markup.escape(text) }
}
