package org.aqqua.catalog.image;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.aqqua.runtime.problem.FieldError;
import org.aqqua.runtime.problem.ProblemException;

/** A query parameter that takes one value out of a fixed set (groupBy, format); anything else is a 400 naming it. */
final class ChoiceParameter {

    private ChoiceParameter() {
    }

    static Optional<String> read(Map<String, List<String>> parameters, String name, Set<String> allowed,
            boolean required) {
        List<String> values = parameters.getOrDefault(name, List.of());
        String choices = new TreeSet<>(allowed).toString();
        if (values.isEmpty() && !required) {
            return Optional.empty();
        }
        String problem = values.isEmpty() ? "give one of " + choices
                : values.size() > 1 ? "give it at most once"
                : !allowed.contains(values.get(0)) ? "must be one of " + choices : null;
        if (problem != null) {
            throw ProblemException.badRequest("Invalid query parameter(s): " + name + ".",
                    List.of(FieldError.of(name, String.join(",", values), problem)));
        }
        return Optional.of(values.get(0));
    }
}
