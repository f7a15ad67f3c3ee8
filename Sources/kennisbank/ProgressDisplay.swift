import Foundation
import KennisbankIngest

/// Shows how an indexing run is getting on, on standard error. On a terminal: a bar with files done/total,
/// rate and time left, redrawn in place. Otherwise (a log): nothing for the first five seconds, so short runs
/// stay quiet, then a plain line every five seconds or every tenth of the files, whichever comes first.
final class ProgressDisplay: @unchecked Sendable {
    private let isTerminal: Bool
    private let verb: String
    private let lock = NSLock()
    private var lastDraw = 0.0
    private var lastLine = 0.0
    private var lastTenth = 0
    private var drew = false

    /// - Parameter verb: what the lines say is going on ("indexing", "checking").
    init(verb: String = "indexing", isTerminal: Bool = Terminal.stderrIsTerminal) {
        self.verb = verb
        self.isTerminal = isTerminal
    }

    func update(_ progress: IngestProgress) {
        lock.withLock {
            if isTerminal { drawBar(progress) } else { writeLine(progress) }
        }
    }

    /// Clears the bar before the summary is printed.
    func finish() {
        lock.withLock {
            if isTerminal && drew { Terminal.status("\r\u{1B}[K") }
        }
    }

    private func drawBar(_ progress: IngestProgress) {
        let now = progress.seconds
        guard now - lastDraw >= 0.1 || progress.done == progress.total else { return }
        lastDraw = now
        drew = true
        let width = 24
        let fraction = progress.total > 0 ? Double(progress.done) / Double(progress.total) : 1
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var name = progress.path ?? ""
        if name.count > 40 { name = "…" + name.suffix(39) }
        Terminal.status("\r\u{1B}[K\(bar) \(progress.done)/\(progress.total) files  \(Self.rate(progress))  \(Self.eta(progress))  \(name)")
    }

    private func writeLine(_ progress: IngestProgress) {
        let now = progress.seconds
        guard now >= 5, progress.total > 0 else { return }
        let tenth = progress.done * 10 / progress.total
        guard now - lastLine >= 5 || tenth > lastTenth else { return }
        lastLine = now
        lastTenth = tenth
        Terminal.status("\(verb): \(progress.done)/\(progress.total) files (\(tenth * 10)%), \(Self.rate(progress)), \(Self.eta(progress))\n")
    }

    static func rate(_ progress: IngestProgress) -> String {
        guard progress.seconds > 0 else { return "" }
        return String(format: "%.1f files/s", Double(progress.done) / progress.seconds)
    }

    /// Time left from the bytes still to read at the byte rate so far: one 100 MB PDF takes longer than ten letters.
    static func eta(_ progress: IngestProgress) -> String {
        // The first files include start-up time; an estimate from them would be wild.
        guard progress.bytesDone > 0, progress.seconds > 1, progress.done >= 3 else { return "ETA --:--" }
        let remaining = Double(progress.bytesTotal - progress.bytesDone) / (Double(progress.bytesDone) / progress.seconds)
        let seconds = Int(remaining.rounded())
        return String(format: "ETA %d:%02d", seconds / 60, seconds % 60)
    }
}
