// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Kennisbank",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kennisbank", targets: ["kennisbank"]),
        .library(name: "KennisbankCore", targets: ["KennisbankCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
    ],
    targets: [
        // The only C++ in the package: Xapian behind a plain C header.
        .target(
            name: "CXapian",
            cxxSettings: [.unsafeFlags(["-O2"])],
            linkerSettings: [.linkedLibrary("xapian")]
        ),
        // The only Swift module that imports CXapian.
        .target(name: "XapianKit", dependencies: ["CXapian"]),
        // libxml2 as a system library, and the only Swift module that imports it.
        .systemLibrary(name: "CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(name: "LibXMLKit", dependencies: ["CLibXML2"]),
        // Document model, index schema, writing and searching: safe Swift, no HTTP, no argv.
        .target(name: "KennisbankCore", dependencies: ["XapianKit"]),
        // Reading the collection: XML records, validation, change detection.
        .target(
            name: "KennisbankIngest",
            dependencies: ["KennisbankCore", "LibXMLKit"],
            resources: [.copy("Resources/kennisbank.rng")]
        ),
        // Course-material exports (HTML handout, Markdown, CSV, JSON, Dublin Core), for CLI and server alike.
        .target(
            name: "KennisbankExport",
            dependencies: ["KennisbankCore", .product(name: "Mustache", package: "swift-mustache")],
            resources: [.copy("Templates")]
        ),
        // The HTTP JSON API and the Dutch search page, as a library so tests drive the real router.
        .target(
            name: "KennisbankServer",
            dependencies: [
                "KennisbankCore", "KennisbankExport",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Templates"), .copy("Public"), .copy("openapi.yaml")]
        ),
        .executableTarget(
            name: "kennisbank",
            dependencies: [
                "KennisbankCore", "KennisbankIngest", "KennisbankServer", "KennisbankExport",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KennisbankTests", dependencies: ["KennisbankCore", "KennisbankIngest", "KennisbankExport", "LibXMLKit", "XapianKit"]),
        // KennisbankIngest only for ExternalTool, which starts the binary without Foundation's Process (see there).
        .testTarget(name: "KennisbankCLITests", dependencies: ["KennisbankIngest"]),
        .testTarget(
            name: "KennisbankServerTests",
            dependencies: ["KennisbankServer", "KennisbankIngest", "LibXMLKit", .product(name: "HummingbirdTesting", package: "hummingbird")],
            // atom.rng: the Atom 1.0 subset the saved-search feeds are validated against.
            resources: [.copy("Resources/atom.rng")]
        ),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
