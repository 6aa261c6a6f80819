package org.aqqua.release.artefact;

/**
 * Text as XML 1.0 may hold it. Titles, names and acknowledgements come from providers, and a control character
 * pasted into one (XML allows only tab, line feed and carriage return below U+0020), a U+FFFE/U+FFFF or half a
 * surrogate pair would make {@code datacite.xml} or {@code eml.xml} unreadable: the XML writer copies them as
 * they are. Each such character becomes U+FFFD, the replacement character, so the record stays readable and the
 * spot stays visible.
 */
final class XmlText {

    static final char REPLACEMENT = '\uFFFD';

    private XmlText() {
    }

    static String legal(String text) {
        if (text == null) {
            return null;
        }
        StringBuilder legal = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair || c == '\t' || c == '\n' || c == '\r'
                    || (c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c));
            if (!allowed && legal == null) {
                legal = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (legal != null) {
                legal.append(allowed ? c : REPLACEMENT);
                if (pair) {
                    legal.append(text.charAt(i + 1));
                }
            }
            if (pair) {
                i++;
            }
        }
        return legal == null ? text : legal.toString();
    }
}
