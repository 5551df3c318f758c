package dev.losslab.core.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.losslab.core.analysis.CriticalPoints;
import dev.losslab.core.analysis.CurvatureKind;
import dev.losslab.core.analysis.PointAnalysis;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunBuilder;
import dev.losslab.core.surface.Catalog;
import dev.losslab.core.surface.Vec2;
import org.junit.jupiter.api.Test;

/** The README's library example, line for line, with the results its comments promise. */
class ReadmeLibraryExampleTest {

    @Test
    void theExampleDoesWhatTheReadmeSays() {
        Run run = RunBuilder.on("himmelblau").optimizer("adam").set("lr", 0.1).start(0, 0).steps(500).run();
        assertThat(run.stopReason().code()).isEqualTo("converged");
        assertThat(run.minimumReached()).hasValueSatisfying(m -> assertThat(m.at()).isEqualTo(new Vec2(3, 2)));
        assertThat(run.trajectory().loss(0)).isEqualTo(170.0);

        var saddle = Catalog.get("saddle");
        assertThat(PointAnalysis.at(saddle.surface(), new Vec2(0.05, 0.05)).kind()).isEqualTo(CurvatureKind.SADDLE);
        assertThat(CriticalPoints.find(Catalog.get("himmelblau"))).hasSize(9);
    }
}
