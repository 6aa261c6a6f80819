package org.aqqua.ingest.ecotaxa;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** EcoTaxa's {@code ExportRsp}: the export job's id, 0 when showstopper {@code errors} prevented it. */
@JsonIgnoreProperties(ignoreUnknown = true)
record ExportStarted(List<String> errors, List<String> warnings, @JsonProperty("job_id") long jobId) {
}
