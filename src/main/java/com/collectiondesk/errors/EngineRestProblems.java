package com.collectiondesk.errors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.time.DateTimeException;
import java.util.List;
import org.camunda.bpm.dmn.engine.DmnEngineException;
import org.camunda.bpm.dmn.feel.impl.FeelException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.BpmnParseException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.impl.form.FormException;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.bpm.model.xml.ModelException;
import org.camunda.spin.SpinRuntimeException;
import org.glassfish.jersey.server.ParamException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.jersey.ResourceConfigCustomizer;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import org.springframework.stereotype.Component;

/**
 * The engine REST API's errors as RFC 9457 problem+json without Java class names. Camunda's own exception mappers
 * answer every engine exception outside a short list with 500 and its class name ({@code "type":
 * "ProcessEngineException"}), although most are caused by what the caller sent: a model that does not parse, a
 * decision table that does not transform, a missing value, a variable of the wrong type, a query parameter that
 * is no number. Those are answered 400 with the engine's message; real failures 500 with nothing from inside.
 * The {@code message} member repeats the detail for Camunda clients (Modeler, scripts) that read it. Authorization
 * refusals keep Camunda's 403 answer, whose missing permissions those clients read.
 * The mappers replace Camunda's by being registered for the same exception types with a higher priority.
 */
@Component
class EngineRestProblems implements ResourceConfigCustomizer {

    private static final Logger log = LoggerFactory.getLogger(EngineRestProblems.class);
    /** Jersey does not use Spring's converters: the same ProblemDetail JSON as our API, through Spring's mix-in. */
    private static final ObjectMapper JSON = new ObjectMapper().addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    /** Ahead of Camunda's mappers, which have the default priority (USER, 5000). */
    private static final int BEFORE_CAMUNDA = 1;
    /** Exceptions, anywhere in the cause chain, that say the request was wrong, not the service. */
    private static final List<Class<? extends Throwable>> BAD_INPUT = List.of(BadUserRequestException.class,
            ParseException.class, BpmnParseException.class, NullValueException.class, FormException.class,
            MismatchingMessageCorrelationException.class, DmnEngineException.class, FeelException.class,
            ModelException.class, SpinRuntimeException.class, JacksonException.class, IllegalArgumentException.class,
            DateTimeException.class);
    /** Engine messages whose code marks a refused input: ENGINE-17… are the variables the caller tried to set. */
    private static final List<String> BAD_INPUT_CODES = List.of("ENGINE-17");

    @Override
    public void customize(org.glassfish.jersey.server.ResourceConfig config) {
        config.register(new AnyThrowable(), BEFORE_CAMUNDA);
        config.register(new EngineExceptions(), BEFORE_CAMUNDA);
        config.register(new RestExceptions(), BEFORE_CAMUNDA);
        config.register(new JsonMappingExceptions(), BEFORE_CAMUNDA);
        config.register(new JsonParseExceptions(), BEFORE_CAMUNDA);
    }

    static Response toResponse(Throwable thrown) {
        if (thrown instanceof AuthorizationException) {
            // Camunda's own 403: its clients read the missing permissions from it, and it names no inner class
            return ExceptionHandlerHelper.getInstance().getResponse(thrown);
        }
        int status = statusOf(thrown);
        Response.Status known = Response.Status.fromStatusCode(status);
        ProblemDetail problem = ProblemDetail.forStatus(status);
        problem.setTitle(known == null ? "Error" : known.getReasonPhrase());
        String detail;
        // A body Jersey could not read; Jackson errors inside an engine or REST exception (a variable or query
        // parameter the engine converts) are better told by that exception's own message.
        JacksonException json = thrown instanceof RestException || thrown instanceof ProcessEngineException
                ? null : find(thrown, JacksonException.class);
        if (status >= 500) {
            log.error("Engine REST request failed", thrown);
            detail = "The engine could not complete the request; the service log has the error.";
        } else if (thrown instanceof ParamException parameter) {
            problem.setProperty("parameter", parameter.getParameterName());
            detail = parameter.getParameterName() + ": not a valid value for this parameter";
        } else if (json != null) {
            JsonReadProblem read = JsonReadProblem.of(json);
            if (read.field() != null) {
                problem.setProperty("field", read.field());
            }
            detail = read.detail();
        } else {
            log.debug("Engine REST request refused with {}", status, thrown);
            detail = plainMessage(thrown);
        }
        problem.setDetail(detail == null ? problem.getTitle() : detail);
        problem.setProperty("message", problem.getDetail());
        Response.ResponseBuilder response = thrown instanceof WebApplicationException web
                ? Response.fromResponse(web.getResponse()).status(status) : Response.status(status);
        try {
            return response.entity(JSON.writeValueAsString(problem)).type("application/problem+json").build();
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("A problem of strings is always JSON", e);
        }
    }

    /** Camunda's status, except that a failure caused by the request is the caller's (400), not the service's. */
    private static int statusOf(Throwable thrown) {
        if (thrown instanceof ParamException parameter) {
            return parameter.getParameterType() == PathParam.class ? 404 : 400;
        }
        int status = thrown instanceof WebApplicationException web ? web.getResponse().getStatus()
                : ExceptionHandlerHelper.getInstance().getStatus(thrown).getStatusCode();
        return status >= 500 && isBadInput(thrown) ? 400 : status;
    }

    private static boolean isBadInput(Throwable thrown) {
        if (BAD_INPUT.stream().anyMatch(type -> find(thrown, type) != null)) {
            return true;
        }
        for (Throwable at = thrown; at != null; at = at.getCause() == at ? null : at.getCause()) {
            String message = at.getMessage();
            if (at instanceof ProcessEngineException && message != null && BAD_INPUT_CODES.stream().anyMatch(message::startsWith)) {
                return true;
            }
        }
        return false;
    }

    /** The outermost readable message, with the innermost cause's when it adds something (a parser's line and column). */
    private static String plainMessage(Throwable thrown) {
        String outer = null;
        String inner = null;
        for (Throwable at = thrown; at != null && at.getCause() != at; at = at.getCause()) {
            String plain = at instanceof CallerFacingMessage ? at.getMessage() : PlainMessages.of(at.getMessage());
            if (plain != null) {
                outer = outer == null ? plain : outer;
                inner = plain;
            }
        }
        return outer == null || inner == null || outer.contains(inner) ? outer : outer + " " + inner;
    }

    private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
        for (Throwable at = thrown; at != null; at = at.getCause() == at ? null : at.getCause()) {
            if (type.isInstance(at)) {
                return type.cast(at);
            }
        }
        return null;
    }

    // One mapper per exception type Camunda maps, so that ours is as close to each exception as Camunda's is.

    static class AnyThrowable implements ExceptionMapper<Throwable> {
        @Override
        public Response toResponse(Throwable exception) {
            return EngineRestProblems.toResponse(exception);
        }
    }

    static class EngineExceptions implements ExceptionMapper<ProcessEngineException> {
        @Override
        public Response toResponse(ProcessEngineException exception) {
            return EngineRestProblems.toResponse(exception);
        }
    }

    static class RestExceptions implements ExceptionMapper<RestException> {
        @Override
        public Response toResponse(RestException exception) {
            return EngineRestProblems.toResponse(exception);
        }
    }

    static class JsonMappingExceptions implements ExceptionMapper<JsonMappingException> {
        @Override
        public Response toResponse(JsonMappingException exception) {
            return EngineRestProblems.toResponse(exception);
        }
    }

    static class JsonParseExceptions implements ExceptionMapper<JsonParseException> {
        @Override
        public Response toResponse(JsonParseException exception) {
            return EngineRestProblems.toResponse(exception);
        }
    }
}
