/// An immutable spec behind a reference. Runtime structs keep their (large,
/// never-mutated) spec in one, so reading a field of a runtime record copies
/// a pointer instead of hundreds of bytes of configuration: measured as 13% of
/// the hot loop before this existed.
final class SpecBox<Value: Sendable>: Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
