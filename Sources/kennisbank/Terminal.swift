#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Small helpers for writing to a terminal or a pipe.
enum Terminal {
    static var stderrIsTerminal: Bool { isatty(2) != 0 }
    static var stdoutIsTerminal: Bool { isatty(1) != 0 }

    static func error(_ message: String) {
        write(2, "kennisbank: \(message)\n")
    }

    private static func write(_ descriptor: Int32, _ text: String) {
        var copy = text
        copy.withUTF8 { buffer in _ = unistd_write(descriptor, buffer.baseAddress, buffer.count) }
    }

    static func status(_ message: String) {
        write(2, message)
    }

    /// Turns an HTML snippet with <mark> into terminal text: bold on a terminal, *stars* in a pipe.
    static func highlight(_ html: String) -> String {
        let on = stdoutIsTerminal ? "\u{1B}[1;33m" : "*"
        let off = stdoutIsTerminal ? "\u{1B}[0m" : "*"
        return html.replacingAll("<mark>", with: on).replacingAll("</mark>", with: off)
            .replacingAll("&lt;", with: "<").replacingAll("&gt;", with: ">").replacingAll("&quot;", with: "\"")
            .replacingAll("&#39;", with: "'").replacingAll("&amp;", with: "&")
    }
}

extension String {
    func replacingAll(_ target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

#if canImport(Glibc)
private let unistd_write = Glibc.write
#elseif canImport(Darwin)
private let unistd_write = Darwin.write
#endif
