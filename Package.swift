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
        .executableTarget(
            name: "kennisbank",
            dependencies: [
                "KennisbankCore", "KennisbankIngest",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "KennisbankTests", dependencies: ["KennisbankCore", "KennisbankIngest", "LibXMLKit", "XapianKit"]),
        .testTarget(name: "KennisbankCLITests", dependencies: []),
    ],
    swiftLanguageModes: [.v6],
    cxxLanguageStandard: .cxx17
)
