import Foundation
import KennisbankCore
import Logging
import ServiceLifecycle

/// Search analytics without tracking people.
///
/// What is stored, in `access/analytics.json` beside the index, and nothing else: per ISO week (e.g. `2026-W07`)
/// the number of searches counted, how often each normalised query text was searched (lowercased, trimmed,
/// spaces collapsed), how often each one found nothing, and how many searches were withheld because their text
/// might identify a person. No user, no token, no IP address, no time of day, no filters, no order of searches:
/// a count per text per week cannot be traced back to who searched. Weeks older than the retention limit are
/// dropped. Text that could identify a person (see `QueryPrivacy`) is never stored, not even in memory.
actor SearchAnalytics {
    struct Week: Codable, Sendable, Equatable {
        /// Searches counted this week (withheld ones not included).
        var searches = 0
        /// Searches not counted because their text might identify a person or was too long.
        var withheld = 0
        /// Normalised query text → how often it was searched.
        var queries: [String: Int] = [:]
        /// Normalised query text → how often it found nothing (without filters).
        var zeroResults: [String: Int] = [:]
    }

    struct Stored: Codable {
        var retentionWeeks: Int
        var weeks: [String: Week]
    }

    struct Count: Sendable, Equatable {
        var query: String
        var count: Int
    }

    nonisolated let url: URL
    nonisolated let retentionWeeks: Int
    nonisolated let writeDelay: TimeInterval
    /// Lowercased words that are not names (vocabulary, thesaurus, organisations and places of the collection).
    nonisolated let knownWords: Set<String>
    /// Distinct texts kept per week and list; beyond it new texts are not added (their searches still count).
    nonisolated let maxDistinct: Int
    private let logger: Logger
    private var weeks: [String: Week]
    private var writeScheduled = false
    private var dirty = false

    static let maxQueryLength = 100

    init(url: URL, retentionWeeks: Int = 26, writeDelay: TimeInterval = 2, knownWords: Set<String> = [],
         maxDistinct: Int = 5_000, logger: Logger = Logger(label: "kennisbank.analytics")) {
        self.url = url
        self.retentionWeeks = max(1, retentionWeeks)
        self.writeDelay = max(0, writeDelay)
        self.knownWords = knownWords
        self.maxDistinct = max(1, maxDistinct)
        self.logger = logger
        if let data = try? Data(contentsOf: url), let stored = try? JSONDecoder().decode(Stored.self, from: data) {
            weeks = stored.weeks
        } else {
            weeks = [:]
        }
    }

    init(location: IndexLocation, retentionWeeks: Int, writeDelay: TimeInterval, knownWords: Set<String>, logger: Logger) {
        self.init(url: location.root.appendingPathComponent("access/analytics.json"), retentionWeeks: retentionWeeks,
                  writeDelay: writeDelay, knownWords: knownWords, logger: logger)
    }

    /// Counts one search. `filtered`: filters or a period were set (a zero result then says nothing about the collection).
    func record(query: String, total: Int, filtered: Bool, now: Date = Date()) {
        let normalised = QueryPrivacy.normalise(query)
        guard !normalised.isEmpty else { return }
        let key = Self.weekKey(now)
        var week = weeks[key] ?? Week()
        if normalised.count > Self.maxQueryLength || QueryPrivacy.reason(query, knownWords: knownWords) != nil {
            week.withheld += 1
        } else {
            week.searches += 1
            if week.queries[normalised] != nil || week.queries.count < maxDistinct { week.queries[normalised, default: 0] += 1 }
            if total == 0 && !filtered, week.zeroResults[normalised] != nil || week.zeroResults.count < maxDistinct {
                week.zeroResults[normalised, default: 0] += 1
            }
        }
        weeks[key] = week
        prune(now: now)
        changed()
    }

    /// Summed over the kept weeks, most frequent first (ties alphabetically).
    func topQueries(limit: Int = 20) -> [Count] { Self.top(weeks.values.map(\.queries), limit: limit) }
    func topZeroResults(limit: Int = 20) -> [Count] { Self.top(weeks.values.map(\.zeroResults), limit: limit) }
    func withheld() -> Int { weeks.values.reduce(0) { $0 + $1.withheld } }

    /// The kept weeks, oldest first.
    func allWeeks() -> [(week: String, data: Week)] {
        weeks.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Writes now if anything changed.
    func flush() {
        writeScheduled = false
        guard dirty else { return }
        dirty = false
        let stored = Stored(retentionWeeks: retentionWeeks, weeks: weeks)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try PrivateFile.write(encoder.encode(stored), to: url)
        } catch {
            logger.warning("cannot write search analytics", metadata: ["file": "\(url.path)", "error": "\(error)"])
        }
    }

    private func changed() {
        dirty = true
        guard writeDelay > 0 else {
            flush()
            return
        }
        guard !writeScheduled else { return }
        writeScheduled = true
        let delay = writeDelay
        Task {
            try? await Task.sleep(nanoseconds: UInt64(delay * 1_000_000_000))
            self.flush()
        }
    }

    /// Keeps the current week and the `retentionWeeks - 1` before it.
    private func prune(now: Date) {
        let oldest = Self.weekKey(now.addingTimeInterval(-Double(retentionWeeks - 1) * 7 * 86_400))
        weeks = weeks.filter { $0.key >= oldest }
    }

    private static func top(_ lists: [[String: Int]], limit: Int) -> [Count] {
        var sums: [String: Int] = [:]
        for list in lists { for (query, count) in list { sums[query, default: 0] += count } }
        return sums.map { Count(query: $0.key, count: $0.value) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.query < $1.query }
            .prefix(limit).map { $0 }
    }

    /// `2026-W07`: the ISO 8601 week (Monday first, week 1 holds the first Thursday), Dutch time. Sorts as text.
    static func weekKey(_ date: Date) -> String {
        var calendar = Calendar(identifier: .iso8601)
        calendar.timeZone = TimeZone(identifier: "Europe/Amsterdam") ?? TimeZone(secondsFromGMT: 0)!
        let components = calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: date)
        let year = components.yearForWeekOfYear ?? 0
        let week = components.weekOfYear ?? 0
        return String(format: "%04d-W%02d", year, week)
    }
}

/// Recognises query text that could identify a person, so search analytics never store it.
///
/// Refused: what `PersonalDataScanner` finds (the detector ingest uses too, licence plates included); beyond it, because
/// a query is short and without context, anything with an `@` between two characters; Dutch phone numbers (06…, landlines of 10 digits, +31/0031 and other international
/// numbers); citizen service numbers (9 digits that pass the 11-test, with or without separators); postcodes
/// with a house number, and street names with a house number; names — two or more capitalised words in a row
/// (Dutch particles such as *de*, *van der* may stand between them) that are not words of the vocabulary, the
/// thesaurus or the collection's organisations and places ("Jan de Vries"). It errs on the side of refusing.
public enum QueryPrivacy {
    public enum Reason: String, Sendable {
        case email, phone, citizenServiceNumber, address, name, licencePlate
    }

    /// Lowercased, trimmed, runs of white space collapsed to one space.
    public static func normalise(_ query: String) -> String {
        query.lowercased().split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    /// Why this query text must not be stored, or nil when it may be.
    /// - Parameter knownWords: lowercased words that are never part of a name.
    public static func reason(_ query: String, knownWords: Set<String> = []) -> Reason? {
        // The shared detector first (the one ingest's privacy guard uses), then the broader checks for queries.
        if let match = PersonalDataScanner.scan(query).first {
            switch match.kind {
            case .email: return .email
            case .phone: return .phone
            case .bsn: return .citizenServiceNumber
            case .licencePlate: return .licencePlate
            }
        }
        if containsEmail(query) { return .email }
        if let reason = numberReason(query) { return reason }
        if containsAddress(query) { return .address }
        if containsName(query, knownWords: knownWords) { return .name }
        return nil
    }

    // MARK: - E-mail

    static func containsEmail(_ text: String) -> Bool {
        let characters = Array(text)
        for (index, character) in characters.enumerated() where character == "@" || character == "＠" {
            let before = index > 0 && !characters[index - 1].isWhitespace
            let after = index + 1 < characters.count && !characters[index + 1].isWhitespace
            if before && after { return true }
        }
        return false
    }

    // MARK: - Numbers: phone numbers and citizen service numbers

    /// A group of digit runs written as one number: separated by single spaces, dashes, dots, slashes or brackets.
    private struct NumberGroup {
        var international = false
        var runs: [String] = []
    }

    private static let numberSeparators: Set<Character> = [" ", "-", ".", "/", "(", ")", "\u{00A0}"]

    private static func numberGroups(_ text: String) -> [NumberGroup] {
        var groups: [NumberGroup] = []
        var current: NumberGroup? = nil
        var run = ""
        var separators = 0
        var previous: Character? = nil
        func closeRun() {
            if !run.isEmpty { current?.runs.append(run) }
            run = ""
        }
        func closeGroup() {
            closeRun()
            if let group = current, !group.runs.isEmpty { groups.append(group) }
            current = nil
        }
        for character in text {
            if character.isASCII && character.isNumber {
                if current == nil {
                    current = NumberGroup()
                    current?.international = previous == "+"
                }
                run.append(character)
                separators = 0
            } else if numberSeparators.contains(character) && current != nil {
                closeRun()
                separators += 1
                // "06 - 1234 5678" is one number; two words with digits far apart are not.
                if separators > 3 { closeGroup() }
            } else {
                closeGroup()
                separators = 0
            }
            if !character.isWhitespace { previous = character }
        }
        closeGroup()
        return groups
    }

    static func numberReason(_ text: String) -> Reason? {
        for group in numberGroups(text) {
            // International numbers: +31 6 1234 5678, 0031 20 123 4567, +32 …
            let all = group.runs.joined()
            if group.international && all.count >= 9 { return .phone }
            if all.hasPrefix("00") && all.count >= 11 { return .phone }
            // Any consecutive runs of the group, so "2019 06-12345678" and "bsn 1234 56 782" are both found.
            for start in group.runs.indices {
                var digits = ""
                for end in start..<group.runs.count {
                    digits += group.runs[end]
                    if digits.count > 12 { break }
                    if digits.count == 10 && digits.hasPrefix("0") && !digits.hasPrefix("00") { return .phone }
                    if digits.count == 11 && digits.hasPrefix("31") && group.international { return .phone }
                    if digits.count == 9 && passesElevenTest(digits) { return .citizenServiceNumber }
                }
            }
        }
        return nil
    }

    /// The 11-test of citizen service numbers (see `PersonalDataScanner`).
    public static func passesElevenTest(_ digits: String) -> Bool { PersonalDataScanner.passesElevenTest(digits) }

    // MARK: - Addresses

    /// Two-letter Dutch words that follow a number in ordinary queries ("2015 en 2016"): not the letters of a postcode.
    private static let commonPairs: Set<String> = [
        "en", "of", "in", "op", "te", "al", "na", "om", "is", "ik", "je", "we", "ze", "er", "ja", "nu", "zo", "ga",
        "de", "het", "an", "at", "to", "on", "or", "as", "by", "if", "it", "no", "so", "up", "vs", "tm", "ca",
    ]

    private static let streetSuffixes = ["straat", "laan", "weg", "plein", "gracht", "kade", "singel", "dijk", "steeg",
                                         "dreef", "hof", "pad", "markt", "park", "baan", "wal", "plantsoen", "erf"]

    static func containsAddress(_ text: String) -> Bool {
        let tokens = words(text)
        var postcodeAt: [Int] = []
        var index = 0
        while index < tokens.count {
            let token = tokens[index]
            // 1012AB or 1012ab, written as one word.
            if token.count == 6, isPostcodeDigits(token.prefix(4)), token.suffix(2).allSatisfy({ $0.isASCII && $0.isLetter }) {
                postcodeAt.append(index)
            } else if token.count == 4, isPostcodeDigits(Substring(token)), index + 1 < tokens.count {
                // 1012 AB: capitals, or a letter pair that is not an ordinary little word.
                let letters = tokens[index + 1]
                if letters.count == 2, letters.allSatisfy({ $0.isASCII && $0.isLetter }),
                   letters == letters.uppercased() || !commonPairs.contains(letters.lowercased()) {
                    postcodeAt.append(index)
                    postcodeAt.append(index + 1)
                    index += 1
                }
            }
            index += 1
        }
        if !postcodeAt.isEmpty {
            for (position, token) in tokens.enumerated() where !postcodeAt.contains(position) && isHouseNumber(token) {
                return true
            }
        }
        // Kerkstraat 12, Laan van Meerdervoort 5 (the number within three words of the street name).
        for (position, token) in tokens.enumerated() {
            let lower = token.lowercased()
            guard lower.count > 4, streetSuffixes.contains(where: { lower.hasSuffix($0) }) else { continue }
            for next in tokens.dropFirst(position + 1).prefix(3) where isHouseNumber(next) { return true }
        }
        return false
    }

    private static func isPostcodeDigits(_ text: Substring) -> Bool {
        text.count == 4 && text.allSatisfy { $0.isASCII && $0.isNumber } && text.first != "0"
    }

    /// 12, 12a, 12-b, 1-3: at most five digits with an optional letter suffix.
    private static func isHouseNumber(_ token: String) -> Bool {
        let digits = token.prefix { $0.isASCII && $0.isNumber }
        guard (1...5).contains(digits.count) else { return false }
        let rest = token.dropFirst(digits.count).filter { $0 != "-" }
        return rest.count <= 1 && rest.allSatisfy { $0.isLetter }
    }

    // MARK: - Names

    /// Particles between first name and surname.
    private static let particles: Set<String> = [
        "de", "der", "den", "van", "von", "het", "'t", "te", "ten", "ter", "in", "op", "la", "le", "du", "da", "di", "del",
        "el", "al", "bin", "ben", "zu", "vd", "v.d.", "d'", "l'",
    ]

    static func containsName(_ text: String, knownWords: Set<String>) -> Bool {
        var unknownCapitalised = 0
        for token in words(text) {
            let lower = token.lowercased()
            // A particle neither breaks nor extends a run: Jan de Vries, Anna van der Berg.
            if particles.contains(lower) { continue }
            if isCapitalised(token) {
                let parts = lower.split(whereSeparator: { $0 == "-" || $0 == "'" }).map(String.init)
                if !parts.isEmpty && !parts.allSatisfy({ isKnown($0, in: knownWords) }) {
                    unknownCapitalised += 1
                    if unknownCapitalised >= 2 { return true }
                }
                // A known capitalised word (Veilig Thuis, Rotterdam) neither makes nor breaks a name.
            } else {
                unknownCapitalised = 0
            }
        }
        return false
    }

    /// The word or its singular (loverboys, gemeenten) is a known word.
    private static func isKnown(_ word: String, in knownWords: Set<String>) -> Bool {
        if knownWords.contains(word) { return true }
        for suffix in ["'s", "s", "en"] where word.hasSuffix(suffix) && word.count > suffix.count + 2 {
            if knownWords.contains(String(word.dropLast(suffix.count))) { return true }
        }
        return false
    }

    /// Starts with a capital letter, has another letter, and is not an acronym of at most five capitals (GGD, OM).
    private static func isCapitalised(_ token: String) -> Bool {
        guard let first = token.first, first.isLetter, first.isUppercase else { return false }
        let letters = token.filter { $0.isLetter }
        guard letters.count >= 2 else { return false }
        if letters.allSatisfy({ $0.isUppercase }) && letters.count <= 5 { return false }
        return true
    }

    /// Words without surrounding punctuation (inner hyphens and apostrophes kept).
    private static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == ";" || $0 == "\"" || $0 == "(" || $0 == ")" })
            .map { word in
                String(word).trimmingCharacters(in: CharacterSet(charactersIn: ".:!?'*+"))
            }
            .filter { !$0.isEmpty }
    }
}

/// Writes pending search analytics when the server shuts down gracefully, so the last counts (kept in
/// memory for up to `writeDelay`) are not lost on a stop or restart.
struct AnalyticsOnShutdown: Service {
    let analytics: SearchAnalytics

    func run() async throws {
        try? await gracefulShutdown()
        await analytics.flush()
    }
}
