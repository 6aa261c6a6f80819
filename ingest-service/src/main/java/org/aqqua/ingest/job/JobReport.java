package org.aqqua.ingest.job;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.aqqua.runtime.csv.CsvCells;

/**
 * A job's validation report for download, streamed: CSV with one problem per row (opens in any spreadsheet, sorted
 * as found), or JSON with the job's outcome and the problems.
 */
@ApplicationScoped
public class JobReport {

    private final JobProblems problems;
    private final ObjectMapper mapper;

    JobReport(JobProblems problems, ObjectMapper mapper) {
        this.problems = problems;
        this.mapper = mapper;
    }

    Response csv(Job job) {
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write("file,line,field,value,reason\r\n");
            problems.forEach(job.id, problem -> {
                try {
                    writer.write(String.join(",", CsvCells.quote(problem.file()), CsvCells.quote(problem.line()),
                            CsvCells.quote(problem.field()), CsvCells.quote(problem.value()),
                            CsvCells.quote(problem.reason())));
                    writer.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            writer.flush();
        };
        return Response.ok(body, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"job-" + job.id + "-report.csv\"")
                .build();
    }

    Response json(Job job) {
        StreamingOutput body = out -> {
            try (JsonGenerator json = mapper.getFactory().createGenerator(out)) {
                json.writeStartObject();
                json.writeObjectField("job", JobView.of(job, new JobView.Problems(job.problemCount, 0, 0, List.of())));
                json.writeArrayFieldStart("problems");
                problems.forEach(job.id, problem -> {
                    try {
                        json.writeObject(problem);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                json.writeEndArray();
                json.writeEndObject();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }
}
