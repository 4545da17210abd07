package dev.triage.knowledge;

/** Which table a decoded code belongs to; the same number means different things in each. */
public enum CodeKind {
    /** mstsc "Error code": the discReason of IMsTscAxEvents::OnDisconnected. */
    DISCONNECT_REASON,
    /** mstsc "Extended error code": ExtendedDisconnectReasonCode. */
    EXTENDED_REASON,
    /** The server's Set Error Info PDU code (MS-RDPBCGR 2.2.5.1.1), e.g. "protocol error (code: 0x112f)". */
    SERVER_ERROR_INFO,
    /** A FreeRDP connect error (ERRCONNECT_*), as printed by xfreerdp and Remmina. */
    FREERDP_CONNECT_ERROR,
    /** A Windows status code (NTSTATUS, SSPI or Win32 HRESULT) from event logs and client dialogs (MS-ERREF). */
    WINDOWS_STATUS,
    /**
     * An OpenSSL error ({@code error:14094438:SSL routines:...}) from FreeRDP, Remmina or another OpenSSL client: the
     * SSL library's reason, or the TLS alert the peer sent (reason 1000 + alert number).
     */
    OPENSSL_ERROR,
    /**
     * An Apache Guacamole protocol status (guac_protocol_status), as web gateways built on guacd show it in place of
     * the RDP client's error: JumpServer Lion, Next Terminal and Guacamole itself ("error 519" is 0x0207).
     */
    GUACAMOLE_STATUS,
    /** A code users report that no official table lists; its meaning is unverified. */
    UNVERIFIED,
    /** A code the decoder does not know at all. */
    UNKNOWN
}
