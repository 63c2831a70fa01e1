package com.collectiondesk.errors;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The one source of problem+json answers for our API (the engine REST API has {@link EngineRestProblems}): an
 * exception that is a {@link ProblemSource} (a feature's refusal, {@link InputRefused}, {@link NotFound},
 * {@link Conflict}) answers with its own problem; Spring MVC's standard errors as Spring answers them (this replaces
 * Spring Boot's default handler); invalid or unreadable bodies and parameters in plain words naming the field; and
 * anything unexpected as a 500 that names nothing inside the service. A feature's pages for people may answer with a page
 * of their own instead ({@link ProblemPages}).
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

    private final List<ProblemPages> pages;

    ApiProblems(List<ProblemPages> pages) {
        this.pages = pages;
    }

    /** Every answer of Spring MVC's standard errors ends here: a feature's own page, or problem+json. */
    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode statusCode,
                                                          WebRequest request) {
        if (body instanceof ProblemDetail problem) {
            Optional<ResponseEntity<String>> page = pageFor(problem, request);
            if (page.isPresent()) {
                return ResponseEntity.status(page.get().getStatusCode()).headers(headers).headers(page.get().getHeaders())
                        .body(page.get().getBody());
            }
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private Optional<ResponseEntity<String>> pageFor(ProblemDetail problem, WebRequest request) {
        HttpServletRequest servletRequest = request instanceof ServletWebRequest servlet ? servlet.getRequest() : null;
        return servletRequest == null ? Optional.empty()
                : pages.stream().flatMap(feature -> feature.pageFor(servletRequest, problem).stream()).findFirst();
    }

    /** A problem an exception handler below made, as a page when a feature has one for the request. */
    private ResponseEntity<Object> answer(ProblemDetail problem, WebRequest request) {
        return createResponseEntity(problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, RequestProblems.unreadableBody(ex), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException ex, HttpHeaders headers,
                                                        HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, RequestProblems.badParameter(ex), headers, status, request);
    }

    /** Every constraint the body breaks, the first one's field named. */
    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        FieldError first = ex.getBindingResult().getFieldErrors().isEmpty() ? null : ex.getBindingResult().getFieldErrors().get(0);
        String detail = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> error.getField() + ": " + error.getDefaultMessage()).collect(Collectors.joining("; "));
        return handleExceptionInternal(ex, RequestProblems.badRequest(first == null ? null : first.getField(),
                detail.isEmpty() ? "The request body is not valid" : detail), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestPart(MissingServletRequestPartException ex, HttpHeaders headers,
                                                                     HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, RequestProblems.badRequest(ex.getRequestPartName(),
                "Send the file as the multipart part '" + ex.getRequestPartName() + "'"), headers, status, request);
    }

    /** A multipart body that does not parse (an upload too large is answered 413 above). */
    @ExceptionHandler(MultipartException.class)
    ResponseEntity<Object> unreadableMultipart(MultipartException e, WebRequest request) {
        return answer(RequestProblems.badRequest(null, "The multipart body could not be read"), request);
    }

    /** A feature's refusal answers as it says, also when it arrives wrapped (by the engine, say). */
    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        for (Throwable at = e; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (at instanceof ProblemSource source) {
                return answer(source.toProblem(), request);
            }
        }
        log.error("Request failed", e);
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "The service could not complete the request; its log has the error.");
        problem.setTitle("Internal error");
        return answer(problem, request);
    }
}
