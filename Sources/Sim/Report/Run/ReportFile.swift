/// One file of a run report: its name inside the report folder and its exact
/// bytes. Reports are built in memory as values so they can be compared byte
/// for byte (golden tests, `--check-determinism`); the CLI writes them into a
/// temporary folder and renames it into place.
public struct ReportFile: Sendable, Equatable {
    /// The file name, without folders (`summary.md`, `client-success-ratio.svg`).
    public var name: String
    /// The contents: UTF-8 text with LF line ends for every file we write.
    public var bytes: [UInt8]

    /// A file holding `bytes`.
    public init(name: String, bytes: [UInt8]) {
        self.name = name
        self.bytes = bytes
    }

    /// A file holding `text` as UTF-8.
    public init(name: String, text: String) {
        self.init(name: name, bytes: Array(text.utf8))
    }

    /// The contents as text.
    public var text: String { String(decoding: bytes, as: UTF8.self) }
}

/// One checked expectation as `summary.md` shows it. The expectations layer
/// decides pass or fail and phrases the bound and the measurement; the report
/// only lays them out, so the two never disagree about formatting.
public struct ExpectationLine: Sendable, Equatable {
    /// The figure bounded (a `FigureName` raw value, e.g. `mttr`).
    public var name: String
    /// The entity, nil for the run as a whole.
    public var entity: String?
    /// The bound as the user wrote it: `<= 2m`, `false`, `>= 99%`.
    public var bound: String
    /// The measured value as text: `1m 12s`, `not recovered`.
    public var measured: String
    /// Whether the bound held.
    public var passed: Bool

    /// A checked expectation.
    public init(name: String, entity: String? = nil, bound: String, measured: String, passed: Bool) {
        self.name = name
        self.entity = entity
        self.bound = bound
        self.measured = measured
        self.passed = passed
    }
}
