package org.broadside.cli;

import org.broadside.server.BroadsideServer;
import org.broadside.server.PageStyle;
import org.broadside.server.ServerOptions;
import org.broadside.unsubscribe.ServerSecret;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * "broadside serve": the public server for one-click unsubscribe, the landing page and the pull API, on the data
 * directory's store. "--init" creates the server key once and shows it (the desktop saves it to mint tokens and pull).
 */
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = {"Runs the Broadside server: RFC 8058 one-click unsubscribe, the unsubscribe landing page, and the pull API for desktops.",
                "Run \"broadside serve --init\" once first: it creates the server key and shows it once."})
public final class ServeCommand extends CommandSupport implements Runnable {
    @Option(names = "--init", description = "Create the server key in the data directory and show it once, then exit.")
    boolean init;

    @Option(names = "--listen", paramLabel = "HOST:PORT", defaultValue = "127.0.0.1:8080",
            description = "Address and port to listen on (default: ${DEFAULT-VALUE}, for a reverse proxy on the same machine).")
    String listen;

    @Option(names = "--public-url", paramLabel = "URL", description = "The URL people reach the server at, e.g. https://news.acme.example.")
    URI publicUrl;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain, to serve HTTPS directly (with --tls-key).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM (PKCS#8) private key of --tls-cert.")
    Path tlsKey;

    @Option(names = "--page", paramLabel = "FILE", description = "JSON settings of the landing page: {\"name\": ..., \"color\": \"#rrggbb\", \"background\": \"#rrggbb\"}.")
    Path page;

    @Option(names = "--rate-limit", paramLabel = "N", defaultValue = "" + ServerOptions.DEFAULT_RATE,
            description = "Requests a minute per client address (default: ${DEFAULT-VALUE}; 0: no limit).")
    int rateLimit;

    @Option(names = "--trust-proxy", description = "Take the client address from X-Forwarded-For (only behind a proxy that sets it).")
    boolean trustProxy;

    @Override
    public void run() {
        Path dir = root().dataDirectory();
        if (init) {
            initialise(dir);
            return;
        }
        ServerSecret secret;
        try {
            secret = ServerSecret.load(dir).orElseThrow(() -> new UserInputException(
                    "There is no server key in " + dir + ": run \"broadside serve --init\" first."));
        } catch (IOException e) {
            throw new UserInputException("Cannot read the server key in " + dir + ": " + e.getMessage(), e);
        }
        ServerOptions options = options();
        BroadsideServer server;
        try {
            server = BroadsideServer.start(database(), secret, options);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        } catch (Exception e) {
            throw new UserInputException("The server did not start: " + e.getMessage(), e);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                org.slf4j.LoggerFactory.getLogger(ServeCommand.class).warn("Stopping the server: {}", e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "serve-shutdown"));
        out().println("Broadside server listening on " + server.localUrl() + (publicUrl == null ? "" : " for " + publicUrl) + "; stop it with Ctrl+C.");
        out().flush();
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void initialise(Path dir) {
        try {
            ServerSecret s = ServerSecret.create(dir);
            out().println("Created the server key in " + dir.resolve(ServerSecret.FILE_NAME) + ". It is shown this once:");
            out().println();
            out().println("  " + s.text());
            out().println();
            out().println("On each desktop that sends campaigns naming this server, save it with:");
            out().println("  broadside unsubscribes pull --from " + (publicUrl == null ? "https://YOUR-SERVER" : publicUrl) + " --save-key");
            out().println("or in the app: Tools > Unsubscribe servers…, then Add…; anyone with the key can read the recorded unsubscribes.");
        } catch (FileAlreadyExistsException e) {
            throw new UserInputException("There already is a server key in " + dir + " (it is shown only when created). Delete "
                    + ServerSecret.FILE_NAME + " to make a new one; links in mail already sent then stop working.", e);
        } catch (IOException e) {
            throw new UserInputException("Cannot create the server key in " + dir + ": " + e.getMessage(), e);
        }
    }

    private ServerOptions options() {
        int colon = listen.lastIndexOf(':');
        if (colon <= 0) throw new UserInputException("--listen must be HOST:PORT, like 127.0.0.1:8080, not \"" + listen + "\".");
        String host = listen.substring(0, colon).replace("[", "").replace("]", "");
        int port;
        try {
            port = Integer.parseInt(listen.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UserInputException("The port in --listen must be a number, not \"" + listen.substring(colon + 1) + "\".");
        }
        if (port < 0 || port > 65535) throw new UserInputException("The port in --listen must be 0 to 65535.");
        if (publicUrl != null && (publicUrl.getScheme() == null || publicUrl.getHost() == null || !publicUrl.getScheme().matches("(?i)https?")))
            throw new UserInputException("--public-url must be an http(s) URL like https://news.acme.example, not \"" + publicUrl + "\".");
        for (Path p : new Path[]{tlsCert, tlsKey, page}) {
            if (p != null && !Files.isReadable(p)) throw new UserInputException("Cannot read " + p + ".");
        }
        PageStyle style = PageStyle.DEFAULT;
        if (page != null) {
            try {
                style = PageStyle.read(page);
            } catch (IOException e) {
                throw new UserInputException("Cannot read " + page + ": " + e.getMessage(), e);
            } catch (PageStyle.InvalidPageStyleException e) {
                throw new UserInputException(page + ": " + e.getMessage(), e);
            }
        }
        try {
            return new ServerOptions(host, port, publicUrl, tlsCert, tlsKey, rateLimit, trustProxy, style);
        } catch (IllegalArgumentException e) {
            throw new UserInputException(e.getMessage(), e);
        }
    }
}
