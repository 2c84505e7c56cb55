/// How well a run met its SLO, counted two ways, and the error budget it used.
///
/// - windowAttainment = healthy windows / (healthy + unhealthy windows);
///   no-data windows are left out of both.
/// - requestAttainment = sum good / sum total requests.
/// - errorBudgetConsumed = sum bad / (sum total x (1 - SLO)), with bad = total -
///   good: 1.0 means the run used exactly the budget its traffic allowed; 2.0
///   twice over. (Budget over the run's own traffic, not a 30-day period.)
/// Ratios are NaN when their denominator is zero.
public struct SLOAttainment: Sendable, Equatable {
    /// healthy / (healthy + unhealthy) windows.
    public var windowAttainment: Double
    /// sum good / sum total requests.
    public var requestAttainment: Double
    /// sum bad / (sum total x (1 - SLO)); 1.0 = the whole budget.
    public var errorBudgetConsumed: Double
    /// Good requests over the run.
    public var goodRequests: Double
    /// All requests over the run.
    public var totalRequests: Double
    /// Windows that met the SLO.
    public var healthyWindows: Int
    /// Windows that missed it.
    public var unhealthyWindows: Int
    /// Windows without demand (left out of windowAttainment).
    public var noDataWindows: Int

    /// Attainment of `health` and of the good/total request counts per window.
    public init(health: HealthTimeline, good: [Double], total: [Double], target: SLOTarget) {
        precondition(good.count == total.count, "good and total need one value per window")
        healthyWindows = health.count(.healthy)
        unhealthyWindows = health.count(.unhealthy)
        noDataWindows = health.count(.noData)
        windowAttainment = WindowSums.ratio(Double(healthyWindows), Double(healthyWindows + unhealthyWindows))
        goodRequests = WindowSums.total(good)
        totalRequests = WindowSums.total(total)
        requestAttainment = WindowSums.ratio(goodRequests, totalRequests)
        errorBudgetConsumed = WindowSums.ratio(totalRequests - goodRequests, totalRequests * target.errorBudgetRatio)
    }
}
