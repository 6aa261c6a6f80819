package org.aqqua.release.plan;

import java.util.List;

/** What the release rule says of one dataset at one instant, and every reason when it is not released. */
public record ReleaseDecision(Verdict verdict, List<String> reasons) {

    public enum Verdict {
        /** Released before: stays public (unless withdrawn later, which makes it a withheld dataset). */
        ALREADY_RELEASED,
        /** Due: the scheduler releases it at this instant. */
        RELEASE,
        /** Not released at this instant, for the reasons given. */
        WITHHELD
    }

    public ReleaseDecision {
        reasons = List.copyOf(reasons);
    }

    public boolean releases() {
        return verdict == Verdict.RELEASE;
    }
}
