import Sim

extension ExpectationSet: Codable {
    struct MetricKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: MetricKey.self)
        var items: [Expectation] = []
        for key in container.allKeys {
            let entry = try container.decode(ExpectEntry.self, forKey: key)
            for (condition, entity) in entry.conditions {
                items.append(Expectation(metric: key.stringValue, entity: entity, condition: condition))
            }
        }
        self.items = items
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: MetricKey.self)
        // Group by metric, keeping first-appearance order.
        var metrics: [String] = []
        for item in items where !metrics.contains(item.metric) { metrics.append(item.metric) }
        for metric in metrics {
            let entries = items.filter { $0.metric == metric }.map { ExpectEntry.Single(condition: $0.condition, entity: $0.entity) }
            if entries.count == 1 {
                try container.encode(entries[0], forKey: MetricKey(stringValue: metric))
            } else {
                try container.encode(entries, forKey: MetricKey(stringValue: metric))
            }
        }
    }
}

/// One metric's value in `expect`: `false`, `{max: ...}`, or a list of them.
struct ExpectEntry: Decodable {
    var conditions: [(Expectation.Condition, String?)]

    struct Single: Codable {
        var condition: Expectation.Condition
        var entity: String?

        enum CodingKeys: String, CodingKey { case min, max, equals, entity }

        init(condition: Expectation.Condition, entity: String?) {
            self.condition = condition
            self.entity = entity
        }

        init(from decoder: any Decoder) throws {
            if let single = try? decoder.singleValueContainer(), let flag = try? single.decode(Bool.self) {
                condition = .equals(flag)
                entity = nil
                return
            }
            let container = try decoder.container(keyedBy: CodingKeys.self)
            entity = try container.decodeIfPresent(String.self, forKey: .entity)
            if let flag = try container.decodeIfPresent(Bool.self, forKey: .equals) {
                condition = .equals(flag)
                return
            }
            let min = try container.decodeIfPresent(ExpectBoundValue.self, forKey: .min)?.bound
            let max = try container.decodeIfPresent(ExpectBoundValue.self, forKey: .max)?.bound
            guard min != nil || max != nil else {
                throw DecodingError.dataCorrupted(DecodingError.Context(codingPath: decoder.codingPath,
                    debugDescription: "expected a bound: true/false, or {min: ..., max: ...} with a number or a duration such as \"2m\""))
            }
            condition = .range(min: min, max: max)
        }

        func encode(to encoder: any Encoder) throws {
            if case .equals(let flag) = condition, entity == nil {
                var single = encoder.singleValueContainer()
                try single.encode(flag)
                return
            }
            var container = encoder.container(keyedBy: CodingKeys.self)
            switch condition {
            case .equals(let flag):
                try container.encode(flag, forKey: .equals)
            case .range(let min, let max):
                try container.encodeIfPresent(min.map(ExpectBoundValue.init), forKey: .min)
                try container.encodeIfPresent(max.map(ExpectBoundValue.init), forKey: .max)
            }
            try container.encodeIfPresent(entity, forKey: .entity)
        }
    }

    init(from decoder: any Decoder) throws {
        if var list = try? decoder.unkeyedContainer() {
            var conditions: [(Expectation.Condition, String?)] = []
            while !list.isAtEnd {
                let single = try list.decode(Single.self)
                conditions.append((single.condition, single.entity))
            }
            self.conditions = conditions
        } else {
            let single = try Single(from: decoder)
            conditions = [(single.condition, single.entity)]
        }
    }
}

/// A bound: a number, or a duration with a unit.
struct ExpectBoundValue: Codable {
    var bound: Expectation.Bound

    init(_ bound: Expectation.Bound) { self.bound = bound }

    init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        if let number = try? single.decode(Double.self) {
            bound = .number(number)
        } else if let text = try? single.decode(String.self), let duration = SimTime(parsing: text) {
            bound = .duration(duration)
        } else {
            throw DecodingError.dataCorruptedError(in: single, debugDescription: "expected a number or a duration such as \"2m\"")
        }
    }

    func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        switch bound {
        case .number(let value): try single.encode(value)
        case .duration(let value): try single.encode(value)
        }
    }
}
