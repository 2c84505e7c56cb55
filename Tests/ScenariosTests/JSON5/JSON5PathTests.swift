import Testing
@testable import Scenarios

/// JSON paths name fields in validation errors: `services[2].calls[0].target`.
@Suite struct JSON5PathTests {
    static let renderings: [(path: JSONPath, text: String)] = [
        (.root, "(root)"),
        (["services"], "services"),
        (["services", 2, "calls", 0, "target"], "services[2].calls[0].target"),
        ([0, "a"], "[0].a"),
        (["headers", "x-request-id"], #"headers["x-request-id"]"#),
        (["odd key", "b"], #"["odd key"].b"#),
        (["", "$ok", "_1"], #"[""].$ok._1"#),
        (["quote\"and\\slash"], #"["quote\"and\\slash"]"#),
        (["é"], #"["é"]"#),
        (["9lives"], #"["9lives"]"#),
    ]

    @Test(arguments: renderings)
    func rendersKeysAndIndices(_ path: JSONPath, _ text: String) {
        #expect(path.description == text)
    }

    @Test func buildingPaths() {
        let path = JSONPath.root.appending(key: "services").appending(index: 2).appending(key: "name")
        #expect(path == ["services", 2, "name"])
        #expect(path.parent == ["services", 2])
        #expect(path.parent.parent.parent == .root)
        #expect(JSONPath.root.parent.isRoot)
        #expect(path.components == [.key("services"), .index(2), .key("name")])
    }

    @Test func findsValuesByPath() throws {
        let document = try JSON5Parser.parse("{services: [{name: 'a'}, {name: 'b', calls: [{target: 'db'}]}]}")
        #expect(document.value(at: ["services", 1, "calls", 0, "target"]) == "db")
        #expect(document.value(at: .root) == document)
        #expect(document.value(at: ["services", 2]) == nil)
        #expect(document.value(at: ["services", "name"]) == nil)
        #expect(document.value(at: ["missing"]) == nil)
    }
}
