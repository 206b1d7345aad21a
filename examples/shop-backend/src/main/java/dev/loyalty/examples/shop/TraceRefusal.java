package dev.loyalty.examples.shop;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Answers a {@code TRACE} request, which no endpoint takes, with a 405 problem naming the
 * method, as Spring answers any other such method, and never echoes the request back (as the
 * servlet's own {@code TRACE} would, headers included). {@link ShopTomcat} lets Tomcat pass
 * {@code TRACE} through to the shop for it. Its {@code Allow} header names the methods the
 * endpoints of the request's path take, as Spring's 405 for any other method does (none for a
 * path no endpoint has).
 */
@Component
class TraceRefusal extends RefusingFilter {

    private final ObjectProvider<RequestMappingHandlerMapping> endpoints;

    TraceRefusal(ObjectMapper json, @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> endpoints) {
        super(json);
        this.endpoints = endpoints;
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
        response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed(request)));
        refuse(response, problem);
    }

    /** The methods the endpoints whose path pattern matches the request's path take. */
    private Set<String> allowed(HttpServletRequest request) {
        ServletRequestPathUtils.parseAndCache(request);
        try {
            Set<String> methods = new TreeSet<>();
            for (RequestMappingInfo endpoint : endpoints.getObject().getHandlerMethods().keySet()) {
                PathPatternsRequestCondition patterns = endpoint.getPathPatternsCondition();
                if (patterns != null && patterns.getMatchingCondition(request) != null) {
                    endpoint.getMethodsCondition().getMethods().forEach(method -> methods.add(method.name()));
                }
            }
            return methods;
        } finally {
            ServletRequestPathUtils.clearParsedRequestPath(request);
        }
    }
}
