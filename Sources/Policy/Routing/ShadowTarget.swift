/// A mirror destination: `percent` of requests are also copied to `name`,
/// and the copy's answer is dropped by the caller.
///
/// Shadowing tests a new version against production traffic without users
/// seeing its answers (Envoy `request_mirror_policies` with a runtime
/// fraction; the seed guides advise rate-limited shadowing). The copy still
/// costs the shadow target capacity, which is why it has a percentage.
public struct ShadowTarget: ValidatedConfig {
    /// The mirror's name, unique among the shadows. It may equal a split
    /// target's name (mirroring to the canary while users stay on stable).
    public var name: String
    /// Share of requests copied to this mirror, in percent (0...100), drawn
    /// independently per request and per shadow.
    public var percent: Double

    /// A mirror called `name` receiving a copy of `percent` of the requests.
    public init(name: String, percent: Double) {
        self.name = name
        self.percent = percent
    }

    /// A non-empty name and a percentage in 0...100.
    public func validate() throws(PolicyConfigError) {
        try Check.that(!name.isEmpty, "name", expected: "a non-empty name", got: "\"\"")
        try Check.percent(percent, "percent")
    }
}
