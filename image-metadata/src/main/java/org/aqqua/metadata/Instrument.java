package org.aqqua.metadata;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/** Imaging devices, in EcoTaxa's instrument vocabulary and spelling; anything else is {@link #OTHER} with a name. */
public enum Instrument {
    CYTOSENSE("CytoSense"), IFCB("IFCB"), CPICS("CPICS"), UVP5HD("UVP5HD"), UVP5SD("UVP5SD"), UVP5Z("UVP5Z"),
    UVP6("UVP6"), VPR("VPR"), LISST_HOLO("LISST-Holo"), ZOOCAM("ZooCam"), LOKI("Loki"), FLOWCAM("FlowCam"),
    FASTCAM("FastCam"), ZOOSCAN("Zooscan"), PLANKTOSCOPE("PlanktoScope"), PLANKTON_IMAGER("Plankton Imager"),
    ISIIS("ISIIS"), AMNIS("AMNIS"), EHFCM("eHFCM"), OTHER("other");

    private final String label;

    Instrument(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** The device a provider's free-text instrument names, if it is one of EcoTaxa's (not {@link #OTHER}). */
    public static Optional<Instrument> find(String value) {
        String wanted = value.strip();
        return Arrays.stream(values()).filter(i -> i != OTHER && i.label.equalsIgnoreCase(wanted)).findFirst();
    }

    /** Accepts EcoTaxa's spelling, case-insensitively (providers write "zooscan" as often as "Zooscan"). */
    @JsonCreator
    public static Instrument fromLabel(String value) {
        return Arrays.stream(values()).filter(i -> i.label.equalsIgnoreCase(value.strip())).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown instrument '" + value + "'; use one of "
                        + Arrays.stream(values()).map(Instrument::label).toList()
                        + " (\"other\" with instrumentName for anything else)"));
    }
}
