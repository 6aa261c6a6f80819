package org.aqqua.e2e.cli;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jsoup.Connection;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * A person approving a device login in a browser, over HTTP: opens the verification URL the CLI printed, fills in
 * Keycloak's login form, grants the consent Keycloak asks for, until Keycloak says the device is logged in.
 */
final class KeycloakDeviceApproval {

    private KeycloakDeviceApproval() {
    }

    /** Returns the text of the final page; fails with the page's text when Keycloak shows something unexpected. */
    static String approve(String verificationUrl, String username, String password) throws IOException {
        Map<String, String> cookies = new LinkedHashMap<>();
        Document page = request(cookies, verificationUrl, null);
        for (int step = 0; step < 8; step++) {
            String text = page.text();
            if (text.contains("Device Login Successful") || text.contains("device is now logged in")
                    || text.contains("return to your device")) {
                return text;
            }
            FormElement form = page.forms().stream().filter(f -> !f.select("[name=username]").isEmpty()
                    || !f.select("[name=accept]").isEmpty() || !f.select("[name=device_user_code]").isEmpty())
                    .findFirst().orElseThrow(() -> new IllegalStateException("Unexpected Keycloak page: " + text));
            Map<String, String> data = new LinkedHashMap<>();
            for (Element input : form.select("input[name]")) {
                String type = input.attr("type");
                if (!type.equals("submit") && !type.equals("button")) {
                    data.put(input.attr("name"), input.val());
                }
            }
            if (!form.select("[name=username]").isEmpty()) {
                data.put("username", username);
                data.put("password", password);
            }
            Element accept = form.selectFirst("[name=accept]");
            if (accept != null) {
                data.put("accept", accept.hasAttr("value") ? accept.attr("value") : "Yes");
            }
            page = request(cookies, form.absUrl("action"), data);
        }
        throw new IllegalStateException("Keycloak did not confirm the device login: " + page.text());
    }

    /**
     * One request and its redirects, cookies kept by hand: Keycloak marks its cookies {@code Secure}, which a
     * browser still sends to 127.0.0.1 but Java's cookie store does not send over plain HTTP.
     */
    private static Document request(Map<String, String> cookies, String url, Map<String, String> form)
            throws IOException {
        for (int hop = 0; hop < 10; hop++) {
            Connection connection = Jsoup.connect(url).followRedirects(false).ignoreHttpErrors(true)
                    .timeout(30_000).cookies(cookies);
            Connection.Response response = form == null ? connection.method(Connection.Method.GET).execute()
                    : connection.data(form).method(Connection.Method.POST).execute();
            cookies.putAll(response.cookies());
            if (response.statusCode() / 100 == 3 && response.hasHeader("Location")) {
                url = new java.net.URL(new java.net.URL(url), response.header("Location")).toString();
                form = null;
                continue;
            }
            return response.parse();
        }
        throw new IllegalStateException("Too many redirects from " + url);
    }
}
