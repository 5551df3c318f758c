package dev.losslab.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.losslab.core.surface.Catalog;
import org.junit.jupiter.api.Test;

class SurfacesCommandTest {

    @Test
    void textListsEveryCatalogSurfaceWithItsFormula() {
        Cli cli = Cli.run("surfaces");
        assertThat(cli.exitCode()).isZero();
        for (var l : Catalog.all()) {
            assertThat(cli.out()).contains(l.name()).contains(l.formula());
        }
        assertThat(cli.out()).contains("(x^2 + y - 11)^2 + (x + y^2 - 7)^2");
    }

    @Test
    void jsonListsWindowsAndMinima() throws Exception {
        Cli cli = Cli.run("surfaces", "--format", "json");
        JsonNode list = new ObjectMapper().readTree(cli.out());
        assertThat(list.size()).isEqualTo(Catalog.all().size()).isGreaterThanOrEqualTo(16);
        JsonNode himmelblau = null;
        for (JsonNode n : list) {
            if (n.get("name").asText().equals("himmelblau")) {
                himmelblau = n;
            }
        }
        assertThat(himmelblau).isNotNull();
        assertThat(himmelblau.get("knownMinima")).hasSize(4);
        assertThat(himmelblau.get("window").toString()).isEqualTo("[-5.0,5.0,-5.0,5.0]");
    }

    @Test
    void helpListsTheCommands() {
        Cli cli = Cli.run("--help");
        assertThat(cli.exitCode()).isZero();
        assertThat(cli.out()).contains("surfaces", "run", "race", "analyze", "critical-points");
    }
}
