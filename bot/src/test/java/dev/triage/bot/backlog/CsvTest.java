package dev.triage.bot.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTest {
    @Test
    void readsQuotedFieldsDoubledQuotesAndLineBreaksInsideQuotes() {
        List<Csv.Record> records = Csv.read("\uFEFFa,b,c\r\n1,\"x, y\",\"say \"\"hi\"\"\r\nsecond line\"\r\n2,,z\r\n");

        assertThat(records).containsExactly(
                new Csv.Row(1, List.of("a", "b", "c")),
                new Csv.Row(2, List.of("1", "x, y", "say \"hi\"\nsecond line")),
                new Csv.Row(4, List.of("2", "", "z")));
    }

    @Test
    void acceptsLfAndLoneCrLineEndsAndNoFinalLineEnd() {
        assertThat(Csv.read("a,b\n1,2\r3,4")).extracting(Csv.Record::line).containsExactly(1, 2, 3);
        assertThat(Csv.read("a\n\n\nb\n")).containsExactly(new Csv.Row(1, List.of("a")), new Csv.Row(4, List.of("b")));
    }

    @Test
    void keepsAQuoteInsideAnUnquotedFieldAsACharacter() {
        assertThat(Csv.read("id,text\n7,the \"Remote Desktop\" dialog\n"))
                .contains(new Csv.Row(2, List.of("7", "the \"Remote Desktop\" dialog")));
    }

    @Test
    void textAfterAClosingQuoteBreaksOnlyThatRow() {
        List<Csv.Record> records = Csv.read("id,text\n1,\"fine\"\n2,\"bad\" here\n3,\"also fine\"\n");

        assertThat(records).containsExactly(
                new Csv.Row(1, List.of("id", "text")),
                new Csv.Row(2, List.of("1", "fine")),
                new Csv.Broken(3, "text after the closing quote of a field (a quote inside a quoted field must be"
                        + " doubled)"),
                new Csv.Row(4, List.of("3", "also fine")));
    }

    @Test
    void aQuoteNeverClosedBreaksItsRowAndReadingGoesOnFromTheNextLine() {
        List<Csv.Record> records = Csv.read("id,text\n1,\"never closed\n2,after\n");

        assertThat(records).containsExactly(
                new Csv.Row(1, List.of("id", "text")),
                new Csv.Broken(2, "a quoted field opened on line 2 is never closed"),
                new Csv.Row(3, List.of("2", "after")));
    }

    @Test
    void bytesThatAreNotUtf8AreReadAsWindows1252AndTheirLinesNamed() {
        byte[] bytes = "id,text\r\n1,caf\u00e9 ok\r\n2,caf_ bad\r\n".getBytes(StandardCharsets.UTF_8);
        int marker = new String(bytes, StandardCharsets.ISO_8859_1).indexOf('_');
        bytes[marker] = (byte) 0xE9;

        Decoding.Decoded decoded = Decoding.decode(bytes);

        assertThat(decoded.text()).isEqualTo("id,text\r\n1,café ok\r\n2,café bad\r\n");
        assertThat(decoded.recodedLines()).containsExactly(3);
    }
}
