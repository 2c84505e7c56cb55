import Testing
@testable import Sim

@Suite struct ReportTableWriterTests {
    @Test func csvQuotesOnlyFieldsThatNeedIt() {
        #expect(CSVWriter.escape("plain") == "plain")
        #expect(CSVWriter.escape("") == "")
        #expect(CSVWriter.escape("a,b") == "\"a,b\"")
        #expect(CSVWriter.escape("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSVWriter.escape("two\nlines") == "\"two\nlines\"")
        #expect(CSVWriter.escape("cr\rhere") == "\"cr\rhere\"")
        #expect(CSVWriter.escape(" spaced ") == " spaced ")
    }

    @Test func csvWriterProducesHeaderAndRecordsWithLF() {
        var csv = CSVWriter(header: ["time_s", "entity", "metric", "value"])
        csv.appendRow(["0.000", "edge:api->db", "attempts", "12"])
        csv.appendRow(["1.000", "client:web", "cause", "failure rate 62.5% >= 50%, opened"])
        #expect(csv.text == """
            time_s,entity,metric,value
            0.000,edge:api->db,attempts,12
            1.000,client:web,cause,"failure rate 62.5% >= 50%, opened"

            """)
        #expect(csv.columnCount == 4)
    }

    @Test func markdownTableAlignsColumnsAndEscapesPipes() {
        var table = MarkdownTable(columns: [.init("figure"), .init("value", .right), .init("ok", .center)])
        table.appendRow(["MTTR", "42s", "yes"])
        table.appendRow(["a|b", "1", "no\nreally"])
        #expect(table.render() == """
            | figure | value |      ok      |
            | ------ | ----: | :----------: |
            | MTTR   |   42s |     yes      |
            | a\\|b   |     1 | no<br>really |

            """)
    }

    @Test func markdownEscapeHandlesPipesAndLineBreaks() {
        #expect(MarkdownTable.escape("a|b|c") == "a\\|b\\|c")
        #expect(MarkdownTable.escape("one\r\ntwo") == "one<br>two")
    }

    @Test func mermaidFlowchartUsesGeneratedIdsAndQuotedLabels() {
        var chart = MermaidFlowchart(direction: .leftToRight)
        chart.addNode("web", label: "client web", shape: .stadium)
        chart.addNode("api")
        chart.addNode("db", shape: .cylinder)
        chart.addEdge(from: "web", to: "api", label: "retry x3")
        chart.addEdge(from: "api", to: "db", label: "timeout \"250ms\" <p99>")
        chart.addEdge(from: "api", to: "cache#1", dashed: true)
        #expect(chart.render() == """
            flowchart LR
                n1(["client web"])
                n2["api"]
                n3[("db")]
                n1 -->|"retry x3"| n2
                n2 -->|"timeout #quot;250ms#quot; #lt;p99#gt;"| n3
                n4["cache#35;1"]
                n2 -.-> n4

            """)
        #expect(chart.fenced().hasPrefix("```mermaid\nflowchart LR\n"))
        #expect(chart.fenced().hasSuffix("    n2 -.-> n4\n```\n"))
    }
}
