extension JSONValue: Equatable {
    /// Structural equality that ignores positions: same kind, same values, same
    /// members in the same order.
    ///
    /// Strings and keys compare by Unicode scalars, not by Swift's canonical
    /// equivalence: `"\u00e9"` and `"e\u0301"` are different JSON strings (as
    /// in ECMAScript), although Swift's `==` on `String` calls them equal.
    /// Numbers compare by value (`JSONNumber.==`). Member order matters:
    /// it is part of what this type promises to keep.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null):
            return true
        case let (.bool(left, _), .bool(right, _)):
            return left == right
        case let (.number(left, _), .number(right, _)):
            return left == right
        case let (.string(left, _), .string(right, _)):
            return JSONText.sameScalars(left, right)
        case let (.array(left, _), .array(right, _)):
            return left == right
        case let (.object(left, _), .object(right, _)):
            return left == right
        default:
            return false
        }
    }
}
