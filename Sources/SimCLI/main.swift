#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

exit(FaultSimCLI.main(arguments: Array(CommandLine.arguments.dropFirst()), console: .standard))
