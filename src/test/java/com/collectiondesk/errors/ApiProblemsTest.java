package com.collectiondesk.errors;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The one advice answers each refusal a feature throws as its own problem+json, naming the field and the CSV row,
 * also when the refusal arrives wrapped; anything else is a 500 that names nothing inside the service.
 */
class ApiProblemsTest {

    @RestController
    static class Refusing {
        @GetMapping("/row")
        String row() {
            throw new InputRefused("amount", 7, "'ten' is not an amount");
        }

        @GetMapping("/missing")
        String missing() {
            throw new NotFound("No ticket T-2026-000001");
        }

        @GetMapping("/wrapped")
        String wrapped() {
            throw new IllegalStateException("the engine wrapped it", new Conflict("Not expected now", "Already closed"));
        }

        @GetMapping("/bug")
        String bug() {
            throw new IllegalArgumentException("java.lang.Integer cannot be com.collectiondesk.Secret");
        }
    }

    private final MockMvc mvc = MockMvcBuilders.standaloneSetup(new Refusing()).setControllerAdvice(new ApiProblems(java.util.List.of())).build();

    @Test
    void aCsvRefusalNamesTheFieldAndTheRow() throws Exception {
        mvc.perform(get("/row").accept(MediaType.APPLICATION_JSON))
                .andExpect(status().isBadRequest())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .andExpect(jsonPath("$.title").value("Invalid request"))
                .andExpect(jsonPath("$.detail").value("row 7, amount: 'ten' is not an amount"))
                .andExpect(jsonPath("$.field").value("amount"))
                .andExpect(jsonPath("$.row").value(7));
    }

    @Test
    void somethingUnknownIs404() throws Exception {
        mvc.perform(get("/missing").accept(MediaType.APPLICATION_JSON)).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.title").value("Not found"))
                .andExpect(jsonPath("$.detail").value("No ticket T-2026-000001"));
    }

    @Test
    void aWrappedRefusalIsStillAnsweredAsItself() throws Exception {
        mvc.perform(get("/wrapped").accept(MediaType.APPLICATION_JSON)).andExpect(status().isConflict())
                .andExpect(jsonPath("$.title").value("Not expected now"))
                .andExpect(jsonPath("$.detail").value("Already closed"));
    }

    @Test
    void anExceptionThatIsNoRefusalIs500WithoutItsMessage() throws Exception {
        mvc.perform(get("/bug").accept(MediaType.APPLICATION_JSON)).andExpect(status().isInternalServerError())
                .andExpect(jsonPath("$.title").value("Internal error"))
                .andExpect(jsonPath("$.detail").value("The service could not complete the request; its log has the error."));
    }
}
