package org.aqqua.testing;

/**
 * Where a running platform's dependencies are: the database, the realm and the storage, with the credentials the
 * services use. Either read off servers the harness started or given for external ones.
 */
public record PlatformEndpoints(String jdbcUrl, String dbUser, String dbPassword, String realmUrl, String s3Endpoint,
        String s3AccessKey, String s3SecretKey, String ingestClientSecret, String releaseClientSecret) {

    public String tokenUrl() {
        return realmUrl + "/protocol/openid-connect/token";
    }
}
