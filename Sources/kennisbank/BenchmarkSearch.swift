import ArgumentParser
import Foundation
import KennisbankCore

extension Kennisbank {
    /// In-process search latency for the benchmark script (not a test; never asserts timings).
    struct BenchmarkSearch: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "benchmark-search", abstract: "Measure in-process search latency over a query file (one query per line).",
            shouldDisplay: false)

        @OptionGroup var options: IndexOptions

        @Option(help: "File with one query per line.")
        var queries: String

        @Option(help: "Repetitions of the query set.")
        var rounds: Int = 3

        @Option(name: .customLong("filter"), help: "A facet filter applied to every query, facet=value (repeatable).")
        var filters: [String] = []

        @Flag(help: "Only the ranked page (estimated total, no facet counts), like the reference's plain mode.")
        var noFacets = false

        @Option(help: "How words combine: all (the reference's reading, and the default here), all-first or any.")
        var mode: String = "all"

        func validate() throws {
            guard rounds >= 1 else { throw ValidationError("--rounds must be at least 1") }
        }

        func run() throws {
            guard let mode = SearchRequest.Mode(rawValue: mode) else {
                throw KennisbankError.invalidParameter(name: "--mode", message: "\"\(self.mode)\" is not all-first, all or any")
            }
            let lines = try String(contentsOfFile: queries, encoding: .utf8).split(separator: "\n").map(String.init)
            let searcher = try Searcher(location: IndexLocation(options.index), levels: AccessLevel.allCases)
            var parsed: [Facet: [String]] = [:]
            for filter in filters {
                let parts = filter.split(separator: "=", maxSplits: 1).map(String.init)
                if parts.count == 2, let facet = Facet.named(parts[0]) { parsed[facet, default: []].append(parts[1]) }
            }
            func request(_ query: String) -> SearchRequest {
                var request = SearchRequest(query: query, filters: parsed, mode: mode)
                request.countFacets = !noFacets
                return request
            }
            var latencies: [Double] = []
            for query in lines { _ = try searcher.search(request(query)) }  // warm-up
            for _ in 0..<rounds {
                for query in lines {
                    let start = DispatchTime.now().uptimeNanoseconds
                    _ = try searcher.search(request(query))
                    latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
                }
            }
            latencies.sort()
            func percentile(_ p: Double) -> Double { latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))] }
            print(String(format: "{\"queries\": %d, \"p50_ms\": %.3f, \"p99_ms\": %.3f, \"mean_ms\": %.3f}",
                         latencies.count, percentile(0.5), percentile(0.99), latencies.reduce(0, +) / Double(latencies.count)))
        }
    }
}
