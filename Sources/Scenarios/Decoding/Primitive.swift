/// Strict reading of JSON scalars into Swift primitives, with the unit forms
/// the scenario format allows (`"1200rps"` for `...Rps`, `"50%"` for `...Percent`).
enum Primitive {
    static func handles<T>(_ type: T.Type) -> Bool {
        type == Bool.self || type == String.self || type == Double.self || type == Int.self || type == Int64.self
            || type == UInt64.self || type == Int32.self || type == Int16.self || type == UInt8.self || type == UInt32.self
    }

    static func read<T>(_ type: T.Type, from value: JSONValue, path: JSONPath, key: String?) throws -> T {
        func fail(_ expected: String) -> SpecDecodeError {
            let got: String
            switch value {
            case .string(let text, _): got = "\"\(text)\""
            case .number(let number, _): got = number.text
            case .bool(let flag, _): got = "\(flag)"
            default: got = value.kind.withArticle
            }
            return SpecDecodeError(path: path, position: value.position, message: "expected \(expected), got \(got)")
        }
        if type == Bool.self {
            guard let flag = value.boolValue else { throw fail("true or false") }
            return flag as! T
        }
        if type == String.self {
            guard let text = value.stringValue else { throw fail("a string") }
            return text as! T
        }
        if type == Double.self {
            return try readDouble(value, key: key, fail: fail) as! T
        }
        // Integers: whole numbers within the type's range (1e6 is fine, 2.5 is not).
        let (low, high, name): (Double, Double, String) = switch type {
        case is Int16.Type: (-32_768, 32_767, "an integer")
        case is UInt8.Type: (0, 255, "an integer in 0...255")
        case is Int32.Type: (-2_147_483_648, 2_147_483_647, "an integer")
        case is UInt32.Type: (0, 4_294_967_295, "a non-negative integer")
        case is UInt64.Type: (0, 18_446_744_073_709_549_568, "a non-negative integer")
        default: (-9_223_372_036_854_775_808, 9_223_372_036_854_774_784, "an integer")
        }
        guard let number = value.numberValue else { throw fail(name) }
        let exact = number.int64Value
        let double = number.doubleValue
        guard double.isFinite, double == double.rounded(), double >= low, double <= high else { throw fail(name) }
        switch type {
        case is Int.Type: return (exact.map { Int($0) } ?? Int(double)) as! T
        case is Int64.Type: return (exact ?? Int64(double)) as! T
        case is Int32.Type: return Int32(double) as! T
        case is Int16.Type: return Int16(double) as! T
        case is UInt8.Type: return UInt8(double) as! T
        case is UInt32.Type: return UInt32(double) as! T
        default: return (exact.map { UInt64($0) } ?? UInt64(double)) as! T
        }
    }

    static func readDouble(_ value: JSONValue, key: String?, fail: (String) -> SpecDecodeError) throws -> Double {
        if let number = value.numberValue {
            guard number.doubleValue.isFinite else { throw fail("a finite number") }
            return number.doubleValue
        }
        if let text = value.stringValue, let key {
            if key.hasSuffix("Rps"), text.hasSuffix("rps"), let rate = Double(String(text.dropLast(3))), rate.isFinite {
                return rate
            }
            if key.hasSuffix("Percent"), text.hasSuffix("%"), let percent = Double(String(text.dropLast())), percent.isFinite {
                return percent
            }
        }
        if key?.hasSuffix("Rps") == true { throw fail("a rate such as 1200 or \"1200rps\"") }
        if key?.hasSuffix("Percent") == true { throw fail("a percentage such as 50 or \"50%\"") }
        throw fail("a number")
    }
}
