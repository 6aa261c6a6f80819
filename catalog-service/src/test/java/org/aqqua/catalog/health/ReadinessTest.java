package org.aqqua.catalog.health;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.aqqua.testing.AqquaInfrastructureResource;
import org.aqqua.testing.ReadinessContract;

/** Health, metrics and API docs of the catalog; readiness is watched while PostgreSQL is stopped. */
@QuarkusTest
@WithTestResource(value = AqquaInfrastructureResource.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "service", value = "catalog-service"))
class ReadinessTest extends ReadinessContract {

    @Override
    protected Dependency dependencyToStop() {
        return Dependency.POSTGRES;
    }

    @Override
    protected String documentedPath() {
        return "/api/datasets";
    }
}
