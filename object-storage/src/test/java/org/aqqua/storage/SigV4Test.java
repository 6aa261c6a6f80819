package org.aqqua.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.minio.Signer;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.RequestBody;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Our signatures against the MinIO SDK's signer for the same requests; PrehashedPutsTest has S3 accept them. */
class SigV4Test {

    private static final String ACCESS_KEY = "AKIDEXAMPLE";
    private static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private final SigV4 signer = new SigV4(ACCESS_KEY, SECRET_KEY, "eu-central-1");

    @ParameterizedTest
    @CsvSource({
        "http://127.0.0.1:9000/aqqua-images/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08, "
                + "2026-11-27T23:59:59Z, image/png",
        "http://storage.example.org/aqqua-images/datasets/7/roi_1.jpg, 2026-11-28T00:00:00Z, image/jpeg",
        "https://s3.example.org:8443/b/k, 2027-07-15T00:00:00Z, application/octet-stream"
    })
    void signsAsTheSdkSignsTheSameRequest(String address, String at, String contentType) throws Exception {
        Instant instant = Instant.parse(at);
        HttpUrl url = HttpUrl.get(address);
        String payload = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        String host = io.minio.http.HttpUtils.getHostHeader(url);
        String date = SigV4.AMZ_DATE.format(instant);
        Request unsigned = new Request.Builder().url(url).header("Host", host).header("Content-Type", contentType)
                .header("x-amz-date", date).header("x-amz-content-sha256", payload)
                .put(RequestBody.create(new byte[0])).build();

        String ours = signer.authorization("PUT", url.encodedPath(), new TreeMap<>(Map.of("host", host,
                "content-type", contentType, "x-amz-date", date, "x-amz-content-sha256", payload)), payload, instant);
        String sdks = Signer.signV4S3(unsigned, "eu-central-1", ACCESS_KEY, SECRET_KEY, payload)
                .header("Authorization");

        assertThat(ours).isEqualTo(sdks).startsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/"
                + date.substring(0, 8) + "/eu-central-1/s3/aws4_request, SignedHeaders=content-type;host;"
                + "x-amz-content-sha256;x-amz-date, Signature=");
    }

    @ParameterizedTest
    @CsvSource({"2026-11-27T23:59:59Z, 2026-11-28T00:00:01Z", "2026-11-28T00:00:01Z, 2026-11-27T23:59:59Z"})
    void aNewDayIsSignedWithThatDaysKey(String first, String second) throws Exception {
        for (String at : new String[] {first, second, first}) {
            signsAsTheSdkSignsTheSameRequest("http://127.0.0.1:9000/b/k", at, "image/png");
        }
    }
}
