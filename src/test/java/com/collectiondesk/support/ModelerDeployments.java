package com.collectiondesk.support;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** A model deployed as Camunda Modeler deploys it: a multipart POST to the engine's REST API, as the administrator. */
public final class ModelerDeployments {

    private ModelerDeployments() {
    }

    public static ResponseEntity<JsonNode> deploy(TestRestTemplate http, ProcessEngine engine, String deploymentName,
                                                  String fileName, String xml) {
        MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
        form.add("deployment-name", deploymentName);
        form.add("deployment-source", "camunda-modeler");
        HttpHeaders fileHeaders = new HttpHeaders();
        fileHeaders.setContentType(MediaType.APPLICATION_XML);
        form.add("data", new HttpEntity<>(new ByteArrayResource(xml.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public String getFilename() {
                return fileName;
            }
        }, fileHeaders));
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.MULTIPART_FORM_DATA);
        // the test engine has a generated name, hence /engine-rest/engine/{name}/…; production: /engine-rest/deployment/create
        return http.withBasicAuth(TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).postForEntity(
                "/engine-rest/engine/" + engine.getName() + "/deployment/create", new HttpEntity<>(form, headers), JsonNode.class);
    }
}
