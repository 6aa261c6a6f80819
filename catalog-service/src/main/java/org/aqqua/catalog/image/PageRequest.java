package org.aqqua.catalog.image;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;

/** {@code limit} and {@code cursor} of a paged image query, checked like the filters. */
record PageRequest(int limit, String cursor) {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;
    static final Set<String> PARAMETERS = Set.of("limit", "cursor");

    static PageRequest parse(Map<String, List<String>> query) {
        String limitText = single(query, "limit");
        int limit = DEFAULT_LIMIT;
        if (limitText != null) {
            try {
                limit = Integer.parseInt(limitText.strip());
            } catch (NumberFormatException e) {
                limit = -1;
            }
            if (limit < 1 || limit > MAX_LIMIT) {
                throw ProblemException.badRequest("Invalid query parameter(s): limit.", List.of(FieldError.of("limit",
                        limitText, "must be a whole number from 1 to " + MAX_LIMIT)));
            }
        }
        return new PageRequest(limit, single(query, "cursor"));
    }

    private static String single(Map<String, List<String>> query, String name) {
        List<String> values = query.getOrDefault(name, List.of());
        if (values.size() > 1) {
            throw ProblemException.badRequest("Invalid query parameter(s): " + name + ".",
                    List.of(FieldError.of(name, String.join(",", values), "give it at most once")));
        }
        return values.isEmpty() ? null : values.get(0);
    }
}
