import Testing
@testable import Sim

/// The event queue's timing wheel (`NearWheel`): it changes what a push and
/// a pop cost, never the order. Each test checks the order against a plain
/// list searched for its (time, sequence) minimum, and the wheel's own state.
@Suite struct NearWheelTests {
    typealias Wheel = NearWheel<Int>
    static let slotNs = Int64(1) << Wheel.slotShift
    static let threshold = EventQueue<Int>.wheelThreshold

    /// The reference: pending (time, sequence, event), popped by minimum key.
    struct Reference {
        var pending: [(time: Int64, sequence: UInt64, event: Int)] = []
        mutating func popMin() -> (time: Int64, sequence: UInt64, event: Int)? {
            guard let index = pending.indices.min(by: { (pending[$0].time, pending[$0].sequence) < (pending[$1].time, pending[$1].sequence) })
            else { return nil }
            return pending.remove(at: index)
        }
    }

    /// Fills the heap with `count` events far beyond the horizon (at 10 s
    /// and later), so that the next pushes are past the wheel's threshold.
    static func farEvents(_ queue: inout EventQueue<Int>, _ reference: inout Reference, count: Int = threshold) {
        for n in 0..<count {
            let time = SimTime.seconds(10).ns + Int64(n)
            reference.pending.append((time, queue.scheduledCount, -1 - n))
            queue.push(-1 - n, at: .ns(time))
        }
    }

    /// A long random run: delays of zero, below a slot, within the horizon,
    /// beyond it, bursts into one slot (more than a bucket holds), reserved
    /// keys pushed later, and fixed-delay lanes; the clock crosses the
    /// horizon many times over, so the wheel goes round. Every pop matches
    /// the reference by time, sequence and event, and the count always agrees.
    @Test func popsExactlyTheReferenceOrderAcrossTheHorizon() {
        var rng = SplitMix64(seed: 2_026)
        var queue = EventQueue<Int>()
        var reference = Reference()
        var now: Int64 = 0
        var reserved: [(key: EventKey, event: Int)] = []
        var maxInWheel = 0, fullBucketFallbacks = 0, popsFromWheel = 0, mismatches = 0
        func push(_ event: Int, at time: Int64) {
            reference.pending.append((time, queue.scheduledCount, event))
            let (wheelBefore, heapBefore) = (queue.wheel.count, queue.heap.count)
            queue.push(event, at: .ns(time))
            let slotAhead = (time >> Wheel.slotShift) - queue.wheel.currentSlot
            if queue.heap.count > heapBefore && slotAhead < Int64(Wheel.slotCount) && wheelBefore + heapBefore >= Self.threshold {
                fullBucketFallbacks += 1
            }
        }
        for event in 0..<60_000 {
            switch rng.nextBelow(10) {
            case 0: push(event, at: now)
            case 1: push(event, at: now + Int64(rng.nextBelow(UInt64(Self.slotNs))))
            case 2: push(event, at: now + 40_000_000 + Int64(rng.nextBelow(2_000_000_000)))
            case 3:
                // A burst: six events in one slot, more than its bucket holds.
                let time = now + Int64(rng.nextBelow(20_000_000))
                for _ in 0..<6 { push(event, at: time + Int64(rng.nextBelow(8))) }
            case 4:
                let key = queue.reserveKey(at: .ns(now + Int64(rng.nextBelow(30_000_000))))
                reference.pending.append((key.time.ns, key.sequence, event))
                reserved.append((key, event))
            case 5:
                let delay = Int64([100_000, 500_000][Int(rng.nextBelow(2))])
                reference.pending.append((now + delay, queue.scheduledCount, event))
                queue.push(event, after: .ns(delay), now: .ns(now))
            default: push(event, at: now + Int64(rng.nextBelow(30_000_000)))
            }
            if rng.chance(0.3), let (key, reservedEvent) = reserved.popLast() { queue.push(reservedEvent, key: key) }
            maxInWheel = max(maxInWheel, queue.wheel.count)
            // Pop a little less often than pushing: the queue holds hundreds of events.
            while rng.chance(0.55) || queue.count > 3_000 {
                // A reserved key not yet pushed is not in the queue: hold back its time and after.
                let heldBack = reserved.min { ($0.key.time.ns, $0.key.sequence) < ($1.key.time.ns, $1.key.sequence) }
                    .map { ($0.key.time.ns, $0.key.sequence) } ?? (Int64.max, UInt64.max)
                guard let (time, source) = queue.peek(), let expected = reference.pending.min(by: { ($0.time, $0.sequence) < ($1.time, $1.sequence) }),
                      (expected.time, expected.sequence) < heldBack else { break }
                if source <= -2 { popsFromWheel += 1 }
                let popped = queue.pop(from: source)
                let want = reference.popMin()!
                if popped.time.ns != want.time || popped.sequence != want.sequence || popped.event != want.event || time.ns != want.time { mismatches += 1 }
                now = popped.time.ns
            }
            if queue.count != reference.pending.count - reserved.count { mismatches += 1 }
        }
        for (key, event) in reserved { queue.push(event, key: key) }
        while let popped = queue.popMin() {
            let want = reference.popMin()!
            if popped.time.ns != want.time || popped.sequence != want.sequence || popped.event != want.event { mismatches += 1 }
        }
        #expect(mismatches == 0)
        #expect(reference.pending.isEmpty && queue.isEmpty && queue.wheel.count == 0)
        // The run exercised what it is for: the wheel held hundreds, many pops
        // came from it, buckets overflowed to the heap, and the clock went
        // round the wheel many times.
        #expect(maxInWheel > 500)
        #expect(popsFromWheel > 20_000)
        #expect(fullBucketFallbacks > 100)
        #expect(now > 50 * Self.slotNs * Int64(Wheel.slotCount))
    }

    /// Below the threshold every event waits in the heap; past it, events
    /// due within the horizon go to the wheel and the rest to the heap.
    @Test func theWheelTakesNearEventsOnlyPastTheThreshold() {
        var queue = EventQueue<Int>()
        for n in 0..<(Self.threshold - 1) { queue.push(n, at: .ns(Int64(n) * Self.slotNs)) }
        #expect(queue.wheel.count == 0 && queue.heap.count == Self.threshold - 1)
        queue.push(1_000, at: .ns(5 * Self.slotNs))
        #expect(queue.wheel.count == 0 && queue.heap.count == Self.threshold)
        // Unused so far, the wheel has made no entries.
        #expect(queue.wheel.entries.isEmpty)
        // The last slot of the horizon is in the wheel; the next one is not.
        queue.push(1_001, at: .ns(Int64(Wheel.slotCount - 1) * Self.slotNs))
        queue.push(1_002, at: .ns(Int64(Wheel.slotCount) * Self.slotNs))
        #expect(queue.wheel.count == 1 && queue.heap.count == Self.threshold + 1)
        #expect(queue.count == Self.threshold + 2)
        #expect(queue.wheel.entries.count == Wheel.slotCount * Wheel.bucketCapacity)
    }

    /// A bucket holds `bucketCapacity` events; more in the same slot go to
    /// the heap, and equal times still pop in scheduling order across both.
    @Test func aFullBucketSendsTheRestToTheHeapAndTiesKeepTheirOrder() {
        var queue = EventQueue<Int>()
        var reference = Reference()
        Self.farEvents(&queue, &reference)
        for event in 0..<(Wheel.bucketCapacity + 3) { queue.push(event, at: .ms(1)) }
        #expect(queue.wheel.count == Wheel.bucketCapacity)
        #expect(queue.heap.count == Self.threshold + 3)
        var order: [Int] = []
        for _ in 0..<(Wheel.bucketCapacity + 3) { order.append(queue.popMin()!.event) }
        #expect(order == Array(0..<(Wheel.bucketCapacity + 3)))
    }

    /// The earliest event in the wheel is found when the scan has to wrap
    /// from the last bucket to the first.
    @Test func theScanWrapsRoundTheWheel() {
        var queue = EventQueue<Int>()
        var reference = Reference()
        Self.farEvents(&queue, &reference)
        let lastSlot = Int64(Wheel.slotCount - 1)
        queue.push(1, at: .ns(lastSlot * Self.slotNs))          // the last bucket
        queue.push(2, at: .ns(Self.slotNs))                     // bucket 1
        #expect(queue.wheel.count == 2)
        #expect(queue.popMin()?.event == 2)
        #expect(queue.wheel.currentSlot == 1)
        // Slot 2,048 is within the horizon from slot 1, in bucket 0 (before the current one).
        queue.push(3, at: .ns((lastSlot + 1) * Self.slotNs))
        #expect(queue.wheel.count == 2)
        #expect(queue.popMin()?.event == 1)
        #expect(queue.wheel.currentSlot == lastSlot)
        #expect(queue.popMin()?.event == 3)
        #expect(queue.wheel.count == 0 && queue.popMin()?.event == -1)
    }

    /// A queue of events that are not plain values never uses the wheel
    /// (its buckets are raw memory) and orders them the same.
    @Test func eventsThatAreNotPlainValuesUseTheHeapAlone() {
        #expect(NearWheel<Int>.isUsable && !NearWheel<String>.isUsable)
        var queue = EventQueue<String>()
        for n in 0..<400 { queue.push("e\(n)", at: .ns(Int64((n * 7_919) % 400) * 1_000)) }
        #expect(queue.wheel.count == 0 && queue.heap.count == 400)
        var times: [Int64] = []
        while let next = queue.popMin() { times.append(next.time.ns) }
        #expect(times == (0..<400).map { Int64($0) * 1_000 })
    }

    /// `removeAll` empties the wheel too, and the queue works after it.
    @Test func removeAllEmptiesTheWheel() {
        var queue = EventQueue<Int>()
        var reference = Reference()
        Self.farEvents(&queue, &reference)
        for n in 0..<50 { queue.push(n, at: .ns(Int64(n) * Self.slotNs)) }
        #expect(queue.wheel.count == 50)
        queue.removeAll()
        #expect(queue.isEmpty && queue.wheel.count == 0 && queue.peek() == nil)
        Self.farEvents(&queue, &reference)
        queue.push(7, at: .ms(2))
        #expect(queue.wheel.count == 1 && queue.popMin()?.event == 7)
    }
}
