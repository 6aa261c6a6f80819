package org.aqqua.release.embargo;

/** The licence every AqQua dataset carries from the release instant on (DOMAIN.md). */
public record ReleaseLicence(String spdxId, String name, String url) {

    public static final ReleaseLicence CC_BY_NC_4_0 = new ReleaseLicence("CC-BY-NC-4.0",
            "Creative Commons Attribution-NonCommercial 4.0 International",
            "https://creativecommons.org/licenses/by-nc/4.0/legalcode");
}
