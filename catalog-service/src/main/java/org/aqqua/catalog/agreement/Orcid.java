package org.aqqua.catalog.agreement;

/** ORCID iDs: four blocks of four characters, the last one an ISO 7064 MOD 11-2 check character. */
final class Orcid {

    private Orcid() {
    }

    static boolean isValid(String orcid) {
        if (orcid == null || !orcid.matches("\\d{4}-\\d{4}-\\d{4}-\\d{3}[\\dX]")) {
            return false;
        }
        String digits = orcid.replace("-", "");
        int total = 0;
        for (int i = 0; i < 15; i++) {
            total = (total + (digits.charAt(i) - '0')) * 2;
        }
        int check = (12 - total % 11) % 11;
        char expected = check == 10 ? 'X' : (char) ('0' + check);
        return digits.charAt(15) == expected;
    }
}
