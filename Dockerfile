# Builds the service from this repository; used by docker-compose.yml.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:resolve
COPY src src
COPY bpmn bpmn
COPY dmn dmn
COPY forms forms
RUN ./mvnw -B -ntp -DskipTests package

FROM eclipse-temurin:17-jre
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 --home-dir /app collection
WORKDIR /app
COPY --from=build /src/target/collection-desk-*.jar /app/collection-desk.jar
USER collection
EXPOSE 8080
# Memory defaults for a container with a memory limit (docker-compose sets 1536m; README, "Memory"): the heap takes
# 60 % of the limit, the rest is for what lives outside it: metaspace (~170 MB used: Spring, Hibernate, Camunda and
# its webapps), JIT code cache, thread stacks (Tomcat's and the job executor's), direct buffers and malloc arenas.
# Each is capped, so the process stays under the limit instead of being killed by it; an OutOfMemoryError ends the
# JVM so the orchestrator restarts it. Override any of them with JAVA_TOOL_OPTIONS at run time.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=60 -XX:MaxMetaspaceSize=256m -XX:ReservedCodeCacheSize=128m -Xss512k -XX:MaxDirectMemorySize=64m -XX:+ExitOnOutOfMemoryError"
# glibc gives each thread that mallocs its own 64 MB arena by default; two keep native memory flat.
ENV MALLOC_ARENA_MAX=2
ENTRYPOINT ["java", "-jar", "/app/collection-desk.jar"]
