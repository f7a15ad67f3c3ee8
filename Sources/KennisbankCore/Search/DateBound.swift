/// Turns `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into the first or last day it covers.
public enum DateBound {
    public static func lower(_ text: String, parameter: String) throws(KennisbankError) -> String {
        let (year, month, day) = try parse(text, parameter: parameter)
        return String(format4(year)) + "-" + two(month ?? 1) + "-" + two(day ?? 1)
    }

    public static func upper(_ text: String, parameter: String) throws(KennisbankError) -> String {
        let (year, month, day) = try parse(text, parameter: parameter)
        return String(format4(year)) + "-" + two(month ?? 12) + "-" + two(day ?? 31)
    }

    private static func parse(_ text: String, parameter: String) throws(KennisbankError) -> (Int, Int?, Int?) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        let problem = KennisbankError.invalidParameter(
            name: parameter, message: "\"\(text)\" is not a date; use YYYY, YYYY-MM or YYYY-MM-DD")
        guard (1...3).contains(parts.count), parts[0].count == 4, let year = Int(parts[0]), year >= 1000 else { throw problem }
        var month: Int? = nil
        var day: Int? = nil
        if parts.count > 1 {
            guard parts[1].count == 2, let m = Int(parts[1]), (1...12).contains(m) else { throw problem }
            month = m
        }
        if parts.count > 2 {
            guard parts[2].count == 2, let d = Int(parts[2]), (1...31).contains(d) else { throw problem }
            day = d
        }
        return (year, month, day)
    }

    private static func format4(_ value: Int) -> String { String(value) }
    private static func two(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}
