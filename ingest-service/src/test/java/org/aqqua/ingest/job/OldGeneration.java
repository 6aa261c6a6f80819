package org.aqqua.ingest.job;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The heap's old generation around an action, in the service's JVM (where a {@code @QuarkusTest} runs): a request
 * body the service kept in memory would make it grow, one it drained and let go would not.
 */
final class OldGeneration {

    /** What the action returned, and by how many bytes the old generation's peak rose above its use before it. */
    record Growth<T>(T result, long bytes) {
    }

    private OldGeneration() {
    }

    static <T> Growth<T> growthDuring(Callable<T> action) throws Exception {
        List<MemoryPoolMXBean> oldGeneration = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(pool -> pool.getType() == MemoryType.HEAP && pool.getName().contains("Old Gen")).toList();
        System.gc();
        oldGeneration.forEach(MemoryPoolMXBean::resetPeakUsage);
        long before = oldGeneration.stream().mapToLong(pool -> pool.getUsage().getUsed()).sum();
        T result = action.call();
        long peak = oldGeneration.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
        return new Growth<>(result, peak - before);
    }
}
