package com.collectiondesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.data.repository.Repository;

/**
 * The module rules of docs/architecture.md, checked on the compiled main classes and their SQL. The document's
 * table is the rules' only source: a dependency, a table or a module the table does not name fails the build.
 */
class ArchitectureTest {

    private static final String BASE = "com.collectiondesk";

    private static JavaClasses classes;
    private static ModuleMap map;

    @BeforeAll
    static void importMainClasses() throws Exception {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(BASE);
        map = ModuleMap.read();
    }

    @Test
    void everyPackageIsAModuleOfTheTable() {
        Set<String> packages = classes.stream().map(ArchitectureTest::moduleOf).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(packages).as("top-level packages under %s missing from %s", BASE, ModuleMap.DOCUMENT)
                .isSubsetOf(map.modules());
    }

    @Test
    void noCycleBetweenModules() {
        slices().matching(BASE + ".(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void eachModuleUsesOnlyWhatItsRowAllows() {
        for (String module : map.modules()) {
            Set<String> allowed = new TreeSet<>(map.mayUse().get(module));
            allowed.add(module);
            if (!map.kernels().contains(module)) {
                allowed.addAll(map.kernels());
            }
            String[] forbidden = map.modules().stream().filter(m -> !allowed.contains(m)).map(m -> BASE + "." + m + "..")
                    .toArray(String[]::new);
            if (forbidden.length > 0) {
                noClasses().that().resideInAPackage(BASE + "." + module + "..")
                        .should().dependOnClassesThat().resideInAnyPackage(forbidden)
                        .as("module " + module + " uses only " + allowed + " (" + ModuleMap.DOCUMENT + ")")
                        .check(classes);
            }
        }
    }

    @Test
    void noModuleReachesIntoAnothersInternals() {
        for (String module : map.modules()) {
            noClasses().that().resideOutsideOfPackage(BASE + "." + module + "..")
                    .should().dependOnClassesThat().resideInAPackage(BASE + "." + module + ".internal..")
                    .as("only " + module + " uses " + module + ".internal")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void onlyTheOwnerUsesARepository() {
        for (String module : map.modules()) {
            if (map.inDebt(4, module)) {
                continue;
            }
            DescribedPredicate<JavaClass> itsRepositories = DescribedPredicate.describe(module + "'s Spring Data repositories",
                    c -> module.equals(moduleOf(c)) && c.isAssignableTo(Repository.class));
            noClasses().that().resideOutsideOfPackage(BASE + "." + module + "..")
                    .should().dependOnClassesThat(itsRepositories)
                    .as("no module but " + module + " uses " + module + "'s repositories")
                    .allowEmptyShould(true)
                    .check(classes);
        }
    }

    @Test
    void sqlNamesOnlyTheModulesOwnTables() {
        Map<String, String> entityModules = classes.stream().filter(c -> c.isAnnotatedWith(Entity.class))
                .collect(Collectors.toMap(JavaClass::getSimpleName, ArchitectureTest::moduleOf));
        List<String> foreign = new ArrayList<>();
        for (String module : map.modules().stream().filter(m -> !map.inDebt(5, m)).toList()) {
            for (SqlTableReads.Use use : SqlTableReads.in(module)) {
                String owner = SqlTableReads.ownerOf(use.name(), map.tableOwners(), entityModules);
                if (owner != null && !owner.equals(module) && !publishedViewOfAUsedModule(use, owner, module)) {
                    foreign.add(use.file() + " names " + use.name() + (owner.equals("engine")
                            ? ", one of the engine's tables: use the engine's query API" : ", owned by " + owner));
                }
            }
        }
        assertThat(foreign).as("SQL or JPQL naming another module's tables").isEmpty();
    }

    /** A module's published {@code *_v} view, read (never written) by a module whose row may use it. */
    private boolean publishedViewOfAUsedModule(SqlTableReads.Use use, String owner, String module) {
        return use.reads() && use.name().toLowerCase(Locale.ROOT).endsWith("_v")
                && map.mayUse().getOrDefault(module, Set.of()).contains(owner);
    }

    @Test
    void everyTableHasOneOwner() throws Exception {
        Set<String> inSchema = SqlTableReads.createdByMigrations(Path.of("src/main/resources/db/migration"));
        assertThat(map.tableOwners().keySet()).as("tables and views the migrations create, each owned in %s", ModuleMap.DOCUMENT)
                .containsExactlyInAnyOrderElementsOf(inSchema);
    }

    /** The top-level package under com.collectiondesk, or null for the application class itself. */
    private static String moduleOf(JavaClass javaClass) {
        String name = javaClass.getPackageName();
        if (!name.startsWith(BASE + ".")) {
            return null;
        }
        String rest = name.substring(BASE.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }
}
