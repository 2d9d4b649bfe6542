package org.qasite.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Forwards a free loopback port to a server, so a test can take the server away from the application and give it
 * back: {@link #cut()} closes every open connection and refuses new ones (the port stops listening, so connecting
 * fails at once, as with a server that is down); {@link #restore()} listens on the same port again.
 */
public final class TcpProxy implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private final String name;
    private final InetSocketAddress original;
    private volatile InetSocketAddress target;
    private final int port;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger accepted = new AtomicInteger();
    private ServerSocket server;
    private boolean closed;

    private TcpProxy(String name, InetSocketAddress target) throws IOException {
        this.name = name;
        this.original = target;
        this.target = target;
        this.server = listen(0);
        this.port = server.getLocalPort();
        acceptOn(server);
    }

    /** Starts forwarding a free port on 127.0.0.1 to {@code host:port}. */
    public static TcpProxy start(String name, String host, int port) {
        try {
            return new TcpProxy(name, new InetSocketAddress(host, port));
        } catch (IOException e) {
            throw new UncheckedIOException("Proxy " + name + " cannot listen", e);
        }
    }

    public int port() {
        return port;
    }

    /** Connections forwarded since the start: proof that the application really talks through the proxy. */
    public int connectionsAccepted() {
        return accepted.get();
    }

    /** Sends new connections to another server (open ones are closed), until {@link #restore()}. */
    public synchronized void retarget(int otherPort) {
        target = new InetSocketAddress("127.0.0.1", otherPort);
        closeConnections();
    }

    /** Takes the server away: open connections are closed and new ones refused. */
    public synchronized void cut() {
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
        closeConnections();
    }

    private void closeConnections() {
        for (Socket s : open) {
            closeQuietly(s);
        }
        open.clear();
    }

    /** Brings the server back (after a cut), forwarding to the original target again (after a retarget). */
    public synchronized void restore() {
        if (!target.equals(original)) {
            target = original;
            closeConnections();
        }
        listen();
    }

    private void listen() {
        if (closed || server != null) {
            return;
        }
        try {
            server = listen(port);
        } catch (IOException e) {
            throw new UncheckedIOException("Proxy " + name + " cannot listen on port " + port + " again", e);
        }
        acceptOn(server);
    }

    public synchronized boolean isCut() {
        return server == null;
    }

    @Override
    public synchronized void close() {
        closed = true;
        cut();
    }

    private static ServerSocket listen(int port) throws IOException {
        ServerSocket s = new ServerSocket();
        // The port was just given up with connections in TIME_WAIT; listening on it again must not wait for them.
        s.setReuseAddress(true);
        s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        return s;
    }

    private void acceptOn(ServerSocket listener) {
        Thread.ofVirtual().name("proxy-" + name + "-accept").start(() -> {
            while (!listener.isClosed()) {
                try {
                    Socket client = listener.accept();
                    Thread.ofVirtual().name("proxy-" + name + "-connect").start(() -> forward(listener, client));
                } catch (IOException e) {
                    return; // cut or closed
                }
            }
        });
    }

    private void forward(ServerSocket listener, Socket client) {
        Socket upstream = new Socket();
        open.add(client);
        open.add(upstream);
        // A cut that ran while this connection was being set up did not see these sockets: close them here.
        if (listener.isClosed()) {
            closeBoth(client, upstream);
            return;
        }
        try {
            upstream.connect(target, CONNECT_TIMEOUT_MILLIS);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
        } catch (IOException e) {
            closeBoth(client, upstream);
            return;
        }
        accepted.incrementAndGet();
        Thread.ofVirtual().name("proxy-" + name + "-up").start(() -> pump(client, upstream));
        Thread.ofVirtual().name("proxy-" + name + "-down").start(() -> pump(upstream, client));
    }

    /** Copies one direction until either side ends; then both sockets close, as a dropped connection would. */
    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // the connection ended, or was cut
        } finally {
            closeBoth(from, to);
        }
    }

    private void closeBoth(Socket a, Socket b) {
        closeQuietly(a);
        closeQuietly(b);
        open.remove(a);
        open.remove(b);
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already closed
        }
    }

    @Override
    public String toString() {
        return "TcpProxy[" + name + " 127.0.0.1:" + port + " -> " + target + (isCut() ? ", cut" : "") + "]";
    }
}
