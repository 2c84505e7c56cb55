import Testing
@testable import Policy

/// Run-time weight changes: values returned, ranges moved, errors.
@Suite struct TrafficSplitterWeightTests {
    @Test func setWeightsReturnsTheChangeAndTheReassignedShare() throws {
        var split = try RoutingFixtures.splitter([95, 5], mode: .sticky)
        let change = try split.setWeights([90, 10])
        #expect(change == WeightChange(from: [95, 5], to: [90, 10], fromBasisPoints: [9500, 500],
                                       toBasisPoints: [9000, 1000], reassignedBasisPoints: 500))
        #expect(change.changed)
        #expect(split.weightsPercent == [90, 10])
        #expect(split.basisPoints == [9000, 1000])
        #expect(split.target(forBucket: 8999) == 0 && split.target(forBucket: 9000) == 1)
        let same = try split.setWeights([90, 10])
        #expect(!same.changed && same.reassignedBasisPoints == 0)
    }

    @Test func reassignedShareCountsEveryBucketThatChangesOwner() {
        func moved(_ old: [Int], _ new: [Int]) -> Int {
            WeightChange.reassigned(from: TrafficSplitter.upperBounds(old), to: TrafficSplitter.upperBounds(new))
        }
        #expect(moved([5000, 5000], [5000, 5000]) == 0)
        #expect(moved([9500, 500], [0, 10000]) == 9500)
        // The middle target grows on both sides: 1000 buckets from each neighbour.
        #expect(moved([4000, 2000, 4000], [3000, 4000, 3000]) == 2000)
        // Moving all weight from the first to the second of three: its whole range moves.
        #expect(moved([5000, 0, 5000], [0, 5000, 5000]) == 5000)
        // A shift in the middle moves a band: [0,3000) stays, [3000,6000) goes v2 -> v1... and so on.
        #expect(moved([3000, 3000, 4000], [6000, 0, 4000]) == 3000)
    }

    @Test func setWeightBalancesOnTheDonor() throws {
        var split = try RoutingFixtures.splitter([80, 15, 5])
        let change = try split.setWeight(25, forTarget: 2, balancingWith: 0)
        #expect(change.to == [60, 15, 25])
        #expect(split.basisPoints == [6000, 1500, 2500])
        // A rollback: the canary's weight to 0, everything back on the donor.
        _ = try split.setWeight(0, forTarget: 2, balancingWith: 0)
        #expect(split.weightsPercent == [85, 15, 0])
    }

    @Test func invalidWeightChangesThrowAndChangeNothing() throws {
        var split = try RoutingFixtures.splitter([90, 10])
        let cases: [(String, (inout TrafficSplitter) throws(PolicyConfigError) -> WeightChange)] = [
            ("weights", { split throws(PolicyConfigError) in try split.setWeights([100]) }),
            ("targets", { split throws(PolicyConfigError) in try split.setWeights([60, 30]) }),
            ("targets[1].weightPercent", { split throws(PolicyConfigError) in try split.setWeights([50, -10]) }),
            ("weights", { split throws(PolicyConfigError) in try split.setWeights(basisPoints: [9000, 999]) }),
            ("weights", { split throws(PolicyConfigError) in try split.setWeights(basisPoints: [10001, -1]) }),
            ("weights", { split throws(PolicyConfigError) in try split.setWeight(50, forTarget: 1, balancingWith: 1) }),
            ("weights", { split throws(PolicyConfigError) in try split.setWeight(50, forTarget: 2, balancingWith: 0) }),
            ("targets[0].weightPercent", { split throws(PolicyConfigError) in try split.setWeight(110, forTarget: 1, balancingWith: 0) }),
        ]
        for (field, change) in cases {
            do {
                _ = try change(&split)
                Issue.record("expected an error on \(field)")
            } catch {
                #expect(error.field == field)
            }
            #expect(split.basisPoints == [9000, 1000])
        }
    }

    @Test func exactBasisPointsNeedNoRounding() throws {
        var split = try RoutingFixtures.splitter([50, 50])
        let change = try split.setWeights(basisPoints: [1, 9999])
        #expect(change.to == [0.01, 99.99])
        #expect(split.config.targets.map(\.weightPercent) == [0.01, 99.99])
        #expect(split.basisPoints == [1, 9999])
    }
}
