package org.aqqua.catalog.image;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.aqqua.catalog.dataset.DatasetStatus;
import org.aqqua.catalog.dataset.TestDatasets;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.DemoRealm;
import org.aqqua.testing.Tokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Member search: filters, keyset paging with opaque cursors, statistics, content redirects, bad input. */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class ImageSearchTest {

    private static final String PROBLEM = "application/problem+json";
    static UUID mine;
    static UUID others;
    static String member;
    static String provider;

    @Inject
    MinioClient minio;

    /** Once per class, but in @BeforeEach: RestAssured knows the test port only from then on. */
    @BeforeEach
    void images() {
        if (mine != null) {
            return;
        }
        member = Tokens.forUser(DemoRealm.MEMBER);
        provider = Tokens.forUser(DemoRealm.PROVIDER);
        mine = TestDatasets.create(Tokens.subjectOf(provider), "Search: provider's", DatasetStatus.RECEIVING).id;
        others = TestDatasets.create("someone-else", "Search: others'", DatasetStatus.RECEIVING).id;
        StringBuilder body = new StringBuilder();
        for (int n = 1; n <= 25; n++) {
            body.append(ImageLines.line(n, Map.of("objectId", "m-" + n, "sha256", ImageLines.sha(1000 + n))))
                    .append('\n');
        }
        // Around Fiji, across the antimeridian, deeper, labelled otherwise, later.
        body.append(ImageLines.line(26, Map.of("objectId", "fiji-east", "sha256", ImageLines.sha(1026),
                "longitude", 179.5, "latitude", -17.0, "depthMin", 200.0, "depthMax", 250.0,
                "label", "Ostracoda", "observedAt", "2022-01-01T00:00:00Z"))).append('\n');
        body.append(ImageLines.line(27, Map.of("objectId", "fiji-west", "sha256", ImageLines.sha(1027),
                "longitude", -179.5, "latitude", -17.0, "instrument", "Zooscan"))).append('\n');
        register(mine, body.toString());
        register(others, ImageLines.line(99, Map.of("sha256", ImageLines.sha(1099))) + "\n");
    }

    @Test
    void pagesThroughEverythingOnceInAStableOrder() {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            var request = given().auth().oauth2(member).queryParam("dataset", mine).queryParam("limit", 10);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/images").then().statusCode(200).extract().jsonPath();
            seen.addAll(page.getList("items.objectId"));
            cursor = page.getString("nextCursor");
            pages++;
        } while (cursor != null);
        assertThat(pages).isEqualTo(3);
        assertThat(seen).hasSize(27).doesNotHaveDuplicates().startsWith("m-1", "m-2");
    }

    @Test
    void filtersCombine() {
        given().auth().oauth2(member).queryParam("dataset", mine).queryParam("bbox", "170,-20,-170,-10")
                .when().get("/api/images").then().statusCode(200)
                .body("items.objectId", contains("fiji-east", "fiji-west"));
        given().auth().oauth2(member).queryParam("dataset", mine).queryParam("bbox", "0,40,10,50")
                .queryParam("depthMin", 0).queryParam("depthMax", 8).queryParam("labelled", true)
                .queryParam("limit", 1000)
                .when().get("/api/images").then().statusCode(200)
                .body("items.label", everyItem(equalTo("Copepoda")))
                .body("items", hasSize(17));
        given().auth().oauth2(member).queryParam("dataset", mine).queryParam("depthMin", 100)
                .when().get("/api/images").then().statusCode(200).body("items.objectId", contains("fiji-east"));
        given().auth().oauth2(member).queryParam("dataset", mine).queryParam("from", "2022-01-01T00:00:00Z")
                .queryParam("to", "2022-01-02T00:00:00Z")
                .when().get("/api/images").then().statusCode(200).body("items.objectId", contains("fiji-east"));
        given().auth().oauth2(member).queryParam("dataset", mine).queryParam("instrument", "Zooscan")
                .when().get("/api/images").then().statusCode(200).body("items.objectId", contains("fiji-west"));
        given().auth().oauth2(member).queryParam("dataset", mine).queryParam("labelled", false)
                .queryParam("labelStatus", "validated")
                .when().get("/api/images").then().statusCode(200).body("items", hasSize(0))
                .body("nextCursor", nullValue());
    }

    /**
     * A time range without datasets is found month by month (ObservedMonths): pages stay in id order across the
     * months, and the range's ends hold to the instant, whether it starts or ends inside a month or on its first
     * instant. The images are registered out of time order, so that id order is not time order. No other test
     * has images in 1987 or 1988.
     */
    @Test
    void aTimeRangeIsPagedInIdOrderAcrossItsMonths() {
        UUID eighties = TestDatasets.create("someone-else", "Search: 1987", DatasetStatus.RECEIVING).id;
        Map<String, String> observed = new java.util.LinkedHashMap<>();
        observed.put("jul-a", "1987-07-01T00:00:00Z");
        observed.put("before-from", "1987-03-15T11:59:59.999999Z");
        observed.put("jan-end", "1988-01-31T23:59:59.999Z");
        observed.put("at-from", "1987-03-15T12:00:00Z");
        observed.put("at-to", "1988-02-01T00:00:00Z");
        observed.put("dec-end", "1987-12-31T23:59:59Z");
        observed.put("jul-b", "1987-07-20T08:00:00Z");
        observed.put("may", "1988-05-01T00:00:00Z");
        observed.put("apr-end", "1987-04-30T23:59:59.999Z");
        observed.put("jul-c", "1987-07-31T23:00:00Z");
        StringBuilder body = new StringBuilder();
        int n = 2000;
        for (Map.Entry<String, String> image : observed.entrySet()) {
            n++;
            body.append(ImageLines.line(n, Map.of("objectId", image.getKey(), "sha256", ImageLines.sha(n),
                    "observedAt", image.getValue(), "instrument", image.getKey().startsWith("jul") ? "Zooscan"
                            : "UVP6"))).append('\n');
        }
        register(eighties, body.toString());

        Map<String, String> range = Map.of("from", "1987-03-15T12:00:00Z", "to", "1988-02-01T00:00:00Z");
        assertThat(pagedObjectIds(range, 2)).containsExactlyInAnyOrder("at-from", "apr-end", "jul-a", "jul-b",
                "jul-c", "dec-end", "jan-end");
        assertThat(pagedObjectIds(Map.of("from", "1987-07-01T00:00:00Z", "to", "1987-08-01T00:00:00Z",
                "instrument", "Zooscan"), 1)).containsExactlyInAnyOrder("jul-a", "jul-b", "jul-c");
        // Open ranges: only the other end bounds them (other tests' images are from 1968 to 1970 and from 1999).
        assertThat(pagedObjectIds(Map.of("to", "1987-03-15T12:00:00Z"), 1000)).contains("before-from")
                .doesNotContainAnyElementsOf(observed.keySet().stream().filter(id -> !id.equals("before-from"))
                        .toList());
        assertThat(pagedObjectIds(Map.of("from", "1988-01-31T23:59:59.999Z"), 1000))
                .contains("jan-end", "at-to", "may")
                .doesNotContain("dec-end", "at-from", "before-from");
        given().auth().oauth2(member).queryParams(range).when().get("/api/stats").then().statusCode(200)
                .body("[0].images", equalTo(7));
    }

    /**
     * A box is walked cell by cell (CellWalk), and a page is the smallest ids of all cells together. Here one
     * cell holds the lowest ids, then a second cell some, then the first cell many more, then eight more cells a
     * few each; every page must be the next ids of all cells together, as a walk of the dataset's images in id
     * order (no range) gives them. With ten cells in the box, a page of 10, 25 or 100 takes fewer ids from each
     * cell than a page in round one, so the first cell is walked on in round two (CellPage).
     */
    @Test
    void aBoxPagesInIdOrderWhenOneCellHoldsTheLowestIds() {
        UUID crowded = TestDatasets.create("someone-else", "Search: crowded cell", DatasetStatus.RECEIVING).id;
        StringBuilder body = new StringBuilder();
        for (int n = 1; n <= 100; n++) {
            // 1-20 and 31-60 in the west cell, 21-30 in the one east of it, 61-100 five each in eight more.
            double longitude = n <= 60 ? (n > 20 && n <= 30 ? -140.5 : -141.5) : -139.5 + (n - 61) / 5;
            body.append(ImageLines.line(3000 + n, Map.of("objectId", "crowd-" + n, "sha256", ImageLines.sha(3000 + n),
                    "latitude", -60.5, "longitude", longitude))).append('\n');
        }
        register(crowded, body.toString());
        List<String> inIdOrder = given().auth().oauth2(member).queryParam("dataset", crowded).queryParam("limit", 100)
                .when().get("/api/images").then().statusCode(200).extract().jsonPath().getList("items.objectId");
        assertThat(inIdOrder).hasSize(100);
        for (int limit : new int[] {1, 7, 10, 25, 100}) {
            assertThat(pagedObjectIds(Map.of("bbox", "-142,-61,-132,-60"), limit)).as("pages of %d", limit)
                    .containsExactlyElementsOf(inIdOrder);
        }
    }

    /** Every objectId a member's search finds, page by page; each page's ids and the pages in id order. */
    private static List<String> pagedObjectIds(Map<String, String> filters, int limit) {
        List<String> objectIds = new ArrayList<>();
        long lastId = 0;
        String cursor = null;
        do {
            var request = given().auth().oauth2(member).queryParams(filters).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.when().get("/api/images").then().statusCode(200).extract().jsonPath();
            for (long id : page.getList("items.id", Long.class)) {
                assertThat(id).isGreaterThan(lastId);
                lastId = id;
            }
            objectIds.addAll(page.getList("items.objectId"));
            cursor = page.getString("nextCursor");
        } while (cursor != null);
        return objectIds;
    }

    @Test
    void providersSeeOnlyTheirOwnImages() {
        given().auth().oauth2(provider).queryParam("dataset", others)
                .when().get("/api/images").then().statusCode(200).body("items", hasSize(0));
        // A box is walked cell by cell; the provider's scope still holds in every cell.
        given().auth().oauth2(provider).queryParam("bbox", "170,-20,-170,-10").queryParam("limit", 1000)
                .when().get("/api/images").then().statusCode(200)
                .body("items.datasetId", everyItem(equalTo(mine.toString())))
                .body("items.objectId", org.hamcrest.Matchers.hasItems("fiji-east", "fiji-west"));
        long foreign = given().auth().oauth2(member).queryParam("dataset", others).when().get("/api/images")
                .then().extract().jsonPath().getLong("items[0].id");
        given().auth().oauth2(provider).when().get("/api/images/{id}", foreign).then().statusCode(404)
                .contentType(PROBLEM);
        given().auth().oauth2(member).when().get("/api/images/{id}", foreign).then().statusCode(200)
                .body("datasetId", equalTo(others.toString()));
        given().when().get("/api/images").then().statusCode(401);
        given().auth().oauth2(Tokens.forUser(DemoRealm.SERVICE_USER)).when().get("/api/images").then().statusCode(403);
    }

    @Test
    void statisticsCountUnderTheSameFilters() {
        given().auth().oauth2(member).queryParam("dataset", mine).queryParam("groupBy", "instrument")
                .when().get("/api/stats").then().statusCode(200)
                .body("key", contains("UVP6", "Zooscan"))
                .body("images", contains(26, 1));
        given().auth().oauth2(member).queryParam("dataset", mine).queryParam("groupBy", "year")
                .when().get("/api/stats").then().statusCode(200).body("key", contains("2021", "2022"));
        given().auth().oauth2(member).queryParam("dataset", mine, others)
                .when().get("/api/stats").then().statusCode(200).body("[0].images", equalTo(28));
        given().auth().oauth2(member).queryParam("groupBy", "colour").when().get("/api/stats")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("groupBy"));
    }

    @Test
    void contentIsAShortLivedRedirectToTheImage() throws Exception {
        JsonPath image = given().auth().oauth2(member).queryParam("dataset", mine).queryParam("limit", 1)
                .when().get("/api/images").then().extract().jsonPath();
        byte[] png = "not really a png".getBytes(StandardCharsets.UTF_8);
        minio.putObject(PutObjectArgs.builder().bucket("aqqua-images").object(image.getString("items[0].storageKey"))
                .stream(new ByteArrayInputStream(png), png.length, -1).build());
        String location = given().auth().oauth2(member).redirects().follow(false)
                .when().get("/api/images/{id}/content", image.getLong("items[0].id"))
                .then().statusCode(302).header("Location", containsString("X-Amz-Expires=300"))
                .extract().header("Location");
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(location))
                .build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(png);
    }

    @Test
    void badQueriesNameTheParameter() {
        expect400(Map.of("bbox", "10,50,0,40"), "bbox", "minLat is above maxLat: the box is reversed");
        expect400(Map.of("bbox", "0,-95,10,0"), "bbox", "latitudes must be between -90 and 90");
        expect400(Map.of("bbox", "0,1,2"), "bbox", "must be minLon,minLat,maxLon,maxLat (four numbers)");
        expect400(Map.of("from", "2022-01-02T00:00:00Z", "to", "2022-01-01T00:00:00Z"), "from",
                "must be before to (2022-01-01T00:00:00Z)");
        expect400(Map.of("colour", "green"), "colour", null);
        expect400(Map.of("limit", "1001"), "limit", "must be a whole number from 1 to 1000");
        expect400(Map.of("labelStatus", "sure"), "labelStatus", null);
        expect400(Map.of("label", "Cope\u0000poda"), "label", null);
        expect400(Map.of("instrument", "UVP\u00006"), "instrument", null);
        expect400(Map.of("cursor", "bm90LWEtY3Vyc29y.AAAA"), "cursor",
                "is not a cursor this service issued (altered or truncated)");
        String cursor = given().auth().oauth2(member).queryParam("dataset", mine).queryParam("limit", 2)
                .when().get("/api/images").then().extract().jsonPath().getString("nextCursor");
        String tampered = cursor.substring(0, 3) + (cursor.charAt(3) == 'A' ? 'B' : 'A') + cursor.substring(4);
        expect400(Map.of("dataset", mine.toString(), "cursor", tampered), "cursor",
                "is not a cursor this service issued (altered or truncated)");
        expect400(Map.of("dataset", others.toString(), "cursor", cursor), "cursor",
                "belongs to a query with other filters; start again without it");
    }

    private static void expect400(Map<String, String> parameters, String field, String message) {
        var response = given().auth().oauth2(member).queryParams(parameters).when().get("/api/images")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors[0].field", equalTo(field));
        if (message != null) {
            response.body("errors[0].message", equalTo(message));
        }
    }

    static void register(UUID dataset, String ndjson) {
        given().auth().oauth2(Tokens.forClient(DemoRealm.INGEST_CLIENT, DemoRealm.INGEST_SECRET))
                .contentType("application/x-ndjson").body(ndjson.getBytes(StandardCharsets.UTF_8))
                .when().post("/internal/datasets/{id}/images", dataset).then().statusCode(200);
    }
}
