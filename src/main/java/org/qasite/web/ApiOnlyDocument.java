package org.qasite.web;

import java.util.ArrayList;

import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Paths;

import io.quarkus.smallrye.openapi.OpenApiFilter;

/**
 * The OpenAPI document describes the JSON API only: the pages' routes (HTML, forms that answer with redirects) are
 * left out, whatever resource they are in, so that a new page never shows up there as an API. Run when the site is
 * built, so that the start reads and writes only the API's part of the document instead of every route's.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ApiOnlyDocument implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Paths paths = openAPI.getPaths();
        if (paths == null || paths.getPathItems() == null) {
            return;
        }
        for (String path : new ArrayList<>(paths.getPathItems().keySet())) {
            if (!path.startsWith("/api/")) {
                paths.removePathItem(path);
            }
        }
    }
}
