import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a helper program (pdftotext, pdfinfo, unzip) with a time limit and a cap on what it may write,
/// so a hostile or broken file can neither hang the indexer nor fill its memory.
struct ExternalTool {
    struct Output {
        var status: Int32
        var stdout: [UInt8]
        /// The first few kilobytes of standard error, for messages.
        var stderr: String
        var timedOut: Bool
        /// Standard output went over the cap and the program was stopped.
        var exceededLimit: Bool
    }

    enum Failure: Error, CustomStringConvertible {
        case missing(String)
        case cannotStart(String, String)

        var description: String {
            switch self {
            case .missing(let path): "\(path) is not installed (run Scripts/install-deps)"
            case .cannotStart(let path, let message): "cannot run \(path): \(message)"
            }
        }
    }

    let path: String

    init(_ path: String) { self.path = path }

    var isInstalled: Bool { FileManager.default.isExecutableFile(atPath: path) }

    /// Runs the program and waits for it, at most `timeout` seconds.
    func run(_ arguments: [String], timeout: TimeInterval, maxOutput: Int) throws(Failure) -> Output {
        guard isInstalled else { throw .missing(path) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        process.standardInput = FileHandle.nullDevice
        let state = RunState()
        do {
            try process.run()
        } catch {
            throw .cannotStart(path, error.localizedDescription)
        }
        let running = RunningProcess(process)

        // Standard error on its own thread: a program blocked writing to a full stderr pipe would never finish.
        let errorDone = DispatchSemaphore(value: 0)
        let errorHandle = stderr.fileHandleForReading
        Thread.detachNewThread {
            var kept = [UInt8]()
            while true {
                let chunk = errorHandle.availableData
                if chunk.isEmpty { break }
                if kept.count < 8192 { kept += chunk.prefix(8192 - kept.count) }
            }
            state.setError(kept)
            errorDone.signal()
        }

        let watchdog = DispatchWorkItem {
            state.markTimedOut()
            running.stop()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)

        var output = [UInt8]()
        var exceeded = false
        let outputHandle = stdout.fileHandleForReading
        while true {
            let chunk = outputHandle.availableData
            if chunk.isEmpty { break }
            if output.count + chunk.count > maxOutput {
                exceeded = true
                running.stop()
                // Drain so the program is not left blocked on a full pipe while it dies.
                while !outputHandle.availableData.isEmpty {}
                break
            }
            output += chunk
        }
        process.waitUntilExit()
        watchdog.cancel()
        errorDone.wait()
        return Output(status: process.terminationStatus, stdout: exceeded ? [] : output,
                      stderr: String(decoding: state.error, as: UTF8.self), timedOut: state.timedOut, exceededLimit: exceeded)
    }

    /// The child we started; signals go only to it, and only while it is still running (never to a reused pid).
    private final class RunningProcess: @unchecked Sendable {
        private let process: Process
        init(_ process: Process) { self.process = process }

        /// SIGTERM first; SIGKILL when it is still there a moment later.
        func stop() {
            guard process.isRunning else { return }
            kill(process.processIdentifier, SIGTERM)
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) { [self] in
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            }
        }
    }

    /// What the reader threads report back, behind a lock.
    private final class RunState: @unchecked Sendable {
        private let lock = NSLock()
        private var _timedOut = false
        private var _error: [UInt8] = []

        var timedOut: Bool { lock.withLock { _timedOut } }
        var error: [UInt8] { lock.withLock { _error } }
        func markTimedOut() { lock.withLock { _timedOut = true } }
        func setError(_ bytes: [UInt8]) { lock.withLock { _error = bytes } }
    }
}

extension ExternalTool.Output {
    /// The first meaningful line of standard error, for a skip reason.
    var firstErrorLine: String? {
        stderr.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty && !$0.hasPrefix("Syntax Warning") }
    }
}
