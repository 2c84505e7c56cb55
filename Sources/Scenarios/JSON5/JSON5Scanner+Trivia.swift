/// White space and comments, which may appear before and after any token.
extension JSON5Scanner {
    /// Skips white space and comments up to the next token or the end.
    /// Throws on a `/` that does not start a comment and on an unterminated `/*`.
    mutating func skipTrivia() throws(JSON5Error) {
        while offset < bytes.count {
            let byte = bytes[offset]
            switch byte {
            case ASCII.tab, ASCII.lineFeed, 0x0B, 0x0C, ASCII.carriageReturn, ASCII.space:
                offset += 1
            case ASCII.slash:
                try skipComment()
            case 0x80...:
                let (scalar, width) = scalar(at: offset)
                guard Self.isWhiteSpace(scalar) else { return }
                offset += width
            default:
                return
            }
        }
    }

    /// JSON5 white space beyond ASCII (spec section "White Space"): U+00A0,
    /// U+2028, U+2029, U+FEFF (byte order mark) and the Unicode Zs category.
    static func isWhiteSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "\u{00A0}", "\u{2028}", "\u{2029}", "\u{FEFF}":
            return true
        default:
            return scalar.properties.generalCategory == .spaceSeparator
        }
    }

    /// Skips one `// ...` or `/* ... */` comment starting at the read point (a `/`).
    /// A line comment stops before its line terminator, which white space then skips.
    private mutating func skipComment() throws(JSON5Error) {
        let start = offset
        switch byte(at: offset + 1) {
        case ASCII.slash:
            offset += 2
            while offset < bytes.count && lineTerminatorLength(at: offset) == 0 {
                offset += 1
            }
        case ASCII.asterisk:
            offset += 2
            while offset + 1 < bytes.count {
                if bytes[offset] == ASCII.asterisk && bytes[offset + 1] == ASCII.slash {
                    offset += 2
                    return
                }
                offset += 1
            }
            // Reported where the comment opens: that is where the fix goes.
            throw failure(.unterminatedComment,
                          "unterminated comment: expected '*/' to close this '/*', found end of input",
                          at: start)
        default:
            throw unexpected("'/' or '*' after '/' to start a comment", at: offset + 1)
        }
    }
}
