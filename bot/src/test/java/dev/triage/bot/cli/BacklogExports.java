package dev.triage.bot.cli;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * CSV exports in the three default shapes, each with a multi-line quoted description, a broken row and one byte
 * that is not UTF-8 (E9, é in windows-1252, written where the text has {@code ¤}).
 */
final class BacklogExports {
    static final String EXPIRED = "This user account has expired. Error code: 0xe07 Extended error code: 0x0";
    static final String NOT_FOUND = "Remote Desktop can't find the computer \"\"LAB-PC17\"\". This might mean that"
            + " \"\"LAB-PC17\"\" does not belong to the specified network.\r\nVerify the computer name and domain.";
    static final String PROTOCOL = "mstsc /v:rds01.corp.example\r\n\r\nError code: 0x904\r\nExtended error code: 0x7";
    static final int JIRA_FILLER_COLUMNS = 190;

    private BacklogExports() {
    }

    /**
     * Jira's "Export Excel CSV (all fields)": BOM, CRLF, Summary first, hundreds of columns, Comment and Labels
     * repeated. Line 5 is the second ticket's row; its description spans lines 5 to 7.
     */
    static byte[] jira() {
        StringBuilder csv = new StringBuilder("\uFEFFSummary,Issue key,Issue id,Issue Type,Status,Description");
        for (int i = 0; i < JIRA_FILLER_COLUMNS; i++) {
            csv.append(",Custom field (Field ").append(i).append(')');
        }
        csv.append(",Comment,Comment,Labels,Labels\r\n");
        jiraRow(csv, "Cannot log in from home", "HD-101", "\"" + EXPIRED + "\"",
                "\"04/Dec/26 9:12 AM;jdoe;tried again\"");
        jiraRow(csv, "RDP to rds01 broken since Monday", "HD-102", "\"" + PROTOCOL + "\"", "");
        jiraRow(csv, "Caf¤ kiosk PC cannot be found", "HD-103", "\"" + NOT_FOUND + "\"", "");
        csv.append("Broken row,HD-104,10104,Task,Open\r\n");
        jiraRow(csv, "Same dialog as HD-101", "HD-105", "\"" + EXPIRED + "\"", "");
        return bytes(csv.toString());
    }

    private static void jiraRow(StringBuilder csv, String summary, String key, String description, String comment) {
        csv.append(summary).append(',').append(key).append(",1").append(key.substring(3)).append(",Task,Open,")
                .append(description);
        csv.append(",".repeat(JIRA_FILLER_COLUMNS));
        csv.append(',').append(comment).append(",,rdp,\r\n");
    }

    /** ServiceNow's list export: field names as headers, LF line ends; line 4 has text after a closing quote. */
    static byte[] serviceNow() {
        return bytes("number,short_description,description,state,caller_id\n"
                + "INC0010001,Account expired,\"" + EXPIRED + "\",New,Jane\n"
                + "INC0010002,Cannot reach rds01,\"" + PROTOCOL.replace("\r\n", "\n") + "\",New,Ren¤\n"
                + "INC0010003,Odd,\"quoted\" then text,New,Joe\n"
                + "INC0010004,Kiosk PC,\"" + NOT_FOUND.replace("\r\n", "\n") + "\",New,Ann\n");
    }

    /** Zendesk's export: Id, Subject, Description; the last row's quote is never closed (a truncated file). */
    static byte[] zendesk() {
        return bytes("Id,Subject,Description,Status,Requester\r\n"
                + "1201,Login fails,\"" + EXPIRED + "\",open,Ana\r\n"
                + "1202,\"Remote desktop, error 0x904\",\"" + PROTOCOL + "\",open,Zo¤\r\n"
                + "1203,\"\",\"\",open,Empty\r\n"
                + "1204,Truncated,\"this export was cut off\r\n");
    }

    /** UTF-8, with every ¤ written as the single byte E9. */
    private static byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        String[] parts = text.split("¤", -1);
        for (int i = 0; i < parts.length; i++) {
            out.writeBytes(parts[i].getBytes(StandardCharsets.UTF_8));
            if (i < parts.length - 1) {
                out.write(0xE9);
            }
        }
        return out.toByteArray();
    }
}
