/// Server-side policy objects at a service's entry.
extension World {
    mutating func buildEntryPolicies(service s: Int) throws(WorldBuildError) {
        let spec = services[s].spec
        let path = "services[\(s)]"
        let versionNames = services[s].versions.map { versions[Int($0)].name }
        // Splitter across versions: the scenario's, or weights by instance count.
        if versionNames.count > 1 || spec.split != nil {
            var split: TrafficSplitConfig
            if let given = spec.split {
                split = given
            } else {
                let counts = services[s].versions.map { v in Double(services[s].hosts.filter { instances[Int($0)].version == v }.count) }
                let total = counts.reduce(0, +)
                let percents = counts.map { total > 0 ? 100 * $0 / total : 100 / Double(counts.count) }
                split = TrafficSplitConfig(targets: zip(versionNames, percents).map { SplitTarget(name: $0, weightPercent: $1) })
            }
            for (index, target) in split.targets.enumerated() where !versionNames.contains(target.name) {
                throw WorldBuildError(path: "\(path).split.targets[\(index)].name",
                                      message: "service \"\(spec.name)\" has no version \"\(target.name)\" (versions: \(versionNames.joined(separator: ", ")))")
            }
            // Splitter targets are matched to versions by name, in the splitter's order.
            let ordered = split.targets.map { target in services[s].versions.first { versions[Int($0)].name == target.name }! }
            do { services[s].splitter = try TrafficSplitter(config: split) } catch {
                throw WorldBuildError(path: "\(path).split.\(error.field)", message: "expected \(error.expected), got \(error.got)")
            }
            services[s].versions = ordered + services[s].versions.filter { !ordered.contains($0) }
            services[s].routesByRule = !split.rules.isEmpty
            for (index, shadow) in split.shadows.enumerated() {
                guard let version = services[s].versions.first(where: { versions[Int($0)].name == shadow.name }) else {
                    throw WorldBuildError(path: "\(path).split.shadows[\(index)].name",
                                          message: "service \"\(spec.name)\" has no version \"\(shadow.name)\" (versions: \(versionNames.joined(separator: ", ")))")
                }
                services[s].shadowVersions.append(version)
            }
        }
        if spec.entry.rateLimitEnabled {
            services[s].rateLimiter = RateLimiter(config: spec.entry.rateLimit)
        }
        for host in services[s].hosts { installInstancePolicies(instance: Int(host)) }
        if spec.kind == .cache, (spec.cache ?? .defaultValue).mode == .keyed {
            let cache = spec.cache ?? .defaultValue
            services[s].cache = KeyedCache(capacity: cache.capacity, ttl: cache.ttl, eviction: cache.eviction)
        }
    }

    /// A fresh concurrency limiter and load shedder for instance `i`, as its
    /// service's entry policy says (at build time, and for instances an
    /// autoscaler provisions).
    mutating func installInstancePolicies(instance i: Int) {
        let spec = services[Int(instances[i].service)].spec
        if spec.entry.concurrencyLimitEnabled {
            // Each instance its own seed, so Vegas limiters do not re-probe in lockstep.
            let seed = streams.seed(for: "instance.\(spec.name)/\(instances[i].host).limiter")
            limiters[i] = ConcurrencyLimiter(config: spec.entry.concurrencyLimit, seed: seed)
        }
        if spec.entry.sheds {
            shedders[i] = LoadShedder(config: spec.entry.loadShedder)
        }
    }
}
