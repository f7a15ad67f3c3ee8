import ArgumentParser

@main
struct Kennisbank: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kennisbank",
        abstract: "Index and search the knowledge base of the Landelijk Expertisepunt Jeugdprostitutie.",
        subcommands: [Index.self, Check.self, Search.self, Show.self, ThesaurusCommand.self, TokenCommand.self, Audit.self, Export.self, Stats.self, Analyze.self, Serve.self, BenchmarkSearch.self])
}

/// Options every command that touches an index shares.
struct IndexOptions: ParsableArguments {
    @Option(name: .long, help: "The index folder.")
    var index: String = "Index"
}
