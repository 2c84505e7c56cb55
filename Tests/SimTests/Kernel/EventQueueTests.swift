import Testing
@testable import Sim

@Suite struct EventQueueTests {
    /// The World's heap entries are 32 bytes, and each node's four children
    /// start on a cache line (two whole lines per sift-down level), before
    /// and after the heap grows; the order is unchanged.
    @Test func eachNodesChildrenStartOnACacheLine() {
        #expect(MemoryLayout<ScheduledEvent<World.Event>>.stride == 32)
        var queue = EventQueue<World.Event>(reservingCapacity: 4)
        for n in 0..<1_000 { queue.push(.windowClose, at: SimTime(ns: Int64((n * 7_919) % 1_000))) }
        let base = queue.heap.unsafeBase
        #expect((0..<250).allSatisfy { UInt(bitPattern: base + 4 * $0 + 1) % 64 == 0 })
        var times: [Int64] = []
        while let event = queue.popMin() { times.append(event.time.ns) }
        #expect(times == Array(0..<1_000))
    }

    @Test func popsInTimeOrderAndEqualTimesInSchedulingOrder() {
        var queue = EventQueue<Int>()
        queue.push(1, at: .ms(20))
        queue.push(2, at: .ms(10))
        queue.push(3, at: .ms(20))
        queue.push(4, at: .ms(10))
        queue.push(5, at: .zero)
        var order: [Int] = []
        while let next = queue.popMin() { order.append(next.event) }
        #expect(order == [5, 2, 4, 1, 3])
    }

    @Test func randomPushesPopSortedByTimeThenSequence() {
        var rng = SplitMix64(seed: 11)
        var queue = EventQueue<Int>()
        var pushed: [(time: Int64, id: Int)] = []
        for id in 0..<20_000 {
            // Few distinct times so that ties are common.
            let time = Int64(rng.nextBelow(500))
            queue.push(id, at: .ns(time))
            pushed.append((time, id))
            if rng.chance(0.3), let popped = queue.popMin() {
                let index = pushed.firstIndex { $0.id == popped.event }!
                let expected = pushed.min { ($0.time, $0.id) < ($1.time, $1.id) }!
                #expect(popped.event == expected.id)
                pushed.remove(at: index)
            }
        }
        var last: (Int64, UInt64) = (-1, 0)
        while let next = queue.popMin() {
            #expect((next.time.ns, next.sequence) > last)
            last = (next.time.ns, next.sequence)
        }
    }
}

@Suite struct DelayLaneTests {
    /// Events pushed with fixed delays (lanes), with delays that fall back to
    /// the heap, and at absolute times come out in exactly the (time, sequence)
    /// order of a plain heap holding them all.
    @Test func lanesPopInTheSameOrderAsTheHeapAlone() {
        var rng = SplitMix64(seed: 3)
        var mixed = EventQueue<Int>(), heapOnly = EventQueue<Int>()
        var now = SimTime.zero
        var popped: [(Int, Int)] = []
        // More distinct delays than lanes, so some fixed-delay pushes take the heap.
        let delays = (0..<(EventQueue<Int>.maxLanes + 3)).map { SimTime(ns: 100 * Int64($0 + 1)) }
        for id in 0..<30_000 {
            if rng.chance(0.5) {
                let delay = delays[Int(rng.nextBelow(UInt64(delays.count)))]
                mixed.push(id, after: delay, now: now)
                heapOnly.push(id, at: now.saturatingAdd(delay))
            } else {
                let time = now.saturatingAdd(SimTime(ns: Int64(rng.nextBelow(1_500))))
                mixed.push(id, at: time)
                heapOnly.push(id, at: time)
            }
            #expect(mixed.count == heapOnly.count && mixed.nextTime == heapOnly.nextTime)
            if rng.chance(0.45), let a = mixed.popMin(), let b = heapOnly.popMin() {
                popped.append((a.event, b.event))
                #expect(a.time == b.time && a.sequence == b.sequence)
                now = a.time
            }
        }
        while let a = mixed.popMin(), let b = heapOnly.popMin() { popped.append((a.event, b.event)) }
        #expect(mixed.isEmpty && heapOnly.isEmpty)
        #expect(popped.count == 30_000)
        #expect(popped.allSatisfy { $0.0 == $0.1 })
    }

    /// Events pushed by ordered sources (more sources than lanes, and now and
    /// then one out of its source's order, which must take the heap), mixed
    /// with fixed-delay and absolute pushes, come out in exactly the
    /// (time, sequence) order of a plain heap holding them all.
    @Test func sourceLanesPopInTheSameOrderAsTheHeapAlone() {
        var rng = SplitMix64(seed: 9)
        var mixed = EventQueue<Int>(), heapOnly = EventQueue<Int>()
        var now = SimTime.zero
        var lastBySource = Array(repeating: SimTime.zero, count: EventQueue<Int>.maxLanes + 2)
        var matched = 0
        for id in 0..<30_000 {
            let time: SimTime
            switch rng.nextBelow(3) {
            case 0:
                let source = Int(rng.nextBelow(UInt64(lastBySource.count)))
                let inOrder = !rng.chance(0.05)
                let base = inOrder ? max(now, lastBySource[source]) : now
                time = base.saturatingAdd(SimTime(ns: Int64(rng.nextBelow(800))))
                if inOrder { lastBySource[source] = time }
                mixed.push(id, at: time, source: source)
            case 1:
                time = now.saturatingAdd(.ns(250))
                mixed.push(id, after: .ns(250), now: now)
            default:
                time = now.saturatingAdd(SimTime(ns: Int64(rng.nextBelow(1_500))))
                mixed.push(id, at: time)
            }
            heapOnly.push(id, at: time)
            if rng.chance(0.45), let a = mixed.popMin(), let b = heapOnly.popMin() {
                #expect(a.time == b.time && a.sequence == b.sequence && a.event == b.event)
                if a.event == b.event { matched += 1 }
                now = a.time
            }
        }
        while let a = mixed.popMin(), let b = heapOnly.popMin() {
            #expect(a.event == b.event)
            if a.event == b.event { matched += 1 }
        }
        #expect(mixed.isEmpty && heapOnly.isEmpty && matched == 30_000)
        #expect(mixed.lanes.count == EventQueue<Int>.maxLanes)
    }

    @Test func aLaneReusesItsStorageOnceDrained() {
        var queue = EventQueue<Int>()
        for round in 0..<3 {
            for id in 0..<5_000 { queue.push(id, after: .ms(5), now: SimTime(ns: Int64(round * 10_000 + id))) }
            var count = 0
            while queue.popMin() != nil { count += 1 }
            #expect(count == 5_000)
        }
        #expect(queue.lanes.count == 1)
        #expect(queue.lanes[0].isEmpty && queue.lanes[0].capacity >= 5_000)
    }
}

@Suite struct EventQueueResetTests {
    /// `removeAll` empties the heap and every lane but keeps their storage:
    /// events pushed afterwards pop in (time, sequence) order as in a new queue.
    @Test func removeAllEmptiesHeapAndLanesAndTheQueueWorksAfter() {
        var queue = EventQueue<Int>()
        for id in 0..<3_000 {
            queue.push(id, at: SimTime(ns: Int64((id * 7_919) % 5_000)))
            queue.push(-id, after: .us(3), now: SimTime(ns: Int64(id)))
        }
        #expect(queue.count == 6_000)
        let laneCapacity = queue.lanes[0].capacity
        queue.removeAll()
        #expect(queue.isEmpty && queue.count == 0 && queue.popMin() == nil)
        #expect(queue.heap.count == 0 && queue.lanes[0].isEmpty && queue.lanes[0].capacity == laneCapacity)
        queue.push(1, at: .ms(2))
        queue.push(2, after: .us(3), now: .ms(1))
        queue.push(3, at: .ms(1))
        var order: [Int] = []
        while let next = queue.popMin() { order.append(next.event) }
        #expect(order == [3, 2, 1])
    }
}

@Suite struct RingDequeTests {
    @Test func behavesAsADequeAcrossGrowth() {
        var deque = RingDeque<Int>(initialCapacity: 2)
        var model: [Int] = []
        var rng = SplitMix64(seed: 5)
        for step in 0..<10_000 {
            switch rng.nextBelow(4) {
            case 0: deque.pushBack(step); model.append(step)
            case 1: deque.pushFront(step); model.insert(step, at: 0)
            case 2: #expect(deque.popFront() == (model.isEmpty ? nil : model.removeFirst()))
            default: #expect(deque.popBack() == model.popLast())
            }
            #expect(deque.count == model.count)
        }
        deque.removeAll { $0 % 2 == 0 }
        model.removeAll { $0 % 2 == 0 }
        #expect((0..<deque.count).map { deque[$0] } == model)
    }

    /// Capacity is a power of two from the first push; a copy made before a
    /// growth keeps reading the ring it saw (its own reference keeps it alive).
    @Test func capacityDoublesAndACopyKeepsItsRing() {
        var deque = RingDeque<Int>(initialCapacity: 3)
        #expect(deque.capacity == 0)
        for value in 1...4 { deque.pushBack(value) }
        #expect(deque.capacity == 4)
        let copy = deque
        deque.pushBack(5)
        #expect(deque.capacity == 8)
        _ = deque.popFront()
        #expect((0..<deque.count).map { deque[$0] } == [2, 3, 4, 5])
        #expect((0..<copy.count).map { copy[$0] } == [1, 2, 3, 4])
    }
}

@Suite struct StationTests {
    @Test func fifoServesOldestAndLifoNewest() {
        for (discipline, expected) in [(QueueDiscipline.fifo, [2, 3, 4]), (.lifo, [4, 3, 2])] {
            var station = Station<Int>(servers: 1, queueCapacity: 3, discipline: discipline)
            #expect(station.arrive(1) == .serve)
            #expect(station.arrive(2) == .queued)
            #expect(station.arrive(3) == .queued)
            #expect(station.arrive(4) == .queued)
            #expect(station.arrive(5) == .rejected)
            var served: [Int] = []
            while let next = station.complete() { served.append(next) }
            #expect(served == expected)
            #expect(station.busy == 0 && station.inSystem == 0)
        }
    }

    @Test func capacityLossLetsInServiceJobsFinishAndGrowthPullsWaitingJobsIn() {
        var station = Station<Int>(servers: 2, queueCapacity: 10)
        for job in 1...5 { _ = station.arrive(job) }
        #expect(station.busy == 2 && station.queueLength == 3)
        var started: [Int] = []
        station.setServers(1, started: &started)
        #expect(started.isEmpty && station.busy == 2)
        // Over capacity: a completion frees the server without pulling a job in.
        #expect(station.complete() == nil)
        #expect(station.busy == 1)
        #expect(station.complete() == 3)
        station.setServers(3, started: &started)
        #expect(started == [4, 5])
        #expect(station.busy == 3 && station.queueLength == 0)
    }
}
