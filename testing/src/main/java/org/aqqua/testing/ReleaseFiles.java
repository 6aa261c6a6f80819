package org.aqqua.testing;

import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/** A released dataset's file as the public downloads it: release-service's redirect, then the bucket's answer. */
public final class ReleaseFiles {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private ReleaseFiles() {
    }

    /**
     * Asks release-service (the given request, with its base URI) for the file, which must answer 302, and fetches
     * the presigned URL it redirects to; the bucket's response is returned whatever its status.
     */
    public static HttpResponse<byte[]> download(RequestSpecification release, UUID dataset, String name)
            throws IOException, InterruptedException {
        String location = release.redirects().follow(false)
                .when().get("/public/releases/datasets/{id}/files/{name}", dataset, name)
                .then().statusCode(302).extract().header("Location");
        return HTTP.send(HttpRequest.newBuilder(URI.create(location)).build(), HttpResponse.BodyHandlers.ofByteArray());
    }
}
