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
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.ServletRequestPathUtils;

/**
 * Answers a {@code TRACE} request, which no endpoint takes, as Spring answers any other such
 * method, and never echoes the request back (as the servlet's own {@code TRACE} would, headers
 * included). {@link ShopTomcat} lets Tomcat pass {@code TRACE} through to the shop for it. On a
 * path some endpoint has, the answer is a 405 problem naming the method, with an {@code Allow}
 * header naming the methods the path's endpoints take; on a path no endpoint has, it is the 404
 * problem of an unknown path, from Spring's own handling of it.
 */
@Component
class TraceRefusal extends RefusingFilter {

    private final ObjectProvider<RequestMappingHandlerMapping> endpoints;
    private final ObjectProvider<HandlerExceptionResolver> errors;

    TraceRefusal(ObjectMapper json, @Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> endpoints,
                 @Qualifier("handlerExceptionResolver") ObjectProvider<HandlerExceptionResolver> errors) {
        super(json);
        this.endpoints = endpoints;
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (!"TRACE".equals(request.getMethod())) {
            chain.doFilter(request, response);
            return;
        }
        Set<String> allowed = allowed(request);
        if (allowed.isEmpty()) {
            // the answer the DispatcherServlet gives any method on a path no endpoint has
            NoHandlerFoundException unknownPath = new NoHandlerFoundException(request.getMethod(), request.getRequestURI(),
                    new ServletServerHttpRequest(request).getHeaders());
            errors.getObject().resolveException(request, response, null, unknownPath);
            return;
        }
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.METHOD_NOT_ALLOWED, "Method 'TRACE' is not supported.");
        problem.setInstance(instance(request.getRequestURI()));
        response.setHeader(HttpHeaders.ALLOW, String.join(", ", allowed));
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
