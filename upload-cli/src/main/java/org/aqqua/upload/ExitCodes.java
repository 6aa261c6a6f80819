package org.aqqua.upload;

/** What the exit status of {@code aqqua-upload} means; listed in {@code --help}. */
public final class ExitCodes {

    public static final int OK = 0;
    public static final int JOB_FAILED = 1;
    public static final int USAGE = 2;
    public static final int AUTHENTICATION = 3;
    public static final int REFUSED = 4;
    public static final int TRANSFER_FAILED = 5;
    public static final int INCOMPLETE = 6;
    public static final int LOCAL_FILE = 7;
    public static final int WAIT_TIMEOUT = 8;

    /** For the "Exit codes" section of {@code --help}. */
    static java.util.Map<String, String> help() {
        java.util.Map<String, String> help = new java.util.LinkedHashMap<>();
        help.put(" " + OK, "The job succeeded (with --policy accept-valid, refused rows are still reported).");
        help.put(" " + JOB_FAILED, "The job failed or was cancelled; the validation report was printed.");
        help.put(" " + USAGE, "Wrong options or arguments.");
        help.put(" " + AUTHENTICATION, "Not logged in, login refused or expired: run 'aqqua-upload login'.");
        help.put(" " + REFUSED, "The service refused a request (no such dataset, not yours, too large...).");
        help.put(" " + TRANSFER_FAILED, "Network or storage failure after retries: run the same command again to "
                + "resume.");
        help.put(" " + INCOMPLETE, "Stopped before every part was sent: run the same command again to resume.");
        help.put(" " + LOCAL_FILE, "The file or folder is unreadable, or changed while it was uploaded.");
        help.put(" " + WAIT_TIMEOUT, "Uploaded, but the job did not finish within --wait-timeout: run the same "
                + "command again to keep waiting.");
        return help;
    }

    private ExitCodes() {
    }
}
