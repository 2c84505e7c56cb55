/// A change of a split's weights, as returned by `TrafficSplitter.setWeights`
/// for the event log (who moved, and how much traffic it moved).
public struct WeightChange: Sendable, Equatable {
    /// Weights before, in percent, in target order.
    public var from: [Double]
    /// Weights after, in percent, in target order.
    public var to: [Double]
    /// Basis points before (sum 10,000).
    public var fromBasisPoints: [Int]
    /// Basis points after (sum 10,000).
    public var toBasisPoints: [Int]
    /// Buckets (of 10,000) whose target changed: in sticky mode, the share
    /// of keys that move to another target. A canary step from 5 % to 10 %
    /// reassigns 500; swapping the order of two 50 % ranges would reassign 10,000.
    public var reassignedBasisPoints: Int

    /// A change from one set of weights to another.
    public init(from: [Double], to: [Double], fromBasisPoints: [Int], toBasisPoints: [Int], reassignedBasisPoints: Int) {
        self.from = from
        self.to = to
        self.fromBasisPoints = fromBasisPoints
        self.toBasisPoints = toBasisPoints
        self.reassignedBasisPoints = reassignedBasisPoints
    }

    /// `false` when the new basis points equal the old ones (nothing moved).
    public var changed: Bool { fromBasisPoints != toBasisPoints }

    /// Buckets whose owner differs between two range layouts given as
    /// cumulative upper bounds (both ending at 10,000). A sweep over the
    /// merged breakpoints: O(targets).
    static func reassigned(from old: [Int], to new: [Int]) -> Int {
        var moved = 0
        var start = 0
        var (i, j) = (0, 0)
        while start < TrafficSplitConfig.totalBasisPoints {
            // Skip empty ranges so i and j name the owners of bucket `start`.
            while old[i] <= start { i += 1 }
            while new[j] <= start { j += 1 }
            let end = min(old[i], new[j])
            if i != j { moved += end - start }
            start = end
        }
        return moved
    }
}
