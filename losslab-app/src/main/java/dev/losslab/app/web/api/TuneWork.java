package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.jobs.JobWork;
import dev.losslab.core.maps.FairTuning;
import dev.losslab.core.maps.Job;
import dev.losslab.core.maps.TuningGrid;
import dev.losslab.core.maps.TuningScope;
import dev.losslab.core.optim.Optimizers;
import dev.losslab.core.optim.Param;
import dev.losslab.core.run.Run;
import dev.losslab.core.run.RunSpec;
import dev.losslab.core.run.Runner;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A race tuned first, as the CLI's {@code race --tune} does it (job kind {@code tune}, the lab's
 * "Tune all"): {@code POST /api/jobs} with
 * {@code {"kind": "tune", "tune": "lr"|"lr,momentum", "race": {…the body of POST /api/race…}}}.
 * The race's racers leave out what tuning chooses (lr, and with {@code lr,momentum} each racer's μ
 * or β₁). The answer is the race run at the chosen settings with {@code tuned}, one entry per racer
 * ({@link JsonViews#writeRace}), as {@code race --tune --format json} prints it.
 *
 * @param scope   what is tuned
 * @param surface the surface's name, as the answer reports it
 * @param racers  each racer as the race would run it untuned
 * @param limits  the bounds on the tuning's steps and work
 */
public record TuneWork(TuningScope scope, String surface, List<RunSpec> racers, Limits.Tuning limits) implements JobWork {

    /** The fields of the job's body besides {@code kind}. */
    private static final List<String> FIELDS = List.of("tune", "race");

    /**
     * The checked work in a job's body (its {@code kind} already read).
     *
     * @throws ApiException or {@link dev.losslab.core.InvalidInputException} (400) naming the field;
     *         an {@link IOException} from reading the race (Jackson's, answered as for POST /api/race)
     */
    public static TuneWork parse(JsonNode body, Limits limits) throws IOException {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("kind") && !FIELDS.contains(name)) {
                throw ApiException.badRequest(name, "a tune job takes kind, tune and race; '" + name + "' is not one of them");
            }
        }
        JsonNode tune = body.get("tune");
        if (tune == null || !tune.isTextual()) {
            throw ApiException.badRequest("tune", "tune is required: lr, or lr,momentum");
        }
        TuningScope scope = TuningScope.parse(tune.asText(), "tune", "tune");
        JsonNode raceNode = body.get("race");
        if (raceNode == null || !raceNode.isObject()) {
            throw ApiException.badRequest("race", "race is required: the race to tune, as POST /api/race takes it");
        }
        RaceRequest race = RaceRequest.read(raceNode);
        if (race.wantsInternals()) {
            throw ApiException.badRequest("internals", "a tuned race has no internals; race the tuned settings for step mode");
        }
        refuseWhatTuningChooses(race, scope);
        List<RunSpec> racers = race.specs(new Limits.Race(limits.tuning().maxSteps(), limits.race().maxRacers(), 1, Long.MAX_VALUE));
        return new TuneWork(scope, racers.getFirst().landscape().name(), racers, limits.tuning());
    }

    /** Tuning chooses lr, and with lr,momentum each racer's μ or β₁: a racer may not fix them too. */
    private static void refuseWhatTuningChooses(RaceRequest race, TuningScope scope) {
        List<RaceRequest.Racer> racers = race.racers() == null ? List.of() : race.racers();
        for (int i = 0; i < racers.size(); i++) {
            RaceRequest.Racer racer = racers.get(i);
            Map<String, JsonNode> params = racer == null || racer.params() == null ? Map.of() : racer.params();
            List<String> chosen = new ArrayList<>(List.of("lr"));
            if (scope == TuningScope.LR_AND_MOMENTUM && racer.optimizer() != null) {
                Optimizers.find(racer.optimizer()).flatMap(TuningGrid::momentumOf)
                        .map(Param::name).ifPresent(chosen::add);
            }
            for (String name : chosen) {
                if (params.containsKey(name)) {
                    throw ApiException.badRacer(i, name, "tune " + scope.label() + " chooses " + name
                            + ": leave racers[" + i + "].params." + name + " out");
                }
            }
        }
    }

    @Override
    public String kind() {
        return "tune";
    }

    @Override
    public ObjectNode compute(Job job) {
        List<FairTuning.Tuned> tunings = FairTuning.tune(scope, racers, job, limits.maxSteps(), limits.maxWork());
        List<Run> runs = new ArrayList<>(tunings.size());
        for (FairTuning.Tuned tuned : tunings) {
            // The race at the chosen settings from its own start: the first run of their trials.
            runs.add(Runner.run(tuned.spec()));
        }
        return JsonViews.race(surface, runs, tunings);
    }
}
