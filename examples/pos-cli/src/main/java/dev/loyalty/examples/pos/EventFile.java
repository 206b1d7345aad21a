package dev.loyalty.examples.pos;

import dev.loyalty.core.event.LoyaltyEvent;
import dev.loyalty.core.model.EventId;
import dev.loyalty.examples.retail.RetailEvents;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * Reads a file of loyalty events in one of the formats the command line knows. A file is read
 * whole before anything is processed: when any line is malformed, every problem is reported
 * with its line number and nothing is processed.
 */
final class EventFile {

    /** The formats an events file may have. */
    enum Format {
        /** Chosen from the file: JSON lines for {@code .jsonl}/{@code .ndjson}, else CSV by its header. */
        AUTO,
        /** One JSON object per line ({@link JsonLinesEvents}). */
        JSONL,
        /** CSV with a header naming the columns ({@link CsvEvents}). */
        CSV,
        /** The Online Retail data set's CSV ({@code InvoiceNo,StockCode,...}). */
        RETAIL
    }

    /** The first column of the Online Retail format's header, which no other format's header names. */
    private static final String RETAIL_FIRST_COLUMN = "InvoiceNo";
    /** Where commons-csv says a row it cannot read starts, such as {@code (startline 7)}. */
    private static final Pattern CSV_START_LINE = Pattern.compile("\\(startline (\\d+)\\)");
    /** The byte order mark a UTF-8 file may start with. */
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private EventFile() {
    }

    /**
     * An event and where it came from, for error reports.
     *
     * @param event the event
     * @param source the file and line, such as {@code events.csv:12}, or the event id when the
     *               format builds an event from many rows (the Online Retail format: the file alone)
     * @param implied whether the file implies the event rather than states it: the Online Retail
     *                format's enrolment of each customer at the first row this file has of them
     * @param invoice whether the event is the Online Retail format's invoice (a purchase or a return), which
     *                another export may hold rows of too: its id is the invoice's, not this file's
     */
    record SourcedEvent(LoyaltyEvent event, String source, boolean implied, boolean invoice) {

        /**
         * An event the file states.
         *
         * @param event the event
         * @param source the file and line
         */
        SourcedEvent(LoyaltyEvent event, String source) {
            this(event, source, false, false);
        }
    }

    /**
     * Reads every event of a file.
     *
     * @param file the file
     * @param format its format, or {@link Format#AUTO}
     * @return the events in file order (time order for the Online Retail format)
     * @throws BadEventFileException listing every malformed line, or when the file cannot be read
     */
    static List<SourcedEvent> read(Path file, Format format) {
        Format actual = format == Format.AUTO ? detect(file) : format;
        String name = file.toString();
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            skipByteOrderMark(reader);
            List<String> problems = new ArrayList<>();
            List<SourcedEvent> events = switch (actual) {
                case JSONL -> JsonLinesEvents.read(reader, name, problems);
                case CSV -> CsvEvents.read(reader, name, problems);
                case RETAIL -> {
                    List<SourcedEvent> read = new ArrayList<>();
                    try {
                        for (LoyaltyEvent event : RetailEvents.read(reader, problem -> problems.add(name + ":" + problem.substring("line ".length())))) {
                            boolean enrolment = event instanceof dev.loyalty.core.event.Enrolment;
                            read.add(new SourcedEvent(event, name, enrolment, !enrolment));
                        }
                    } catch (java.io.UncheckedIOException e) {
                        malformedCsv(name, e, problems);
                    }
                    yield read;
                }
                case AUTO -> throw new IllegalStateException("detected format is never AUTO");
            };
            if (actual != Format.RETAIL) {
                reusedEventIds(events, problems);
            }
            if (!problems.isEmpty()) {
                throw new BadEventFileException(problems);
            }
            if (events.isEmpty()) {
                throw new BadEventFileException(List.of(name + ": holds no events"));
            }
            return events;
        } catch (IOException | java.io.UncheckedIOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Reports a row commons-csv cannot read (an unclosed quote) at the line it names as
     * {@code (startline N)}, as the events CSV reports it; any other failure to read is rethrown.
     */
    private static void malformedCsv(String name, java.io.UncheckedIOException e, List<String> problems) {
        Matcher line = e.getCause() == null || e.getCause().getMessage() == null ? null : CSV_START_LINE.matcher(e.getCause().getMessage());
        if (line == null || !line.find()) {
            throw e;
        }
        problems.add(name + ":" + line.group(1) + ": malformed CSV: " + e.getCause().getMessage());
    }

    /** The problem of a file that cannot be read: for text that is not UTF-8, the line of its first such byte. */
    private static BadEventFileException unreadable(Path file, Exception e) {
        Throwable cause = e instanceof java.io.UncheckedIOException unchecked ? unchecked.getCause() : e;
        if (cause instanceof CharacterCodingException) {
            return new BadEventFileException(List.of(file + ":" + lineOfFirstNonUtf8Byte(file) + ": is not UTF-8 text; save the file as UTF-8"));
        }
        return new BadEventFileException(List.of(file + ": cannot be read: " + reason(cause instanceof IOException io ? io : e)));
    }

    /**
     * Says why a file operation failed in words: the exceptions of {@code java.nio.file} often
     * carry nothing but the path as their message.
     *
     * @param e the failure
     * @return its reason, such as "there is no such file"
     */
    static String reason(Exception e) {
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "there is no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException f) {
            return f.getFile() + " is in the way (a file where a directory is needed)";
        }
        if (e instanceof java.nio.file.NotDirectoryException f) {
            return f.getFile() + " is not a directory";
        }
        return e.getMessage();
    }

    /**
     * Returns the line of the file's first byte sequence that is not UTF-8, counted from 1; 0 when it cannot be read again.
     * The file is decoded as a stream, a block at a time, so that a large file is not held in memory.
     */
    private static long lineOfFirstNonUtf8Byte(Path file) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.allocate(8_192);
        CharBuffer chars = CharBuffer.allocate(8_192);
        long line = 1;
        try (java.io.InputStream in = Files.newInputStream(file)) {
            boolean end = false;
            while (!end) {
                int read = in.read(bytes.array(), bytes.position(), bytes.remaining());
                end = read < 0;
                bytes.position(bytes.position() + Math.max(read, 0));
                bytes.flip();
                CoderResult result;
                do {
                    chars.clear();
                    result = decoder.decode(bytes, chars, end);
                } while (result.isOverflow());
                // the bytes decoded: those before the position, which an error leaves at its first malformed byte
                for (int at = 0; at < bytes.position(); at++) {
                    line += bytes.get(at) == '\n' ? 1 : 0;
                }
                if (result.isError()) {
                    return line;
                }
                // what remains is the start of a character the next block completes
                bytes.compact();
            }
            return 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Reports each event whose id an earlier, different event of the file already has: the engine
     * would process the first and refuse the second as a conflict, leaving the file half replayed
     * (such as the rows of one purchase that are not consecutive). The same event twice is allowed;
     * it is recorded once.
     */
    private static void reusedEventIds(List<SourcedEvent> events, List<String> problems) {
        Map<EventId, SourcedEvent> first = new HashMap<>();
        for (SourcedEvent event : events) {
            SourcedEvent earlier = first.putIfAbsent(event.event().eventId(), event);
            if (earlier != null && !earlier.event().equals(event.event())) {
                problems.add(event.source() + ": event id " + event.event().eventId() + " is already used by another event at " + earlier.source());
            }
        }
    }

    /** Skips the UTF-8 byte order mark that spreadsheet programs and Windows editors put first, so the header or first object starts clean. */
    private static void skipByteOrderMark(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != BYTE_ORDER_MARK) {
            reader.reset();
        }
    }

    private static Format detect(Path file) {
        String lower = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (lower.endsWith(".jsonl") || lower.endsWith(".ndjson")) {
            return Format.JSONL;
        }
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = reader.readLine();
            if (header != null && header.startsWith("\uFEFF")) {
                header = header.substring(1);
            }
            if (header != null && retailHeader(header)) {
                return Format.RETAIL;
            }
            if (header != null && header.stripLeading().startsWith("{")) {
                return Format.JSONL;
            }
            return Format.CSV;
        } catch (IOException e) {
            throw unreadable(file, e);
        }
    }

    /**
     * Whether a header row names the Online Retail format's first column, {@code InvoiceNo}: that
     * format finds its columns by name, in any order and quoted or not, so the header is read as
     * CSV and the column looked for among its names.
     */
    private static boolean retailHeader(String header) {
        try (CSVParser parser = CSVParser.parse(header, CSVFormat.DEFAULT)) {
            return parser.stream().findFirst().map(names -> names.stream().anyMatch(RETAIL_FIRST_COLUMN::equals)).orElse(false);
        } catch (IOException | java.io.UncheckedIOException e) {
            // a header that is not CSV (an unclosed quote) is no Online Retail header; the CSV reader reports it
            return false;
        }
    }

    /** A file that cannot be read, or has malformed lines; each problem names the file and line. */
    static final class BadEventFileException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final List<String> problems;

        BadEventFileException(List<String> problems) {
            super(String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        List<String> problems() {
            return problems;
        }
    }
}
