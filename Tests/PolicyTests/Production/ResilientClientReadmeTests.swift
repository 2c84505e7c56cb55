import Foundation
import Testing
@testable import Policy

// README snippet begins (docs/policies/pipeline.md; a test checks they are the same text)
import Policy

/// An HTTP status as the pipeline sees it.
struct HTTPStatusError: ClassifiedError {
    var status: Int
    var outcomeClass: OutcomeClass {
        switch status {
        case 429: .throttled
        case 503: .overloaded
        case 500...: .serverError
        default: .clientError
        }
    }
}

struct ProfileService {
    let client: ResilientClient<SplitMix64>

    init() throws {
        var config = ClientPipelineConfig.preset(.resilience4j)!  // Retry(CircuitBreaker(call))
        config.retry.retryOn = .transientFailures                  // never retry a 4xx
        config.retry.perTryTimeout = .seconds(2)                   // cancel an attempt after 2 s
        client = try ResilientClient(config: config, generator: SplitMix64(seed: 42))
    }

    func profile(id: Int) async throws -> String {
        try await client.execute {
            let (body, status) = try await httpGet("/profiles/\(id)")
            guard status == 200 else { throw HTTPStatusError(status: status) }
            return body
        }
    }
}
// README snippet ends

/// Stands in for the network: 200 for profile 1, 404 for 404, 500 otherwise.
func httpGet(_ path: String) async throws -> (String, Int) {
    switch path {
    case "/profiles/1": ("Ada", 200)
    case "/profiles/404": ("", 404)
    default: ("", 500)
    }
}

extension ProductionTests {
    /// The README's example of wrapping an HTTP call is this file's code, and it runs.
    @Suite struct ResilientClientReadmeTests {
        @Test func theSnippetInTheReadmeIsTheCodeCompiledHere() throws {
            let here = URL(fileURLWithPath: #filePath)
            let root = here.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            let doc = try String(contentsOf: root.appendingPathComponent("docs/policies/pipeline.md"), encoding: .utf8)
            let source = try String(contentsOf: here, encoding: .utf8)
            let fromDoc = try #require(doc.components(separatedBy: "```swift\n").dropFirst().first?.components(separatedBy: "```").first)
            let fromTest = try #require(source.components(separatedBy: "a test checks they are the same text)\n").dropFirst().first?
                .components(separatedBy: "// README snippet ends").first)
            #expect(fromDoc == fromTest)
            #expect(fromDoc.contains("try await client.execute"))
        }

        @Test func theWrappedCallAnswersAndA4xxIsNotRetried() async throws {
            let service = try ProfileService()
            #expect(try await service.profile(id: 1) == "Ada")
            await #expect(throws: HTTPStatusError.self) { try await service.profile(id: 404) }
            #expect(service.client.counters == ResilienceCounters(calls: 2, attempts: 2, retries: 0, successes: 1, failures: 1, rejected: 0))
            #expect(service.client.breakerState == .closed)
        }
    }
}
