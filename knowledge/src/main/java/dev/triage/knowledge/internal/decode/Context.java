package dev.triage.knowledge.internal.decode;

/** What the text around a number says it is, which decides the table it is looked up in. */
enum Context {
    /** "Error code:" and its translations: an mstsc discReason. */
    DISCONNECT,
    /** "Extended error code:" and its translations. */
    EXTENDED,
    /** "protocol error (code: 0x112f)": a server error info code. */
    SERVER_INFO,
    /** "error 3334" as mRemoteNG prints it: decimal, looked up like an mstsc code. */
    GENERIC,
    /** "Win32 error 1722", "Winsock error 10060", "HRESULT: -2147023174": a Windows error, in any notation. */
    WINDOWS,
    /** A bare {@code 0x...} with no label. */
    UNLABELLED
}
