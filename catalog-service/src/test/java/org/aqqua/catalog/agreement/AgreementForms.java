package org.aqqua.catalog.agreement;

/** Sharing forms as JSON, as a provider's client would send them. */
public final class AgreementForms {

    private AgreementForms() {
    }

    public static String form(String permissions) {
        return """
                {"owner": {"givenName": "Paula", "surname": "Provider", "email": "paula@lab.example",
                           "institute": "Lab of Plankton", "orcid": "0000-0002-1825-0097", "mailingList": true},
                 "permissions": %s,
                 "furtherUses": ["GLOBAL_DISTRIBUTION_STUDIES"],
                 "coauthorship": ["FOUNDATION_MODEL_PAPER"],
                 "interimLicence": {"spdx": "CC-BY-4.0"},
                 "attribution": {"acknowledgements": "Crew of RV Example", "funding": "EU grant 123",
                                 "papersToCite": ["doi:10.1000/example"], "copyright": "Lab of Plankton"},
                 "contributors": [{"name": "Lena Lab", "affiliation": "Lab of Plankton", "role": "annotation"}]}
                """.formatted(permissions);
    }

    public static String validForm() {
        return form("{\"modelDevelopment\": true, \"publicRelease\": true, \"modelRelease\": true}");
    }

    public static String dataset(String title) {
        return """
                {"title": "%s", "comment": "Tara Oceans leg 3", "instrument": "UVP6", "defaultPixelSizeUm": 73,
                 "sampleUnit": "one cast", "sampledVolume": "acq_volimage per image", "culture": false,
                 "ecotaxaProjectId": 1234}
                """.formatted(title);
    }
}
