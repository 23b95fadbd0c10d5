package io.eventflux.launcher.internal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/**
 * Parses one JSON text into a Jackson tree with the streaming parser and the node factory only. An
 * {@code ObjectMapper} would do the same but loads several hundred classes on first use, which is a
 * measurable part of the command's start-up; the tree is all the input format needs.
 */
final class JsonTreeReader {
    private final JsonFactory factory;
    private final JsonNodeFactory nodes = JsonNodeFactory.instance;

    JsonTreeReader(JsonFactory factory) {
        this.factory = factory;
    }

    /**
     * The JSON value of the text.
     *
     * @throws JsonParseException if the text is not exactly one JSON value
     */
    JsonNode read(String text) throws IOException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                throw new JsonParseException(parser, "no JSON value");
            }
            JsonNode value = value(parser, token);
            if (parser.nextToken() != null) {
                throw new JsonParseException(parser, "unexpected content after the JSON value");
            }
            return value;
        }
    }

    private JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        return switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> nodes.textNode(parser.getText());
            case VALUE_TRUE -> nodes.booleanNode(true);
            case VALUE_FALSE -> nodes.booleanNode(false);
            case VALUE_NULL -> nodes.nullNode();
            case VALUE_NUMBER_INT -> switch (parser.getNumberType()) {
                case INT -> nodes.numberNode(parser.getIntValue());
                case LONG -> nodes.numberNode(parser.getLongValue());
                default -> nodes.numberNode(parser.getBigIntegerValue());
            };
            case VALUE_NUMBER_FLOAT -> nodes.numberNode(parser.getDoubleValue());
            default -> throw new JsonParseException(parser, "unexpected " + token);
        };
    }

    private ObjectNode object(JsonParser parser) throws IOException {
        ObjectNode object = nodes.objectNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
            String name = parser.currentName();
            object.set(name, value(parser, parser.nextToken()));
        }
        return object;
    }

    private ArrayNode array(JsonParser parser) throws IOException {
        ArrayNode array = nodes.arrayNode();
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            array.add(value(parser, token));
        }
        return array;
    }
}
