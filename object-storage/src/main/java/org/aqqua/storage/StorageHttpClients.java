package org.aqqua.storage;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.net.SocketFactory;
import okhttp3.ConnectionPool;
import okhttp3.Dispatcher;
import okhttp3.OkHttpClient;

/**
 * The HTTP client AqQua hands to the MinIO SDK. With the SDK's defaults a PUT of a small image waits ~40 ms on
 * Nagle's algorithm and delayed ACKs, and OkHttp runs at most 5 requests per host: about 110 PUT/s whatever the
 * thread count. TCP_NODELAY and a larger dispatcher lift that (measured by bench/s3-put, see README).
 */
public final class StorageHttpClients {

    private StorageHttpClients() {
    }

    public static OkHttpClient tuned(int maxConcurrentRequests, Duration connectTimeout) {
        Dispatcher dispatcher = new Dispatcher();
        dispatcher.setMaxRequests(maxConcurrentRequests);
        dispatcher.setMaxRequestsPerHost(maxConcurrentRequests);
        return new OkHttpClient.Builder()
                .socketFactory(new NoDelaySocketFactory())
                .dispatcher(dispatcher)
                // OkHttp keeps 5 idle connections by default: with more requests in flight, every lull closes the
                // rest and the next burst opens new ones (a TCP connect and close on both ends per few PUTs).
                .connectionPool(new ConnectionPool(maxConcurrentRequests, 5, TimeUnit.MINUTES))
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(5, TimeUnit.MINUTES)
                .writeTimeout(5, TimeUnit.MINUTES)
                .retryOnConnectionFailure(true)
                .build();
    }

    /** Plain sockets with Nagle's algorithm switched off. */
    static final class NoDelaySocketFactory extends SocketFactory {

        private final SocketFactory delegate = SocketFactory.getDefault();

        @Override
        public Socket createSocket() throws IOException {
            return noDelay(delegate.createSocket());
        }

        @Override
        public Socket createSocket(String host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
            return noDelay(delegate.createSocket(host, port, localHost, localPort));
        }

        @Override
        public Socket createSocket(InetAddress host, int port) throws IOException {
            return noDelay(delegate.createSocket(host, port));
        }

        @Override
        public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
                throws IOException {
            return noDelay(delegate.createSocket(address, port, localAddress, localPort));
        }

        private static Socket noDelay(Socket socket) throws IOException {
            socket.setTcpNoDelay(true);
            return socket;
        }
    }
}
