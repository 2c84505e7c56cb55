// swift-tools-version:6.0
// FaultSim: a deterministic discrete-event simulator for service-resilience policy.
// Zero package dependencies by design: the toolchain (stdlib, Foundation,
// Synchronization, Swift Testing) is all we use.
import PackageDescription

let package = Package(
    name: "FaultSim",
    products: [
        .library(name: "Policy", targets: ["Policy"]),
        .executable(name: "faultsim", targets: ["SimCLI"]),
    ],
    targets: [
        // The production policy library: stdlib (+ Synchronization) only.
        // libm is linked explicitly: `rounded()` lowers to C `round` on Linux,
        // and a service that links only Policy (no Foundation) must still link.
        .target(name: "Policy", linkerSettings: [.linkedLibrary("m", .when(platforms: [.linux]))]),
        // The simulator: kernel, model, faults, analysis, report writers.
        // FAULTSIM_CHECKED compiles in the bounds checks of the World's
        // tables (`GrowableTable`): on in debug builds, and the test command
        // passes it to the optimised build the tests and CI run.
        .target(name: "Sim", dependencies: ["Policy"],
                swiftSettings: [.define("FAULTSIM_CHECKED", .when(configuration: .debug))]),
        // Scenario files, validation, the built-in catalog.
        .target(name: "Scenarios", dependencies: ["Sim"]),
        // The `faultsim` executable: argv, stdout/stderr, exit codes.
        .executableTarget(name: "SimCLI", dependencies: ["Scenarios"]),

        .testTarget(name: "PolicyTests", dependencies: ["Policy"]),
        .testTarget(name: "SimTests", dependencies: ["Sim"]),
        .testTarget(name: "ScenariosTests", dependencies: ["Scenarios"]),
        // End-to-end tests drive the CLI in-process (exit codes, stdout, stderr).
        // The malformed-scenario corpus is read by path from the test sources.
        .testTarget(name: "SimCLITests", dependencies: ["SimCLI"], exclude: ["Malformed"]),
    ]
)
