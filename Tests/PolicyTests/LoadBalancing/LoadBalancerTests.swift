import Testing
@testable import Policy

@Suite struct LoadBalancerTests {
    func picks(_ kind: LoadBalancerConfig.Kind, count: Int, eligible: Set<Int>, load: [Int], seed: UInt64 = 1) -> [Int?] {
        var balancer = LoadBalancer(config: LoadBalancerConfig(kind: kind))
        var rng = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            balancer.pick(hostCount: load.count, isEligible: { eligible.contains($0) }, outstanding: { load[$0] }, using: &rng)
        }
    }

    /// The `allEligible` hint only skips the scans: every kind picks the same
    /// hosts, in the same order, from the same draws, with it as without it.
    @Test func allEligibleHintPicksExactlyWhatTheScansPick() {
        let load = [3, 0, 7, 1, 1, 4, 0, 2, 5]
        for kind in LoadBalancerConfig.Kind.allCases {
            var scanned = LoadBalancer(config: LoadBalancerConfig(kind: kind))
            var hinted = scanned
            var rngScanned = SplitMix64(seed: 21), rngHinted = SplitMix64(seed: 21)
            for _ in 0..<500 {
                let a = scanned.pick(hostCount: load.count, isEligible: { _ in true }, outstanding: { load[$0] }, using: &rngScanned)
                let b = hinted.pick(hostCount: load.count, allEligible: true, isEligible: { _ in true }, outstanding: { load[$0] },
                                    using: &rngHinted)
                #expect(a == b, "\(kind)")
            }
            #expect(rngScanned.next() == rngHinted.next(), "\(kind): same number of draws")
        }
    }

    @Test func roundRobinCyclesThroughEligibleHostsOnly() {
        #expect(picks(.roundRobin, count: 6, eligible: [0, 2, 3], load: [0, 0, 0, 0]) == [0, 2, 3, 0, 2, 3])
    }

    @Test func noEligibleHostGivesNil() {
        for kind in LoadBalancerConfig.Kind.allCases {
            #expect(picks(kind, count: 1, eligible: [], load: [0, 0]) == [nil])
        }
    }

    @Test func leastOutstandingPicksTheIdlestAndRotatesTies() {
        #expect(picks(.leastOutstanding, count: 1, eligible: [0, 1, 2], load: [5, 1, 3]) == [1])
        #expect(picks(.leastOutstanding, count: 4, eligible: [0, 1, 2], load: [2, 2, 2]) == [0, 1, 2, 0])
    }

    @Test func powerOfTwoChoicesNeverPicksTheBusiestOfTwoAndNeverTheGlobalMaximum() {
        // With three hosts the busiest can only win if both draws hit it: impossible (distinct draws).
        let chosen = picks(.powerOfTwoChoices, count: 2_000, eligible: [0, 1, 2], load: [9, 1, 5], seed: 4)
        #expect(!chosen.contains(0))
        // Host 1 wins both pairs it is in (2 of 3 pairs): share 2/3, binomial sd ~ 0.0105; 5 sd.
        let share = Double(chosen.filter { $0 == 1 }.count) / 2_000
        #expect(abs(share - 2.0 / 3) < 0.053)
    }

    @Test func randomSpreadsEvenlyOverEligibleHosts() {
        let chosen = picks(.random, count: 30_000, eligible: [1, 2, 4], load: [0, 0, 0, 0, 0], seed: 9)
        for host in [1, 2, 4] {
            // Binomial(30000, 1/3): sd = 81.6; allow 5 sd.
            #expect(abs(chosen.filter { $0 == host }.count - 10_000) < 408)
        }
    }

    @Test func presetsMatchTheirLibraries() {
        #expect(LoadBalancerConfig.preset(.envoy)?.kind == .roundRobin)
        #expect(LoadBalancerConfig.preset(.resilience4j) == nil)
    }
}
