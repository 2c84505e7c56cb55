import Sim

/// `expect`'s schema. `ExpectationSet` decodes its keys dynamically (one per
/// headline figure), so the recorder cannot discover them; the schema is
/// written from `FigureName` and the figure kinds instead, which keeps it in
/// step with the validator: flags take `false`/`{equals: ...}`, durations take
/// `{min/max: "2m"}`, numbers `{min/max: 0.99}`, each optionally per entity.
extension SchemaBuilder {
    func describeExpectations<T: Decodable>(_ type: T.Type) -> (JSONValue, T)? {
        guard type == ExpectationSet.self, let empty = ExpectationSet() as? T else { return nil }
        let name = "ExpectationSet"
        if !isDefined(name) {
            let entity: JSONValue = ["type": "string", "description": "The entity the figure describes: edge:A->B, service:S, version:S@v2, fault:NAME, controller:NAME; absent = the whole run."]
            func bounded(_ bound: JSONValue) -> JSONValue {
                ["type": "object", "additionalProperties": false,
                 "properties": ["min": bound, "max": bound, "entity": entity]]
            }
            let flag: JSONValue = ["type": "object", "additionalProperties": false, "required": ["equals"],
                                   "properties": ["equals": ["type": "boolean"], "entity": entity]]
            func oneOrMany(_ forms: [JSONValue]) -> JSONValue {
                let single: JSONValue = forms.count == 1 ? forms[0] : ["anyOf": .array(forms)]
                return ["anyOf": [single, ["type": "array", "items": single]]]
            }
            define("ExpectFlag", oneOrMany([["type": "boolean"], flag]))
            define("ExpectDuration", oneOrMany([bounded(formatReference("Duration"))]))
            define("ExpectNumber", oneOrMany([bounded(["type": "number"])]))
            let flagSchema = Self.reference("ExpectFlag")
            let durationSchema = Self.reference("ExpectDuration")
            let numberSchema = Self.reference("ExpectNumber")
            var properties: [JSONMember] = []
            for figure in FigureName.allCases {
                let schema = Expectation.flagFigures.contains(figure) ? flagSchema
                    : Expectation.durationFigures.contains(figure) ? durationSchema : numberSchema
                properties.append(JSONMember(key: figure.rawValue, value: schema))
            }
            define(name, [
                "description": "Bounds the run must meet (faultsim check fails on a broken one): figure name -> false/true, {min, max} or a list of them.",
                "type": "object", "additionalProperties": false, "properties": .object(properties),
            ])
        }
        return (Self.reference(name), empty)
    }
}
