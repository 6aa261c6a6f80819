package org.aqqua.release.notice;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import org.aqqua.testing.FreePorts;

/** A real SMTP server (GreenMail) for release-service's mail, on a free port, with its received mail readable. */
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    static volatile GreenMail server;

    @Override
    public Map<String, String> start() {
        server = new GreenMail(new ServerSetup(FreePorts.next(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(server.getSmtp().getPort()),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
