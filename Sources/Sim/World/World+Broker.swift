/// Queue/broker services: producers get an acknowledgement once a message is
/// stored; consumers deliver messages to the target with redelivery and a
/// dead-letter queue.
struct BrokerState {
    let spec: QueueSpec
    let edge: Int32
    /// Messages waiting for a consumer (message ids).
    var waiting = RingDeque<Int32>(initialCapacity: 64)
    /// Delivery attempts so far, per message id (slots are reused).
    var deliveries: [Int16] = []
    var freeMessages: [Int32] = []
    var identities: [UInt64] = []
    var busyConsumers = 0
    var deadLettered = 0
    var nextIdentity: UInt64 = 0

    var depth: Int { waiting.count }
}

extension World {
    /// Stores a produced message; false when the queue is full.
    mutating func enqueueMessage(service s: Int, call: CallHandle, scheduler: inout Scheduler<Event>) -> Bool {
        guard services[s].broker != nil else { return false }
        guard services[s].broker!.waiting.count < services[s].broker!.spec.capacity else { return false }
        let message: Int32
        services[s].broker!.nextIdentity &+= 1
        let identity = SplitMix64.mix(serviceSeeds[s] ^ services[s].broker!.nextIdentity)
        if let free = services[s].broker!.freeMessages.popLast() {
            message = free
            services[s].broker!.deliveries[Int(message)] = 0
            services[s].broker!.identities[Int(message)] = identity
        } else {
            message = Int32(services[s].broker!.deliveries.count)
            services[s].broker!.deliveries.append(0)
            services[s].broker!.identities.append(identity)
        }
        services[s].broker!.waiting.pushBack(message)
        startDeliveries(service: s, scheduler: &scheduler)
        return true
    }

    /// Idle consumers take waiting messages.
    mutating func startDeliveries(service s: Int, scheduler: inout Scheduler<Event>) {
        while services[s].broker!.busyConsumers < services[s].broker!.spec.consumers,
              let message = services[s].broker!.waiting.popFront() {
            services[s].broker!.busyConsumers += 1
            services[s].broker!.deliveries[Int(message)] += 1
            let edge = services[s].broker!.edge
            let identity = services[s].broker!.identities[Int(message)] &+ UInt64(services[s].broker!.deliveries[Int(message)])
            startCall(edge: edge, slot: 0, parent: .none, client: -1, message: message, identity: identity, key: identity,
                      priority: 0, origin: -1, deadline: .max, required: true, fallbackLatency: .zero, scheduler: &scheduler)
        }
    }

    /// A delivery finished: done, redelivered later, or dead-lettered.
    mutating func deliveryFinished(service s: Int, message: Int32, outcome: OutcomeClass, scheduler: inout Scheduler<Event>) {
        guard s >= 0, services[s].broker != nil else { return }
        services[s].broker!.busyConsumers -= 1
        if outcome == .success {
            services[s].broker!.freeMessages.append(message)
        } else if Int(services[s].broker!.deliveries[Int(message)]) >= services[s].broker!.spec.maxDeliveries {
            services[s].broker!.deadLettered += 1
            services[s].broker!.freeMessages.append(message)
            recorder.count(services[s].entity, .deadLettered)
        } else {
            scheduler.schedule(.redeliver(service: Int32(s), message: message), after: services[s].broker!.spec.redeliveryDelay)
        }
        startDeliveries(service: s, scheduler: &scheduler)
    }

    mutating func requeueMessage(service s: Int, message: Int32, scheduler: inout Scheduler<Event>) {
        services[s].broker!.waiting.pushBack(message)
        startDeliveries(service: s, scheduler: &scheduler)
    }
}
