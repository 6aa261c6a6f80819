package org.aqqua.ingest.health;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.CatalogServiceResource;
import org.aqqua.testing.ReadinessContract;

/** Health, metrics and API docs of ingest-service; readiness is watched while the S3 server is stopped. */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "ingest-service"))
@WithTestResource(value = CatalogServiceResource.class, scope = TestResourceScope.GLOBAL)
class ReadinessTest extends ReadinessContract {

    @Override
    protected Dependency dependencyToStop() {
        return Dependency.S3;
    }

    @Override
    protected String documentedPath() {
        return "/api/datasets/{datasetId}/uploads";
    }
}
