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
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/collection-desk.jar"]
