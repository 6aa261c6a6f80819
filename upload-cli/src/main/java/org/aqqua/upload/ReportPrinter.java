package org.aqqua.upload;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.Locale;

/**
 * A job's outcome and validation report as a person reads it: one line per problem, grouped by file, naming the
 * line (EcoTaxa's numbering: header 1, type row 2), the field, the value found and why it was refused. Streams
 * the report, so a report of 100,000 problems is never in memory; prints at most {@code limit} problems.
 */
public final class ReportPrinter {

    private final PrintStream out;
    private final int limit;

    public ReportPrinter(PrintStream out, int limit) {
        this.out = out;
        this.limit = limit;
    }

    /** The summary line of a finished job. */
    public void summary(JsonNode job) {
        JsonNode counts = job.path("counts");
        String state = job.path("state").asText();
        out.printf(Locale.ROOT, "Job %s %s: %d rows, %d valid, %d invalid, %d images stored, %d registered"
                        + " (%d already registered), %d problems.%n", job.path("id").asText(), state,
                counts.path("rows").asLong(), counts.path("validRows").asLong(), counts.path("invalidRows").asLong(),
                counts.path("imagesStored").asLong(), counts.path("registered").asLong(),
                counts.path("alreadyRegistered").asLong(), counts.path("problems").asLong());
        if (job.hasNonNull("failure")) {
            out.println("Failure: " + job.get("failure").asText());
        }
    }

    /** Reads the JSON report ({@code {"job": ..., "problems": [...]}}) and prints its problems; returns how many. */
    public long problems(InputStream report) throws IOException {
        long count = 0;
        String file = null;
        try (JsonParser json = Json.MAPPER.getFactory().createParser(report)) {
            if (json.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("not a job report");
            }
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String name = json.currentName();
                json.nextToken();
                if (!"problems".equals(name)) {
                    json.skipChildren();
                    continue;
                }
                while (json.nextToken() == JsonToken.START_OBJECT) {
                    JsonNode problem = json.readValueAsTree();
                    if (count < limit) {
                        String problemFile = problem.path("file").asText("archive");
                        if (count == 0) {
                            out.println("Validation report (line, field, value: message):");
                        }
                        if (!problemFile.equals(file)) {
                            file = problemFile;
                            out.println(file);
                        }
                        out.println(line(problem));
                    }
                    count++;
                }
            }
        }
        if (count > limit) {
            out.printf(Locale.ROOT, "... and %d more problems (all of them: --report-csv FILE).%n", count - limit);
        }
        return count;
    }

    /** {@code   line 3, object_lat '100': latitude must be between -90 and 90}. */
    static String line(JsonNode problem) {
        StringBuilder text = new StringBuilder("  ");
        text.append(problem.hasNonNull("line") ? "line " + problem.get("line").asText() : "whole file");
        if (problem.hasNonNull("field")) {
            text.append(", ").append(problem.get("field").asText());
        }
        if (problem.hasNonNull("value")) {
            text.append(" '").append(problem.get("value").asText().replace("\n", "\\n")).append('\'');
        }
        return text.append(": ").append(problem.path("reason").asText()).toString();
    }
}
