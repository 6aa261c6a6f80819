package org.aqqua.release.rehearsal;

import java.util.List;
import java.util.UUID;
import org.aqqua.release.artefact.Artefact;

/**
 * What a rehearsal found: the datasets the release at {@code asOf} would publish (exactly the plan's), each with
 * the files built for it (kept privately under {@code prefix} in aqqua-releases) and the problems the checks
 * found; {@code valid} when no dataset has a problem.
 */
public record RehearsalReport(boolean valid, long datasets, long images, List<DatasetResult> items) {

    public record DatasetResult(UUID id, String title, long images, String prefix, List<Artefact> files,
            List<String> problems) {
    }

    static RehearsalReport of(List<DatasetResult> items) {
        return new RehearsalReport(items.stream().allMatch(item -> item.problems().isEmpty()), items.size(),
                items.stream().mapToLong(DatasetResult::images).sum(), List.copyOf(items));
    }
}
