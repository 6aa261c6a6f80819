package org.aqqua.catalog.image;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogFixtures;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.Test;

/**
 * Image packs for release-service: a dataset's image contents, read from the image store, as tars cut before the
 * byte limit, resumed after the last id, ending with an empty tar; for the service role only.
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class ImagePackTest {

    @Test
    void packsHoldTheImagesInIdOrderUpToTheLimitAndResumeAfterTheLastId() throws Exception {
        UUID dataset = CatalogFixtures.releasable("packer").images(5).create();
        String service = Tokens.forClient(DemoRealm.RELEASE_CLIENT, DemoRealm.RELEASE_SECRET);

        // Images of 1,000 to 1,004 bytes: 2,500 bytes take two per pack, the last pack one.
        List<Map<String, byte[]>> packs = new ArrayList<>();
        long after = 0;
        while (true) {
            byte[] tar = given().auth().oauth2(service).queryParam("afterId", after).queryParam("maxBytes", 2500)
                    .when().get("/internal/datasets/{id}/images/pack", dataset)
                    .then().statusCode(200).contentType("application/x-tar").extract().asByteArray();
            Map<String, byte[]> entries = entries(tar);
            if (entries.isEmpty()) {
                break;
            }
            packs.add(entries);
            String last = new ArrayList<>(entries.keySet()).get(entries.size() - 1);
            after = Long.parseLong(last.substring(0, last.indexOf('.')));
        }
        assertThat(packs).extracting(Map::size).containsExactly(2, 2, 1);
        List<byte[]> contents = packs.stream().flatMap(pack -> pack.values().stream()).toList();
        for (int i = 0; i < 5; i++) {
            assertThat(contents.get(i)).isEqualTo(CatalogFixtures.content(i));
        }
        assertThat(packs.get(0).keySet()).allMatch(name -> name.endsWith(".png"));

        given().auth().oauth2(Tokens.forUser(DemoRealm.MEMBER)).when()
                .get("/internal/datasets/{id}/images/pack", dataset).then().statusCode(403);
        given().auth().oauth2(service).when().get("/internal/datasets/{id}/images/pack", UUID.randomUUID())
                .then().statusCode(404);
    }

    private static Map<String, byte[]> entries(byte[] tar) throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
