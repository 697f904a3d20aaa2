// Core modules use FoundationEssentials where it exists: a smaller binary and a faster start.
#if canImport(FoundationEssentials)
@_exported import FoundationEssentials
#else
@_exported import Foundation
#endif
