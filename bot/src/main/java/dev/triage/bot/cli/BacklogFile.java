package dev.triage.bot.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.triage.bot.backlog.BacklogInput;
import dev.triage.bot.backlog.Skipped;
import dev.triage.bot.backlog.Ticket;
import dev.triage.bot.render.Untrusted;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The input of {@code batch} and {@code report}: JSON lines when the first thing in the file is a JSON object,
 * otherwise a CSV export. Whether it was JSON lines decides the output shape.
 */
record BacklogFile(Path path, byte[] bytes, boolean jsonLines, BacklogInput input) {
    static BacklogFile read(String name, Args args, ObjectMapper json) {
        Path path = Path.of(name);
        byte[] bytes = bytes(path);
        if (looksLikeJsonLines(bytes)) {
            return new BacklogFile(path, bytes, true, fromJsonLines(path, json));
        }
        BacklogInput.Read read = BacklogInput.csv(bytes, args.options("text-column"), args.option("id-column"));
        if (read instanceof BacklogInput.Refused refused) {
            // The reason quotes the file's header, which is as untrusted as the tickets.
            throw new UsageException(path + ": " + Untrusted.oneLine(refused.reason()));
        }
        return new BacklogFile(path, bytes, false, ((BacklogInput.Loaded) read).input());
    }

    static byte[] bytes(Path path) {
        try {
            return Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            throw new UsageException("no such file: " + path);
        } catch (IOException e) {
            throw new UsageException("cannot read " + path + ": " + e.getMessage());
        }
    }

    static boolean looksLikeJsonLines(byte[] bytes) {
        int i = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF
                ? 3 : 0;
        while (i < bytes.length && Character.isWhitespace(bytes[i])) {
            i++;
        }
        return i < bytes.length && bytes[i] == '{';
    }

    private static BacklogInput fromJsonLines(Path path, ObjectMapper json) {
        List<Ticket> tickets = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        for (JsonLines.Line line : JsonLines.read(path, json)) {
            if (!line.ok()) {
                skipped.add(new Skipped(line.number(), line.error().replaceFirst("^line \\d+ is ", "")));
            } else if (line.text() == null) {
                skipped.add(new Skipped(line.number(), "no 'text' (or 'user_text') string"));
            } else {
                tickets.add(new Ticket(line.number(), line.id(), line.text()));
            }
        }
        return new BacklogInput("JSON lines", tickets, skipped, List.of());
    }
}
