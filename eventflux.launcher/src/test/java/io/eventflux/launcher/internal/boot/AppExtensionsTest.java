package io.eventflux.launcher.internal.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppExtensionsTest {
    private static final String SUPPORT = "jar/support.jar";
    private static final String LENGTH = "jar/window.length.jar";
    private static final String SORT = "jar/window.sort.jar";
    private static final String AVG = "jar/aggregator.avg.jar";
    private static final String COUNT = "jar/aggregator.count.jar";
    private static final String BASIC = "jar/connector.basic.jar";
    private static final String JSON = "jar/mapper.json.jar";
    private static final String STORE = "jar/store.inmemory.jar";

    /** An index as OnDemandIndex writes it: extensions with name, type, aliases, path; groups. */
    private static Properties index() {
        Properties p = new Properties();
        ext(p, 0, LENGTH, "window", "length", "");
        ext(p, 1, SORT, "window", "sort", "");
        ext(p, 2, AVG, "aggregator", "avg", "");
        ext(p, 3, COUNT, "aggregator", "count", "");
        ext(p, 4, BASIC, "source", "inMemory", "memory");
        ext(p, 5, BASIC, "sink", "inMemory", "memory");
        ext(p, 6, JSON, "mapper", "json", "");
        ext(p, 7, STORE, "table-store", "inMemory", "memory");
        p.setProperty("ext.count", "8");
        p.setProperty("group." + LENGTH, SUPPORT + "," + LENGTH);
        p.setProperty("group." + SORT, SUPPORT + "," + SORT);
        return p;
    }

    private static void ext(Properties p, int n, String path, String type, String name, String aliases) {
        p.setProperty("ext." + n + ".path", path);
        p.setProperty("ext." + n + ".s.eventflux.extension.type", type);
        p.setProperty("ext." + n + ".s.eventflux.extension.name", name);
        p.setProperty("ext." + n + ".a.eventflux.extension.aliases", aliases);
    }

    @Test
    void theW2AppNamesItsWindowAggregatorsAndConnectorWithTheirGroups() throws IOException {
        String w2 = Files.readString(Path.of("..", "examples", "w2-inmemory.sql"));
        assertThat(AppExtensions.paths(w2, index())).containsExactlyInAnyOrder(SUPPORT, LENGTH, AVG, COUNT, BASIC);
    }

    @Test
    void namesAreMatchedByKindAnyCaseAndAliasButNotInComments() {
        String sql = """
                -- WINDOW('sort', 3) is only mentioned here
                CREATE STREAM S (a INT) WITH (type = 'sink', extension = 'MEMORY', map.type = 'json');
                INSERT INTO O SELECT COUNT() AS c, sort AS avg FROM S WINDOW ( 'Length' , 2);
                """;
        // avg is a column name here (no call), json a mapper (left on demand), sort only in a comment
        assertThat(AppExtensions.paths(sql, index())).containsExactlyInAnyOrder(SUPPORT, LENGTH, COUNT, BASIC);
    }

    @Test
    void aTableStoreOnlyWhenTheAppCreatesATable() {
        String sql = "CREATE TABLE T (a INT) WITH (extension = 'inMemory');";
        assertThat(AppExtensions.paths(sql, index())).containsExactlyInAnyOrder(BASIC, STORE);
    }

    @Test
    void anAppNamingNoOnDemandExtensionInstallsNothingMore() {
        assertThat(AppExtensions.paths("CREATE STREAM S (a INT); INSERT INTO O SELECT a FROM S;", index())).isEmpty();
    }

    @Test
    void aCronTriggerIsNeverMissedWhateverItsCaseOrSpacing() {
        assertThat(AppExtensions.mentionsCron("CREATE TRIGGER T AT CRON '* * * * * *';")).isTrue();
        assertThat(AppExtensions.mentionsCron("create trigger t at\n  cron '0 0 * * * ?';")).isTrue();
        assertThat(AppExtensions.mentionsCron("SELECT sum(v) AS s FROM S WINDOW('cron', '*/5 * * * * *');")).isTrue();
        assertThat(AppExtensions.mentionsCron("CREATE TRIGGER T AT EVERY 5 SECONDS; SELECT cronJob FROM S;"))
                .as("a word that only contains it").isFalse();
        assertThat(AppExtensions.paths("CREATE TRIGGER T AT CRON '* * * * * *';", index()))
                .as("no extension named: the trigger's bundles come from the index's triggers").isEmpty();
    }

    @Test
    void theAppFilesAreTheSqlFilesAmongTheArguments(@TempDir Path dir) throws IOException {
        Path app = Files.writeString(dir.resolve("a.sql"), "SELECT 1");
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{}");
        assertThat(AppExtensions.sqlOf(new String[] {"run", app.toString(), "--input", input.toString()}))
                .isEqualTo("SELECT 1\n");
        assertThat(AppExtensions.sqlOf(new String[] {"run", dir.resolve("missing.sql").toString()})).isEmpty();
    }

    @Test
    void anAppFileOfAnyNameIsReadButNotAnOptionsValue(@TempDir Path dir) throws IOException {
        Path app = Files.writeString(dir.resolve("app.txt"), "CREATE TRIGGER T AT CRON '* * * * * *';");
        Path input = Files.writeString(dir.resolve("in.jsonl"), "{\"note\": \"cron\"}");
        assertThat(AppExtensions.sqlOf(new String[] {"run", app.toString(), "--input", input.toString()}))
                .as("the app first").isEqualTo(Files.readString(app) + "\n");
        assertThat(AppExtensions.sqlOf(new String[] {"run", "--input", input.toString(), app.toString()}))
                .as("the app after an option's value").isEqualTo(Files.readString(app) + "\n");
        assertThat(AppExtensions.sqlOf(new String[] {"replay", "--skip-bad", app.toString(), "--output", input.toString()}))
                .isEqualTo(Files.readString(app) + "\n");
    }
}
