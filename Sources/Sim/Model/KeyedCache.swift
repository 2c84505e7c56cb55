/// A bounded key cache with a time to live and LRU or FIFO eviction.
///
/// Keys map to slots in fixed arrays linked into a recency (LRU) or insertion
/// (FIFO) list; the dictionary is used for lookup only, never iterated, so its
/// per-process hash seed cannot reach a result.
public struct KeyedCache: Sendable {
    public let capacity: Int
    public let ttl: SimTime
    public let eviction: CacheSpec.Eviction
    var slotOfKey: [UInt64: Int32] = [:]
    var keys: [UInt64] = []
    var filledAt: [SimTime] = []
    /// Doubly linked list: head = most recent (LRU) or newest (FIFO); tail is evicted.
    var previous: [Int32] = []
    var next: [Int32] = []
    var head: Int32 = -1
    var tail: Int32 = -1
    public private(set) var hits = 0
    public private(set) var misses = 0

    public init(capacity: Int, ttl: SimTime, eviction: CacheSpec.Eviction) {
        precondition(capacity > 0, "cache capacity must be > 0")
        self.capacity = capacity
        self.ttl = ttl
        self.eviction = eviction
        slotOfKey.reserveCapacity(min(capacity, 1 << 20))
    }

    public var count: Int { keys.count - freeSlots.count }
    var freeSlots: [Int32] = []

    /// `true` when `key` is cached and fresh at `now`. An LRU hit becomes most recent.
    public mutating func lookup(_ key: UInt64, now: SimTime) -> Bool {
        guard let slot = slotOfKey[key] else {
            misses += 1
            return false
        }
        if ttl < .max && now - filledAt[Int(slot)] >= ttl {
            remove(slot)
            misses += 1
            return false
        }
        if eviction == .lru { moveToHead(slot) }
        hits += 1
        return true
    }

    /// Stores `key` as fresh at `now`, evicting the tail when full.
    public mutating func fill(_ key: UInt64, now: SimTime) {
        if let slot = slotOfKey[key] {
            filledAt[Int(slot)] = now
            if eviction == .lru { moveToHead(slot) }
            return
        }
        if count >= capacity { remove(tail) }
        let slot: Int32
        if let free = freeSlots.popLast() {
            slot = free
            keys[Int(slot)] = key
            filledAt[Int(slot)] = now
        } else {
            slot = Int32(keys.count)
            keys.append(key)
            filledAt.append(now)
            previous.append(-1)
            next.append(-1)
        }
        slotOfKey[key] = slot
        linkAtHead(slot)
    }

    /// Drops every entry (a cache flush), keeping the storage.
    public mutating func flush() {
        slotOfKey.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        filledAt.removeAll(keepingCapacity: true)
        previous.removeAll(keepingCapacity: true)
        next.removeAll(keepingCapacity: true)
        freeSlots.removeAll(keepingCapacity: true)
        head = -1
        tail = -1
    }

    mutating func remove(_ slot: Int32) {
        unlink(slot)
        slotOfKey[keys[Int(slot)]] = nil
        freeSlots.append(slot)
    }

    mutating func moveToHead(_ slot: Int32) {
        guard head != slot else { return }
        unlink(slot)
        linkAtHead(slot)
    }

    mutating func linkAtHead(_ slot: Int32) {
        previous[Int(slot)] = -1
        next[Int(slot)] = head
        if head >= 0 { previous[Int(head)] = slot }
        head = slot
        if tail < 0 { tail = slot }
    }

    mutating func unlink(_ slot: Int32) {
        let before = previous[Int(slot)], after = next[Int(slot)]
        if before >= 0 { next[Int(before)] = after } else { head = after }
        if after >= 0 { previous[Int(after)] = before } else { tail = before }
        previous[Int(slot)] = -1
        next[Int(slot)] = -1
    }
}
