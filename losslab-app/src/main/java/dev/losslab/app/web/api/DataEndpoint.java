package dev.losslab.app.web.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.losslab.app.output.JsonViews;
import dev.losslab.app.web.http.ApiException;
import dev.losslab.app.web.http.Endpoint;
import dev.losslab.app.web.http.Reply;
import dev.losslab.app.web.http.Request;
import dev.losslab.core.data.DataLandscapes;
import dev.losslab.core.data.DataPicture;
import dev.losslab.core.data.Datasets;

/**
 * {@code GET /api/data?surface=SPEC}: the examples of a surface made of data, for the page's picture
 * of the data beside the landscape ({@link DataPicture}): {@code model} ("line" or "classifier"),
 * {@code dataset}, {@code x} and {@code y} ({@code name}, {@code values}), and for a classifier
 * {@code labels} (1 for the positive class, else 0), {@code positive} and {@code negative}. Built-in
 * datasets only: the server never reads a path a client sends.
 */
public final class DataEndpoint implements Endpoint {

    @Override
    public Reply handle(Request request) {
        String spec = request.query().allowOnly("surface").required("surface");
        if (!DataLandscapes.isSpec(spec)) {
            throw ApiException.badRequest("surface", "surface must be made of data (regression:…, logistic:…), got "
                    + spec.strip());
        }
        DataPicture picture = DataLandscapes.picture(spec, name -> Datasets.resolve(name, false));
        ObjectNode node = JsonViews.object();
        node.put("model", picture.classifier() ? "classifier" : "line");
        node.put("dataset", picture.dataset());
        axis(node.putObject("x"), picture.xName(), picture.x());
        axis(node.putObject("y"), picture.yName(), picture.y());
        if (picture.classifier()) {
            ArrayNode labels = node.putArray("labels");
            for (double label : picture.labels()) {
                labels.add((int) label);
            }
            node.put("positive", picture.positive());
            node.put("negative", picture.negative());
        }
        return Reply.json(node);
    }

    private static void axis(ObjectNode node, String name, double[] values) {
        node.put("name", name);
        ArrayNode array = node.putArray("values");
        for (double v : values) {
            array.add(v);
        }
    }
}
