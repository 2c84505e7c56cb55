import Testing
@testable import Sim

@Suite struct PendingTimersTests {
    /// Keys as a queue hands them out: sequence order, times 10 ms apart.
    static func keys(_ count: Int) -> [EventKey] {
        var queue = EventQueue<Int>()
        return (0..<count).map { queue.reserveKey(at: .ms(Int64($0) * 10)) }
    }

    @Test func onlyTheFrontTimerIsArmedAndFiringHandsItBack() {
        let keys = Self.keys(3)
        var timers = PendingTimers<Int>()
        // Each step returns what the owner must do next; the whole sequence is compared.
        var steps: [String] = []
        steps.append("set 100 -> arm: \(timers.set(100, key: keys[0]))")
        steps.append("arm -> \(timers.arm().map { "key \($0.sequence)" } ?? "nothing")")
        // Armed: later timers wait behind it, and arming again schedules nothing.
        steps.append("set 101 -> arm: \(timers.set(101, key: keys[1]))")
        steps.append("set 102 -> arm: \(timers.set(102, key: keys[2]))")
        steps.append("arm -> \(timers.arm().map { "key \($0.sequence)" } ?? "nothing")")
        steps.append("fire -> \(timers.fire()), armed: \(timers.armed), left: \(timers.count)")
        // The owner drops a stale front (101), then arms the next.
        timers.dropFront()
        steps.append("arm -> \(timers.arm().map { "key \($0.sequence)" } ?? "nothing")")
        steps.append("fire -> \(timers.fire()), armed: \(timers.armed), left: \(timers.count)")
        steps.append("arm -> \(timers.arm().map { "key \($0.sequence)" } ?? "nothing")")
        #expect(steps == [
            "set 100 -> arm: true", "arm -> key 0",
            "set 101 -> arm: false", "set 102 -> arm: false", "arm -> nothing",
            "fire -> 100, armed: false, left: 2",
            "arm -> key 2", "fire -> 102, armed: false, left: 0", "arm -> nothing",
        ])
    }

    @Test func compactionKeepsTheFrontAndTheLiveInOrderAndBoundsTheQueue() {
        let minimum = PendingTimers<Int>.minimumCompaction
        let keys = Self.keys(minimum + 1)
        var timers = PendingTimers<Int>()
        for payload in 0..<minimum { _ = timers.set(payload, key: keys[payload]) }
        let armed = timers.arm()
        #expect(armed == keys[0])
        #expect(timers.needsCompaction)
        // Stale: every payload but multiples of 3, and the front (0) is kept armed anyway.
        timers.compact { $0 % 3 != 0 || $0 == 0 }
        let live = (0..<minimum).filter { $0 % 3 == 0 }
        #expect(timers.count == live.count)
        #expect(timers.timers.first!.payload == 0)
        #expect((0..<timers.count).map { timers.timers[$0].payload } == live)
        #expect(timers.armed)
        #expect(!timers.needsCompaction)
        // Twice the live timers is above the minimum here: the next compaction waits for that.
        #expect(timers.compactAt == max(minimum, 2 * live.count))
        // Everything stale: back to the minimum.
        timers.compact { _ in true }
        #expect(timers.count == 1)
        #expect(timers.compactAt == minimum)
    }
}

@Suite struct ReservedKeyTests {
    /// An event pushed under a key reserved earlier fires where an event
    /// pushed at the reservation would have: between its neighbours in time
    /// and in scheduling order, heap or lane.
    @Test func aReservedKeyFiresWhereItWasReserved() {
        var queue = EventQueue<Int>()
        queue.push(1, at: .ms(10))
        let reserved = queue.reserveKey(at: .ms(10))
        queue.push(2, at: .ms(10))
        queue.push(3, at: .ms(5))
        queue.push(4, after: .ms(10), now: .zero)  // a lane, same time, later sequence
        queue.push(5, key: reserved)
        var order: [Int] = []
        while let next = queue.popMin() { order.append(next.event) }
        #expect(order == [3, 1, 5, 2, 4])
        #expect(queue.scheduledCount == 5)
    }
}
