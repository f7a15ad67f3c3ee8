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
        let child: Child
        do {
            child = try Child.spawn(path, arguments)
        } catch {
            throw .cannotStart(path, error.message)
        }
        let state = RunState()

        // Standard error on its own thread: a program blocked writing to a full stderr pipe would never finish.
        let errorDone = DispatchSemaphore(value: 0)
        let errorHandle = FileHandle(fileDescriptor: child.stderr, closeOnDealloc: true)
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
            child.stop()
        }
        DispatchQueue.global().asyncAfter(deadline: .now() + timeout, execute: watchdog)

        var output = [UInt8]()
        var exceeded = false
        let outputHandle = FileHandle(fileDescriptor: child.stdout, closeOnDealloc: true)
        while true {
            let chunk = outputHandle.availableData
            if chunk.isEmpty { break }
            if output.count + chunk.count > maxOutput {
                exceeded = true
                child.stop()
                // Drain so the program is not left blocked on a full pipe while it dies.
                while !outputHandle.availableData.isEmpty {}
                break
            }
            output += chunk
        }
        let status = child.waitForExit()
        watchdog.cancel()
        errorDone.wait()
        return Output(status: status, stdout: exceeded ? [] : output,
                      stderr: String(decoding: state.error, as: UTF8.self), timedOut: state.timedOut, exceededLimit: exceeded)
    }

    /// The child we started, with posix_spawn rather than Foundation's Process: Process.run reads past a
    /// buffer while listing /proc/self/fd (AddressSanitizer: heap-buffer-overflow in
    /// findMaximumOpenFromProcSelfFD), which now and then crashed the indexer. Signals go only to the child,
    /// and only until it has exited (never to a reused pid).
    private final class Child: @unchecked Sendable {
        struct SpawnError: Error { let message: String }

        let pid: pid_t
        /// Read ends of the child's standard output and standard error.
        let stdout: Int32
        let stderr: Int32
        private let lock = NSLock()
        private var exited = false

        private init(pid: pid_t, stdout: Int32, stderr: Int32) {
            self.pid = pid
            self.stdout = stdout
            self.stderr = stderr
        }

        static func spawn(_ path: String, _ arguments: [String]) throws(SpawnError) -> Child {
            var out: [Int32] = [-1, -1]
            var err: [Int32] = [-1, -1]
            guard GNU.pipe(&out) == 0 else { throw SpawnError(message: String(cString: strerror(errno))) }
            guard GNU.pipe(&err) == 0 else {
                close(out[0]); close(out[1])
                throw SpawnError(message: String(cString: strerror(errno)))
            }
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
            posix_spawn_file_actions_adddup2(&actions, out[1], 1)
            posix_spawn_file_actions_adddup2(&actions, err[1], 2)
            // Nothing else of ours (index files, sockets) reaches the helper.
            _ = GNU.addCloseFrom?(&actions, 3)
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            // The server ignores SIGPIPE and may block signals; the helper starts with the defaults.
            var none = sigset_t()
            sigemptyset(&none)
            posix_spawnattr_setsigmask(&attributes, &none)
            var defaults = sigset_t()
            sigemptyset(&defaults)
            sigaddset(&defaults, SIGPIPE)
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            let argv: [UnsafeMutablePointer<CChar>?] = ([path] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid: pid_t = 0
            let result = posix_spawn(&pid, path, &actions, &attributes, argv, environ)
            close(out[1])
            close(err[1])
            guard result == 0 else {
                close(out[0]); close(err[0])
                throw SpawnError(message: String(cString: strerror(result)))
            }
            return Child(pid: pid, stdout: out[0], stderr: err[0])
        }

        /// SIGTERM first; SIGKILL when it is still there a moment later.
        func stop() {
            signal(SIGTERM)
            DispatchQueue.global().asyncAfter(deadline: .now() + 2) { [self] in signal(SIGKILL) }
        }

        private func signal(_ number: Int32) {
            lock.withLock { if !exited { _ = kill(pid, number) } }
        }

        /// Waits for the child and reaps it. Returns its exit status, or the signal that ended it.
        func waitForExit() -> Int32 {
            // Wait without reaping first, so the pid cannot be reused before `exited` is set.
            var info = siginfo_t()
            while waitid(P_PID, id_t(pid), &info, WEXITED | WNOWAIT) != 0 && errno == EINTR {}
            lock.withLock { exited = true }
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
            let signal = status & 0x7f
            return signal == 0 ? (status >> 8) & 0xff : signal
        }
    }

    /// glibc functions the Glibc module does not import (they need _GNU_SOURCE), looked up once with C
    /// calling convention; glibc has both since 2.34. Without them: pipe + FD_CLOEXEC, and no closefrom.
    private enum GNU {
        private static let pipe2 = function("pipe2", as: (@convention(c) (UnsafeMutablePointer<Int32>, Int32) -> Int32).self)
        static let addCloseFrom = function("posix_spawn_file_actions_addclosefrom_np",
                                           as: (@convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, Int32) -> Int32).self)

        /// A pipe whose ends are closed on exec (in one step where glibc can, so no other thread's spawn gets them).
        static func pipe(_ fds: UnsafeMutablePointer<Int32>) -> Int32 {
            if let pipe2 { return pipe2(fds, O_CLOEXEC) }
            guard Glibc.pipe(fds) == 0 else { return -1 }
            _ = fcntl(fds[0], F_SETFD, FD_CLOEXEC)
            _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
            return 0
        }

        private static func function<F>(_ name: String, as type: F.Type) -> F? {
            dlsym(dlopen(nil, RTLD_NOW), name).map { unsafeBitCast($0, to: type) }
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
