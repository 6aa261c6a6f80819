package org.aqqua.runtime.text;

/**
 * Text that can be published in every format AqQua writes, XML included: XML 1.0 allows no control character
 * but tab, line feed and carriage return, no U+FFFE or U+FFFF, and no half of a surrogate pair. Providers paste
 * titles, names and acknowledgements from other documents, and such a character would make a release's
 * {@code datacite.xml} or {@code eml.xml} unreadable: the catalog refuses it on the way in
 * ({@link Publishable}), and the release's XML writers replace any that is already stored.
 */
public final class PublishableText {

    /** What stands in for a character that cannot be published: U+FFFD, the replacement character. */
    public static final char REPLACEMENT = '\uFFFD';

    private PublishableText() {
    }

    /** The index of the first character that cannot be published, or -1 when there is none. */
    public static int firstUnpublishable(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            int width = publishableWidth(text, i);
            if (width == 0) {
                return i;
            }
            i += width - 1;
        }
        return -1;
    }

    /** The text with each character that cannot be published replaced by {@link #REPLACEMENT}; null stays null. */
    public static String replaceUnpublishable(String text) {
        int first = text == null ? -1 : firstUnpublishable(text);
        if (first < 0) {
            return text;
        }
        StringBuilder publishable = new StringBuilder(text.length()).append(text, 0, first);
        for (int i = first; i < text.length(); i++) {
            int width = publishableWidth(text, i);
            if (width == 0) {
                publishable.append(REPLACEMENT);
            } else {
                publishable.append(text, i, i + width);
                i += width - 1;
            }
        }
        return publishable.toString();
    }

    /** 1 or 2 (a surrogate pair) for a publishable character at {@code i}, 0 for one that is not. */
    private static int publishableWidth(CharSequence text, int i) {
        char c = text.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1)) ? 2 : 0;
        }
        boolean allowed = c == '\t' || c == '\n' || c == '\r'
                || (c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c));
        return allowed ? 1 : 0;
    }
}
