package org.aqqua.catalog.dataset;

import org.aqqua.metadata.Instrument;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.aqqua.runtime.text.Publishable;

/** A dataset row of the sharing form, and the fields a provider may change while the dataset is not released. */
public record DatasetRequest(
        @NotBlank @Size(max = 500) @Publishable String title,
        @Size(max = 10_000) @Publishable String comment,
        @NotNull Instrument instrument,
        @Size(max = 200) @Publishable String instrumentName,
        @Positive Double defaultPixelSizeUm,
        @Size(max = 2000) @Publishable String sampleUnit,
        @Size(max = 2000) @Publishable String sampledVolume,
        boolean culture,
        @Positive Integer ecotaxaProjectId) {

    @AssertTrue(message = "name the instrument when it is \"other\" (and only then)")
    public boolean isInstrumentNamed() {
        return instrument == null || (instrument == Instrument.OTHER) == (instrumentName != null
                && !instrumentName.isBlank());
    }

    /** The instrument as images and searches carry it: the vocabulary label, or the given name for "other". */
    String instrumentLabel() {
        return instrument == Instrument.OTHER ? instrumentName.strip() : instrument.label();
    }
}
