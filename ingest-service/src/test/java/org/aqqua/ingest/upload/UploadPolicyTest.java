package org.aqqua.ingest.upload;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.runtime.configuration.MemorySize;
import java.math.BigInteger;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class UploadPolicyTest {

    private final UploadPolicy policy = new UploadPolicy() {
        @Override
        public MemorySize minPartSize() {
            return new MemorySize(BigInteger.valueOf(64 * MIB));
        }

        @Override
        public MemorySize maxArchiveSize() {
            return new MemorySize(BigInteger.valueOf(5L << 40));
        }

        @Override
        public int partUrlBatch() {
            return 100;
        }

        @Override
        public Duration partUrlValidity() {
            return Duration.ofHours(1);
        }

        @Override
        public Duration staleAfter() {
            return Duration.ofDays(7);
        }

        @Override
        public String staleSweepEvery() {
            return "1h";
        }
    };

    @Test
    void smallArchivesGetTheMinimumPartSize() {
        assertThat(policy.partSizeFor(1)).isEqualTo(64 * UploadPolicy.MIB);
        assertThat(UploadPolicy.partCount(1, 64 * UploadPolicy.MIB)).isEqualTo(1);
        assertThat(UploadPolicy.partCount(64 * UploadPolicy.MIB + 1, 64 * UploadPolicy.MIB)).isEqualTo(2);
    }

    @Test
    void hugeArchivesStayWithinTenThousandPartsOfWholeMebibytes() {
        long fiveTebibytes = 5L << 40;
        long partSize = policy.partSizeFor(fiveTebibytes);
        assertThat(partSize % UploadPolicy.MIB).isZero();
        assertThat(UploadPolicy.partCount(fiveTebibytes, partSize)).isLessThanOrEqualTo(UploadPolicy.MAX_PARTS);
        long oneTerabyte = 1_000_000_000_000L;
        assertThat(UploadPolicy.partCount(oneTerabyte, policy.partSizeFor(oneTerabyte)))
                .isLessThanOrEqualTo(UploadPolicy.MAX_PARTS);
    }
}
