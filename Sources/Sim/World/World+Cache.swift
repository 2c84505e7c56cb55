/// Cache services: a lookup on every request, dependency calls only on a miss.
extension World {
    /// Whether the request behind `a` hits the cache of service `s`.
    mutating func cacheHit(_ a: AttemptHandle, service s: Int, now: SimTime, random: inout SplitMix64) -> Bool {
        let cacheSpec = services[s].spec.cache ?? .defaultValue
        switch cacheSpec.mode {
        case .keyed:
            return services[s].cache?.lookup(attempts[a].key, now: now) ?? false
        case .hitRatio:
            // After a flush the hit ratio climbs back linearly over refillTime.
            var ratio = cacheSpec.hitRatioPercent / 100
            if services[s].lastFlush > .min && cacheSpec.refillTime.ns > 0 {
                let elapsed = Double((now - services[s].lastFlush).ns) / Double(cacheSpec.refillTime.ns)
                ratio *= min(1, max(0, elapsed))
            }
            return random.chance(ratio)
        }
    }

    /// A miss was answered: store the key.
    mutating func cacheFill(_ a: AttemptHandle, service s: Int, now: SimTime) {
        services[s].cache?.fill(attempts[a].key, now: now)
    }

    mutating func flushCache(service s: Int, now: SimTime) {
        services[s].cache?.flush()
        services[s].lastFlush = now
    }
}
