import Testing
import Policy
@testable import Sim

@Suite struct DelayLaneRingTests {
    /// Entries come out in push order across growth, and one that would fire
    /// before the back of the lane is refused (it must go to the heap).
    @Test func keepsOrderAcrossGrowthAndRefusesAnEarlierEntry() {
        var lane = DelayLane<Int>(key: SimTime.ms(1).ns)
        var popped: [Int] = []
        for round in 0..<3 {
            for id in 0..<1_500 {
                let entry = ScheduledEvent(time: SimTime(ns: Int64(round * 10_000 + id)), sequence: UInt64(round * 10_000 + id), event: id)
                let accepted = lane.pushBack(entry)
                #expect(accepted)
            }
            let early = lane.pushBack(ScheduledEvent(time: SimTime(ns: Int64(round * 10_000)), sequence: 99_999, event: -1))
            #expect(!early)
            #expect(lane.count == 1_500)
            while !lane.isEmpty { popped.append(lane.popFront().event) }
        }
        #expect(popped == Array(repeating: Array(0..<1_500), count: 3).flatMap { $0 })
        #expect(lane.capacity == 2_048)
    }
}

@Suite struct InlineHandlesTests {
    /// Removal swaps the last handle into the hole; a handle not held changes nothing.
    @Test func removeSwapsTheLastIntoTheHoleAndIgnoresStrangers() {
        var handles = InlineHandles()
        var accepted: [Bool] = []
        for index in 0..<6 { accepted.append(handles.append(AttemptHandle(index: UInt32(index == 5 ? 9 : index), generation: 1))) }
        #expect(accepted == [true, true, true, true, true, false])
        handles.remove(AttemptHandle(index: 1, generation: 1))
        #expect(handles.count == 4)
        #expect((0..<4).map { handles[$0].index } == [0, 4, 2, 3])
        handles.remove(AttemptHandle(index: 2, generation: 2))  // wrong generation: not held
        #expect(handles.count == 4)
        for index: UInt32 in [0, 4, 2, 3] { handles.remove(AttemptHandle(index: index, generation: 1)) }
        #expect(handles.count == 0)
        handles.remove(AttemptHandle(index: 0, generation: 1))
        #expect(handles.count == 0)
        #expect(handles[4] == .none)
    }

    /// `takeFirst` hands out slot 0 and moves the last handle there, the order
    /// a call's losing attempts are settled in; nil once empty.
    @Test func takeFirstMovesTheLastIntoTheFirstSlot() {
        var handles = InlineHandles()
        for index: UInt32 in [10, 11, 12, 13] { _ = handles.append(AttemptHandle(index: index, generation: 0)) }
        var taken: [UInt32] = []
        while let handle = handles.takeFirst() { taken.append(handle.index) }
        #expect(taken == [10, 13, 12, 11])
        #expect(handles.count == 0)
        #expect(handles[0] == .none && handles[3] == .none)
    }
}

/// A call's record is allocated, written and read on every service visit:
/// its size is part of the benchmark's working set, so a change to it shows here.
@Suite struct CallRecordLayoutTests {
    @Test func recordsKeepNoCopyOfThePolicyStateAndNoPadding() {
        // Five 8-byte handles and a one-byte count.
        #expect(MemoryLayout<InlineHandles>.size == 41)
        // Start, deadline, attempts, backoff; four 32-bit counts of what is out; two epochs; four bytes.
        #expect(MemoryLayout<CallState>.stride == 64)
        // 48 bytes of identity and routing, the policy state, the handles, flags, the fallback latency.
        #expect(MemoryLayout<CallRecord>.stride == 160)
        // No padding inside: 40 bytes of identity and time, 28 of routing, the ticket, counts, flags.
        #expect(MemoryLayout<AttemptRecord>.stride == 104)
    }

    /// Pool slots are whole cache lines from a line start: an attempt's slot
    /// (record, generation, live flag: 112 bytes) takes two, a call's three.
    @Test func poolSlotsStartOnCacheLines() {
        #expect(SlotPool<AttemptRecord>.slotStride == 128)
        #expect(SlotPool<CallRecord>.slotStride == 192)
        // A record as wide as an attempt's: 104 bytes.
        struct Wide: BitwiseCopyable {
            var identity: UInt64
            var rest: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64, UInt64)
        }
        #expect(SlotPool<Wide>.slotStride == 128)
        var pool = SlotPool<Wide>(capacityLimit: 10_000, reserving: 1)
        for index in 0..<3_000 { _ = pool.allocate(Wide(identity: UInt64(index), rest: (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12))) }
        // Grown twelve times, every slot still starts on a line and holds its record.
        #expect((0..<3_000).allSatisfy { UInt(bitPattern: pool.slot($0)) % 64 == 0 })
        #expect((0..<3_000).allSatisfy { pool.slot($0).pointee.record.identity == UInt64($0) && pool.slot($0).pointee.record.rest.11 == 12 })
    }
}

@Suite struct SlotPoolTests {
    /// Released slots are reused last-in first-out with a new generation, so
    /// a handle to the old record is no longer live; the limit refuses more.
    @Test func reusesReleasedSlotsWithANewGenerationUpToTheLimit() {
        var pool = SlotPool<Int>(capacityLimit: 3, reserving: 1)
        let a = pool.allocate(1)!, b = pool.allocate(2)!, c = pool.allocate(3)!
        #expect(pool.allocate(4) == nil)
        pool.release(a)
        pool.release(c)
        let reusedC = pool.allocate(5)!, reusedA = pool.allocate(6)!
        #expect((reusedC.index, reusedC.generation) == (c.index, 1))
        #expect((reusedA.index, reusedA.generation) == (a.index, 1))
        #expect(!pool.isLive(a) && !pool.isLive(c) && pool.isLive(b) && pool.isLive(reusedA))
        #expect(pool[reusedA] == 6 && pool[b] == 2)
        #expect(pool.liveCount == 3 && pool.peakLiveCount == 3)
    }

    /// Growing moves the records to a larger buffer (the pool keeps the
    /// address itself): every record and generation survives, writes through
    /// a handle land in the new buffer, and the limit is still exact.
    @Test func growingKeepsEveryRecordAndGeneration() {
        var pool = SlotPool<Int>(capacityLimit: 100, reserving: 2)
        var handles: [Handle<Int>] = []
        for value in 0..<10 { handles.append(pool.allocate(value)!) }
        pool.release(handles[3])
        handles[3] = pool.allocate(33)!
        for value in 10..<100 { handles.append(pool.allocate(value)!) }
        #expect(pool.allocate(100) == nil)
        pool[handles[7]] += 700
        let values = handles.map { pool[$0] }
        var expected = Array(0..<100)
        expected[3] = 33
        expected[7] = 707
        #expect(values == expected)
        #expect(handles[3].generation == 1 && handles[4].generation == 0)
        let allLive = handles.allSatisfy { pool.isLive($0) }
        #expect(allLive)
        #expect(pool.liveHandles() == handles.sorted { $0.index < $1.index })
    }
}
