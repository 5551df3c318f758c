package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.Limits;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.core.maps.Job;
import dev.losslab.core.net.TrainResult;
import dev.losslab.core.net.Training;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.IntFunction;

/**
 * What the jobs that look at a trained race ({@code slice}, {@code spectrum}) share: their body is
 * the {@link TrainWork training race}'s (so the page posts what it trained, and the racers start
 * from the same θ₀ and see the same batches as they did) with a few fields of their own, one of
 * them {@code racer}: the id of the racer whose final weights are looked at ({@code sgd},
 * {@code adam:2}), the first when absent.
 *
 * <p>{@code sharpness-every} is read and then dropped: sharpness checks observe a run without
 * changing it, and these jobs need the weights, not the checks' cost.
 *
 * @param race  the race, as Train ran it
 * @param racer the index of the racer looked at
 */
record InspectBody(TrainWork race, int racer) {

    /**
     * @param kind      the job's kind, for messages
     * @param ownFields the kind's fields besides the race's and {@code racer}
     */
    static InspectBody parse(JsonNode body, String kind, List<String> ownFields, Limits.Training limits) {
        List<String> allowed = new ArrayList<>(TrainWork.FIELDS);
        allowed.addAll(ownFields);
        allowed.add("racer");
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!name.equals("kind") && !allowed.contains(name)) {
                throw ApiException.badRequest(name, "a " + kind + " job takes kind, " + String.join(", ", allowed) + "; '"
                        + name + "' is not one of them");
            }
        }
        ObjectNode race = body.deepCopy();
        ownFields.forEach(race::remove);
        race.remove("racer");
        race.remove("sharpness-every");
        TrainWork train = TrainWork.parse(race, limits);
        return new InspectBody(train, racerIndex(body.get("racer"), train.racers()));
    }

    private static int racerIndex(JsonNode value, List<TrainWork.Racer> racers) {
        List<String> ids = racers.stream().map(TrainWork.Racer::id).toList();
        if (value == null || value.isNull()) {
            return 0;
        }
        int at = value.isTextual() ? ids.indexOf(value.asText().strip()) : -1;
        if (at < 0) {
            throw ApiException.badRequest("racer", "racer must be the id of one of the race's racers (" + String.join(", ", ids)
                    + "), got " + value);
        }
        return at;
    }

    /** The racer looked at. */
    TrainWork.Racer chosen() {
        return race.racers().get(racer);
    }

    /**
     * Trains the racers at {@code indices} side by side as units of {@code job} (progress moves with
     * every step), each step shown to its racer's observer; stops at the next step once cancelled.
     *
     * @return each trained racer's result, at its index (null for the racers not trained)
     */
    TrainResult[] train(List<Integer> indices, Job job, IntFunction<Training.Observer> observers) {
        TrainResult[] results = new TrainResult[race.racers().size()];
        job.forEachUnit(indices.size(), race.steps() + 1L, (unit, stepDone) -> {
            int i = indices.get(unit);
            Training.Observer observer = observers.apply(i);
            results[i] = Training.run(race.racers().get(i).spec(), (step, theta) -> {
                job.check();
                observer.reached(step, theta);
                stepDone.run();
            }, job.checkpoint());
        });
        return results;
    }
}
