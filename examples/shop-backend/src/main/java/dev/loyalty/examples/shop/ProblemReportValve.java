package dev.loyalty.examples.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's error report for the requests it refuses before they reach the shop, such as a path
 * with an encoded NUL ({@code %00}), a malformed percent-escape or a character a request line may
 * not hold: an RFC 9457 problem ({@link ProblemResponses#malformedRequest} for a 400) in place of
 * Tomcat's HTML page. Errors inside the application keep Spring's answers, which are written
 * before this valve looks at the response.
 */
class ProblemReportValve extends ErrorReportValve {

    private final ObjectMapper json;

    ProblemReportValve(ObjectMapper json) {
        this.json = json;
    }

    /** Writes the problem for an error status nothing was written for yet, as Tomcat's page would be. */
    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        // as ErrorReportValve: only an error status with nothing written, reported once, to a client still there
        if (response.getStatus() < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        String path = request.getRequestURI() == null ? "" : request.getRequestURI();
        String reason = throwable != null && throwable.getMessage() != null ? throwable.getMessage() : response.getMessage();
        ProblemDetail problem = response.getStatus() == HttpStatus.BAD_REQUEST.value() ? ProblemResponses.malformedRequest(path, reason)
                : ProblemDetail.forStatusAndDetail(HttpStatusCode.valueOf(response.getStatus()), reason);
        problem.setInstance(instance(path));
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone, or the response was committed after all: nothing left to tell
        }
    }

    /** The path as the problem's {@code instance}, as Spring gives it; null when it is no URI at all. */
    private static URI instance(String path) {
        try {
            return path.isEmpty() ? null : new URI(path);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
