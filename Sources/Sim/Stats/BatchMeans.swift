/// The method of batch means for one long, autocorrelated run.
///
/// Observations after `warmup` are grouped into consecutive batches of
/// `batchSize`; batches much longer than the correlation time are nearly
/// independent, so a t-interval over batch means is valid (Law & Kelton).
/// Memory is one number per batch.
public struct BatchMeans: Sendable {
    public let warmup: Int
    public let batchSize: Int
    public private(set) var observed = 0
    public private(set) var batchMeans: [Double] = []
    var currentSum = 0.0
    var currentCount = 0

    public init(warmup: Int, batchSize: Int) {
        precondition(warmup >= 0 && batchSize > 0, "batch means needs warmup >= 0 and batchSize > 0")
        self.warmup = warmup
        self.batchSize = batchSize
    }

    public mutating func record(_ value: Double) {
        observed += 1
        guard observed > warmup else { return }
        currentSum += value
        currentCount += 1
        if currentCount == batchSize {
            batchMeans.append(currentSum / Double(batchSize))
            currentSum = 0
            currentCount = 0
        }
    }

    /// The interval over complete batches.
    public func interval(_ level: StudentT.Level) -> ConfidenceInterval {
        ConfidenceInterval(of: batchMeans, level: level)
    }
}
