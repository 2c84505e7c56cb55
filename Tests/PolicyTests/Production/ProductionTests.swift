import Testing

/// The production wrapper's suites, run one after another: the concurrency
/// test keeps both cores busy, and the real-clock timeout tests must not wait
/// behind it for a thread.
@Suite(.serialized) enum ProductionTests {}
