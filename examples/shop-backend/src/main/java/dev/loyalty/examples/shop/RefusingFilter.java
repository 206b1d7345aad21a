package dev.loyalty.examples.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A filter that refuses some requests before Spring reads them, answering an RFC 9457 problem
 * of type {@code urn:loyalty:problem:<name>} as {@link ProblemResponses} would.
 */
abstract class RefusingFilter extends OncePerRequestFilter {

    private final ObjectMapper json;

    RefusingFilter(ObjectMapper json) {
        this.json = json;
    }

    /** The problem of this status, name and title, with the detail and the request's path as its instance. */
    static ProblemDetail problem(HttpServletRequest request, HttpStatus status, String name, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("urn:loyalty:problem:" + name));
        problem.setTitle(title);
        problem.setInstance(instance(request.getRequestURI()));
        return problem;
    }

    /** Writes the problem as the response, with its status. */
    void refuse(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /** The path as the problem's {@code instance}, as Spring gives it; null when it is no URI at all. */
    static URI instance(String path) {
        try {
            return path == null || path.isEmpty() ? null : new URI(path);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
