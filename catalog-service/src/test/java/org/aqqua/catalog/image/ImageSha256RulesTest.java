package org.aqqua.catalog.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.UUID;
import org.aqqua.catalog.dataset.Dataset;
import org.aqqua.catalog.dataset.DatasetStatus;
import org.aqqua.catalog.dataset.TestDatasets;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The image table's own rules on SHA-256 values, behind the registration's: whatever writes into the table, only 64
 * lowercase hex digits are stored (V8), and an image once per dataset (V9).
 */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class ImageSha256RulesTest {

    private static final String VALID = "0123456789abcdef".repeat(4);

    @ParameterizedTest
    @ValueSource(strings = {
        "0123456789ABCDEF0123456789abcdef0123456789abcdef0123456789abcdef", // upper case
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcde", // 63 digits
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeg", // not a hex digit
        "0123456789abcdef0123456789abcdef0123456789abcdef 123456789abcdef", // a blank inside
        ""})
    void refusesAnythingButSixtyFourLowercaseHexDigits(String sha256) {
        UUID dataset = TestDatasets.create("owner-" + UUID.randomUUID(), "Checks", DatasetStatus.RECEIVING).id;
        assertThatThrownBy(() -> insert(dataset, sha256)).hasStackTraceContaining("image_sha256_check");
        assertThat(insert(dataset, VALID)).isEqualTo(1);
    }

    @Test
    void holdsAnImageOncePerDataset() {
        UUID dataset = TestDatasets.create("owner-" + UUID.randomUUID(), "Once", DatasetStatus.RECEIVING).id;
        UUID other = TestDatasets.create("owner-" + UUID.randomUUID(), "Once more", DatasetStatus.RECEIVING).id;
        String sha256 = ImageLines.sha(42); // fresh datasets: no other image in them
        assertThat(insert(dataset, sha256)).isEqualTo(1);
        assertThatThrownBy(() -> insert(dataset, sha256)).hasStackTraceContaining("image_sha256_dataset_id_key");
        assertThat(insert(other, sha256)).isEqualTo(1);
    }

    private static int insert(UUID dataset, String sha256) {
        return QuarkusTransaction.requiringNew().call(() -> Dataset.getEntityManager().createNativeQuery(
                "insert into image (dataset_id, object_id, sha256, storage_key, bytes, width, height, format, "
                        + "pixel_size_um, latitude, longitude, depth_min, observed_at, instrument) values (?1, ?2, ?3, "
                        + "'images/x', 10, 1, 1, 'png', 1.0, 0, 0, 0, now(), 'UVP6')")
                .setParameter(1, dataset).setParameter(2, "obj-" + UUID.randomUUID()).setParameter(3, sha256)
                .executeUpdate());
    }
}
