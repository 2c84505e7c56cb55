/// The answer to `CircuitBreaker.tryAcquire`: may this call be sent?
public struct BreakerPermission: Equatable, Sendable {
    /// `true`: send the call, then report it with `record` (or `release` if it is
    /// cancelled without an outcome). `false`: the call is rejected locally.
    public var permitted: Bool
    /// The state change that deciding caused, if any (open -> half-open when the
    /// wait has elapsed, half-open -> open when `maxWaitInHalfOpen` passed).
    public var transition: BreakerTransition?
    /// The breaker's `epoch` when the call was admitted. Pass it back to `release`
    /// and `record` so a half-open permit is returned only to the episode that issued it.
    public var epoch: UInt32

    /// A permission value.
    public init(permitted: Bool, transition: BreakerTransition?, epoch: UInt32) {
        self.permitted = permitted
        self.transition = transition
        self.epoch = epoch
    }
}
