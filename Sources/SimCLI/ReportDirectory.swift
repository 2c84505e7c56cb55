import Foundation

/// Writes a report's files into a directory atomically: everything goes into
/// a temporary sibling first and is renamed into place once complete, so a
/// reader never sees half a report and a failed run leaves the old one intact.
/// Nothing is written outside the target directory's parent.
enum ReportDirectory {
    struct WriteError: Error, CustomStringConvertible {
        var description: String
    }

    static func write(_ files: [(name: String, bytes: [UInt8])], to directory: String) throws(WriteError) {
        let target = URL(fileURLWithPath: directory).standardizedFileURL
        let parent = target.deletingLastPathComponent()
        let staging = parent.appendingPathComponent(".\(target.lastPathComponent).tmp-\(ProcessInfo.processInfo.processIdentifier)")
        let manager = FileManager.default
        do {
            try manager.createDirectory(at: parent, withIntermediateDirectories: true)
            if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
            try manager.createDirectory(at: staging, withIntermediateDirectories: false)
            for file in files {
                guard !file.name.contains("/"), !file.name.hasPrefix(".") else {
                    throw WriteError(description: "refusing to write \"\(file.name)\" outside the report directory")
                }
                try Data(file.bytes).write(to: staging.appendingPathComponent(file.name))
            }
            if manager.fileExists(atPath: target.path) { try manager.removeItem(at: target) }
            try manager.moveItem(at: staging, to: target)
        } catch let error as WriteError {
            try? manager.removeItem(at: staging)
            throw error
        } catch {
            try? manager.removeItem(at: staging)
            throw WriteError(description: "cannot write the report to \(target.path): \((error as NSError).localizedDescription)")
        }
    }
}
