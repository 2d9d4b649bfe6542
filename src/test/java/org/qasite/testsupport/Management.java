package org.qasite.testsupport;

import static io.restassured.RestAssured.given;

import java.net.URI;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.specification.RequestSpecification;

/**
 * The management interface of the application under {@code @QuarkusTest}: health, metrics and the OpenAPI document,
 * on a port of its own ({@code quarkus.management.test-port}), not the site's.
 */
public final class Management {

    private Management() {
    }

    /** A request to the management interface; paths keep their {@code /q/} prefix. */
    public static RequestSpecification request() {
        // "http://host:port/q", as Quarkus computes it for @TestHTTPResource(management = true).
        URI url = URI.create(ConfigProvider.getConfig().getValue("test.management.url", String.class));
        return given().baseUri(url.getScheme() + "://" + url.getHost()).port(url.getPort()).redirects().follow(false);
    }
}
