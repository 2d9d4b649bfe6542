package org.qasite.testsupport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Requests from another loopback address than rest-assured's 127.0.0.1 (any 127.x.y.z reaches the site): another
 * visitor, for what the site counts or limits by address.
 */
public final class OtherAddress {

    private OtherAddress() {
    }

    /** A GET of {@code path} on the site at {@code port} from {@code address}, with this User-Agent. */
    public static HttpResponse<String> get(String address, int port, String path, String userAgent) {
        try {
            HttpClient client = HttpClient.newBuilder().localAddress(InetAddress.getByName(address)).build();
            return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .header("User-Agent", userAgent).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
