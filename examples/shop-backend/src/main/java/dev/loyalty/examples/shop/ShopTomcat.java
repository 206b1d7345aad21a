package dev.loyalty.examples.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * How the embedded Tomcat reads request paths and answers the requests it refuses.
 *
 * <ul>
 *   <li>An encoded slash ({@code %2F}) or backslash ({@code %5C}) is passed through to the shop,
 *       which decodes it as part of one path segment: a member id or event id may hold either
 *       character, so {@code GET /members/a%2Fb} is member {@code a/b} (or 404
 *       unknown-member), where Tomcat would refuse the path. The shop maps no path to files,
 *       so a passed-through separator cannot reach outside a segment.</li>
 *   <li>What Tomcat still refuses before the shop sees it (an encoded NUL {@code %00}, a
 *       malformed escape, a path above the root) is answered by {@link ProblemReportValve} with a
 *       problem response instead of Tomcat's HTML page.</li>
 *   <li>A {@code TRACE} request is passed through to the shop, where {@link TraceRefusal} answers
 *       it as any method no endpoint takes: a 405 problem naming the method, or on a path no
 *       endpoint has the 404 problem of an unknown path, the request not echoed. Tomcat would
 *       refuse it itself, with a 405 and no body at all.</li>
 * </ul>
 */
@Component
class ShopTomcat implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

    private final ObjectMapper json;

    ShopTomcat(ObjectMapper json) {
        this.json = json;
    }

    /** Passes encoded slashes, backslashes and TRACE through, and puts {@link ProblemReportValve} on the host. */
    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addConnectorCustomizers(connector -> {
            connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            connector.setEncodedReverseSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
            // TraceRefusal answers it with a problem; Tomcat would answer a 405 with no body at all
            connector.setAllowTrace(true);
        });
        factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            for (Valve valve : host.getPipeline().getValves()) {
                if (valve instanceof ErrorReportValve) {
                    host.getPipeline().removeValve(valve);
                }
            }
            // the host adds an error report valve of this class when it starts, unless it has one
            host.setErrorReportValveClass(ProblemReportValve.class.getName());
            host.getPipeline().addValve(new ProblemReportValve(json));
        });
    }

    /** After Spring Boot's own customizer, which adds Tomcat's error report valve to the host. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
