package dev.loyalty.examples.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers a {@code TRACE} request, which no endpoint takes, with a 405 problem naming the
 * method, as Spring answers any other such method, and never echoes the request back (as the
 * servlet's own {@code TRACE} would, headers included). {@link ShopTomcat} lets Tomcat pass
 * {@code TRACE} through to the shop for it.
 */
@Component
class TraceRefusal extends OncePerRequestFilter {

    private final ObjectMapper json;

    TraceRefusal(ObjectMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"TRACE".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, "Method 'TRACE' is not supported.");
        problem.setInstance(instance(request.getRequestURI()));
        response.setStatus(HttpStatus.METHOD_NOT_ALLOWED.value());
        response.setHeader(HttpHeaders.ALLOW, "GET, HEAD, POST, OPTIONS");
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(json.writeValueAsString(problem));
    }

    /** The path as the problem's {@code instance}, as Spring gives it; null when it is no URI at all. */
    private static URI instance(String path) {
        try {
            return path == null || path.isEmpty() ? null : new URI(path);
        } catch (URISyntaxException e) {
            return null;
        }
    }
}
